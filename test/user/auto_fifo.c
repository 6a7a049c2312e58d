// SPDX-License-Identifier: GPL-2.0
/*
 * Waiters on an auto-reset event are released first come, first served:
 * waiters that went to sleep one after the other are released in that
 * order by successive SETs. Mixed with a wait-any on two events, whose
 * place in the queue counts the same.
 */
#include "abi.h"

#define N	6

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	int other = t_create(dev, T_AUTO, 0);
	struct t_waiter w[N];
	int i;

	for (i = 0; i < N; i++) {
		t_waiter_init1(&w[i], dev, e, 8000);
		if (i == 2) {
			w[i].fds[0] = other;
			w[i].fds[1] = e;
			w[i].count = 2;
		}
		t_waiter_start_asleep(&w[i]);
	}
	for (i = 0; i < N; i++) {
		int k;

		CHECK_EQ(t_set(e), 0);
		CHECK_EQ(t_await_done(w, N, i + 1, 5000), i + 1);
		for (k = 0; k < N; k++)
			CHECK_MSG(atomic_load(&w[k].done) == (k <= i),
				  "after %d sets, waiter %d (started %s) %s released",
				  i + 1, k, k <= i ? "early enough" : "later",
				  atomic_load(&w[k].done) ? "was" : "was not");
	}
	for (i = 0; i < N; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, 0);
		CHECK_EQ(w[i].index, i == 2 ? 1 : 0);
	}
	CHECK_STATE(e, 0);
	CHECK_STATE(other, 0);
	return T_PASS;
}
