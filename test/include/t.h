/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * The ntevent test harness: what every user-space test program shares, the
 * ABI tests of test/user and the library tests of test/lib alike. Each tree
 * adds only its own helpers on top (test/user/abi.h: raw ioctls;
 * test/lib/api.h: states and strings through the library).
 *
 * A test is a small program: exit 0 = pass, 1 = fail, 77 = skip (the
 * convention of liburing's and the kernel's selftests); test/run-tests
 * runs them. A missing /dev/ntevent is a skip. A failed check prints
 * "FAIL <program> file:line: what was expected and what was got" and ends
 * the program at once, from any thread. Nothing waits forever: joins and
 * reaps are bounded (T_JOIN_S), waits use deadlines, and a watchdog alarm
 * (T_WATCHDOG_S, armed by t_require_device) fails a test that hangs anyway.
 * Timing checks are generous: the VM is emulated and its clock jitters.
 */
#ifndef NTEVENT_TEST_HARNESS_H
#define NTEVENT_TEST_HARNESS_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define T_PASS	0
#define T_FAIL	1
#define T_SKIP	77

/* Seconds before the watchdog fails a hung test (run-tests allows 120). */
#ifndef T_WATCHDOG_S
#define T_WATCHDOG_S	60
#endif
/* Seconds a thread join or a child reap may take before it is a hang. */
#define T_JOIN_S	15
/* Milliseconds a task may take to block, or a thread to get going. */
#define T_START_MS	10000

#define T_UNUSED	__attribute__((unused))

#define T_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The name of an errno value, of either sign ("EINVAL"; "0" for none). */
static inline const char *t_errname(int e)
{
	const char *n;

	if (e < 0)
		e = -e;
	n = e ? strerrorname_np(e) : "0";
	return n ? n : "?";
}

/*
 * The row of a table-driven test now running (NULL: none), named in every
 * failure: set it at the top of each row.
 */
static const char *t_case;

/*
 * "<what> <program>[ <case>][ file:line]: <message>" on stderr, then exit
 * with code.
 */
__attribute__((format(printf, 5, 0), noreturn)) static inline void
t_end(int code, const char *what, const char *file, int line,
      const char *fmt, va_list ap)
{
	char buf[1024], where[256] = "";
	int n;

	if (t_case)
		snprintf(where, sizeof(where), " [%s]", t_case);
	if (file)
		n = snprintf(buf, sizeof(buf), "%s %s%s %s:%d: ", what,
			     program_invocation_short_name, where, file, line);
	else
		n = snprintf(buf, sizeof(buf), "%s %s%s: ", what,
			     program_invocation_short_name, where);
	if (n >= 0 && n < (int)sizeof(buf))
		vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	fprintf(stderr, "%s\n", buf);
	_exit(code);
}

/* Report a failure and end the whole test, whichever thread we are in. */
__attribute__((format(printf, 3, 4), noreturn)) static inline void
t_fail_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	t_end(T_FAIL, "FAIL", file, line, fmt, ap);
}

#define T_FAILF(...)	t_fail_at(__FILE__, __LINE__, __VA_ARGS__)

/*
 * for (row = rows; ...; row++) over a table of rows that have a name, with
 * t_case naming the row (and NULL again after the last one): a program
 * drives one state machine over its table, as ntsync's selftest has one
 * TEST per state machine.
 */
#define T_FOR_EACH_ROW(row, rows)					\
	for ((row) = (rows);						\
	     (row) < (rows) + T_ARRAY_SIZE(rows) ?			\
	     (t_case = (row)->name, 1) : (t_case = NULL, 0);		\
	     (row)++)

/* End the test as skipped, saying why. */
__attribute__((format(printf, 1, 2), noreturn)) static inline void
t_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	t_end(T_SKIP, "SKIP", NULL, 0, fmt, ap);
}

/* ---- checks ---- */

/*
 * How many checks passed, in this process; printed at a normal exit
 * ("t: N checks passed"), so a run shows how much each test asserts.
 */
static atomic_long t_checks;

static void __attribute__((destructor)) t_report_checks(void)
{
	fprintf(stderr, "t: %ld checks passed\n", atomic_load(&t_checks));
}

#define T_CHECKED()	atomic_fetch_add(&t_checks, 1)

#define CHECK(cond)							\
	do {								\
		if (!(cond))						\
			T_FAILF("check failed: %s", #cond);		\
		T_CHECKED();						\
	} while (0)

#define CHECK_MSG(cond, ...)						\
	do {								\
		if (!(cond))						\
			T_FAILF(__VA_ARGS__);				\
		T_CHECKED();						\
	} while (0)

#define CHECK_EQ(got, want)						\
	do {								\
		long long g_ = (long long)(got);			\
		long long w_ = (long long)(want);			\
		if (g_ != w_)						\
			T_FAILF("%s is %lld (%#llx), expected %s = %lld (%#llx)", \
				#got, g_, g_, #want, w_, w_);		\
		T_CHECKED();						\
	} while (0)

/* An NTSTATUS (or any 32-bit code), printed in hex. */
#define CHECK_ST(got, want)						\
	do {								\
		uint32_t g_ = (uint32_t)(got);				\
		uint32_t w_ = (uint32_t)(want);				\
		if (g_ != w_)						\
			T_FAILF("%s is %#010x, expected %s = %#010x",	\
				#got, g_, #want, w_);			\
		T_CHECKED();						\
	} while (0)

/* expr (a syscall-like call) must succeed, i.e. not return -1. */
#define CHECK_OK(expr)							\
	({								\
		errno = 0;						\
		long r_ = (long)(expr);					\
		if (r_ == -1)						\
			T_FAILF("%s failed: %s (%s)", #expr,		\
				t_errname(errno), strerror(errno));	\
		T_CHECKED();						\
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
		T_CHECKED();						\
	} while (0)

/* A call returning 0 (or a descriptor) or -errno must return want. */
#define CHECK_RET(expr, want)						\
	do {								\
		int g_ = (expr);					\
		int w_ = (want);					\
		if (g_ != w_)						\
			T_FAILF("%s returned %d (%s), expected %d (%s)", #expr, \
				g_, g_ < 0 ? t_errname(g_) : "ok",	\
				w_, w_ < 0 ? t_errname(w_) : "ok");	\
		T_CHECKED();						\
	} while (0)

/* An elapsed time must lie in [lo, hi] milliseconds. */
#define CHECK_MS(elapsed, lo, hi)					\
	do {								\
		long long e_ = (long long)(elapsed);			\
		if (e_ < (lo) || e_ > (hi))				\
			T_FAILF("%s took %lld ms, expected %d..%d ms",	\
				#elapsed, e_, (int)(lo), (int)(hi));	\
		T_CHECKED();						\
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

/* ---- watchdog and the device ---- */

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

/*
 * Open /dev/ntevent, or skip the test when it is absent (the module is not
 * loaded: never a failure). The first call arms the watchdog.
 */
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

/* The same for a test that goes through the library: checks and closes. */
static inline void t_require_device(void)
{
	close(t_open_dev());
}

/* ---- threads ---- */

static inline pid_t t_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

/* Start a thread (256 KiB of stack: tests start many). */
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

/* The first line of a /proc file of task tid into buf; false if none. */
static inline bool t_proc_line(pid_t tid, const char *file, char *buf,
			       size_t len)
{
	char path[64];
	bool ok;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)tid, file);
	f = fopen(path, "re");
	if (!f)
		return false;
	ok = fgets(buf, (int)len, f) != NULL;
	fclose(f);
	return ok;
}

/*
 * Wait until task tid (a thread of ours or a child) sleeps ('S') inside
 * system call nr (SYS_ioctl for a wait; -1: any system call), i.e. it is
 * blocked in that call. Fails after T_START_MS. Without
 * /proc/PID/syscall, the state alone counts, plus a grace sleep.
 */
static inline void t_await_blocked(pid_t tid, long nr)
{
	int64_t start = t_mono();
	char buf[512];

	for (;;) {
		char *p = NULL;

		if (t_proc_line(tid, "stat", buf, sizeof(buf)))
			p = strrchr(buf, ')');
		if (p && p[1] == ' ' && p[2] == 'S') {
			char *end;
			long n;

			if (!t_proc_line(tid, "syscall", buf, sizeof(buf))) {
				t_sleep_ms(100);
				return;
			}
			n = strtol(buf, &end, 10);
			if (end != buf && (nr < 0 || n == nr))
				return;
		}
		if (t_ms_since(start) > T_START_MS)
			T_FAILF("task %d did not block in system call %ld within %d ms",
				(int)tid, nr, T_START_MS);
		t_sleep_ms(2);
	}
}

/* Wait until *flag is true; more than T_START_MS fails. */
static inline void t_await_flag(atomic_bool *flag)
{
	int64_t start = t_mono();

	while (!atomic_load(flag)) {
		if (t_ms_since(start) > T_START_MS)
			T_FAILF("a thread did not get going within %d ms",
				T_START_MS);
		t_sleep_ms(1);
	}
}

/* ---- child processes ---- */

static inline pid_t t_fork(void)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		T_FAILF("fork: %s", strerror(errno));
	if (pid == 0)
		atomic_store(&t_checks, 0);	/* the child counts its own */
	return pid;
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

/* Run a shell command: its exit status, or 128 + the signal that ended it. */
static inline int t_system(const char *cmd)
{
	int st;

	fflush(NULL);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* ---- other users ---- */

#define T_NOBODY	65534

/* Skip the test unless it runs as root (it changes its ids). */
static inline void t_need_root(void)
{
	if (geteuid() != 0)
		t_skip("needs root (euid %d)", (int)geteuid());
}

/* Become uid/gid with no supplementary groups, for good (a child's job). */
static inline void t_become(uid_t uid, gid_t gid)
{
	if (setgroups(0, NULL) || setresgid(gid, gid, gid) ||
	    setresuid(uid, uid, uid))
		T_FAILF("becoming uid %d gid %d: %s", (int)uid, (int)gid,
			strerror(errno));
	if (geteuid() != uid || getegid() != gid)
		T_FAILF("still euid %d egid %d", (int)geteuid(),
			(int)getegid());
}

/*
 * Run fn(arg) in a child that has become uid/gid (no supplementary
 * groups, hence no capability); the child must exit 0 (fn returning
 * counts as that).
 */
static inline void t_run_as(uid_t uid, gid_t gid, void (*fn)(void *),
			    void *arg)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		t_become(uid, gid);
		fn(arg);
		exit(0);	/* not _exit: the child reports its checks */
	}
	t_reap_ok(pid);
}

/*
 * t_run_as nobody (65534), if this process is root and so can become
 * someone else; false, running nothing, if it is not.
 */
static inline T_UNUSED bool t_as_nobody(void (*fn)(void *), void *arg)
{
	if (geteuid() != 0)
		return false;
	t_run_as(T_NOBODY, T_NOBODY, fn, arg);
	return true;
}

/* ---- signals: the user-mode APC ---- */

static atomic_int t_handler_runs;

static void t_handler(int sig)
{
	(void)sig;
	atomic_fetch_add(&t_handler_runs, 1);
}

/*
 * A counting handler for SIGUSR1, without SA_RESTART (so only the library
 * and the kernel decide whether a wait goes on).
 */
static inline T_UNUSED void t_install_handler(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = t_handler;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL))
		T_FAILF("sigaction: %s", strerror(errno));
}

/*
 * A thread that sends SIGUSR1 to a target thread: once after it blocks
 * (count 1), or every period_ms while the target runs (until stop).
 */
struct t_signaller {
	pthread_t target;
	pid_t target_tid;
	int count;		/* signals to send; 0: until stop */
	int period_ms;
	int max_ms;		/* stop after this long anyway */
	atomic_bool stop;
	atomic_int sent;
	pthread_t th;
};

static inline void *t_signaller_fn(void *p)
{
	struct t_signaller *s = p;
	int64_t start;

	t_await_blocked(s->target_tid, SYS_ioctl);
	start = t_mono();
	while (!atomic_load(&s->stop) &&
	       (!s->count || atomic_load(&s->sent) < s->count) &&
	       t_ms_since(start) < s->max_ms) {
		if (pthread_kill(s->target, SIGUSR1) == 0)
			atomic_fetch_add(&s->sent, 1);
		t_sleep_ms(s->period_ms);
	}
	return NULL;
}

/* Start signalling the calling thread (which is about to wait). */
static inline T_UNUSED void t_signaller_start(struct t_signaller *s,
					      int count, int period_ms,
					      int max_ms)
{
	memset(s, 0, sizeof(*s));
	s->target = pthread_self();
	s->target_tid = t_gettid();
	s->count = count;
	s->period_ms = period_ms;
	s->max_ms = max_ms;
	t_thread(&s->th, t_signaller_fn, s);
}

static inline T_UNUSED void t_signaller_stop(struct t_signaller *s)
{
	atomic_store(&s->stop, true);
	t_join(s->th);
}

/* ---- descriptors and memory ---- */

/* A pipe's read end: a descriptor of the wrong kind. */
static inline T_UNUSED int t_pipe_fd(void)
{
	int p[2];

	CHECK_OK(pipe2(p, O_CLOEXEC));
	close(p[1]);
	return p[0];
}

/*
 * A descriptor number that is not open, and high enough that no open()
 * or create in the test will be given it.
 */
static inline T_UNUSED int t_closed_fd(void)
{
	const int fd = 1000;

	close(fd);
	return fd;
}

/* Number of open file descriptors of this process. */
static inline T_UNUSED int t_count_fds(void)
{
	int fd, n = 0;

	for (fd = 0; fd < 4096; fd++) {
		if (fcntl(fd, F_GETFD) >= 0)
			n++;
	}
	return n;
}

/* The lowest free fd number (what the next open would get). */
static inline T_UNUSED int t_next_fd(void)
{
	int fd = CHECK_OK(open("/dev/null", O_RDONLY | O_CLOEXEC));

	close(fd);
	return fd;
}

/* n writable pages, followed by one inaccessible page. */
static inline T_UNUSED void *t_pages(int n)
{
	char *p = mmap(NULL, (size_t)(n + 1) * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		T_FAILF("mmap: %s", strerror(errno));
	CHECK_OK(mprotect(p + (size_t)n * 4096, 4096, PROT_NONE));
	return p;
}

/* A page that cannot be read or written. */
static inline T_UNUSED void *t_bad_page(void)
{
	return t_pages(0);
}

/* Make a page (from t_pages) read-only. */
static inline T_UNUSED void t_page_readonly(void *p)
{
	CHECK_OK(mprotect(p, 4096, PROT_READ));
}

/* ---- loopback sockets (lo must be up: the VM's init does it) ---- */

#include <netinet/in.h>
#include <sys/socket.h>

/* A socket of type (SOCK_STREAM, SOCK_DGRAM) bound to 127.0.0.1:0. */
static inline T_UNUSED int t_bound(int type, struct sockaddr_in *addr)
{
	socklen_t len = sizeof(*addr);
	int s = CHECK_OK(socket(AF_INET, type | SOCK_CLOEXEC, 0));

	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK_OK(bind(s, (struct sockaddr *)addr, sizeof(*addr)));
	CHECK_OK(getsockname(s, (struct sockaddr *)addr, &len));
	return s;
}

/* A listening TCP socket on 127.0.0.1; its address in *addr. */
static inline T_UNUSED int t_listener(struct sockaddr_in *addr)
{
	int s = t_bound(SOCK_STREAM, addr);

	CHECK_OK(listen(s, 16));
	return s;
}

/* A TCP socket connected (or, non-blocking, connecting) to addr. */
static inline T_UNUSED int t_connect(const struct sockaddr_in *addr,
				     bool nonblock)
{
	int s = CHECK_OK(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC |
				(nonblock ? SOCK_NONBLOCK : 0), 0));

	if (connect(s, (const struct sockaddr *)addr, sizeof(*addr)) &&
	    !(nonblock && errno == EINPROGRESS))
		T_FAILF("connect: %s", t_errname(errno));
	return s;
}

/* Pass descriptor fd over the unix socket sock (SCM_RIGHTS). */
static inline T_UNUSED void t_send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	char byte = 'e';
	struct iovec iov = { &byte, 1 };
	struct msghdr msg;
	struct cmsghdr *c;

	memset(&msg, 0, sizeof(msg));
	memset(cbuf, 0, sizeof(cbuf));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cbuf;
	msg.msg_controllen = sizeof(cbuf);
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	CHECK_EQ(CHECK_OK(sendmsg(sock, &msg, 0)), 1);
}

/* Receive a descriptor passed over sock (O_CLOEXEC). */
static inline T_UNUSED int t_recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	char byte;
	struct iovec iov = { &byte, 1 };
	struct msghdr msg;
	struct cmsghdr *c;
	int fd;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cbuf;
	msg.msg_controllen = sizeof(cbuf);
	CHECK_EQ(CHECK_OK(recvmsg(sock, &msg, MSG_CMSG_CLOEXEC)), 1);
	c = CMSG_FIRSTHDR(&msg);
	CHECK(c && c->cmsg_type == SCM_RIGHTS);
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

/* ---- names and /proc ---- */

/*
 * A name no other test, and no other run of this one, uses:
 * \BaseNamedObjects\<program>.<pid>.<tag>. Returns buf.
 */
static inline T_UNUSED char *t_name(char *buf, size_t size, const char *tag)
{
	int n = snprintf(buf, size, "\\BaseNamedObjects\\%s.%d.%s",
			 program_invocation_short_name, (int)getpid(), tag);

	if (n < 0 || (size_t)n >= size)
		T_FAILF("name buffer too small for %s", tag);
	return buf;
}

/* The fdinfo text of descriptor fd, into buf. */
static inline T_UNUSED char *t_fdinfo(int fd, char *buf, size_t len)
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
static inline T_UNUSED bool t_fdinfo_has(int fd, const char *line)
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
 * Make fail-nth reach GFP_KERNEL slab allocations, quietly; skip where the
 * kernel has no fail-nth or failslab.
 */
static inline T_UNUSED void t_failnth_setup(void)
{
	t_failnth_fd = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (t_failnth_fd < 0 ||
	    t_put_file(T_FAILSLAB "ignore-gfp-wait", "N") ||
	    t_put_file(T_FAILSLAB "verbose", "0"))
		t_skip("no fail-nth/failslab in this kernel");
}

/* Back to failslab's default. */
static inline T_UNUSED void t_failnth_done(void)
{
	t_put_file(T_FAILSLAB "ignore-gfp-wait", "Y");
}

/* Fail the nth fault-injection point of this thread's next calls. */
static inline T_UNUSED void t_fail_nth(int n)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%d", n);
	if (pwrite(t_failnth_fd, buf, strlen(buf), 0) < 0)
		T_FAILF("fail-nth write: %s", strerror(errno));
}

/* True if the injected fault fired during the last call. */
static inline T_UNUSED bool t_fault_fired(void)
{
	char buf[16] = "";

	if (pread(t_failnth_fd, buf, sizeof(buf) - 1, 0) < 0)
		T_FAILF("fail-nth read: %s", strerror(errno));
	return atoi(buf) == 0;
}

/*
 * One operation for t_failnth_sweep(): call makes the attempt (>= 0, such
 * as a new descriptor, or -errno); the optional hooks prepare each attempt,
 * take back what a successful one did, and check that a failed one changed
 * nothing.
 */
struct t_nth_op {
	const char *name;
	void (*prepare)(void *arg);
	int (*call)(void *arg);
	void (*undo)(void *arg, int ret);
	void (*unchanged)(void *arg);
};

/*
 * The fail-nth sweep: op's call with its 1st, 2nd, ... fault-injection
 * point failing (t_failnth_setup() first), until a call runs to its end
 * without reaching the nth. Each call that a fault made fail must fail
 * with ENOMEM and leave the descriptors and, per op->unchanged, the events
 * as they were; a fault the kernel absorbs (the call succeeds) is fine.
 * Returns how many calls failed so.
 */
static inline T_UNUSED int t_failnth_sweep(const struct t_nth_op *op,
					   void *arg)
{
	int n, ret, before, failed = 0;
	bool fired;

	t_case = op->name;
	for (n = 1; n < 1000; n++) {
		before = t_count_fds();
		if (op->prepare)
			op->prepare(arg);
		t_fail_nth(n);
		ret = op->call(arg);
		fired = t_fault_fired();
		t_fail_nth(0);
		if (ret >= 0) {
			if (op->undo)
				op->undo(arg, ret);
			if (!fired)
				break;
			continue;
		}
		CHECK_MSG(fired, "failed with %s and no fault injected (n = %d)",
			  t_errname(ret), n);
		failed++;
		CHECK_MSG(ret == -ENOMEM, "fault %d injected: %s, expected ENOMEM",
			  n, t_errname(ret));
		CHECK_EQ(t_count_fds(), before);
		if (op->unchanged)
			op->unchanged(arg);
	}
	CHECK_MSG(n < 1000, "still reaching new fault points after %d", n);
	t_case = NULL;
	return failed;
}

/*
 * Sweep each of the n operations (t_failnth_setup() and _done() around
 * them), print how many faults each took, and fail an operation that no
 * fault reached: its allocations are not where the test thinks.
 */
static inline T_UNUSED void t_failnth_sweep_all(const struct t_nth_op *ops,
						size_t n, void *arg)
{
	size_t i;
	int failed;

	t_failnth_setup();
	for (i = 0; i < n; i++) {
		failed = t_failnth_sweep(&ops[i], arg);
		printf("%s: %d allocation failures injected, each ENOMEM, nothing changed\n",
		       ops[i].name, failed);
		t_case = ops[i].name;
		CHECK_MSG(failed >= 1, "no allocation of %s failed",
			  ops[i].name);
		t_case = NULL;
	}
	t_failnth_done();
}

#endif /* NTEVENT_TEST_HARNESS_H */
