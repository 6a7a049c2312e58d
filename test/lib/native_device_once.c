// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Many threads making their first call at once: the library opens
 * /dev/ntevent exactly once, O_CLOEXEC, and every thread gets its event.
 */
#include <limits.h>
#include <ntevent.h>
#include "api.h"

#define THREADS 8

static atomic_bool go;

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

	t_require_device();
	for (i = 0; i < THREADS; i++)
		t_thread(&th[i], creator, &fds[i]);
	atomic_store(&go, true);
	for (i = 0; i < THREADS; i++)
		t_join(th[i]);

	for (fd = 0; fd < 1024; fd++) {
		char path[64], target[PATH_MAX];
		ssize_t n;

		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = 0;
		if (!strcmp(target, "/dev/ntevent")) {
			devices++;
			CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
		}
	}
	if (access("/proc/self/fd", F_OK))
		t_skip("no /proc/self/fd");
	CHECK_EQ(devices, 1);
	for (i = 0; i < THREADS; i++) {
		CHECK(fds[i] >= 0);
		CHECK_RET(ntevent_wait(fds[i], 0, 0), 0);
		CHECK_RET(ntevent_close(fds[i]), 0);
	}
	return T_PASS;
}
