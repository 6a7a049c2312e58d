// SPDX-License-Identifier: GPL-2.0
/* An event descriptor is created close-on-exec (O_CLOEXEC). */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int fd = t_create(dev, T_AUTO, 0);
	int fd2 = t_create(dev, T_MANUAL, 1);

	CHECK(CHECK_OK(fcntl(fd, F_GETFD)) & FD_CLOEXEC);
	CHECK(CHECK_OK(fcntl(fd2, F_GETFD)) & FD_CLOEXEC);
	/* It is a normal descriptor otherwise: the flag can be dropped. */
	CHECK_OK(fcntl(fd, F_SETFD, 0));
	CHECK_EQ(CHECK_OK(fcntl(fd, F_GETFD)) & FD_CLOEXEC, 0);
	CHECK_STATE(fd, 0);
	return T_PASS;
}
