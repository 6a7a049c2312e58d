// SPDX-License-Identifier: GPL-2.0
/*
 * PULSE of a manual-reset event releases all current waiters and leaves it
 * non-signaled; it returns the previous state (0). A waiter that comes
 * after the pulse is not released by it.
 */
#include "abi.h"

#define N	6

int main(void)
{
	int dev = t_open_dev();
	int m = t_create(dev, T_MANUAL, 0);
	struct t_waiter w[N], late;
	int i;

	for (i = 0; i < N; i++) {
		t_waiter_init1(&w[i], dev, m, 5000);
		t_waiter_start_asleep(&w[i]);
	}
	CHECK_EQ(t_pulse(m), 0);
	for (i = 0; i < N; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, 0);
	}
	CHECK_STATE(m, 0);

	t_waiter_init1(&late, dev, m, 400);
	t_waiter_start(&late);
	t_waiter_join(&late);
	CHECK_RET(late.ret, -ETIMEDOUT);
	return T_PASS;
}
