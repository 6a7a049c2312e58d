// SPDX-License-Identifier: GPL-2.0
/*
 * An NTEVENT_WAIT_ALERTABLE wait ends with EINTR when a signal handler runs
 * (with or without SA_RESTART), consuming nothing: a wait-all whose other
 * events are signaled leaves them signaled.
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
	int m = t_create(dev, T_MANUAL, 1);
	int b = t_create(dev, T_AUTO, 0);
	struct sigaction sa;
	int restart, all;

	for (restart = 0; restart <= 1; restart++) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;
		sa.sa_flags = restart ? SA_RESTART : 0;
		CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
		for (all = 0; all <= 1; all++) {
			struct t_waiter w;
			int before = atomic_load(&handled);

			memset(&w, 0, sizeof(w));
			w.dev = dev;
			w.all = all;
			w.fds[0] = b;
			w.fds[1] = a;
			w.fds[2] = m;
			w.count = all ? 3 : 1;
			w.timeout = t_after_ms(5000);
			w.flags = NTEVENT_WAIT_ALERTABLE;
			t_waiter_start_asleep(&w);
			CHECK_EQ(pthread_kill(w.th, SIGUSR1), 0);
			t_waiter_join(&w);
			CHECK_EQ(atomic_load(&handled), before + 1);
			CHECK_RET(w.ret, -EINTR);
			CHECK_MSG(w.end_ns < (int64_t)w.timeout,
				  "the alertable wait ran to its deadline");
			CHECK_STATE(a, 1);
			CHECK_STATE(m, 1);
			CHECK_STATE(b, 0);
		}
	}

	/* The events are still usable: the wait-all can now succeed. */
	CHECK_EQ(t_set(b), 0);
	{
		uint32_t fds[3] = { b, a, m };

		CHECK_RET(t_wait_all(dev, fds, 3, 0), 0);
	}
	CHECK_STATE(a, 0);
	CHECK_STATE(b, 0);
	return T_PASS;
}
