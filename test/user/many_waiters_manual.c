// SPDX-License-Identifier: GPL-2.0
/* 50 threads waiting on one manual-reset event are all released by one SET. */
#include "abi.h"

#define N	50

static struct t_waiter w[N];

int main(void)
{
	int dev = t_open_dev();
	int m = t_create(dev, T_MANUAL, 0);
	int i;

	for (i = 0; i < N; i++) {
		t_waiter_init1(&w[i], dev, m, 15000);
		t_waiter_start(&w[i]);
	}
	for (i = 0; i < N; i++)
		t_waiter_await_asleep(&w[i]);
	CHECK_EQ(t_waiters_done(w, N), 0);
	CHECK_EQ(t_set(m), 0);
	CHECK_EQ(t_await_done(w, N, N, 5000), N);
	for (i = 0; i < N; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, 0);
	}
	CHECK_STATE(m, 1);
	return T_PASS;
}
