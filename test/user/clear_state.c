// SPDX-License-Identifier: GPL-2.0
/*
 * CLEAR (an _IO ioctl: no argument, nothing returned) makes an event of
 * either type non-signaled from either state.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t type, state;

	for (type = 0; type <= 1; type++) {
		for (state = 0; state <= 1; state++) {
			int fd = t_create(dev, type, state);

			CHECK_EQ(ioctl(fd, NTEVENT_IOC_CLEAR), 0);
			CHECK_STATE(fd, 0);
			CHECK_EQ(ioctl(fd, NTEVENT_IOC_CLEAR), 0);
			CHECK_STATE(fd, 0);
			CHECK_EQ(t_set(fd), 0);
			/* The argument is not used: even a bad pointer is fine. */
			CHECK_EQ(ioctl(fd, NTEVENT_IOC_CLEAR, t_bad_page()), 0);
			CHECK_STATE(fd, 0);
			close(fd);
		}
	}
	return T_PASS;
}
