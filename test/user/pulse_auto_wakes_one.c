// SPDX-License-Identifier: GPL-2.0
/*
 * PULSE of an auto-reset event releases exactly one waiter (the first) and
 * leaves the event non-signaled; the other waiters keep waiting.
 */
#include "abi.h"

#define N	3

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	struct t_waiter w[N];
	int i;

	for (i = 0; i < N; i++) {
		t_waiter_init1(&w[i], dev, e, 8000);
		t_waiter_start_asleep(&w[i]);
	}
	CHECK_EQ(t_pulse(e), 0);
	CHECK_EQ(t_await_done(w, N, 1, 5000), 1);
	t_sleep_ms(200);
	CHECK_MSG(t_waiters_done(w, N) == 1, "one pulse released %d waiters",
		  t_waiters_done(w, N));
	CHECK(atomic_load(&w[0].done));
	CHECK_RET(w[0].ret, 0);
	CHECK_STATE(e, 0);

	/* A second pulse: the next one. */
	CHECK_EQ(t_pulse(e), 0);
	CHECK_EQ(t_await_done(w, N, 2, 5000), 2);
	t_sleep_ms(150);
	CHECK_EQ(t_waiters_done(w, N), 2);
	CHECK(atomic_load(&w[1].done));
	CHECK_STATE(e, 0);

	CHECK_EQ(t_set(e), 0);
	for (i = 0; i < N; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, 0);
	}
	CHECK_STATE(e, 0);
	return T_PASS;
}
