/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntevent user-space ABI tests: shared helpers.
 *
 * Every test is a small program: exit 0 = pass, 1 = fail, 77 = skip. A
 * missing /dev/ntevent is a skip. A failed check prints file:line, what was
 * expected and what was got, and exits 1 at once (from any thread). Nothing
 * waits forever: thread joins and child reaps are bounded, waits use
 * deadlines, and a watchdog alarm fails a test that hangs anyway.
 */
#ifndef NTEVENT_TEST_T_H
#define NTEVENT_TEST_T_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/ntevent.h>

#define T_PASS	0
#define T_FAIL	1
#define T_SKIP	77

/* Seconds before the watchdog fails a hung test. */
#ifndef T_WATCHDOG_S
#define T_WATCHDOG_S	30
#endif
/* Seconds a thread join or a child reap may take before it is a hang. */
#define T_JOIN_S	8

#define T_MANUAL	NTEVENT_TYPE_NOTIFICATION
#define T_AUTO		NTEVENT_TYPE_SYNCHRONIZATION

#define T_UNUSED	__attribute__((unused))

static inline const char *t_errname(int e)
{
	const char *n = e ? strerrorname_np(e) : "0";

	return n ? n : "?";
}

/* Report a failure and end the whole test, whichever thread we are in. */
__attribute__((format(printf, 3, 4), noreturn)) static inline void
t_fail_at(const char *file, int line, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	n = snprintf(buf, sizeof(buf), "FAIL %s %s:%d: ",
		     program_invocation_short_name, file, line);
	va_start(ap, fmt);
	if (n >= 0 && n < (int)sizeof(buf))
		vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s\n", buf);
	_exit(T_FAIL);
}

#define T_FAILF(...)	t_fail_at(__FILE__, __LINE__, __VA_ARGS__)

__attribute__((format(printf, 1, 2), noreturn)) static inline void
t_skip(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "SKIP %s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	_exit(T_SKIP);
}

#define CHECK(cond)							\
	do {								\
		if (!(cond))						\
			T_FAILF("check failed: %s", #cond);		\
	} while (0)

#define CHECK_MSG(cond, ...)						\
	do {								\
		if (!(cond))						\
			T_FAILF(__VA_ARGS__);				\
	} while (0)

#define CHECK_EQ(got, want)						\
	do {								\
		long long g_ = (long long)(got);			\
		long long w_ = (long long)(want);			\
		if (g_ != w_)						\
			T_FAILF("%s is %lld (%#llx), expected %s = %lld (%#llx)", \
				#got, g_, g_, #want, w_, w_);		\
	} while (0)

/* expr (a syscall-like call) must succeed, i.e. not return -1. */
#define CHECK_OK(expr)							\
	({								\
		errno = 0;						\
		long r_ = (long)(expr);					\
		if (r_ == -1)						\
			T_FAILF("%s failed: %s (%s)", #expr,		\
				t_errname(errno), strerror(errno));	\
		r_;							\
	})

/* expr (a syscall-like call) must fail with errno e. */
#define CHECK_ERR(expr, e)						\
	do {								\
		errno = 0;						\
		long r_ = (long)(expr);					\
		int e_ = errno;						\
		if (r_ != -1 || e_ != (e))				\
			T_FAILF("%s returned %ld errno %s, expected -1 errno %s", \
				#expr, r_, r_ == -1 ? t_errname(e_) : "-", \
				t_errname(e));				\
	} while (0)

/* A t_* helper returning 0 or -errno must return want (0 or -EXXX). */
#define CHECK_RET(expr, want)						\
	do {								\
		int g_ = (expr);					\
		int w_ = (want);					\
		if (g_ != w_)						\
			T_FAILF("%s returned %d (%s), expected %d (%s)", #expr, \
				g_, g_ < 0 ? t_errname(-g_) : "ok",	\
				w_, w_ < 0 ? t_errname(-w_) : "ok");	\
	} while (0)

/* ---- time ---- */

static inline int64_t t_now(clockid_t clock)
{
	struct timespec ts;

	if (clock_gettime(clock, &ts))
		T_FAILF("clock_gettime: %s", strerror(errno));
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline int64_t t_mono(void)
{
	return t_now(CLOCK_MONOTONIC);
}

/* Absolute CLOCK_MONOTONIC deadline ms milliseconds from now. */
static inline uint64_t t_after_ms(int64_t ms)
{
	return t_mono() + ms * 1000000;
}

static inline int64_t t_ms_since(int64_t start_ns)
{
	return (t_mono() - start_ns) / 1000000;
}

static inline void t_sleep_ms(int64_t ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* ---- watchdog ---- */

static void t_watchdog_fired(int sig)
{
	static const char msg[] = "FAIL: watchdog: the test hung\n";

	(void)sig;
	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(T_FAIL);
	_exit(T_FAIL);
}

static inline void t_watchdog(unsigned int seconds)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = t_watchdog_fired;
	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds);
}

/* ---- the device and events ---- */

/* Open /dev/ntevent, or skip the test when it is not there. */
static inline int t_open_dev(void)
{
	static bool armed;
	int fd;

	if (!armed) {
		armed = true;
		t_watchdog(T_WATCHDOG_S);
	}
	fd = open("/dev/ntevent", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
			t_skip("/dev/ntevent is absent (%s): module not loaded",
			       t_errname(errno));
		T_FAILF("open /dev/ntevent: %s", strerror(errno));
	}
	return fd;
}

/* NTEVENT_IOC_CREATE with full arguments: the new fd, or -errno. */
static inline int t_create_raw(int dev, uint32_t type, uint32_t state,
			       uint32_t access)
{
	struct ntevent_create_args a;

	memset(&a, 0, sizeof(a));
	a.type = type;
	a.state = state;
	a.access = access;
	a.fd = 0xdeadbeef;
	if (ioctl(dev, NTEVENT_IOC_CREATE, &a))
		return -errno;
	return (int)a.fd;
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
	struct ntevent_dup_args a;

	memset(&a, 0, sizeof(a));
	a.access = access;
	a.flags = flags;
	a.fd = 0xdeadbeef;
	if (ioctl(fd, NTEVENT_IOC_DUP, &a))
		return -errno;
	return (int)a.fd;
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

/* ---- threads and processes ---- */

static inline pid_t t_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

static inline void t_thread(pthread_t *th, void *(*fn)(void *), void *arg)
{
	pthread_attr_t attr;
	int err;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 256 * 1024);
	err = pthread_create(th, &attr, fn, arg);
	pthread_attr_destroy(&attr);
	if (err)
		T_FAILF("pthread_create: %s", strerror(err));
}

/* Join a thread; taking more than T_JOIN_S seconds is a hang: fail. */
static inline void *t_join(pthread_t th)
{
	struct timespec ts;
	void *ret = NULL;
	int err;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += T_JOIN_S;
	err = pthread_timedjoin_np(th, &ret, &ts);
	if (err == ETIMEDOUT)
		T_FAILF("a thread did not finish within %d s: hang", T_JOIN_S);
	if (err)
		T_FAILF("pthread_timedjoin_np: %s", strerror(err));
	return ret;
}

/*
 * Wait until task tid (a thread of ours or a child) sleeps ('S') inside
 * system call nr (-1: any system call), i.e. it is blocked in that call.
 * Fails after 5 s. Without /proc/PID/syscall, the state alone is used,
 * plus a short grace sleep.
 */
static inline void t_await_sleep(pid_t tid, long nr)
{
	int64_t start = t_mono();
	char path[64], buf[512];

	for (;;) {
		bool sleeping = false, in_call = false, no_syscall = false;
		FILE *f;

		snprintf(path, sizeof(path), "/proc/%d/stat", (int)tid);
		f = fopen(path, "re");
		if (f) {
			if (fgets(buf, sizeof(buf), f)) {
				char *p = strrchr(buf, ')');

				sleeping = p && p[1] == ' ' && p[2] == 'S';
			}
			fclose(f);
		}
		if (sleeping) {
			snprintf(path, sizeof(path), "/proc/%d/syscall",
				 (int)tid);
			f = fopen(path, "re");
			if (!f) {
				no_syscall = true;
			} else {
				if (fgets(buf, sizeof(buf), f)) {
					char *end;
					long n = strtol(buf, &end, 10);

					if (end != buf)
						in_call = nr < 0 || n == nr;
				} else {
					no_syscall = true;
				}
				fclose(f);
			}
		}
		if (sleeping && no_syscall) {
			t_sleep_ms(50);
			return;
		}
		if (sleeping && in_call)
			return;
		if (t_ms_since(start) > 5000)
			T_FAILF("task %d did not block in system call %ld within 5 s",
				(int)tid, nr);
		t_sleep_ms(2);
	}
}

/* Reap a child within T_JOIN_S seconds (else kill it and fail). */
static inline int t_reap(pid_t pid)
{
	int64_t start = t_mono();
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			return status;
		if (r < 0)
			T_FAILF("waitpid %d: %s", (int)pid, strerror(errno));
		if (t_ms_since(start) > T_JOIN_S * 1000) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			T_FAILF("child %d did not finish within %d s: hang",
				(int)pid, T_JOIN_S);
		}
		t_sleep_ms(2);
	}
}

/* The child must have exited with status 0. */
static inline void t_reap_ok(pid_t pid)
{
	int status = t_reap(pid);

	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFSIGNALED(status))
			T_FAILF("child %d was killed by signal %d", (int)pid,
				WTERMSIG(status));
		T_FAILF("child %d failed (exit status %d)", (int)pid,
			WEXITSTATUS(status));
	}
}

static inline pid_t t_fork(void)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		T_FAILF("fork: %s", strerror(errno));
	return pid;
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
	t_await_sleep(atomic_load(&w->tid), SYS_ioctl);
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

/* ---- memory that faults ---- */

/* A page that cannot be read or written. */
static inline void *t_bad_page(void)
{
	void *p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0);

	if (p == MAP_FAILED)
		T_FAILF("mmap: %s", strerror(errno));
	return p;
}

/* Make a page (from t_pages) read-only. */
static inline void t_page_readonly(void *p)
{
	if (mprotect(p, 4096, PROT_READ))
		T_FAILF("mprotect: %s", strerror(errno));
}

/* n writable pages, followed by one inaccessible page. */
static inline void *t_pages(int n)
{
	char *p = mmap(NULL, (size_t)(n + 1) * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		T_FAILF("mmap: %s", strerror(errno));
	if (mprotect(p + (size_t)n * 4096, 4096, PROT_NONE))
		T_FAILF("mprotect: %s", strerror(errno));
	return p;
}

/* Number of open file descriptors of this process. */
static inline int t_count_fds(void)
{
	int fd, n = 0;

	for (fd = 0; fd < 4096; fd++) {
		if (fcntl(fd, F_GETFD) >= 0)
			n++;
	}
	return n;
}

/* The lowest free fd number (what the next open would get). */
static inline int t_next_fd(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		T_FAILF("open /dev/null: %s", strerror(errno));
	close(fd);
	return fd;
}

/* ==== named events (NTEVENT_IOC_OPEN): the name_* and kdriver_* tests ==== */

#include <grp.h>
#include <sys/stat.h>

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

/*
 * A name of this test and process: NTEVENT_NAME_PREFIX, the program's name,
 * the pid and tag. Returns buf.
 */
static inline char *t_name(char *buf, size_t len, const char *tag)
{
	snprintf(buf, len, "%s%s.%d.%s", NTEVENT_NAME_PREFIX,
		 program_invocation_short_name, (int)getpid(), tag);
	return buf;
}

/* Run a shell command: its exit status, or 128 + the signal that ended it. */
static inline int t_system(const char *cmd)
{
	int st;

	fflush(NULL);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Skip the test unless it runs as root (it changes its ids). */
static inline void t_need_root(void)
{
	if (geteuid() != 0)
		t_skip("needs root (euid %d)", (int)geteuid());
}

/* Become uid/gid with no supplementary groups, for good (a child's job). */
static inline void t_become(uid_t uid, gid_t gid)
{
	if (setgroups(0, NULL) || setgid(gid) || setuid(uid))
		T_FAILF("becoming uid %d gid %d: %s", (int)uid, (int)gid,
			strerror(errno));
	if (geteuid() != uid || getegid() != gid)
		T_FAILF("still euid %d egid %d", (int)geteuid(),
			(int)getegid());
}

/*
 * Run fn(arg) in a child that has become uid/gid (no supplementary
 * groups); the child must exit 0 (fn returning counts as that).
 */
static inline void t_run_as(uid_t uid, gid_t gid, void (*fn)(void *),
			    void *arg)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		t_become(uid, gid);
		fn(arg);
		_exit(0);
	}
	t_reap_ok(pid);
}

/* ---- /proc/self/fdinfo ---- */

/* The fdinfo text of descriptor fd, into buf. */
static inline char *t_fdinfo(int fd, char *buf, size_t len)
{
	char path[64];
	ssize_t n;
	int f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = CHECK_OK(open(path, O_RDONLY | O_CLOEXEC));
	n = CHECK_OK(read(f, buf, len - 1));
	close(f);
	buf[n] = 0;
	return buf;
}

/* Does fd's fdinfo have this whole line? */
static inline bool t_fdinfo_has(int fd, const char *line)
{
	char buf[4096], want[600];
	const char *p;

	t_fdinfo(fd, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%s\n", line);
	for (p = buf; (p = strstr(p, want)); p++)
		if (p == buf || p[-1] == '\n')
			return true;
	return false;
}

/* fd's fdinfo must have this whole line. */
#define T_FDINFO_LINE(fd, line)						\
	do {								\
		char b_[4096];						\
		CHECK_MSG(t_fdinfo_has((fd), (line)),			\
			  "fdinfo of fd %d lacks the line \"%s\":\n%s",	\
			  (fd), (line), t_fdinfo((fd), b_, sizeof(b_)));	\
	} while (0)

/* ---- fault injection (fail-nth with failslab; the debug kernel) ---- */

#define T_FAILSLAB	"/sys/kernel/debug/failslab/"

static int t_failnth_fd = -1;

static inline int t_put_file(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, val, strlen(val));
	close(fd);
	return n == (ssize_t)strlen(val) ? 0 : -1;
}

/*
 * Make fail-nth reach GFP_KERNEL slab allocations, quietly; exit 77 (skip)
 * where the kernel has no fail-nth or failslab.
 */
static inline void t_failnth_setup(void)
{
	t_failnth_fd = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (t_failnth_fd < 0 ||
	    t_put_file(T_FAILSLAB "ignore-gfp-wait", "N") ||
	    t_put_file(T_FAILSLAB "verbose", "0")) {
		printf("no fail-nth/failslab here: skipped\n");
		exit(T_SKIP);
	}
}

/* Back to failslab's default. */
static inline void t_failnth_done(void)
{
	t_put_file(T_FAILSLAB "ignore-gfp-wait", "Y");
}

/* Fail the nth fault-injection point of this thread's next calls. */
static inline void t_fail_nth(int n)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%d", n);
	if (pwrite(t_failnth_fd, buf, strlen(buf), 0) < 0)
		T_FAILF("fail-nth write: %s", strerror(errno));
}

/* True if the injected fault fired during the last call. */
static inline bool t_fault_fired(void)
{
	char buf[16] = "";

	if (pread(t_failnth_fd, buf, sizeof(buf) - 1, 0) < 0)
		T_FAILF("fail-nth read: %s", strerror(errno));
	return atoi(buf) == 0;
}

#endif /* NTEVENT_TEST_T_H */
