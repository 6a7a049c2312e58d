// SPDX-License-Identifier: GPL-2.0
/* RESET returns the previous state for both types and states; ends 0. */
#include "t.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t type, state;

	for (type = 0; type <= 1; type++) {
		for (state = 0; state <= 1; state++) {
			int fd = t_create(dev, type, state);

			CHECK_EQ(t_reset(fd), state);
			CHECK_STATE(fd, 0);
			CHECK_EQ(t_reset(fd), 0);
			CHECK_STATE(fd, 0);
			CHECK_EQ(t_set(fd), 0);
			CHECK_EQ(t_reset(fd), 1);
			CHECK_STATE(fd, 0);
			close(fd);
		}
	}
	return T_PASS;
}
