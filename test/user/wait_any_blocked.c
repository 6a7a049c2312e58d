// SPDX-License-Identifier: GPL-2.0
/*
 * A blocked WAIT_ANY is woken by a set of any of its events, returns that
 * event's index and consumes only it; the other events are untouched
 * (a later set of another one stays signaled).
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e[4], i, k;

	for (i = 0; i < 4; i++)
		e[i] = t_create(dev, i == 3 ? T_MANUAL : T_AUTO, 0);

	for (k = 0; k < 4; k++) {
		struct t_waiter w;

		memset(&w, 0, sizeof(w));
		w.dev = dev;
		for (i = 0; i < 4; i++)
			w.fds[i] = e[i];
		w.count = 4;
		w.timeout = t_after_ms(5000);
		t_waiter_start_asleep(&w);
		CHECK_EQ(t_set(e[k]), 0);
		t_waiter_join(&w);
		CHECK_RET(w.ret, 0);
		CHECK_EQ(w.index, k);
		for (i = 0; i < 4; i++)
			CHECK_STATE(e[i], i == 3 && k == 3);
		/* The wait is gone from the others: a set stays signaled. */
		CHECK_EQ(t_set(e[(k + 1) % 4]), 0);
		CHECK_STATE(e[(k + 1) % 4], 1);
		t_clear(e[(k + 1) % 4]);
		t_clear(e[3]);
	}
	return T_PASS;
}
