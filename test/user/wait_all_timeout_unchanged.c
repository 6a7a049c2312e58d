// SPDX-License-Identifier: GPL-2.0
/*
 * A WAIT_ALL that times out (after blocking, or at once with deadline 0)
 * leaves every state as it was: signaled auto-reset events stay signaled.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e[5];
	int want[5] = { 1, 1, 0, 1, 1 };
	uint32_t fds[5];
	int i, t;

	e[0] = t_create(dev, T_AUTO, 1);
	e[1] = t_create(dev, T_MANUAL, 1);
	e[2] = t_create(dev, T_AUTO, 0);
	e[3] = t_create(dev, T_AUTO, 1);
	e[4] = t_create(dev, T_MANUAL, 1);
	for (i = 0; i < 5; i++)
		fds[i] = e[i];

	for (t = 0; t < 3; t++) {
		uint64_t timeout = t == 0 ? 0 : t_after_ms(200);

		if (t == 2)
			CHECK_RET(t_wait_full(dev, true, fds, 5,
					      t_now(CLOCK_REALTIME) + 200000000,
					      NTEVENT_WAIT_REALTIME, 0, NULL),
				  -ETIMEDOUT);
		else
			CHECK_RET(t_wait_all(dev, fds, 5, timeout), -ETIMEDOUT);
		for (i = 0; i < 5; i++)
			CHECK_EQ(t_state(e[i]), want[i]);
	}
	/* Once e[2] is set too, the wait-all succeeds and takes the auto ones. */
	CHECK_EQ(t_set(e[2]), 0);
	CHECK_RET(t_wait_all(dev, fds, 5, 0), 0);
	CHECK_STATE(e[0], 0);
	CHECK_STATE(e[1], 1);
	CHECK_STATE(e[2], 0);
	CHECK_STATE(e[3], 0);
	CHECK_STATE(e[4], 1);
	return T_PASS;
}
