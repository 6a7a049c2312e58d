// SPDX-License-Identifier: GPL-2.0
/*
 * One SET of a manual-reset event releases every waiter, and the event
 * stays signaled (later waits succeed at once).
 */
#include "abi.h"

#define N	8

int main(void)
{
	int dev = t_open_dev();
	int m = t_create(dev, T_MANUAL, 0);
	struct t_waiter w[N];
	int i;

	for (i = 0; i < N; i++) {
		t_waiter_init1(&w[i], dev, m, 5000);
		t_waiter_start_asleep(&w[i]);
	}
	CHECK_EQ(t_set(m), 0);
	for (i = 0; i < N; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, 0);
	}
	CHECK_STATE(m, 1);
	CHECK_RET(t_try(dev, m), 0);
	CHECK_STATE(m, 1);
	return T_PASS;
}
