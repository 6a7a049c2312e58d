// SPDX-License-Identifier: GPL-2.0
/*
 * PULSE with no waiter acts like RESET: it returns the previous state for
 * both types and states and leaves the event non-signaled.
 */
#include "t.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t type, state;

	for (type = 0; type <= 1; type++) {
		for (state = 0; state <= 1; state++) {
			int fd = t_create(dev, type, state);

			CHECK_EQ(t_pulse(fd), state);
			CHECK_STATE(fd, 0);
			CHECK_EQ(t_pulse(fd), 0);
			CHECK_STATE(fd, 0);
			/* Nothing left behind for a later wait. */
			CHECK_RET(t_try(dev, fd), -ETIMEDOUT);
			close(fd);
		}
	}
	return T_PASS;
}
