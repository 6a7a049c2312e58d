// SPDX-License-Identifier: GPL-2.0
/*
 * A non-alertable wait interrupted by a signal handler keeps waiting and is
 * still satisfied by a later set (wait-any and wait-all), without having
 * consumed anything in between.
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
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_AUTO, 0);
	struct sigaction sa;
	int all;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));

	for (all = 0; all <= 1; all++) {
		struct t_waiter w;
		int before = atomic_load(&handled);

		memset(&w, 0, sizeof(w));
		w.dev = dev;
		w.all = all;
		w.fds[0] = b;
		w.fds[1] = a;
		w.count = all ? 2 : 1;
		w.timeout = t_after_ms(5000);
		t_waiter_start_asleep(&w);
		pthread_kill(w.th, SIGUSR1);
		/* The handler ran and the thread is back asleep in the wait. */
		while (atomic_load(&handled) == before)
			t_sleep_ms(1);
		t_await_blocked(atomic_load(&w.tid), SYS_ioctl);
		CHECK_MSG(!atomic_load(&w.done), "the wait ended: %s",
			  t_errname(-w.ret));
		CHECK_STATE(a, 1);
		CHECK_EQ(t_set(b), 0);
		t_waiter_join(&w);
		CHECK_RET(w.ret, 0);
		CHECK_EQ(w.index, 0);
		CHECK_STATE(b, 0);
		CHECK_STATE(a, all ? 0 : 1);
		CHECK_EQ(t_set(a), all ? 0 : 1);
	}
	return T_PASS;
}
