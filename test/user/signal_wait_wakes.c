// SPDX-License-Identifier: GPL-2.0
/*
 * The signal_fd of NTEVENT_WAIT_SIGNAL is set like SET: it releases a
 * thread waiting on it, and that thread can answer before the waiter
 * misses it.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int s = t_create(dev, T_AUTO, 0);
	int r = t_create(dev, T_AUTO, 0);
	struct t_waiter partner;
	uint32_t fds[1] = { r }, index;

	t_waiter_init1(&partner, dev, s, 5000);
	t_waiter_start_asleep(&partner);
	CHECK_RET(t_wait_full(dev, false, fds, 1, t_after_ms(300),
			      NTEVENT_WAIT_SIGNAL, s, &index), -ETIMEDOUT);
	t_waiter_join(&partner);
	CHECK_RET(partner.ret, 0);
	CHECK_STATE(s, 0);
	return T_PASS;
}
