// SPDX-License-Identifier: GPL-2.0
/*
 * The CLOCK_MONOTONIC deadline is read on the caller's own clock: in a
 * time namespace whose monotonic clock is offset (by +100000 s here), a
 * deadline 300 ms ahead on that clock ends the wait after ~300 ms, and a
 * deadline already past polls, as for clock_nanosleep(TIMER_ABSTIME) or
 * timerfd. In a namespace whose clock is behind the host's (-1 s), a
 * deadline just short of forever is not carried past KTIME_MAX into the
 * past: the wait still waits, and a set ends it. Skips without time
 * namespaces (CONFIG_TIME_NS, CAP_SYS_ADMIN).
 */
#include "abi.h"

#include <sched.h>

#define OFFSET_S	100000LL

static int dev, e;

/* In the child: a wait with deadline d (this namespace's clock). */
static void child_wait(uint64_t deadline, int64_t min_ms, const char *what)
{
	struct t_waiter w;
	int64_t start = t_mono();
	pthread_t th;

	t_waiter_init1(&w, dev, e, 0);
	w.timeout = deadline;
	t_thread(&th, t_waiter_fn, &w);
	if (t_await_done(&w, 1, 1, 4000) != 1)
		T_FAILF("%s: the wait did not end within 4 s: the deadline was not read on this time namespace's CLOCK_MONOTONIC",
			what);
	t_join(th);
	CHECK_RET(w.ret, -ETIMEDOUT);
	CHECK_MSG(t_ms_since(start) >= min_ms, "%s: ended after %lld ms",
		  what, (long long)t_ms_since(start));
}

/* Enter a new time namespace with this monotonic offset: 0 or -errno. */
static int enter_timens(long long offset_s)
{
	char buf[64];
	int fd, n;

	if (unshare(CLONE_NEWTIME))
		return -errno;
	fd = open("/proc/self/timens_offsets", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = snprintf(buf, sizeof(buf), "monotonic %lld 0\n", offset_s);
	CHECK_EQ(CHECK_OK(write(fd, buf, n)), n);
	close(fd);
	return 0;
}

/* In a namespace 1 s behind: a deadline of 2^63 - 2 ns still waits. */
static void far_deadline(void)
{
	pid_t pid;

	CHECK_OK(enter_timens(-1));
	pid = t_fork();
	if (pid == 0) {
		struct t_waiter w;
		pthread_t th;

		t_waiter_init1(&w, dev, e, 0);
		w.timeout = (uint64_t)INT64_MAX - 1;
		t_thread(&th, t_waiter_fn, &w);
		CHECK_MSG(t_await_done(&w, 1, 1, 300) == 0,
			  "a deadline near KTIME_MAX ended the wait at once: %s",
			  t_errname(-w.ret));
		CHECK_EQ(t_set(e), 0);
		t_join(th);
		CHECK_RET(w.ret, 0);
		_exit(0);
	}
	t_reap_ok(pid);
	_exit(0);
}

int main(void)
{
	int64_t host_now;
	pid_t pid;
	int n;

	dev = t_open_dev();
	e = t_create(dev, T_AUTO, 0);
	n = enter_timens(OFFSET_S);
	if (n == -EINVAL || n == -EPERM || n == -ENOENT)
		t_skip("no time namespaces: %s", t_errname(-n));
	CHECK_OK(n);

	host_now = t_mono();
	pid = t_fork();
	if (pid == 0) {
		int64_t skew = t_mono() - host_now;

		if (skew < (OFFSET_S - 10) * 1000000000LL)
			t_skip("the time namespace offset did not apply");
		child_wait(t_mono() - 1000000, 0, "past deadline");
		child_wait(t_after_ms(300), 250, "300 ms deadline");
		_exit(0);
	}
	{
		int status = t_reap(pid);

		if (WIFEXITED(status) && WEXITSTATUS(status) == T_SKIP)
			return T_SKIP;
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			T_FAILF("the child in the time namespace failed");
	}
	CHECK_STATE(e, 0);
	/* A fresh process for the second namespace: one per process. */
	pid = t_fork();
	if (pid == 0)
		far_deadline();
	t_reap_ok(pid);
	CHECK_STATE(e, 0);
	return T_PASS;
}
