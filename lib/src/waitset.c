// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: the wait set of each thread, behind the wait-any of the
 * Windows faces (WSAWaitForMultipleEvents, WaitForMultipleObjects(Ex),
 * NtWaitForMultipleObjects).
 *
 * A Windows server waits on the same handles again and again; the kernel's
 * wait-any looks up each descriptor and queues an entry on each event every
 * time. A wait set (NTEVENT_IOC_WAITSET_CREATE) registers them once, and a
 * wait on it costs what the events that are ready cost. So a thread that
 * waits twice in a row on the same handles (three or more) gets a wait set
 * for them, and keeps it while it waits on them.
 *
 * A wait set holds the events, not the descriptors. Each wait first checks
 * that the handles are the same and that none has been closed since the
 * wait set was made (ntevent__close_gen, which ntevent_close() counts): a
 * closed handle's number may name another event now. So the Windows
 * faces' handles must be closed by their own calls (CloseHandle, NtClose,
 * WSACloseEvent), as on Windows. A descriptor closed with close() behind
 * the library's back is not seen; the native ntevent_wait_any(), whose
 * users own their descriptors, never uses a wait set.
 *
 * Where a wait set cannot serve (a module without them, an event with too
 * many wait sets, a wait set shared with another process after fork(), a
 * wait from a signal handler that interrupted one), the wait is the plain
 * ioctl. Nothing is ever waited on twice, and nothing but speed differs.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Fewer handles: the kernel's wait-any keeps them on its stack anyway. */
#define WAITSET_MIN	3

/*
 * struct waitset - the calling thread's
 * @fd:      the wait set of @handles, or -1
 * @gen:     ntevent__close_gen when @handles were last seen
 * @count:   number of @handles
 * @busy:    a wait on @fd is in progress (a signal handler's wait that
 *           interrupted it takes the plain path)
 * @failed:  making a wait set of @handles failed: not again until they
 *           change
 * @handles: the handles of the last wait-any
 */
struct waitset {
	int fd;
	unsigned long gen;
	unsigned int count;
	int busy;
	int failed;
	void *handles[NTEVENT_MAX_WAIT_COUNT];
};

unsigned long ntevent__close_gen;

static _Thread_local struct waitset *waitset_self;
static pthread_key_t waitset_key;
static pthread_once_t waitset_once = PTHREAD_ONCE_INIT;
static int waitset_once_error;
/* The module has no wait sets (ENOTTY): never ask again. */
static atomic_int waitset_absent;

static void waitset_drop(struct waitset *w)
{
	if (w->fd >= 0)
		ntevent__close(w->fd);
	w->fd = -1;
}

static void waitset_thread_exit(void *arg)
{
	struct waitset *w = arg;

	waitset_drop(w);
	free(w);
	waitset_self = NULL;
}

/* A child's wait sets are its parent's too: make its own. */
static void waitset_fork_child(void)
{
	__atomic_add_fetch(&ntevent__close_gen, 1, __ATOMIC_RELAXED);
}

static void waitset_init(void)
{
	if (pthread_key_create(&waitset_key, waitset_thread_exit) ||
	    pthread_atfork(NULL, NULL, waitset_fork_child))
		waitset_once_error = 1;
}

void ntevent__waitset_retire(void)
{
	struct waitset *w = waitset_self;

	__atomic_add_fetch(&ntevent__close_gen, 1, __ATOMIC_RELEASE);
	/* Its events go now, unless a wait on it is in progress. */
	if (w && !w->busy)
		waitset_drop(w);
}

/* The calling thread's, made on first use; NULL if that fails. */
static struct waitset *waitset_get(void)
{
	struct waitset *w = waitset_self;

	if (w)
		return w;
	pthread_once(&waitset_once, waitset_init);
	if (waitset_once_error)
		return NULL;
	w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->fd = -1;
	if (pthread_setspecific(waitset_key, w)) {
		free(w);
		return NULL;
	}
	waitset_self = w;
	return w;
}

/* The same handles as last time, none closed since? */
static int waitset_same(const struct waitset *w, void *const *handles,
			unsigned int count)
{
	return w->count == count &&
	       w->gen == __atomic_load_n(&ntevent__close_gen,
					 __ATOMIC_ACQUIRE) &&
	       !memcmp(w->handles, handles, count * sizeof(*handles));
}

/*
 * After a wait set's miss, with the handles' descriptors checked: make the
 * wait set if these handles came last time too (whether it is ready now),
 * else remember them.
 */
static int waitset_make(struct waitset *w, int dev, void *const *handles,
			const int *fds, unsigned int count)
{
	struct ntevent_waitset_args args;
	int ret;

	if (!waitset_same(w, handles, count)) {
		waitset_drop(w);
		memcpy(w->handles, handles, count * sizeof(*handles));
		w->count = count;
		w->gen = __atomic_load_n(&ntevent__close_gen, __ATOMIC_ACQUIRE);
		w->failed = 0;
		return 0;
	}
	if (w->fd >= 0)
		return 1;
	if (w->failed)
		return 0;
	memset(&args, 0, sizeof(args));
	args.fds = (uint64_t)(uintptr_t)fds;
	args.count = count;
	ret = ntevent__ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, &args);
	if (ret < 0) {
		if (ret == -ENOTTY)
			atomic_store(&waitset_absent, 1);
		w->failed = 1;
		return 0;
	}
	w->fd = (int)args.fd;
	return 1;
}

/* A wait on the wait set: the index or -errno (-EBUSY: wait without). */
static int waitset_wait(struct waitset *w, uint64_t deadline,
			unsigned int flags)
{
	struct ntevent_waitset_wait_args args;
	int ret;

	memset(&args, 0, sizeof(args));
	args.timeout = deadline;
	args.flags = flags;
	w->busy = 1;
	if ((flags & NTEVENT_WAIT_ALERTABLE) && ntevent__apc_self)
		ret = ntevent__waitset_ioctl_alert(w->fd, &args);
	else
		ret = ntevent__ioctl(w->fd, NTEVENT_IOC_WAITSET_WAIT, &args);
	w->busy = 0;
	if (ret == -EBUSY) {
		/* Shared with another process, which waits on it: let it. */
		waitset_drop(w);
		w->failed = 1;
	}
	return ret < 0 ? ret : (int)args.index;
}

int ntevent__wait_any_handles(void *const *handles, unsigned int count,
			      uint64_t deadline, unsigned int flags)
{
	int fds[NTEVENT_MAX_WAIT_COUNT];
	struct waitset *w = NULL;
	int ret, dev;

	if (count >= WAITSET_MIN && !atomic_load_explicit(&waitset_absent,
							  memory_order_relaxed)) {
		w = waitset_get();
		if (w && w->busy)
			w = NULL;
	}
	/* The hot path: the handles of the last wait, and its wait set. */
	if (w && w->fd >= 0 && waitset_same(w, handles, count)) {
		ret = waitset_wait(w, deadline, flags);
		if (ret != -EBUSY)
			return ret;
	}
	ret = ntevent__wait_fds(handles, count, fds);
	if (ret < 0)
		return ret;
	dev = ntevent__device();
	if (w && waitset_make(w, dev, handles, fds, count)) {
		ret = waitset_wait(w, deadline, flags);
		if (ret != -EBUSY)
			return ret;
	}
	return ntevent__wait_on(dev, NTEVENT_IOC_WAIT_ANY, fds, count,
				deadline, flags);
}
