/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ABI tests' own helpers: the ioctls of /dev/ntevent, called raw, on
 * top of the common harness (test/include/t.h, which says how a test
 * reports). Helpers named t_*_raw return the result or -errno; the others
 * must succeed, or the test fails where it called them.
 */
#ifndef NTEVENT_TEST_ABI_H
#define NTEVENT_TEST_ABI_H

#include "t.h"

#include <sys/ioctl.h>
#include <sys/stat.h>

#include <linux/ntevent.h>

/* ---- the device and events ---- */

#define T_MANUAL	NTEVENT_TYPE_NOTIFICATION
#define T_AUTO		NTEVENT_TYPE_SYNCHRONIZATION

/* NTEVENT_IOC_CREATE with full arguments: the new fd, or -errno. */
static inline int t_create_raw(int dev, uint32_t type, uint32_t state,
			       uint32_t access)
{
	struct ntevent_create_args a = {
		.type = type, .state = state, .access = access,
		.fd = 0xdeadbeef,	/* must be overwritten */
	};

	return ioctl(dev, NTEVENT_IOC_CREATE, &a) ? -errno : (int)a.fd;
}

static inline int t_create_access(int dev, uint32_t type, uint32_t state,
				  uint32_t access)
{
	int fd = t_create_raw(dev, type, state, access);

	if (fd < 0)
		T_FAILF("create type %u state %u access %#x: %s", type, state,
			access, t_errname(-fd));
	return fd;
}

static inline int t_create(int dev, uint32_t type, uint32_t state)
{
	return t_create_access(dev, type, state, NTEVENT_ALL_ACCESS);
}

/* An event ioctl: 0 or -errno. */
static inline int t_ioc(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) ? -errno : 0;
}

/* SET/RESET/PULSE that must work; returns the previous state. */
static inline int t_op_prev(int fd, unsigned long cmd, const char *what)
{
	uint32_t prev = 0xdeadbeef;

	if (ioctl(fd, cmd, &prev))
		T_FAILF("%s on fd %d: %s", what, fd, t_errname(errno));
	if (prev > 1)
		T_FAILF("%s on fd %d: previous state %#x is not 0 or 1", what,
			fd, prev);
	return (int)prev;
}

#define t_set(fd)	t_op_prev((fd), NTEVENT_IOC_SET, "SET")
#define t_reset(fd)	t_op_prev((fd), NTEVENT_IOC_RESET, "RESET")
#define t_pulse(fd)	t_op_prev((fd), NTEVENT_IOC_PULSE, "PULSE")

static inline void t_clear(int fd)
{
	if (ioctl(fd, NTEVENT_IOC_CLEAR))
		T_FAILF("CLEAR on fd %d: %s", fd, t_errname(errno));
}

static inline struct ntevent_state t_read(int fd)
{
	struct ntevent_state st;

	memset(&st, 0xa5, sizeof(st));
	if (ioctl(fd, NTEVENT_IOC_READ, &st))
		T_FAILF("READ on fd %d: %s", fd, t_errname(errno));
	return st;
}

/* The state of an event (the fd needs QUERY_STATE). */
static inline int t_state(int fd)
{
	return (int)t_read(fd).state;
}

#define CHECK_STATE(fd, want)	CHECK_EQ(t_state(fd), (want))

/* NTEVENT_IOC_DUP: the new fd, or -errno. */
static inline int t_dup_raw(int fd, uint32_t access, uint32_t flags)
{
	struct ntevent_dup_args a = {
		.access = access, .flags = flags,
		.fd = 0xdeadbeef,	/* must be overwritten */
	};

	return ioctl(fd, NTEVENT_IOC_DUP, &a) ? -errno : (int)a.fd;
}

/* A duplicate with the given rights, which must work. */
static inline int t_dup(int fd, uint32_t access)
{
	int d = t_dup_raw(fd, access, 0);

	if (d < 0)
		T_FAILF("DUP of fd %d with access %#x: %s", fd, access,
			t_errname(-d));
	return d;
}

/* ---- waits ---- */

/*
 * NTEVENT_IOC_WAIT_ANY (all=false) or _ALL: 0 or -errno; *index gets the
 * index (if index is not NULL).
 */
static inline int t_wait_full(int dev, bool all, const uint32_t *fds,
			      uint32_t count, uint64_t timeout, uint32_t flags,
			      uint32_t signal_fd, uint32_t *index)
{
	struct ntevent_wait_args a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.timeout = timeout;
	a.fds = (uintptr_t)fds;
	a.count = count;
	a.flags = flags;
	a.index = 0xdeadbeef;
	a.signal_fd = signal_fd;
	ret = ioctl(dev, all ? NTEVENT_IOC_WAIT_ALL : NTEVENT_IOC_WAIT_ANY, &a)
		? -errno : 0;
	if (index)
		*index = a.index;
	return ret;
}

static inline int t_wait_any(int dev, const uint32_t *fds, uint32_t count,
			     uint64_t timeout, uint32_t *index)
{
	return t_wait_full(dev, false, fds, count, timeout, 0, 0, index);
}

static inline int t_wait_all(int dev, const uint32_t *fds, uint32_t count,
			     uint64_t timeout)
{
	uint32_t index;
	int ret = t_wait_full(dev, true, fds, count, timeout, 0, 0, &index);

	if (ret == 0 && index != 0)
		T_FAILF("wait-all succeeded with index %u, expected 0", index);
	return ret;
}

/* Wait for one event: 0 or -errno. */
static inline int t_wait1(int dev, int fd, uint64_t timeout)
{
	uint32_t f = (uint32_t)fd, index;
	int ret = t_wait_any(dev, &f, 1, timeout, &index);

	if (ret == 0 && index != 0)
		T_FAILF("wait on one event returned index %u", index);
	return ret;
}

/* Poll one event (deadline 0): 0 if it was signaled (and consumed). */
static inline int t_try(int dev, int fd)
{
	return t_wait1(dev, fd, 0);
}

/*
 * A thread that runs one wait and records the outcome. Fill in the inputs,
 * call t_waiter_start() (or t_waiter_start_asleep() to return only once
 * it is blocked in the ioctl), then t_waiter_join().
 */
struct t_waiter {
	/* in */
	int dev;
	bool all;
	uint32_t fds[NTEVENT_MAX_WAIT_COUNT + 1];
	uint32_t count;
	uint64_t timeout;
	uint32_t flags;
	uint32_t signal_fd;
	/* out */
	pthread_t th;
	_Atomic pid_t tid;
	_Atomic bool done;
	int ret;		/* 0 or -errno */
	uint32_t index;
	int order;		/* completion order among all waiters */
	int64_t end_ns;		/* CLOCK_MONOTONIC at return */
};

static _Atomic int t_waiter_seq;

static inline void *t_waiter_fn(void *p)
{
	struct t_waiter *w = p;

	atomic_store(&w->tid, t_gettid());
	w->ret = t_wait_full(w->dev, w->all, w->fds, w->count, w->timeout,
			     w->flags, w->signal_fd, &w->index);
	w->end_ns = t_mono();
	w->order = atomic_fetch_add(&t_waiter_seq, 1);
	atomic_store(&w->done, true);
	return NULL;
}

/* Set up a wait-any on one fd with a timeout of ms from now. */
static inline void t_waiter_init1(struct t_waiter *w, int dev, int fd,
				  int64_t ms)
{
	memset(w, 0, sizeof(*w));
	w->dev = dev;
	w->fds[0] = (uint32_t)fd;
	w->count = 1;
	w->timeout = ms < 0 ? NTEVENT_NO_TIMEOUT : t_after_ms(ms);
}

static inline void t_waiter_start(struct t_waiter *w)
{
	atomic_store(&w->tid, 0);
	atomic_store(&w->done, false);
	t_thread(&w->th, t_waiter_fn, w);
}

/* Wait until the waiter's tid is known and it sleeps in the ioctl. */
static inline void t_waiter_await_asleep(struct t_waiter *w)
{
	int64_t start = t_mono();

	while (!atomic_load(&w->tid)) {
		if (t_ms_since(start) > 5000)
			T_FAILF("waiter thread did not start");
		t_sleep_ms(1);
	}
	t_await_blocked(atomic_load(&w->tid), SYS_ioctl);
	if (atomic_load(&w->done))
		T_FAILF("the waiter returned (%s) instead of blocking",
			t_errname(-w->ret));
}

static inline void t_waiter_start_asleep(struct t_waiter *w)
{
	t_waiter_start(w);
	t_waiter_await_asleep(w);
}

static inline void t_waiter_join(struct t_waiter *w)
{
	t_join(w->th);
}

static inline int t_waiters_done(struct t_waiter *w, int n)
{
	int i, done = 0;

	for (i = 0; i < n; i++)
		done += atomic_load(&w[i].done);
	return done;
}

/*
 * Wait up to ms for at least want of the n waiters to be done; returns
 * how many are done.
 */
static inline int t_await_done(struct t_waiter *w, int n, int want, int ms)
{
	int64_t start = t_mono();
	int done;

	while ((done = t_waiters_done(w, n)) < want && t_ms_since(start) < ms)
		t_sleep_ms(2);
	return done;
}

/* ---- named events (NTEVENT_IOC_OPEN) ---- */

/*
 * NTEVENT_IOC_OPEN with every argument: the new fd, or -errno. *created
 * (if not NULL) gets the created field (0xdeadbeef if untouched).
 */
static inline int t_open_name_len(int dev, const void *name, uint32_t len,
				  uint32_t flags, uint32_t access,
				  uint32_t type, uint32_t state, uint32_t mode,
				  uint32_t *created)
{
	struct ntevent_open_args a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.name = (uintptr_t)name;
	a.name_len = len;
	a.flags = flags;
	a.access = access;
	a.type = type;
	a.state = state;
	a.mode = mode;
	a.fd = 0xdeadbeef;
	a.created = 0xdeadbeef;
	ret = ioctl(dev, NTEVENT_IOC_OPEN, &a) ? -errno : (int)a.fd;
	if (created)
		*created = a.created;
	return ret;
}

/* The same with a NUL-terminated name (the NUL is not passed). */
static inline int t_open_name_raw(int dev, const char *name, uint32_t flags,
				  uint32_t access, uint32_t type,
				  uint32_t state, uint32_t mode,
				  uint32_t *created)
{
	return t_open_name_len(dev, name, (uint32_t)strlen(name), flags,
			       access, type, state, mode, created);
}

/* Open an existing named event (flags 0), which must work. */
static inline int t_open_name(int dev, const char *name, uint32_t access)
{
	uint32_t created;
	int fd = t_open_name_raw(dev, name, 0, access, 0, 0, 0, &created);

	if (fd < 0)
		T_FAILF("OPEN \"%s\" access %#x: %s", name, access,
			t_errname(-fd));
	if (created != 0)
		T_FAILF("OPEN \"%s\" without CREATE: created = %u", name,
			created);
	return fd;
}

/*
 * Create a named event (CREATE | EXCL, all access), which must work and
 * report created = 1.
 */
static inline int t_create_name(int dev, const char *name, uint32_t type,
				uint32_t state, uint32_t mode)
{
	uint32_t created;
	int fd = t_open_name_raw(dev, name,
				 NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				 NTEVENT_ALL_ACCESS, type, state, mode,
				 &created);

	if (fd < 0)
		T_FAILF("CREATE|EXCL \"%s\": %s", name, t_errname(-fd));
	if (created != 1)
		T_FAILF("CREATE|EXCL \"%s\": created = %u", name, created);
	return fd;
}

/* ---- wait sets ---- */

/* NTEVENT_IOC_WAITSET_CREATE with every field: the new fd, or -errno. */
static inline T_UNUSED int t_waitset_create_full(int dev, const void *fds,
						 uint32_t count,
						 uint32_t flags, uint32_t pad)
{
	struct ntevent_waitset_args a;

	memset(&a, 0, sizeof(a));
	a.fds = (uintptr_t)fds;
	a.count = count;
	a.flags = flags;
	a.fd = 0xdeadbeef;	/* must be overwritten */
	a.pad = pad;
	return ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, &a) ? -errno : (int)a.fd;
}

/* ---- network events of sockets ---- */

/* NTEVENT_IOC_SOCK_SELECT: 0 or -errno. */
static inline T_UNUSED int t_sock_select(int dev, int sock, int ev,
					 uint32_t mask)
{
	struct ntevent_sock_select_args a = {
		.sock_fd = (uint32_t)sock, .event_fd = (uint32_t)ev,
		.mask = mask,
	};

	return t_ioc(dev, NTEVENT_IOC_SOCK_SELECT, &a);
}

/*
 * NTEVENT_IOC_SOCK_ENUM, resetting ev unless it is -1: 0 or -errno; *a
 * gets the result (its errors[] preset to 0x5a5a5a5a).
 */
static inline T_UNUSED int t_sock_enum(int dev, int sock, int ev,
				       uint32_t flags,
				       struct ntevent_sock_enum_args *a)
{
	int i;

	memset(a, 0, sizeof(*a));
	a->sock_fd = (uint32_t)sock;
	if (ev >= 0) {
		a->event_fd = (uint32_t)ev;
		flags |= NTEVENT_SOCK_RESET;
	}
	a->flags = flags;
	a->events = 0xdeadbeef;
	for (i = 0; i < NTEVENT_FD_MAX_EVENTS; i++)
		a->errors[i] = 0x5a5a5a5a;
	return t_ioc(dev, NTEVENT_IOC_SOCK_ENUM, a);
}

/* NTEVENT_IOC_SOCK_ENABLE (inheriting from listener if it is not -1). */
static inline T_UNUSED int t_sock_enable(int dev, int sock, uint32_t events,
					 int listener)
{
	struct ntevent_sock_enable_args a = {
		.sock_fd = (uint32_t)sock, .events = events,
	};

	if (listener >= 0) {
		a.from_fd = (uint32_t)listener;
		a.flags = NTEVENT_SOCK_INHERIT;
	}
	return t_ioc(dev, NTEVENT_IOC_SOCK_ENABLE, &a);
}

#endif /* NTEVENT_TEST_ABI_H */
