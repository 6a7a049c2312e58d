// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_close() closes an event descriptor once (-EBADF the second
 * time, and for -1), and refuses to close the library's own /dev/ntevent
 * descriptor, which keeps working.
 */
#include <limits.h>
#include <ntevent.h>
#include "api.h"

/* The descriptor of ours that is /dev/ntevent, or -1. */
static int device_fd(void)
{
	char path[64], target[PATH_MAX];
	int fd;

	for (fd = 0; fd < 1024; fd++) {
		ssize_t n;

		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = 0;
		if (!strcmp(target, "/dev/ntevent"))
			return fd;
	}
	return -1;
}

int main(void)
{
	int fd, dev;

	t_require_device();
	fd = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 0, NTEVENT_ALL_ACCESS);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(fd), 0);
	CHECK_RET(ntevent_close(fd), -EBADF);
	CHECK_RET(ntevent_close(-1), -EBADF);
	CHECK_RET(ntevent_close(t_closed_fd()), -EBADF);

	dev = device_fd();
	if (dev < 0)
		t_skip("no /proc/self/fd to find the device descriptor");
	CHECK_RET(ntevent_close(dev), -EBADF);
	CHECK(fcntl(dev, F_GETFD) >= 0);
	fd = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 1, NTEVENT_ALL_ACCESS);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_wait(fd, 0, 0), 0);
	CHECK_RET(ntevent_close(fd), 0);
	return T_PASS;
}
