// SPDX-License-Identifier: GPL-2.0
/* SET, RESET and PULSE accept a NULL previous-state pointer and still act. */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t type;

	for (type = 0; type <= 1; type++) {
		int fd = t_create(dev, type, 0);

		CHECK_EQ(ioctl(fd, NTEVENT_IOC_SET, NULL), 0);
		CHECK_STATE(fd, 1);
		CHECK_EQ(ioctl(fd, NTEVENT_IOC_SET, NULL), 0);
		CHECK_STATE(fd, 1);
		CHECK_EQ(ioctl(fd, NTEVENT_IOC_RESET, NULL), 0);
		CHECK_STATE(fd, 0);
		CHECK_EQ(t_set(fd), 0);
		CHECK_EQ(ioctl(fd, NTEVENT_IOC_PULSE, NULL), 0);
		CHECK_STATE(fd, 0);
		close(fd);
	}
	return T_PASS;
}
