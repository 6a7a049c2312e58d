// SPDX-License-Identifier: GPL-2.0
/*
 * Without NTEVENT_MODIFY_STATE, SET, RESET, PULSE and CLEAR fail with
 * EACCES and change nothing (nor write the previous state).
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t access = NTEVENT_ALL_ACCESS & ~NTEVENT_MODIFY_STATE;
	uint32_t type, state;

	for (type = 0; type <= 1; type++) {
		for (state = 0; state <= 1; state++) {
			int fd = t_create_access(dev, type, state, access);
			uint32_t prev = 0xdeadbeef;

			CHECK_ERR(ioctl(fd, NTEVENT_IOC_SET, &prev), EACCES);
			CHECK_STATE(fd, state);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_RESET, &prev), EACCES);
			CHECK_STATE(fd, state);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_PULSE, &prev), EACCES);
			CHECK_STATE(fd, state);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_CLEAR), EACCES);
			CHECK_STATE(fd, state);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_SET, NULL), EACCES);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_RESET, NULL), EACCES);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_PULSE, NULL), EACCES);
			CHECK_STATE(fd, state);
			CHECK_EQ(prev, 0xdeadbeef);
			/* The rights it has still work. */
			CHECK_EQ(t_read(fd).access, access);
			close(fd);
		}
	}

	/* MODIFY_STATE alone is enough to change the state. */
	{
		int fd = t_create_access(dev, T_AUTO, 0, NTEVENT_MODIFY_STATE);

		CHECK_EQ(t_set(fd), 0);
		CHECK_EQ(t_set(fd), 1);
		CHECK_EQ(t_reset(fd), 1);
		CHECK_EQ(t_pulse(fd), 0);
		t_clear(fd);
	}
	return T_PASS;
}
