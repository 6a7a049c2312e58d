// SPDX-License-Identifier: GPL-2.0
/*
 * A wait-any on X and Y, with X's fd closed mid-wait, is still satisfied
 * by a SET of Y and reports Y's index.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int x = t_create(dev, T_AUTO, 0);
	int y = t_create(dev, T_AUTO, 0);
	struct t_waiter w;

	memset(&w, 0, sizeof(w));
	w.dev = dev;
	w.fds[0] = x;
	w.fds[1] = y;
	w.count = 2;
	w.timeout = t_after_ms(5000);
	t_waiter_start_asleep(&w);
	CHECK_OK(close(x));
	t_sleep_ms(50);
	CHECK(!atomic_load(&w.done));
	CHECK_EQ(t_set(y), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	CHECK_EQ(w.index, 1);
	CHECK_STATE(y, 0);
	return T_PASS;
}
