// SPDX-License-Identifier: GPL-2.0
/*
 * Waits through duplicates: two NTEVENT_IOC_DUP descriptors of one event
 * in a wait-all are ENOTUNIQ, in a wait-any they are fine (lowest index,
 * consumed once); a wait on X whose descriptor is closed mid-wait is
 * released by a SET through a duplicate.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 1);
	int d = t_dup(e, NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE);
	int o = t_create(dev, T_AUTO, 0);
	uint32_t fds[3], index;
	struct t_waiter w;
	int x, x2;

	fds[0] = e;
	fds[1] = d;
	CHECK_RET(t_wait_all(dev, fds, 2, 0), -ENOTUNIQ);
	CHECK_RET(t_wait_all(dev, fds, 2, NTEVENT_NO_TIMEOUT), -ENOTUNIQ);
	fds[0] = o;
	fds[1] = d;
	fds[2] = e;
	CHECK_RET(t_wait_all(dev, fds, 3, t_after_ms(1000)), -ENOTUNIQ);
	CHECK_STATE(e, 1);

	CHECK_RET(t_wait_any(dev, fds, 3, 0, &index), 0);
	CHECK_EQ(index, 1);
	CHECK_STATE(e, 0);
	CHECK_RET(t_wait_any(dev, fds, 3, 0, &index), -ETIMEDOUT);

	/* Close during a wait; set through the duplicate. */
	x = t_create(dev, T_AUTO, 0);
	x2 = t_dup(x, NTEVENT_MODIFY_STATE | NTEVENT_QUERY_STATE);
	t_waiter_init1(&w, dev, x, 5000);
	t_waiter_start_asleep(&w);
	CHECK_OK(close(x));
	t_sleep_ms(50);
	CHECK(!atomic_load(&w.done));
	CHECK_EQ(t_set(x2), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	CHECK_STATE(x2, 0);
	return T_PASS;
}
