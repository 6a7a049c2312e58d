/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent tests: shared helpers.
 *
 * Every test is a small program: exit 0 = pass, 1 = fail, 77 = skip. A
 * missing /dev/ntevent is a skip, never a failure. A failed check prints
 * file:line, what was expected and what was got, and exits 1 at once
 * (from any thread). Nothing waits forever: thread joins and child reaps
 * are bounded and a watchdog alarm fails a test that hangs anyway. Timing
 * checks are generous: the VM is emulated and its clock jitters.
 */
#ifndef NTEVENT_LIBTEST_H
#define NTEVENT_LIBTEST_H

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
#include <grp.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LT_PASS	0
#define LT_FAIL	1
#define LT_SKIP	77

#ifndef LT_WATCHDOG_S
#define LT_WATCHDOG_S	60
#endif
/* Seconds a thread join or a child reap may take before it is a hang. */
#define LT_JOIN_S	15

#define LT_UNUSED	__attribute__((unused))

static inline const char *lt_errname(int e)
{
	const char *n;

	if (e < 0)
		e = -e;
	n = e ? strerrorname_np(e) : "0";
	return n ? n : "?";
}

__attribute__((format(printf, 3, 4), noreturn)) static inline void
lt_fail_at(const char *file, int line, const char *fmt, ...)
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
	_exit(LT_FAIL);
}

#define LT_FAILF(...)	lt_fail_at(__FILE__, __LINE__, __VA_ARGS__)

__attribute__((format(printf, 1, 2), noreturn)) static inline void
lt_skip(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "SKIP %s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	_exit(LT_SKIP);
}

#define CHECK(cond)							\
	do {								\
		if (!(cond))						\
			LT_FAILF("check failed: %s", #cond);		\
	} while (0)

#define CHECK_EQ(got, want)						\
	do {								\
		long long g_ = (long long)(got);			\
		long long w_ = (long long)(want);			\
		if (g_ != w_)						\
			LT_FAILF("%s is %lld (%#llx), expected %s = %lld (%#llx)", \
				 #got, g_, g_, #want, w_, w_);		\
	} while (0)

/* An NTSTATUS (or any 32-bit code), printed in hex. */
#define CHECK_ST(got, want)						\
	do {								\
		uint32_t g_ = (uint32_t)(got);				\
		uint32_t w_ = (uint32_t)(want);				\
		if (g_ != w_)						\
			LT_FAILF("%s is %#010x, expected %s = %#010x",	\
				 #got, g_, #want, w_);			\
	} while (0)

/* A native call returning 0 or -errno must return want. */
#define CHECK_RET(expr, want)						\
	do {								\
		int g_ = (expr);					\
		int w_ = (want);					\
		if (g_ != w_)						\
			LT_FAILF("%s returned %d (%s), expected %d (%s)", #expr, \
				 g_, g_ < 0 ? lt_errname(g_) : "ok",	\
				 w_, w_ < 0 ? lt_errname(w_) : "ok");	\
	} while (0)

/* A libc call that must not return -1. */
#define CHECK_SYS(expr)							\
	({								\
		long r_ = (long)(expr);					\
		if (r_ == -1)						\
			LT_FAILF("%s failed: %s", #expr, strerror(errno)); \
		r_;							\
	})

/* ---- time ---- */

static inline int64_t lt_now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline int64_t lt_mono(void)
{
	return lt_now(CLOCK_MONOTONIC);
}

static inline int64_t lt_ms_since(int64_t start_ns)
{
	return (lt_mono() - start_ns) / 1000000;
}

static inline void lt_sleep_ms(int64_t ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* An elapsed time must lie in [lo, hi] milliseconds. */
#define CHECK_MS(elapsed, lo, hi)					\
	do {								\
		long long e_ = (long long)(elapsed);			\
		if (e_ < (lo) || e_ > (hi))				\
			LT_FAILF("%s took %lld ms, expected %d..%d ms",	\
				 #elapsed, e_, (int)(lo), (int)(hi));	\
	} while (0)

/* ---- setup ---- */

static void lt_watchdog_fired(int sig)
{
	static const char msg[] = "FAIL: watchdog: the test hung\n";

	(void)sig;
	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(LT_FAIL);
	_exit(LT_FAIL);
}

static inline void lt_watchdog(unsigned int seconds)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = lt_watchdog_fired;
	sigaction(SIGALRM, &sa, NULL);
	alarm(seconds);
}

/*
 * Arm the watchdog and skip the test when /dev/ntevent is absent (the
 * module is not loaded): that is never a failure.
 */
static inline void lt_require_device(void)
{
	int fd;

	lt_watchdog(LT_WATCHDOG_S);
	fd = open("/dev/ntevent", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
			lt_skip("/dev/ntevent is absent (%s): module not loaded",
				lt_errname(errno));
		LT_FAILF("open /dev/ntevent: %s", strerror(errno));
	}
	close(fd);
}

/* ---- threads and processes ---- */

static inline pid_t lt_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

static inline void lt_thread(pthread_t *th, void *(*fn)(void *), void *arg)
{
	int err = pthread_create(th, NULL, fn, arg);

	if (err)
		LT_FAILF("pthread_create: %s", strerror(err));
}

/* Join a thread; more than LT_JOIN_S seconds is a hang: fail. */
static inline void *lt_join(pthread_t th)
{
	struct timespec ts;
	void *ret = NULL;
	int err;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += LT_JOIN_S;
	err = pthread_timedjoin_np(th, &ret, &ts);
	if (err == ETIMEDOUT)
		LT_FAILF("a thread did not finish within %d s: hang", LT_JOIN_S);
	if (err)
		LT_FAILF("pthread_timedjoin_np: %s", strerror(err));
	return ret;
}

/*
 * Wait until task tid sleeps ('S') inside ioctl(), i.e. it is blocked in
 * a wait. Fails after 10 s. Without /proc/PID/syscall the state alone
 * counts, plus a grace sleep.
 */
static inline void lt_await_blocked(pid_t tid)
{
	int64_t start = lt_mono();
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
			snprintf(path, sizeof(path), "/proc/%d/syscall", (int)tid);
			f = fopen(path, "re");
			if (!f) {
				no_syscall = true;
			} else {
				if (fgets(buf, sizeof(buf), f)) {
					char *end;
					long n = strtol(buf, &end, 10);

					in_call = end != buf && n == SYS_ioctl;
				} else {
					no_syscall = true;
				}
				fclose(f);
			}
		}
		if (sleeping && no_syscall) {
			lt_sleep_ms(100);
			return;
		}
		if (sleeping && in_call)
			return;
		if (lt_ms_since(start) > 10000)
			LT_FAILF("task %d did not block in ioctl() within 10 s",
				 (int)tid);
		lt_sleep_ms(2);
	}
}

/* Wait until *flag is true; more than 10 s fails. */
static inline void lt_await_flag(atomic_bool *flag)
{
	int64_t start = lt_mono();

	while (!atomic_load(flag)) {
		if (lt_ms_since(start) > 10000)
			LT_FAILF("a thread did not get going within 10 s");
		lt_sleep_ms(1);
	}
}

static inline pid_t lt_fork(void)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		LT_FAILF("fork: %s", strerror(errno));
	return pid;
}

/* Reap a child within LT_JOIN_S seconds; it must have exited 0. */
static inline void lt_reap_ok(pid_t pid)
{
	int64_t start = lt_mono();
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			break;
		if (r < 0)
			LT_FAILF("waitpid %d: %s", (int)pid, strerror(errno));
		if (lt_ms_since(start) > LT_JOIN_S * 1000) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			LT_FAILF("child %d did not finish: hang", (int)pid);
		}
		lt_sleep_ms(2);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		LT_FAILF("child %d failed (status %#x)", (int)pid, status);
}

/* ---- signals: the user-mode APC ---- */

static atomic_int lt_handler_runs;

static void lt_handler(int sig)
{
	(void)sig;
	atomic_fetch_add(&lt_handler_runs, 1);
}

/*
 * A counting handler for SIGUSR1, without SA_RESTART (so only the library
 * and the kernel decide whether a wait goes on).
 */
static inline void lt_install_handler(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = lt_handler;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL))
		LT_FAILF("sigaction: %s", strerror(errno));
}

/*
 * A thread that sends SIGUSR1 to a target thread: once after it blocks
 * (count 1), or every period_ms while the target runs (until stop).
 */
struct lt_signaller {
	pthread_t target;
	pid_t target_tid;
	int count;		/* signals to send; 0: until stop */
	int period_ms;
	int max_ms;		/* stop after this long anyway */
	atomic_bool stop;
	atomic_int sent;
	pthread_t th;
};

static inline void *lt_signaller_fn(void *p)
{
	struct lt_signaller *s = p;
	int64_t start;

	lt_await_blocked(s->target_tid);
	start = lt_mono();
	while (!atomic_load(&s->stop) &&
	       (!s->count || atomic_load(&s->sent) < s->count) &&
	       lt_ms_since(start) < s->max_ms) {
		if (pthread_kill(s->target, SIGUSR1) == 0)
			atomic_fetch_add(&s->sent, 1);
		lt_sleep_ms(s->period_ms);
	}
	return NULL;
}

/* Start signalling the calling thread (which is about to wait). */
static inline void lt_signaller_start(struct lt_signaller *s, int count,
				      int period_ms, int max_ms)
{
	memset(s, 0, sizeof(*s));
	s->target = pthread_self();
	s->target_tid = lt_gettid();
	s->count = count;
	s->period_ms = period_ms;
	s->max_ms = max_ms;
	lt_thread(&s->th, lt_signaller_fn, s);
}

static inline void lt_signaller_stop(struct lt_signaller *s)
{
	atomic_store(&s->stop, true);
	lt_join(s->th);
}

/* ---- descriptors that are not events ---- */

/* A pipe's read end, a handle of the wrong kind. */
static inline int lt_pipe_fd(void)
{
	int p[2];

	CHECK_SYS(pipe2(p, O_CLOEXEC));
	close(p[1]);
	return p[0];
}

/*
 * A descriptor number that is not open, and high enough that no open()
 * or create in the test will be given it.
 */
static inline int lt_closed_fd(void)
{
	const int fd = 1000;

	close(fd);
	return fd;
}

/* ---- names ---- */

/*
 * A name no other test, and no other run of this one, uses:
 * \BaseNamedObjects\lt-<program>-<pid>-<tag>. Returns its length.
 */
static inline LT_UNUSED size_t lt_name(char *buf, size_t size, const char *tag)
{
	int n = snprintf(buf, size, "\\BaseNamedObjects\\lt-%s-%d-%s",
			 program_invocation_short_name, (int)getpid(), tag);

	if (n < 0 || (size_t)n >= size)
		LT_FAILF("name buffer too small for %s", tag);
	return (size_t)n;
}

/*
 * Run fn in a child process that has dropped root: uid and gid nobody
 * (65534), no supplementary groups, hence no capability (CAP_IPC_OWNER
 * would override an event's mode). Returns false, running nothing, when
 * this process is not root and cannot drop to another user. The child's
 * exit status is checked: fn must return (or exit) 0.
 */
static inline LT_UNUSED bool lt_as_nobody(void (*fn)(void *), void *arg)
{
	pid_t pid;

	if (geteuid() != 0)
		return false;
	pid = lt_fork();
	if (pid == 0) {
		if (setgroups(0, NULL) || setresgid(65534, 65534, 65534) ||
		    setresuid(65534, 65534, 65534))
			LT_FAILF("dropping root: %s", strerror(errno));
		fn(arg);
		_exit(0);
	}
	lt_reap_ok(pid);
	return true;
}

/* ---- event states, through whichever face the test included ---- */

#ifdef NTEVENT_H
/* The state of an event descriptor (it needs QUERY_STATE). */
static inline LT_UNUSED int lt_state(int fd)
{
	struct ntevent_state st;

	CHECK_RET(ntevent_read(fd, &st), 0);
	return (int)st.state;
}
#endif

#ifdef NTEVENT_NT_H
/* The state of an event handle, by NtQueryEvent. */
static inline LT_UNUSED LONG lt_nt_state(HANDLE h)
{
	EVENT_BASIC_INFORMATION info;

	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	return info.EventState;
}

/* A UTF-16 copy of an ASCII string in buf, and a UNICODE_STRING over it. */
static inline LT_UNUSED void lt_unicode(UNICODE_STRING *us, WCHAR *buf,
					size_t units, const char *ascii)
{
	size_t i, n = strlen(ascii);

	if (n + 1 > units)
		LT_FAILF("UTF-16 buffer too small for %s", ascii);
	for (i = 0; i <= n; i++)
		buf[i] = (WCHAR)(unsigned char)ascii[i];
	RtlInitUnicodeString(us, buf);
}
#endif

#endif /* NTEVENT_LIBTEST_H */
