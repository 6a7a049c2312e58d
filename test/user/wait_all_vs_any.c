// SPDX-License-Identifier: GPL-2.0
/*
 * A WAIT_ALL and a WAIT_ANY compete for an auto-reset event: a set while
 * the wait-all's other event is unsignaled goes to the wait-any (even if
 * the wait-all queued first); once the other event is signaled, the next
 * set completes the wait-all, which consumes both.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 0);
	int b = t_create(dev, T_AUTO, 0);
	struct t_waiter all, any;

	memset(&all, 0, sizeof(all));
	all.dev = dev;
	all.all = true;
	all.fds[0] = a;
	all.fds[1] = b;
	all.count = 2;
	all.timeout = t_after_ms(6000);
	t_waiter_start_asleep(&all);
	t_waiter_init1(&any, dev, a, 6000);
	t_waiter_start_asleep(&any);

	CHECK_EQ(t_set(a), 0);
	t_waiter_join(&any);
	CHECK_RET(any.ret, 0);
	CHECK_STATE(a, 0);
	CHECK(!atomic_load(&all.done));

	CHECK_EQ(t_set(b), 0);
	t_sleep_ms(100);
	CHECK(!atomic_load(&all.done));
	CHECK_EQ(t_set(a), 0);
	t_waiter_join(&all);
	CHECK_RET(all.ret, 0);
	CHECK_STATE(a, 0);
	CHECK_STATE(b, 0);
	return T_PASS;
}
