// SPDX-License-Identifier: GPL-2.0
/*
 * WAIT_ANY returns the lowest signaled index and consumes only that event
 * (an auto-reset one); a manual-reset event satisfies it without being
 * consumed.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e0 = t_create(dev, T_AUTO, 0);
	int e1 = t_create(dev, T_AUTO, 1);
	int e2 = t_create(dev, T_MANUAL, 1);
	int e3 = t_create(dev, T_AUTO, 1);
	uint32_t fds[4] = { e0, e1, e2, e3 }, index;
	uint64_t timeouts[3];
	int t;

	timeouts[0] = 0;
	timeouts[1] = t_after_ms(3000);
	timeouts[2] = NTEVENT_NO_TIMEOUT;

	for (t = 0; t < 3; t++) {
		CHECK_EQ(t_set(e1), t ? 0 : 1);
		CHECK_RET(t_wait_any(dev, fds, 4, timeouts[t], &index), 0);
		CHECK_EQ(index, 1);
		CHECK_STATE(e0, 0);
		CHECK_STATE(e1, 0);
		CHECK_STATE(e2, 1);
		CHECK_STATE(e3, 1);

		/* Next is the manual one, again and again. */
		CHECK_RET(t_wait_any(dev, fds, 4, timeouts[t], &index), 0);
		CHECK_EQ(index, 2);
		CHECK_RET(t_wait_any(dev, fds, 4, timeouts[t], &index), 0);
		CHECK_EQ(index, 2);
		CHECK_STATE(e2, 1);
		CHECK_STATE(e3, 1);
	}

	/* With e2 reset, e3 is next, and is consumed. */
	CHECK_EQ(t_reset(e2), 1);
	CHECK_RET(t_wait_any(dev, fds, 4, 0, &index), 0);
	CHECK_EQ(index, 3);
	CHECK_STATE(e3, 0);
	CHECK_RET(t_wait_any(dev, fds, 4, 0, &index), -ETIMEDOUT);
	/* Everything signaled: index 0. */
	CHECK_EQ(t_set(e0), 0);
	CHECK_EQ(t_set(e1), 0);
	CHECK_EQ(t_set(e2), 0);
	CHECK_EQ(t_set(e3), 0);
	CHECK_RET(t_wait_any(dev, fds, 4, 0, &index), 0);
	CHECK_EQ(index, 0);
	CHECK_STATE(e0, 0);
	CHECK_STATE(e1, 1);
	CHECK_STATE(e3, 1);
	return T_PASS;
}
