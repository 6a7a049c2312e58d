// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: user APCs. Each thread that takes part has a record: its
 * queue of APCs and its alert word, which is nonzero while the queue is
 * not empty. An alertable wait of any face hands the kernel the word
 * (NTEVENT_IOC_WAIT_*_ALERT): a set word ends the wait before it takes
 * anything; an APC queued once the wait sleeps comes with a signal
 * (NTEVENT_APC_SIGNAL, whose handler does nothing), which ends it. Then
 * the waiting thread runs its APCs, outside any lock, and the wait returns
 * EINTR (STATUS_USER_APC, WAIT_IO_COMPLETION). A thread that never had a
 * record waits as before, at no cost.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

struct ntevent__apc {
	struct ntevent__apc *next;
	void (*fn)(uintptr_t);
	uintptr_t data;
};

/*
 * @alert:     the alert word: 1 while @head is not empty (set under @lock,
 *             read by the kernel)
 * @waiting:   1 while the thread is in an alertable wait (the queuer
 *             signals only then)
 * @lock:      guards @head, @tail and @dead
 * @refs:      the thread's own, and one per thread handle
 * @dead:      the thread has exited: nothing is queued any more
 */
struct ntevent__thread {
	_Atomic uint32_t alert;
	atomic_int waiting;
	pthread_mutex_t lock;
	struct ntevent__apc *head, *tail;
	atomic_int refs;
	int dead;
	pid_t tid;
};

_Thread_local struct ntevent__thread *ntevent__apc_self;
static pthread_key_t apc_key;
static pthread_once_t apc_once = PTHREAD_ONCE_INIT;
static int apc_once_error;

static void apc_kick(int sig)
{
	(void)sig;	/* its running is the point: it ends an alertable wait */
}

void ntevent__thread_get(struct ntevent__thread *t)
{
	atomic_fetch_add(&t->refs, 1);
}

void ntevent__thread_put(struct ntevent__thread *t)
{
	if (atomic_fetch_sub(&t->refs, 1) == 1) {
		pthread_mutex_destroy(&t->lock);
		free(t);
	}
}

/* The thread exits: its APCs are dropped unrun, as on Windows. */
static void apc_thread_exit(void *p)
{
	struct ntevent__thread *t = p;
	struct ntevent__apc *a;

	pthread_mutex_lock(&t->lock);
	t->dead = 1;
	a = t->head;
	t->head = t->tail = NULL;
	pthread_mutex_unlock(&t->lock);
	while (a) {
		struct ntevent__apc *next = a->next;

		free(a);
		a = next;
	}
	ntevent__thread_put(t);
}

static void apc_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = apc_kick;
	/* Other calls the signal interrupts go on; alertable waits do not. */
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(NTEVENT_APC_SIGNAL, &sa, NULL) ||
	    pthread_key_create(&apc_key, apc_thread_exit))
		apc_once_error = -errno;
}

struct ntevent__thread *ntevent__thread_self(int *err)
{
	struct ntevent__thread *t = ntevent__apc_self;

	if (t)
		return t;
	pthread_once(&apc_once, apc_init);
	if (apc_once_error) {
		*err = apc_once_error;
		return NULL;
	}
	t = calloc(1, sizeof(*t));
	if (!t) {
		*err = -ENOMEM;
		return NULL;
	}
	pthread_mutex_init(&t->lock, NULL);
	atomic_init(&t->refs, 1);
	t->tid = (pid_t)syscall(SYS_gettid);
	if (pthread_setspecific(apc_key, t)) {
		pthread_mutex_destroy(&t->lock);
		free(t);
		*err = -ENOMEM;
		return NULL;
	}
	ntevent__apc_self = t;
	return t;
}

int ntevent__queue_apc(struct ntevent__thread *t, void (*fn)(uintptr_t),
		       uintptr_t data)
{
	struct ntevent__apc *a = malloc(sizeof(*a));

	if (!a)
		return -ENOMEM;
	a->next = NULL;
	a->fn = fn;
	a->data = data;
	pthread_mutex_lock(&t->lock);
	if (t->dead) {
		pthread_mutex_unlock(&t->lock);
		free(a);
		return -ESRCH;
	}
	if (t->tail)
		t->tail->next = a;
	else
		t->head = a;
	t->tail = a;
	atomic_store(&t->alert, 1);
	/*
	 * The word before the look at @waiting, as the waiter sets @waiting
	 * before the kernel reads the word: one of the two sees the other.
	 */
	if (atomic_load(&t->waiting))
		syscall(SYS_tgkill, getpid(), t->tid, NTEVENT_APC_SIGNAL);
	pthread_mutex_unlock(&t->lock);
	return 0;
}

/* Run the thread's APCs, those they queue too; whether any ran. */
static int apc_run(struct ntevent__thread *t)
{
	int ran = 0;

	for (;;) {
		struct ntevent__apc *a;

		pthread_mutex_lock(&t->lock);
		a = t->head;
		if (a) {
			t->head = a->next;
			if (!t->head)
				t->tail = NULL;
		}
		if (!t->head)
			atomic_store(&t->alert, 0);
		pthread_mutex_unlock(&t->lock);
		if (!a)
			return ran;
		a->fn(a->data);
		free(a);
		ran = 1;
	}
}

/*
 * An alertable wait ioctl of a thread that takes part in APCs, whose
 * arguments carry the word at *alert: the APCs queued before run first
 * and end the wait; those queued during it come with a signal, and run
 * after it.
 */
static int apc_wait(struct ntevent__thread *t, int fd, unsigned long req,
		    void *arg, __u64 *alert)
{
	int ret;

	if (apc_run(t))
		return -EINTR;
	*alert = (uint64_t)(uintptr_t)&t->alert;
	atomic_store(&t->waiting, 1);
	ret = ntevent__ioctl(fd, req, arg);
	atomic_store(&t->waiting, 0);
	if (ret == -EINTR)
		apc_run(t);
	return ret;
}

int ntevent__wait_ioctl_alert(int dev, unsigned long req,
			      struct ntevent_wait_args *args)
{
	struct ntevent_wait_alert_args a = { .wait = *args };
	int ret;

	ret = apc_wait(ntevent__apc_self, dev, req == NTEVENT_IOC_WAIT_ALL ?
		       NTEVENT_IOC_WAIT_ALL_ALERT : NTEVENT_IOC_WAIT_ANY_ALERT,
		       &a, &a.alert);
	*args = a.wait;
	if (ret == -ENOTTY) {	/* a module from before 1.3 */
		ret = ntevent__ioctl(dev, req, args);
		if (ret == -EINTR)
			apc_run(ntevent__apc_self);
	}
	return ret;
}

int ntevent__waitset_ioctl_alert(int ws, struct ntevent_waitset_wait_args *args)
{
	return apc_wait(ntevent__apc_self, ws, NTEVENT_IOC_WAITSET_WAIT, args,
			&args->alert);
}
