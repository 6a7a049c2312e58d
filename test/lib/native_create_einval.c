// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_create() refuses an unknown type, a state other than 0 or 1 and
 * rights an event does not have, with -EINVAL, and opens nothing.
 */
#include <ntevent.h>
#include "api.h"

static int count_fds(void)
{
	int fd, n = 0;

	for (fd = 0; fd < 1024; fd++)
		n += fcntl(fd, F_GETFD) >= 0;
	return n;
}

int main(void)
{
	int before, fd;

	t_require_device();
	/* the library's device descriptor is opened by the first create */
	fd = ntevent_create(0, 0, NTEVENT_ALL_ACCESS);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(fd), 0);
	before = count_fds();

	CHECK_RET(ntevent_create(2, 0, NTEVENT_ALL_ACCESS), -EINVAL);
	CHECK_RET(ntevent_create(~0u, 0, NTEVENT_ALL_ACCESS), -EINVAL);
	CHECK_RET(ntevent_create(0, 2, NTEVENT_ALL_ACCESS), -EINVAL);
	CHECK_RET(ntevent_create(1, ~0u, NTEVENT_ALL_ACCESS), -EINVAL);
	CHECK_RET(ntevent_create(0, 0, 0x4), -EINVAL);
	CHECK_RET(ntevent_create(0, 0, 0x80000000u), -EINVAL);
	CHECK_EQ(count_fds(), before);

	/* no rights at all is a valid (if useless) descriptor */
	fd = ntevent_create(0, 0, 0);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(fd), 0);
	return T_PASS;
}
