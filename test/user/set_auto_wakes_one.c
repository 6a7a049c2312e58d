// SPDX-License-Identifier: GPL-2.0
/*
 * Each SET of an auto-reset event with waiters releases exactly one of
 * them and leaves the event non-signaled; with no waiter left, a SET
 * leaves it signaled.
 */
#include "abi.h"

#define N	4

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
	for (i = 1; i <= N; i++) {
		CHECK_EQ(t_set(e), 0);
		CHECK_EQ(t_await_done(w, N, i, 5000), i);
		/* Give any wrongly released extra waiter time to show up. */
		t_sleep_ms(150);
		CHECK_MSG(t_waiters_done(w, N) == i,
			  "after %d sets, %d waiters were released", i,
			  t_waiters_done(w, N));
		CHECK_STATE(e, 0);
	}
	for (i = 0; i < N; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, 0);
	}
	CHECK_EQ(t_set(e), 0);
	CHECK_STATE(e, 1);
	return T_PASS;
}
