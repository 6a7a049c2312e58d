// SPDX-License-Identifier: GPL-2.0
/*
 * SET returns the previous state for both types and both states and leaves
 * the event signaled (an auto-reset event with no waiter stays signaled).
 */
#include "t.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t type, state;

	for (type = 0; type <= 1; type++) {
		for (state = 0; state <= 1; state++) {
			int fd = t_create(dev, type, state);

			CHECK_EQ(t_set(fd), state);
			CHECK_STATE(fd, 1);
			CHECK_EQ(t_set(fd), 1);
			CHECK_STATE(fd, 1);
			close(fd);
		}
	}
	return T_PASS;
}
