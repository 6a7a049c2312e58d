// SPDX-License-Identifier: GPL-2.0
/*
 * CREATE makes an event of each type in each initial state; READ reports
 * the type, state and access it was created with, and pad as 0. CLEAR (an
 * _IO ioctl: no argument, nothing returned) then makes it non-signaled,
 * whatever it was, and ignores any argument.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t type, state;

	for (type = 0; type <= 1; type++) {
		for (state = 0; state <= 1; state++) {
			int fd = t_create(dev, type, state);
			struct ntevent_state st = t_read(fd);

			CHECK(fd > 2 && fd != dev);
			CHECK_EQ(st.type, type);
			CHECK_EQ(st.state, state);
			CHECK_EQ(st.access, NTEVENT_ALL_ACCESS);
			CHECK_EQ(st.pad, 0);

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
