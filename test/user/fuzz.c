// SPDX-License-Identifier: GPL-2.0
/*
 * The ABI fuzzer: random and mutated calls on /dev/ntevent and on event
 * descriptors from several threads in several processes at once, with
 * signals arriving at random and descriptors closed and replaced by other
 * threads mid-call. Every command number (the known ones, their neighbours,
 * wrong sizes and directions, random ones), random flags and sizes, bad,
 * unmapped, read-only and kernel pointers, structures that end at the edge
 * of a page, wait lists of duplicates, closed, foreign and garbage
 * descriptors, names of every length and byte, socket associations on every
 * kind of descriptor, wait sets of any list (made, waited on briefly by
 * their owner and by others, closed, passed around in the pool). A model
 * checks what it can: each thread's private events (set, reset, pulse and
 * clear return and leave the state the model says; a polled wait takes
 * what the model says; a wait set over them takes, at the index the model
 * says, what a wait-any would, and nothing between its waits), and rights
 * (a call without its right is EACCES). A call's result must be 0 or one
 * of the errnos the ABI documents; no call may hang (the watchdog) or
 * splat (the guest's kernel log), and kmemleak must stay clean.
 *
 *   fuzz [--seconds S] [--calls N] [--min-calls M] [--procs P]
 *        [--threads T] [--seed X]
 *
 * (or the same words in $NTEVENT_FUZZ, for test/run-tests, which passes
 * no arguments: make fuzz).
 * Without options: a slice for make check (8 s, 2 processes x 3 threads).
 * It prints the calls made, the distinct errnos seen, and, where the
 * kernel has KCOV (the debug kernel), the module's distinct code points
 * covered. A failure prints the seed; --seed X repeats each thread's calls
 * (the interleaving of threads is the scheduler's).
 */
#include "abi.h"

#include <limits.h>
#include <sys/socket.h>

#define POOL		24	/* shared descriptors per process */
#define PRIV		4	/* private, modelled events per thread */
#define WS_KEEP		3	/* wait sets a chaos thread keeps */
#define WS_MAX		8	/* events of a modelled wait set */
#define MAX_ERRNO	160

/* KCOV (linux/kcov.h), without the header. */
#define KCOV_INIT_TRACE		_IOR('c', 1, unsigned long)
#define KCOV_ENABLE		_IO('c', 100)
#define KCOV_DISABLE		_IO('c', 101)
#define KCOV_TRACE_PC		0
#define KCOV_WORDS		(64 << 10)

struct shared {			/* in MAP_SHARED memory: every process */
	_Atomic long calls;
	_Atomic long errnos[MAX_ERRNO];
	_Atomic long mismatches;
	_Atomic int stop;
	_Atomic long pcs;		/* distinct module PCs, all threads */
	uint64_t pc_set[1 << 16];	/* open-addressed; 0 is empty */
};

static struct shared *sh;
static int dev;
static _Atomic int pool[POOL];	/* event fds, and others, shared */
static long max_calls;
static unsigned int base_seed;
static char *page_ro, *page_none;

struct worker {
	pthread_t th;
	unsigned int seed;
	int id;
	int priv[PRIV];		/* private events and their model */
	int model[PRIV];	/* state */
	int autoreset[PRIV];
	uint32_t access[PRIV];
	int ws;			/* a wait set of private events, or -1 */
	uint32_t ws_n;
	int ws_idx[WS_MAX];	/* its events: indices in priv */
	int wss[WS_KEEP];	/* a chaos thread's own wait sets, or -1 */
	uint32_t wss_n[WS_KEEP];
	unsigned long *kcov;
	int kcov_fd;
	char *page;		/* its own, before an unmapped page */
};

static unsigned int rnd(unsigned int *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Errnos a call of the ABI may return. */
static bool errno_allowed(int e)
{
	switch (e) {
	case 0: case EFAULT: case EINVAL: case ENOTTY: case EBADF:
	case EBADFD: case EACCES: case EPERM: case ENOMEM: case EMFILE:
	case ENFILE: case ENOSPC: case ENOENT: case EEXIST: case EILSEQ:
	case ENAMETOOLONG: case ETIMEDOUT: case EINTR: case ENOTUNIQ:
	case EXDEV: case ENOTSOCK: case EOPNOTSUPP: case ENXIO:
	case ENODEV: case EBUSY:
		return true;
	}
	return false;
}

static void count(int ret)
{
	int e = ret < 0 ? -ret : 0;

	atomic_fetch_add(&sh->calls, 1);
	if (e < MAX_ERRNO)
		atomic_fetch_add(&sh->errnos[e], 1);
	if (!errno_allowed(e)) {
		atomic_fetch_add(&sh->mismatches, 1);
		printf("FAIL fuzz: an errno the ABI does not name: %s (seed %u)\n",
		       t_errname(e), base_seed);
	}
}

static void mismatch(const char *what, long got, long want)
{
	atomic_fetch_add(&sh->mismatches, 1);
	printf("FAIL fuzz: model mismatch: %s: got %ld, expected %ld (seed %u)\n",
	       what, got, want, base_seed);
}

/* ---- arguments ---- */

static const unsigned long known[] = {
	NTEVENT_IOC_CREATE, NTEVENT_IOC_WAIT_ANY, NTEVENT_IOC_WAIT_ALL,
	NTEVENT_IOC_OPEN, NTEVENT_IOC_SOCK_SELECT, NTEVENT_IOC_SOCK_ENUM,
	NTEVENT_IOC_SOCK_ENABLE, NTEVENT_IOC_WAIT_ANY_ALERT,
	NTEVENT_IOC_WAIT_ALL_ALERT, NTEVENT_IOC_SET, NTEVENT_IOC_RESET,
	NTEVENT_IOC_PULSE, NTEVENT_IOC_CLEAR, NTEVENT_IOC_READ,
	NTEVENT_IOC_DUP, NTEVENT_IOC_WAITSET_CREATE, NTEVENT_IOC_WAITSET_WAIT,
};
#define NKNOWN	(sizeof(known) / sizeof(known[0]))

/* A command: known, a known one bent (size, direction, number), or any. */
static unsigned long pick_cmd(unsigned int *s)
{
	unsigned long c = known[rnd(s) % NKNOWN];

	switch (rnd(s) % 6) {
	case 0:
		return c ^ ((unsigned long)(1 + rnd(s) % 64) << _IOC_SIZESHIFT);
	case 1:
		return c ^ ((unsigned long)(1 + rnd(s) % 3) << _IOC_DIRSHIFT);
	case 2:
		return _IOC(_IOC_DIR(c), 0xE7, rnd(s) % 0x24, _IOC_SIZE(c));
	case 3:
		return rnd(s);
	default:
		return c;
	}
}

/* A descriptor: from the pool, the device, or any number. */
static uint32_t pick_fd(struct worker *w)
{
	switch (rnd(&w->seed) % 8) {
	case 0:
		return (uint32_t)dev;
	case 1:
		return rnd(&w->seed) % 4 ? rnd(&w->seed) % 64 : rnd(&w->seed);
	default:
		return (uint32_t)atomic_load(&pool[rnd(&w->seed) % POOL]);
	}
}

/* Fill buf with a mutation of a structure of size bytes. */
static void fill(struct worker *w, void *buf, size_t size)
{
	uint32_t *u = buf;
	size_t i;

	for (i = 0; i < size / 4; i++) {
		switch (rnd(&w->seed) % 6) {
		case 0:
			u[i] = 0;
			break;
		case 1:
			u[i] = pick_fd(w);
			break;
		case 2:
			u[i] = rnd(&w->seed) % 80;
			break;
		default:
			u[i] = rnd(&w->seed);
		}
	}
}

/* An argument pointer: a filled structure somewhere good or bad. */
static void *pick_arg(struct worker *w, void *buf, size_t size)
{
	switch (rnd(&w->seed) % 10) {
	case 0:
		return NULL;
	case 1:
		return page_none;
	case 2:
		return page_ro;
	case 3:	/* ending at the edge of an unmapped page */
		return w->page + 4096 - (rnd(&w->seed) % (size + 1));
	case 4:
		return (void *)(uintptr_t)0xffffffff81000000ull;
	default:
		fill(w, buf, size);
		return buf;
	}
}

/* Does p point into the thread's own page (the end of a struct there)? */
static bool on_page(struct worker *w, const void *p)
{
	return (const char *)p >= w->page && (const char *)p < w->page + 4096;
}

/* A pointer to size bytes that cannot all be read, or written. */
static void *bad_arg(struct worker *w, size_t size)
{
	switch (rnd(&w->seed) % 5) {
	case 0:
		return NULL;
	case 1:
		return page_none;
	case 2:		/* zeros, read-only */
		return page_ro;
	case 3:
		return (void *)(uintptr_t)0xffffffff81000000ull;
	default:	/* running into an unmapped page */
		return w->page + 4096 - 1 - rnd(&w->seed) % (size - 1);
	}
}

/* ---- calls ---- */

/*
 * An ioctl of any kind: any command number on the device, ntevent's own
 * commands (bent or not) on any descriptor. Only the device's answers are
 * judged: another descriptor may be anything by now.
 */
static void wild(struct worker *w)
{
	union {
		uint64_t raw[32];
		struct ntevent_create_args create;
		struct ntevent_open_args open;
		struct ntevent_dup_args dup;
		struct ntevent_waitset_args wsc;
		struct ntevent_waitset_wait_args wsw;
	} buf;
	bool on_dev = rnd(&w->seed) % 2;
	uint32_t fd = on_dev ? (uint32_t)dev : pick_fd(w);
	unsigned long cmd = pick_cmd(&w->seed);
	void *arg = pick_arg(w, &buf, sizeof(buf));
	int ret;

	/* No random number on what may be a tty, a socket or kcov. */
	if ((int)fd != dev && _IOC_TYPE(cmd) != NTEVENT_IOC_MAGIC)
		cmd = known[rnd(&w->seed) % NKNOWN];
	/*
	 * A wait set's wait (fd may be one) has no list to make it fail:
	 * no deadline from random bytes, whatever the page last held.
	 */
	if (cmd == NTEVENT_IOC_WAITSET_WAIT) {
		if (arg == (void *)&buf)
			buf.wsw.timeout = rnd(&w->seed) % 2 ? 0 :
					  t_after_ms(rnd(&w->seed) % 4);
		else if (on_page(w, arg))
			arg = page_none;
	}
	ret = ioctl((int)fd, cmd, arg) ? -errno : 0;
	/*
	 * A descriptor that a lucky CREATE, OPEN or DUP made goes again,
	 * written to buf or to the end of the thread's own page.
	 */
	if (ret == 0 && on_page(w, arg)) {
		memcpy(&buf, arg, (size_t)(w->page + 4096 - (char *)arg));
		arg = &buf;
	}
	if (ret == 0 && arg == (void *)&buf) {
		if (cmd == NTEVENT_IOC_CREATE)
			close((int)buf.create.fd);
		else if (cmd == NTEVENT_IOC_OPEN)
			close((int)buf.open.fd);
		else if (cmd == NTEVENT_IOC_DUP)
			close((int)buf.dup.fd);
		else if (cmd == NTEVENT_IOC_WAITSET_CREATE)
			close((int)buf.wsc.fd);
	}
	count((int)fd == dev ? ret : 0);
}

/* A wait of any shape: duplicates, garbage, bad pointers, signals. */
static void waits(struct worker *w)
{
	uint32_t fds[72], index;
	struct ntevent_wait_alert_args a;
	uint32_t n = rnd(&w->seed) % 70, i;
	bool all = rnd(&w->seed) & 1;
	uint32_t alert_word = rnd(&w->seed) % 4 == 0;
	int ret;

	for (i = 0; i < n && i < 72; i++)
		fds[i] = rnd(&w->seed) % 3 ? (uint32_t)atomic_load(&pool[rnd(&w->seed) % POOL]) :
					      pick_fd(w);
	memset(&a, 0, sizeof(a));
	a.wait.timeout = rnd(&w->seed) % 3 ? 0 : t_after_ms(rnd(&w->seed) % 4);
	a.wait.fds = rnd(&w->seed) % 8 ? (uintptr_t)fds :
		     (uintptr_t)pick_arg(w, fds, n * 4);
	a.wait.count = n;
	a.wait.flags = rnd(&w->seed) % 8 ? rnd(&w->seed) & NTEVENT_WAIT_FLAGS :
		       rnd(&w->seed);
	a.wait.signal_fd = a.wait.flags & NTEVENT_WAIT_SIGNAL ? pick_fd(w) : 0;
	a.alert = (uintptr_t)&alert_word;
	if (rnd(&w->seed) & 1)
		ret = ioctl(dev, all ? NTEVENT_IOC_WAIT_ALL_ALERT :
			    NTEVENT_IOC_WAIT_ANY_ALERT, &a) ? -errno : 0;
	else
		ret = t_wait_full(dev, all, (uint32_t *)(uintptr_t)a.wait.fds,
				  n, a.wait.timeout, a.wait.flags,
				  a.wait.signal_fd, &index);
	count(ret);
}

/* A name of any length and bytes, any flags, access and mode. */
static void names(struct worker *w)
{
	char name[320];
	uint32_t len = rnd(&w->seed) % 300, i;
	int fd;

	memcpy(name, NTEVENT_NAME_PREFIX, sizeof(NTEVENT_NAME_PREFIX) - 1);
	for (i = sizeof(NTEVENT_NAME_PREFIX) - 1; i < len; i++)
		name[i] = (char)(rnd(&w->seed) % 4 ? 'a' + rnd(&w->seed) % 4 :
						       rnd(&w->seed));
	if (rnd(&w->seed) % 4 == 0)
		len = rnd(&w->seed) % 40;
	fd = t_open_name_len(dev, rnd(&w->seed) % 16 ? (void *)name :
			     pick_arg(w, name, len),
			     len, rnd(&w->seed) % 8,
			     rnd(&w->seed) % 2 ? NTEVENT_ALL_ACCESS : rnd(&w->seed),
			     rnd(&w->seed) % 3, rnd(&w->seed) % 3,
			     rnd(&w->seed) % 01000, NULL);
	if (fd >= 0)
		close(fd);
	count(fd < 0 ? fd : 0);
}

/* Socket associations on every kind of descriptor. */
static void sockets(struct worker *w)
{
	struct ntevent_sock_enum_args e;
	struct ntevent_sock_enable_args en;
	uint32_t s = pick_fd(w);
	int ret;

	switch (rnd(&w->seed) % 3) {
	case 0:
		ret = t_sock_select(dev, (int)s, (int)pick_fd(w),
				    rnd(&w->seed) % 4 ? rnd(&w->seed) % 0x400 :
							rnd(&w->seed));
		break;
	case 1:
		ret = t_sock_enum(dev, (int)s, rnd(&w->seed) % 2 ? -1 :
				  (int)pick_fd(w), rnd(&w->seed) % 4, &e);
		break;
	default:
		memset(&en, 0, sizeof(en));
		en.sock_fd = s;
		en.events = rnd(&w->seed) % 0x40;
		en.flags = rnd(&w->seed) % 3;
		en.from_fd = pick_fd(w);
		ret = t_ioc(dev, NTEVENT_IOC_SOCK_ENABLE, &en);
	}
	count(ret);
}

/* A wait set over n descriptors of the pool: its fd, or -1. */
static int pool_waitset(struct worker *w, uint32_t n)
{
	struct ntevent_waitset_args a;
	uint32_t fds[8], i;

	for (i = 0; i < n && i < 8; i++)
		fds[i] = (uint32_t)atomic_load(&pool[rnd(&w->seed) % POOL]);
	memset(&a, 0, sizeof(a));
	a.fds = (uintptr_t)fds;
	a.count = i;
	return ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, &a) ? -1 : (int)a.fd;
}

/*
 * Wait sets: made of any list (the pool's descriptors, garbage ones,
 * duplicates, a list or arguments at a bad address, bad counts, flags and
 * pad), kept or put in the pool for the others; waited on, by their owner
 * or on any descriptor, with no or a short deadline, any flags, an alert
 * word or a bad one, arguments at a bad address; closed. A wait on one's
 * own reports an index it has. (Others may wait on it too, through a
 * random descriptor number: EBUSY is no mismatch.)
 */
static void waitsets(struct worker *w)
{
	struct ntevent_waitset_wait_args a;
	struct ntevent_waitset_args c;
	uint32_t fds[72], n, i, word, flags;
	int slot = rnd(&w->seed) % WS_KEEP, fd, old, ret;
	bool own, dups, judged;
	void *arg;

	switch (rnd(&w->seed) % 5) {
	case 0:
	case 1:		/* make one */
		n = rnd(&w->seed) % 8 ? 1 + rnd(&w->seed) % 8 :
					rnd(&w->seed) % 70;
		dups = rnd(&w->seed) % 16 == 0;	/* toward ENOSPC */
		if (dups)
			n = NTEVENT_MAX_WAIT_COUNT;
		for (i = 0; i < n; i++) {
			if (i && (dups || rnd(&w->seed) % 4 == 0))
				fds[i] = fds[rnd(&w->seed) % i]; /* a duplicate */
			else if (rnd(&w->seed) % 4)
				fds[i] = (uint32_t)atomic_load(
					&pool[rnd(&w->seed) % POOL]);
			else
				fds[i] = pick_fd(w);
		}
		memset(&c, 0, sizeof(c));
		c.fds = rnd(&w->seed) % 16 ? (uintptr_t)fds :
			(uintptr_t)pick_arg(w, fds, n * 4);
		c.count = rnd(&w->seed) % 16 ? n : rnd(&w->seed);
		if (rnd(&w->seed) % 16 == 0)
			c.flags = rnd(&w->seed) % 2 ? 1u << rnd(&w->seed) % 32 :
				  rnd(&w->seed);
		if (rnd(&w->seed) % 16 == 0)
			c.pad = rnd(&w->seed);
		c.fd = rnd(&w->seed);
		arg = rnd(&w->seed) % 16 ? (void *)&c : bad_arg(w, sizeof(c));
		ret = ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, arg) ? -errno : 0;
		count(ret);
		if (ret || arg != (void *)&c)
			return;
		if (rnd(&w->seed) % 4 == 0) {	/* for everyone */
			old = atomic_exchange(&pool[rnd(&w->seed) % POOL],
					      (int)c.fd);
			close(old);
			return;
		}
		if (w->wss[slot] >= 0)
			close(w->wss[slot]);
		w->wss[slot] = (int)c.fd;
		w->wss_n[slot] = c.count;
		return;
	case 2:		/* close one */
		if (w->wss[slot] >= 0)
			close(w->wss[slot]);
		w->wss[slot] = -1;
		return;
	}

	/* Wait: on one of ours, or one of the pool (busy?), or anything. */
	own = w->wss[slot] >= 0 && rnd(&w->seed) % 2;
	judged = true;
	if (own) {
		fd = w->wss[slot];
	} else if (rnd(&w->seed) % 4) {
		fd = atomic_load(&pool[rnd(&w->seed) % POOL]);
	} else {
		fd = (int)pick_fd(w);
		judged = false;
	}
	flags = rnd(&w->seed) % 8 ? rnd(&w->seed) % 4 :
		rnd(&w->seed) % 2 ? 1u << rnd(&w->seed) % 32 : rnd(&w->seed);
	word = rnd(&w->seed) % 4 == 0;
	memset(&a, 0, sizeof(a));
	a.flags = flags;
	if (rnd(&w->seed) % 8 == 0)
		a.timeout = rnd(&w->seed) % 2;		/* past */
	else if (flags & NTEVENT_WAIT_REALTIME)
		a.timeout = t_now(CLOCK_REALTIME) + rnd(&w->seed) % 4000000;
	else
		a.timeout = rnd(&w->seed) % 3 ? 0 :
			    t_after_ms(rnd(&w->seed) % 6);
	if (flags & NTEVENT_WAIT_ALERTABLE)
		a.alert = rnd(&w->seed) % 4 ? (uintptr_t)&word :
			  rnd(&w->seed) % 2 ? 0 :
			  (uintptr_t)bad_arg(w, sizeof(word));
	else if (rnd(&w->seed) % 16 == 0)
		a.alert = (uintptr_t)&word;		/* EINVAL */
	a.index = rnd(&w->seed);
	arg = rnd(&w->seed) % 16 ? (void *)&a : bad_arg(w, sizeof(a));
	ret = ioctl(fd, NTEVENT_IOC_WAITSET_WAIT, arg) ? -errno : 0;
	/* Only answers of our descriptors (own, pool) are judged. */
	count(judged ? ret : 0);
	if (own && !ret && arg == (void *)&a && a.index >= w->wss_n[slot])
		mismatch("a wait set's index", a.index, w->wss_n[slot]);
}

/* The pool changes under the other threads: closed, replaced, dup'ed. */
static int new_pool_fd(struct worker *w)
{
	int sv[2], fd;

	switch (rnd(&w->seed) % 8) {
	case 0:
		return socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	case 1:
		return socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	case 2:
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
			return -1;
		close(sv[1]);
		return sv[0];
	case 3:
		fd = atomic_load(&pool[rnd(&w->seed) % POOL]);
		return fcntl(fd, F_DUPFD_CLOEXEC, 0);
	case 4:
		return pool_waitset(w, 1 + rnd(&w->seed) % 4);
	default:
		return t_create_raw(dev, rnd(&w->seed) % 2, rnd(&w->seed) % 2,
				    rnd(&w->seed) % 3 ? NTEVENT_ALL_ACCESS :
				    rnd(&w->seed) & NTEVENT_ALL_ACCESS);
	}
}

static void churn(struct worker *w)
{
	int i = rnd(&w->seed) % POOL, fd = new_pool_fd(w), old;

	if (fd < 0)
		return;
	old = atomic_exchange(&pool[i], fd);
	close(old);
}

/*
 * A wait set over 1..8 private events (duplicates likely): made unless
 * one lacks SYNCHRONIZE (EACCES), or the count, flags, pad or list are
 * bad (EINVAL, EFAULT); it replaces the last one.
 */
static void modelled_waitset_create(struct worker *w)
{
	struct ntevent_waitset_args a;
	uint32_t fds[WS_MAX], n = 1 + rnd(&w->seed) % WS_MAX, k;
	int idx[WS_MAX], want = 0, ret;

	for (k = 0; k < n; k++) {
		idx[k] = (int)(rnd(&w->seed) % PRIV);
		fds[k] = (uint32_t)w->priv[idx[k]];
		if (!(w->access[idx[k]] & NTEVENT_SYNCHRONIZE))
			want = -EACCES;
	}
	memset(&a, 0, sizeof(a));
	a.fds = (uintptr_t)fds;
	a.count = n;
	a.fd = 0xdeadbeef;
	switch (rnd(&w->seed) % 12) {
	case 0:
		a.count = rnd(&w->seed) % 2 ? 0 : NTEVENT_MAX_WAIT_COUNT + 1 +
						  rnd(&w->seed) % 1000;
		want = -EINVAL;
		break;
	case 1:
		if (rnd(&w->seed) % 2)
			a.flags = 1u << rnd(&w->seed) % 32;
		else
			a.pad = 1 + rnd(&w->seed) % 0xffff;
		want = -EINVAL;
		break;
	case 2:
		a.fds = (uintptr_t)page_none;
		want = -EFAULT;
		break;
	}
	ret = ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, &a) ? -errno : 0;
	count(ret);
	if (ret != want) {
		mismatch("a wait set's creation", ret, want);
		if (!ret)
			close((int)a.fd);
		return;
	}
	if (ret)
		return;
	if (w->ws >= 0)
		close(w->ws);
	w->ws = (int)a.fd;
	w->ws_n = n;
	memcpy(w->ws_idx, idx, sizeof(idx));
}

/*
 * A wait on that wait set, polled or with a deadline of a few ms (on
 * either clock): as a wait-any of its list, the lowest-indexed signaled
 * event, consumed if auto-reset; none, ETIMEDOUT. A set alert word is
 * EINTR, an unreadable one EFAULT, unknown flags or an alert pointer
 * without ALERTABLE EINVAL, an index that cannot be stored EFAULT: all
 * taking nothing.
 */
static void modelled_waitset_wait(struct worker *w)
{
	struct ntevent_waitset_wait_args a, *arg = &a;
	uint32_t word = 0, k;
	int want = -ETIMEDOUT, first = -1, ret;

	if (w->ws < 0) {
		modelled_waitset_create(w);
		return;
	}
	for (k = 0; k < w->ws_n && first < 0; k++)
		if (w->model[w->ws_idx[k]])
			first = (int)k;
	if (first >= 0)
		want = 0;
	memset(&a, 0, sizeof(a));
	a.index = 0xdeadbeef;
	switch (rnd(&w->seed) % 10) {
	case 0:
		a.timeout = t_after_ms(1 + rnd(&w->seed) % 3);
		break;
	case 1:
		a.flags = NTEVENT_WAIT_REALTIME;
		a.timeout = t_now(CLOCK_REALTIME) + rnd(&w->seed) % 3000000;
		break;
	case 2:
		a.flags = NTEVENT_WAIT_ALERTABLE;
		word = rnd(&w->seed) % 2;
		a.alert = rnd(&w->seed) % 4 ? (uintptr_t)&word : 0;
		a.timeout = rnd(&w->seed) % 2 ? 0 :
			    t_after_ms(1 + rnd(&w->seed) % 3);
		if (a.alert && word)
			want = -EINTR;
		break;
	case 3:
		a.flags = NTEVENT_WAIT_ALERTABLE;
		a.alert = (uintptr_t)page_none;
		want = -EFAULT;
		break;
	case 4:
		if (rnd(&w->seed) % 2)
			a.flags = 1u << (2 + rnd(&w->seed) % 30) |
				  rnd(&w->seed) % 4;
		else
			a.alert = (uintptr_t)&word;
		want = -EINVAL;
		break;
	case 5:		/* zeros, read-only: no index stored */
		arg = (void *)page_ro;
		want = -EFAULT;
		break;
	}
	ret = ioctl(w->ws, NTEVENT_IOC_WAITSET_WAIT, arg) ? -errno : 0;
	count(ret);
	/* An alertable wait that slept may see a handler: EINTR. */
	if (ret == -EINTR && want == -ETIMEDOUT &&
	    (a.flags & NTEVENT_WAIT_ALERTABLE))
		return;
	if (ret != want) {
		mismatch("a wait set's wait", ret, want);
		return;
	}
	if (ret)
		return;
	if ((int)a.index != first)
		mismatch("the wait set's index", a.index, first);
	else if (w->autoreset[w->ws_idx[first]])
		w->model[w->ws_idx[first]] = 0;
}

/* A private event, with the model: every result as predicted. */
static void modelled(struct worker *w)
{
	int i = rnd(&w->seed) % PRIV, fd = w->priv[i], want;
	uint32_t acc = w->access[i], prev = 7, index;
	unsigned long cmd;
	int op = rnd(&w->seed) % 9, ret;

	if (op == 6) {
		modelled_waitset_create(w);
		return;
	}
	if (op >= 7) {
		modelled_waitset_wait(w);
		return;
	}
	switch (op) {
	case 0: cmd = NTEVENT_IOC_SET; break;
	case 1: cmd = NTEVENT_IOC_RESET; break;
	case 2: cmd = NTEVENT_IOC_PULSE; break;
	case 3: cmd = NTEVENT_IOC_CLEAR; break;
	default: cmd = 0;
	}
	if (cmd) {
		ret = ioctl(fd, cmd, cmd == NTEVENT_IOC_CLEAR ? NULL : &prev) ?
		      -errno : 0;
		count(ret);
		if (!(acc & NTEVENT_MODIFY_STATE)) {
			if (ret != -EACCES)
				mismatch("a state change without the right", ret,
					 -EACCES);
			return;
		}
		if (ret) {
			mismatch("a state change", ret, 0);
			return;
		}
		if (cmd != NTEVENT_IOC_CLEAR && (int)prev != w->model[i])
			mismatch("the previous state", prev, w->model[i]);
		/* No waiter: a pulse leaves it non-signaled. */
		w->model[i] = cmd == NTEVENT_IOC_SET;
		return;
	}
	if (op == 4) {
		struct ntevent_state st;

		ret = ioctl(fd, NTEVENT_IOC_READ, &st) ? -errno : 0;
		count(ret);
		want = acc & NTEVENT_QUERY_STATE ? 0 : -EACCES;
		if (ret != want)
			mismatch("a read", ret, want);
		else if (!ret && (int)st.state != w->model[i])
			mismatch("the state read", st.state, w->model[i]);
		return;
	}
	/* A polled wait takes a signaled event (an auto one consumed). */
	ret = t_wait_any(dev, (uint32_t *)&fd, 1, 0, &index);
	count(ret);
	want = !(acc & NTEVENT_SYNCHRONIZE) ? -EACCES :
	       w->model[i] ? 0 : -ETIMEDOUT;
	if (ret == -EINTR)
		return;
	if (ret != want)
		mismatch("a polled wait", ret, want);
	else if (!ret && w->autoreset[i])
		w->model[i] = 0;
}

/* ---- coverage ---- */

static void kcov_open(struct worker *w)
{
	/* KCOV's words are the kernel's: a 32-bit process does without. */
	if (sizeof(unsigned long) < 8)
		return;
	w->kcov_fd = open("/sys/kernel/debug/kcov", O_RDWR | O_CLOEXEC);
	if (w->kcov_fd < 0)
		return;
	if (ioctl(w->kcov_fd, KCOV_INIT_TRACE, KCOV_WORDS))
		goto no;
	w->kcov = mmap(NULL, KCOV_WORDS * sizeof(unsigned long),
		       PROT_READ | PROT_WRITE, MAP_SHARED, w->kcov_fd, 0);
	if (w->kcov == MAP_FAILED)
		goto no;
	if (ioctl(w->kcov_fd, KCOV_ENABLE, KCOV_TRACE_PC))
		goto no;
	__atomic_store_n(&w->kcov[0], 0, __ATOMIC_RELAXED);
	return;
no:
	close(w->kcov_fd);
	w->kcov_fd = -1;
	w->kcov = NULL;
}

static void kcov_close(struct worker *w)
{
	if (w->kcov_fd < 0)
		return;
	ioctl(w->kcov_fd, KCOV_DISABLE, 0);
	munmap(w->kcov, KCOV_WORDS * sizeof(unsigned long));
	close(w->kcov_fd);
	w->kcov_fd = -1;
	w->kcov = NULL;
}

/* The PCs of the last calls into the set of distinct ones. */
static void kcov_collect(struct worker *w)
{
	unsigned long n, i;

	if (!w->kcov)
		return;
	n = __atomic_load_n(&w->kcov[0], __ATOMIC_RELAXED);
	if (n >= KCOV_WORDS)
		n = KCOV_WORDS - 1;
	for (i = 0; i < n; i++) {
		uint64_t pc = w->kcov[i + 1];
		size_t h = (size_t)((pc * 0x9e3779b97f4a7c15ull) >> 48);

		for (;;) {
			uint64_t cur = __atomic_load_n(&sh->pc_set[h],
						       __ATOMIC_RELAXED);

			if (cur == pc)
				break;
			if (!cur) {
				if (__atomic_compare_exchange_n(&sh->pc_set[h],
								&cur, pc, 0,
								__ATOMIC_RELAXED,
								__ATOMIC_RELAXED)) {
					atomic_fetch_add(&sh->pcs, 1);
					break;
				}
				continue;
			}
			h = (h + 1) & ((1 << 16) - 1);
		}
	}
	__atomic_store_n(&w->kcov[0], 0, __ATOMIC_RELAXED);
}

/* ---- threads and processes ---- */

static void on_signal(int sig)
{
	(void)sig;
}

/*
 * The modelled process's threads: only their private events, which no
 * other process can reach (a descriptor number is per process).
 */
static void *model_work(void *p)
{
	struct worker *w = p;
	int i;

	for (i = 0; i < PRIV; i++) {
		w->autoreset[i] = rnd(&w->seed) & 1;
		w->model[i] = rnd(&w->seed) & 1;
		w->access[i] = rnd(&w->seed) % 2 ? NTEVENT_ALL_ACCESS :
			       rnd(&w->seed) & NTEVENT_ALL_ACCESS;
		w->priv[i] = t_create_raw(dev, w->autoreset[i] ? T_AUTO :
					  T_MANUAL, w->model[i], w->access[i]);
		if (w->priv[i] < 0) {
			w->access[i] = NTEVENT_ALL_ACCESS;
			w->priv[i] = t_create_access(dev, w->autoreset[i] ?
						     T_AUTO : T_MANUAL,
						     w->model[i], w->access[i]);
		}
	}
	kcov_open(w);
	while (!atomic_load(&sh->stop) &&
	       atomic_load(&sh->calls) < max_calls) {
		modelled(w);
		kcov_collect(w);
	}
	if (w->ws >= 0)
		close(w->ws);
	for (i = 0; i < PRIV; i++)
		close(w->priv[i]);
	kcov_close(w);
	return NULL;
}

static void *work(void *p)
{
	struct worker *w = p;
	int i;

	kcov_open(w);
	while (!atomic_load(&sh->stop) &&
	       atomic_load(&sh->calls) < max_calls) {
		switch (rnd(&w->seed) % 10) {
		case 0: case 1: case 2:
			wild(w);
			break;
		case 3: case 4:
			waits(w);
			break;
		case 5:
			names(w);
			break;
		case 6:
			sockets(w);
			break;
		case 7:
			churn(w);
			break;
		default:
			waitsets(w);
		}
		kcov_collect(w);
	}
	for (i = 0; i < WS_KEEP; i++)
		if (w->wss[i] >= 0)
			close(w->wss[i]);
	kcov_close(w);
	return NULL;
}

/*
 * A process: its threads, and one more that signals them at random. A
 * descriptor left open when they are done is a leak of the fuzzer's (a
 * process that leaks grows its descriptor table until every call fails).
 */
static void process(int proc, int threads, int64_t ms)
{
	struct worker w[16];
	struct sigaction sa;
	unsigned int s = base_seed * 7919u + (unsigned int)proc;
	int64_t start = t_mono();
	int i, j, fds = t_count_fds();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = proc % 2 ? SA_RESTART : 0;
	sigaction(SIGUSR1, &sa, NULL);
	for (i = 0; i < POOL; i++)
		pool[i] = t_create(dev, i % 2 ? T_AUTO : T_MANUAL, i % 3 == 0);
	memset(w, 0, sizeof(w));
	for (i = 0; i < threads; i++) {
		w[i].seed = s * 2654435761u + (unsigned int)i + 1;
		w[i].id = i;
		w[i].kcov_fd = -1;
		w[i].page = t_pages(1);
		w[i].ws = -1;
		for (j = 0; j < WS_KEEP; j++)
			w[i].wss[j] = -1;
		/* Process 0 keeps a model; the others are chaos. */
		t_thread(&w[i].th, proc == 0 ? model_work : work, &w[i]);
	}
	while (t_ms_since(start) < ms && !atomic_load(&sh->stop) &&
	       atomic_load(&sh->calls) < max_calls) {
		t_sleep_ms(1 + rnd(&s) % 5);
		pthread_kill(w[rnd(&s) % threads].th, SIGUSR1);
	}
	atomic_store(&sh->stop, 1);
	for (i = 0; i < threads; i++)
		t_join(w[i].th);
	for (i = 0; i < POOL; i++)
		close(pool[i]);
	CHECK_MSG(t_count_fds() == fds, "%d descriptors left open by the fuzzer",
		  t_count_fds() - fds);
}

int main(int argc, char **argv)
{
	int64_t seconds = 8, start;
	int procs = 2, threads = 3, i, distinct = 0;
	long min_calls = 1000;
	pid_t pids[8];

	static char env[256], *words[16];

	max_calls = LONG_MAX;
	base_seed = (unsigned int)time(NULL);
	if (argc == 1 && getenv("NTEVENT_FUZZ")) {
		char *save = NULL, *w;

		snprintf(env, sizeof(env), "%s", getenv("NTEVENT_FUZZ"));
		words[0] = argv[0];
		argc = 1;
		for (w = strtok_r(env, " ", &save); w && argc < 16;
		     w = strtok_r(NULL, " ", &save))
			words[argc++] = w;
		argv = words;
	}
	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--seconds"))
			seconds = atol(argv[i + 1]);
		else if (!strcmp(argv[i], "--calls"))
			max_calls = atol(argv[i + 1]);
		else if (!strcmp(argv[i], "--procs"))
			procs = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--threads"))
			threads = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--min-calls"))
			min_calls = atol(argv[i + 1]);
		else if (!strcmp(argv[i], "--seed"))
			base_seed = (unsigned int)strtoul(argv[i + 1], NULL, 0);
	}
	if (procs < 1 || procs > 8 || threads < 1 || threads > 16)
		T_FAILF("--procs 1..8, --threads 1..16");
	dev = t_open_dev();
	t_watchdog((unsigned int)seconds + 60);
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	page_ro = t_pages(1);
	t_page_readonly(page_ro);
	page_none = t_bad_page();
	printf("fuzz: seed %u, %d processes x %d threads, %lld s\n", base_seed,
	       procs, threads, (long long)seconds);
	fflush(stdout);
	start = t_mono();
	for (i = 0; i < procs; i++) {
		pids[i] = t_fork();
		if (pids[i] == 0) {
			process(i, threads, seconds * 1000);
			exit(0);
		}
	}
	/* As long as they run: the watchdog (seconds + 60) bounds it. */
	for (i = 0; i < procs; i++) {
		int status;

		CHECK_EQ(waitpid(pids[i], &status, 0), pids[i]);
		CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			  "fuzzing process %d failed (status %#x)", i, status);
	}
	for (i = 0; i < MAX_ERRNO; i++)
		distinct += atomic_load(&sh->errnos[i]) > 0;
	printf("fuzz: %ld calls in %.1f s, %d distinct results:", sh->calls,
	       t_ms_since(start) / 1000.0, distinct);
	for (i = 0; i < MAX_ERRNO; i++)
		if (atomic_load(&sh->errnos[i]))
			printf(" %s %ld", i ? t_errname(i) : "0",
			       atomic_load(&sh->errnos[i]));
	printf("\n");
	if (atomic_load(&sh->pcs))
		printf("fuzz: KCOV: %ld distinct code points of the module covered\n",
		       atomic_load(&sh->pcs));
	else
		printf("fuzz: no KCOV in this kernel: no coverage figure\n");
	CHECK_EQ(atomic_load(&sh->mismatches), 0);
	CHECK_MSG(sh->calls >= min_calls, "%ld calls, fewer than %ld",
		  (long)sh->calls, min_calls);
	return T_PASS;
}
