// SPDX-License-Identifier: GPL-2.0
/*
 * A non-alertable signal-and-wait interrupted by a signal handler resumes
 * waiting without setting signal_fd a second time.
 */
#include "abi.h"

static _Atomic int handled;

static void on_usr1(int sig)
{
	(void)sig;
	atomic_fetch_add(&handled, 1);
}

int main(void)
{
	int dev = t_open_dev();
	int s = t_create(dev, T_AUTO, 0);
	int w = t_create(dev, T_AUTO, 0);
	struct t_waiter sw;
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));

	t_waiter_init1(&sw, dev, w, 6000);
	sw.flags = NTEVENT_WAIT_SIGNAL;
	sw.signal_fd = s;
	t_waiter_start_asleep(&sw);
	/* The signal was set once; take it. */
	CHECK_RET(t_try(dev, s), 0);
	CHECK_STATE(s, 0);

	pthread_kill(sw.th, SIGUSR1);
	while (!atomic_load(&handled))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&sw.tid), SYS_ioctl);
	CHECK_MSG(!atomic_load(&sw.done), "the wait ended: %s",
		  t_errname(-sw.ret));
	CHECK_MSG(t_state(s) == 0,
		  "the restarted signal-and-wait set signal_fd again");

	CHECK_EQ(t_set(w), 0);
	t_waiter_join(&sw);
	CHECK_RET(sw.ret, 0);
	CHECK_STATE(s, 0);
	CHECK_STATE(w, 0);
	return T_PASS;
}
