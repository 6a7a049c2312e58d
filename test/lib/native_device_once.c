// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Many threads making their first call at once: the library opens
 * /dev/ntevent exactly once, O_CLOEXEC, and every thread gets its event.
 */
#include <sys/stat.h>
#include <ntevent.h>
#include "api.h"

#define THREADS 8

static atomic_bool go;

/* Is fd the device (a character device with its number)? */
static bool is_device(int fd, dev_t rdev)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == rdev;
}

static void *creator(void *arg)
{
	int *out = arg;

	while (!atomic_load(&go))
		;
	*out = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 1, NTEVENT_ALL_ACCESS);
	return NULL;
}

int main(void)
{
	pthread_t th[THREADS];
	int fds[THREADS], i, fd, devices = 0;
	struct stat dev;

	t_require_device();
	for (i = 0; i < THREADS; i++)
		t_thread(&th[i], creator, &fds[i]);
	atomic_store(&go, true);
	for (i = 0; i < THREADS; i++)
		t_join(th[i]);

	CHECK_OK(stat(NTEVENT_DEVICE, &dev));
	for (fd = 0; fd < 1024; fd++) {
		if (is_device(fd, dev.st_rdev)) {
			devices++;
			CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
		}
	}
	CHECK_EQ(devices, 1);
	for (i = 0; i < THREADS; i++) {
		CHECK(fds[i] >= 0);
		CHECK_RET(ntevent_wait(fds[i], 0, 0), 0);
		CHECK_RET(ntevent_close(fds[i]), 0);
	}
	return T_PASS;
}
