// SPDX-License-Identifier: GPL-2.0
/*
 * A blocked WAIT_ALL consumes nothing while any of its events is
 * non-signaled: a signaled auto-reset event in its list stays signaled
 * and can be taken by someone else; the wait-all completes only when all
 * are signaled at once, and then takes them together.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_AUTO, 0);
	struct t_waiter w;

	memset(&w, 0, sizeof(w));
	w.dev = dev;
	w.all = true;
	w.fds[0] = a;
	w.fds[1] = b;
	w.count = 2;
	w.timeout = t_after_ms(6000);
	t_waiter_start_asleep(&w);

	CHECK_STATE(a, 1);
	/* Someone else takes a, which the wait-all did not hold on to. */
	CHECK_RET(t_try(dev, a), 0);
	CHECK_STATE(a, 0);

	/* b alone does not satisfy it, and b is not consumed. */
	CHECK_EQ(t_set(b), 0);
	t_sleep_ms(150);
	CHECK_MSG(!atomic_load(&w.done), "wait-all ended with a unsignaled: %s",
		  t_errname(-w.ret));
	CHECK_STATE(b, 1);

	/* Now both: it completes and consumes both. */
	CHECK_EQ(t_set(a), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	CHECK_EQ(w.index, 0);
	CHECK_STATE(a, 0);
	CHECK_STATE(b, 0);
	return T_PASS;
}
