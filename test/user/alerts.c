// SPDX-License-Identifier: GPL-2.0
/*
 * What interrupts a wait, and what the wait does then. Each row is an
 * interruption (a SIGUSR1 handler with or without SA_RESTART, a burst of
 * them, a handler that sets the awaited event, SIGSTOP then SIGCONT,
 * SIGKILL) crossed with an alertable (NTEVENT_WAIT_ALERTABLE) or plain wait
 * and a wait-any, a wait-all or a signal-and-wait (NTEVENT_WAIT_SIGNAL):
 *
 * - "EINTR": an alertable wait ends with EINTR when a signal handler runs,
 *   with or without SA_RESTART, long before its deadline, consuming
 *   nothing (a wait-all whose other events are signaled leaves them
 *   signaled; what the handler set stays set).
 * - "goes on": a plain wait runs the handler and goes on waiting, then is
 *   satisfied by a set, having consumed nothing in between; a restarted
 *   signal-and-wait does not set signal_fd a second time. EINTR comes only
 *   from a handler: a waiter stopped and continued goes on too, alertable
 *   or not.
 * - "deadline": a plain wait keeps its original absolute deadline: an
 *   800 ms wait hit by signals at ~400 ms still ends at ~800 ms with
 *   ETIMEDOUT (not ~1200 ms, as a relative restart would give).
 * - "handler wakes": a plain wait resumed after a handler that set the
 *   event is satisfied by that set, consuming it.
 * - "dies": a process blocked in a wait without a timeout is killed
 *   promptly by SIGKILL (the wait is not uninterruptible).
 *
 * After each row the events are as expected and usable: nobody is left
 * queued, and a wait-all over them succeeds.
 */
#include "abi.h"

#define TIMEOUT_MS	5000	/* the waits' deadline ("deadline": 800) */
#define DEADLINE_MS	800
#define BURST		5	/* signals in a burst */

/* What interrupts the wait: signals to a thread, or to a child process. */
enum by { USR1, USR1_BURST, USR1_SETS, STOP_CONT, KILL };

enum outcome { ENDS_EINTR, GOES_ON, DEADLINE, HANDLER_WAKES, DIES };

struct row {
	const char *name;
	enum by by;
	bool restart;		/* the handler has SA_RESTART */
	bool alertable;
	bool all;		/* wait-all of (b, a, m), else wait-any of b */
	bool sigwait;		/* signal-and-wait: sets s, then waits */
	enum outcome out;
};

static const struct row rows[] = {
	{ "SIGUSR1, alertable, wait-any",
	  USR1, false, true, false, false, ENDS_EINTR },
	{ "SIGUSR1, alertable, wait-all",
	  USR1, false, true, true, false, ENDS_EINTR },
	{ "SIGUSR1 SA_RESTART, alertable, wait-any",
	  USR1, true, true, false, false, ENDS_EINTR },
	{ "SIGUSR1 SA_RESTART, alertable, wait-all",
	  USR1, true, true, true, false, ENDS_EINTR },
	{ "SIGUSR1, alertable, signal-and-wait",
	  USR1, false, true, false, true, ENDS_EINTR },
	{ "handler sets the event, alertable, wait-any",
	  USR1_SETS, false, true, false, false, ENDS_EINTR },
	{ "SIGUSR1, plain, wait-any",
	  USR1, false, false, false, false, GOES_ON },
	{ "SIGUSR1, plain, wait-all",
	  USR1, false, false, true, false, GOES_ON },
	{ "SIGUSR1 SA_RESTART, plain, wait-any",
	  USR1, true, false, false, false, GOES_ON },
	{ "SIGUSR1 SA_RESTART, plain, wait-all",
	  USR1, true, false, true, false, GOES_ON },
	{ "SIGUSR1, plain, signal-and-wait",
	  USR1, false, false, false, true, GOES_ON },
	{ "SIGUSR1, plain, wait-any to its deadline",
	  USR1, false, false, false, false, DEADLINE },
	{ "SIGUSR1 SA_RESTART, plain, wait-any to its deadline",
	  USR1, true, false, false, false, DEADLINE },
	{ "5 x SIGUSR1, plain, wait-any to its deadline",
	  USR1_BURST, false, false, false, false, DEADLINE },
	{ "handler sets the event, plain, wait-any",
	  USR1_SETS, false, false, false, false, HANDLER_WAKES },
	{ "SIGSTOP/SIGCONT, plain, wait-any",
	  STOP_CONT, false, false, false, false, GOES_ON },
	{ "SIGSTOP/SIGCONT, alertable, wait-any",
	  STOP_CONT, false, true, false, false, GOES_ON },
	{ "SIGSTOP/SIGCONT, alertable, wait-all",
	  STOP_CONT, false, true, true, false, GOES_ON },
	{ "SIGKILL, plain, wait-any",
	  KILL, false, false, false, false, DIES },
	{ "SIGKILL, plain, wait-all",
	  KILL, false, false, true, false, DIES },
	{ "SIGKILL, alertable, wait-any",
	  KILL, false, true, false, false, DIES },
};

static const int outcome_ret[] = {
	[ENDS_EINTR] = -EINTR,
	[GOES_ON] = 0,
	[DEADLINE] = -ETIMEDOUT,
	[HANDLER_WAKES] = 0,
	[DIES] = 1,		/* it never returns */
};

static atomic_int handled;
static int handler_sets = -1;	/* the event the handler sets; -1: none */

static void on_usr1(int sig)
{
	(void)sig;
	if (handler_sets >= 0)
		ioctl(handler_sets, NTEVENT_IOC_SET, NULL);
	atomic_fetch_add(&handled, 1);
}

/*
 * The events of a row: a (auto-reset) and m (manual-reset) signaled, b
 * (auto-reset) not: what the waits wait for; s (auto-reset, not
 * signaled): what a signal-and-wait sets.
 */
struct fix {
	int dev, a, m, b, s;
};

/* The waiter as a child process: it must get want, or it fails. */
static pid_t start_child(struct t_waiter *w, int want)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		int ret = t_wait_full(w->dev, w->all, w->fds, w->count,
				      w->timeout, w->flags, w->signal_fd, NULL);

		if (ret != want)
			T_FAILF("the wait returned %s, expected %s",
				t_errname(ret),
				want > 0 ? "none: death" : t_errname(want));
		_exit(0);
	}
	t_await_blocked(pid, SYS_ioctl);
	return pid;
}

/* The waiter was interrupted and is back asleep in the same wait. */
static void check_goes_on(struct t_waiter *w, pid_t pid, int before)
{
	int64_t start = t_mono();

	if (pid) {
		int status;

		t_await_blocked(pid, SYS_ioctl);
		CHECK_EQ(CHECK_OK(waitpid(pid, &status, WNOHANG)), 0);
		return;
	}
	while (atomic_load(&handled) == before) {
		if (t_ms_since(start) > T_START_MS)
			T_FAILF("the signal handler did not run");
		t_sleep_ms(1);
	}
	t_await_blocked(atomic_load(&w->tid), SYS_ioctl);
	CHECK_MSG(!atomic_load(&w->done), "the wait ended: %s",
		  t_errname(-w->ret));
}

/* Interrupt the waiter (thread w or child pid); returns when. */
static int64_t interrupt(const struct row *r, struct t_waiter *w, pid_t pid)
{
	int64_t t0 = t_mono();
	int i, status;

	switch (r->by) {
	case USR1:
	case USR1_SETS:
		CHECK_EQ(pthread_kill(w->th, SIGUSR1), 0);
		break;
	case USR1_BURST:
		for (i = 0; i < BURST; i++) {
			CHECK_EQ(pthread_kill(w->th, SIGUSR1), 0);
			t_sleep_ms(10);
		}
		break;
	case STOP_CONT:
		CHECK_OK(kill(pid, SIGSTOP));
		CHECK_EQ(CHECK_OK(waitpid(pid, &status, WUNTRACED)), pid);
		CHECK(WIFSTOPPED(status));
		CHECK_OK(kill(pid, SIGCONT));
		break;
	case KILL:
		CHECK_OK(kill(pid, SIGKILL));
		break;
	}
	return t0;
}

/* The waiting thread: how and when its wait ended. */
static void check_thread_end(const struct row *r, struct t_waiter *w,
			     int before)
{
	int want = outcome_ret[r->out];
	int signals = r->by == USR1_BURST ? BURST : 1;
	int n;

	t_waiter_join(w);
	n = atomic_load(&handled) - before;
	CHECK_MSG(n >= 1 && n <= signals,
		  "the handler ran %d times for %d signals", n, signals);
	CHECK_RET(w->ret, want);
	if (want == 0)
		CHECK_EQ(w->index, 0);
	if (r->out == ENDS_EINTR)
		CHECK_MSG(w->end_ns < (int64_t)w->timeout,
			  "the alertable wait ran to its deadline");
	if (r->out == DEADLINE) {
		int64_t late = (w->end_ns - (int64_t)w->timeout) / 1000000;

		CHECK_MSG(late >= 0, "ended %lld ms before the deadline",
			  (long long)-late);
		/* A fresh relative timeout would be ~400 ms late. */
		CHECK_MSG(late < 250,
			  "ended %lld ms after the original deadline",
			  (long long)late);
	}
}

static void run(const struct row *r)
{
	struct fix f;
	struct t_waiter w;
	bool child = r->by == STOP_CONT || r->by == KILL;
	int want = outcome_ret[r->out];
	int timeout_ms = r->out == DEADLINE ? DEADLINE_MS : TIMEOUT_MS;
	int before, status, b_after;
	bool consumed = want == 0;
	int64_t t0;
	pid_t pid = 0;

	t_case = r->name;
	f.dev = t_open_dev();
	f.a = t_create(f.dev, T_AUTO, 1);
	f.m = t_create(f.dev, T_MANUAL, 1);
	f.b = t_create(f.dev, T_AUTO, 0);
	f.s = t_create(f.dev, T_AUTO, 0);

	memset(&w, 0, sizeof(w));
	w.dev = f.dev;
	w.all = r->all;
	w.fds[0] = f.b;
	w.fds[1] = f.a;
	w.fds[2] = f.m;
	w.count = r->all ? 3 : 1;
	w.timeout = r->by == KILL ? NTEVENT_NO_TIMEOUT : t_after_ms(timeout_ms);
	if (r->alertable)
		w.flags |= NTEVENT_WAIT_ALERTABLE;
	if (r->sigwait) {
		w.flags |= NTEVENT_WAIT_SIGNAL;
		w.signal_fd = f.s;
	}

	if (!child) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;
		sa.sa_flags = r->restart ? SA_RESTART : 0;
		CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
		handler_sets = r->by == USR1_SETS ? f.b : -1;
	}
	before = atomic_load(&handled);
	if (child)
		pid = start_child(&w, want);
	else
		t_waiter_start_asleep(&w);
	if (r->sigwait) {
		/* The signal was set once; take it. */
		CHECK_RET(t_try(f.dev, f.s), 0);
		CHECK_STATE(f.s, 0);
	}
	if (r->out == DEADLINE) {
		t_sleep_ms(timeout_ms / 2);
		CHECK_MSG(!atomic_load(&w.done), "the wait ended early: %s",
			  t_errname(-w.ret));
	}

	t0 = interrupt(r, &w, pid);

	if (r->out == GOES_ON) {
		check_goes_on(&w, pid, before);
		if (r->sigwait)
			CHECK_MSG(t_state(f.s) == 0,
				  "the restarted signal-and-wait set signal_fd again");
		/* Nothing was consumed meanwhile; then the set releases it. */
		CHECK_STATE(f.a, 1);
		CHECK_EQ(t_set(f.b), 0);
	}

	/* How it ended. */
	if (child) {
		status = t_reap(pid);
		if (r->out == DIES) {
			CHECK(WIFSIGNALED(status) &&
			      WTERMSIG(status) == SIGKILL);
			CHECK_MS(t_ms_since(t0), 0, 5000);
		} else {
			CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
				  "the waiting child failed (status %#x)",
				  status);
		}
	} else {
		check_thread_end(r, &w, before);
		handler_sets = -1;
	}

	/* The events: only a successful wait consumed anything. */
	b_after = r->by == USR1_SETS && !consumed;
	CHECK_STATE(f.b, b_after);
	CHECK_STATE(f.a, consumed && r->all ? 0 : 1);
	CHECK_STATE(f.m, 1);
	CHECK_STATE(f.s, 0);

	/* Nobody is left queued, and the events are still usable. */
	CHECK_EQ(t_set(f.a), consumed && r->all ? 0 : 1);
	CHECK_EQ(t_reset(f.b), b_after);
	CHECK_EQ(t_set(f.b), 0);
	CHECK_STATE(f.b, 1);
	CHECK_RET(t_wait_all(f.dev, w.fds, 3, 0), 0);
	CHECK_STATE(f.a, 0);
	CHECK_STATE(f.b, 0);
	CHECK_STATE(f.m, 1);

	close(f.s);
	close(f.b);
	close(f.m);
	close(f.a);
	close(f.dev);
}

int main(void)
{
	const struct row *r;

	T_FOR_EACH_ROW(r, rows)
		run(r);
	return T_PASS;
}
