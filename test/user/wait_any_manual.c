// SPDX-License-Identifier: GPL-2.0
/*
 * Waiting on a signaled manual-reset event does not consume it: every wait
 * succeeds until it is reset.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int m = t_create(dev, T_MANUAL, 1);
	int i;

	for (i = 0; i < 5; i++) {
		CHECK_RET(t_try(dev, m), 0);
		CHECK_RET(t_wait1(dev, m, t_after_ms(2000)), 0);
		CHECK_RET(t_wait1(dev, m, NTEVENT_NO_TIMEOUT), 0);
	}
	CHECK_STATE(m, 1);
	CHECK_EQ(t_reset(m), 1);
	CHECK_RET(t_try(dev, m), -ETIMEDOUT);
	return T_PASS;
}
