// SPDX-License-Identifier: GPL-2.0
/*
 * A wait without NTEVENT_WAIT_ALERTABLE runs a signal handler and goes on
 * waiting with its original absolute deadline: an 800 ms wait hit by a
 * signal at ~400 ms still ends at ~800 ms with ETIMEDOUT (not EINTR, and
 * not ~1200 ms, as a relative restart would give). Tried with and without
 * SA_RESTART, and with a burst of signals.
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
	int e = t_create(dev, T_AUTO, 0);
	struct sigaction sa;
	int round;

	for (round = 0; round < 3; round++) {
		struct t_waiter w;
		int64_t late;
		int i, before = atomic_load(&handled);

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;
		sa.sa_flags = round == 1 ? SA_RESTART : 0;
		CHECK_OK(sigaction(SIGUSR1, &sa, NULL));

		t_waiter_init1(&w, dev, e, 800);
		t_waiter_start_asleep(&w);
		t_sleep_ms(400);
		CHECK_MSG(!atomic_load(&w.done), "the wait ended early: %s",
			  t_errname(-w.ret));
		for (i = 0; i < (round == 2 ? 5 : 1); i++) {
			pthread_kill(w.th, SIGUSR1);
			t_sleep_ms(10);
		}
		t_waiter_join(&w);
		CHECK_MSG(atomic_load(&handled) > before,
			  "the signal handler did not run");
		CHECK_RET(w.ret, -ETIMEDOUT);
		late = (w.end_ns - (int64_t)w.timeout) / 1000000;
		CHECK_MSG(late >= 0, "round %d: ended %lld ms before the deadline",
			  round, (long long)-late);
		/* A restart with a fresh relative timeout would be ~400 ms late. */
		CHECK_MSG(late < 250,
			  "round %d: ended %lld ms after the original deadline",
			  round, (long long)late);
	}
	CHECK_STATE(e, 0);
	return T_PASS;
}
