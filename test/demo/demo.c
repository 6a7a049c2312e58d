// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent demo: an event crossing processes.
 *
 * The parent creates a manual-reset event and starts two programs: a
 * waiter (this program, exec'd with the event descriptor inherited) and a
 * setter (a forked child that sets the event after a second). The waiter
 * prints when it starts waiting and when the set releases it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/ntevent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int waiter(int fd)
{
	int dev = open("/dev/ntevent", O_RDWR | O_CLOEXEC);
	__u32 fds[1] = { fd };
	struct ntevent_wait_args w = {
		.timeout = NTEVENT_NO_TIMEOUT, .fds = (uintptr_t)fds, .count = 1,
	};
	double t0 = now_ms();

	if (dev < 0) {
		perror("waiter: /dev/ntevent");
		return 1;
	}
	printf("waiter (pid %d): waiting on event fd %d ...\n", getpid(), fd);
	fflush(stdout);
	if (ioctl(dev, NTEVENT_IOC_WAIT_ANY, &w)) {
		perror("waiter: NTEVENT_IOC_WAIT_ANY");
		return 1;
	}
	printf("waiter (pid %d): released after %.0f ms: the event is signaled\n",
	       getpid(), now_ms() - t0);
	return 0;
}

int main(int argc, char **argv)
{
	struct ntevent_create_args c = {
		.type = NTEVENT_TYPE_NOTIFICATION, .access = NTEVENT_ALL_ACCESS,
	};
	int dev, status, ok = 1;
	pid_t w, s;
	char arg[16];
	__u32 prev;

	if (argc == 3 && !strcmp(argv[1], "--wait"))
		return waiter(atoi(argv[2]));

	dev = open("/dev/ntevent", O_RDWR | O_CLOEXEC);
	if (dev < 0 || ioctl(dev, NTEVENT_IOC_CREATE, &c)) {
		perror("/dev/ntevent");
		return 1;
	}
	printf("parent (pid %d): created a manual-reset event, fd %u\n",
	       getpid(), c.fd);
	fflush(stdout);

	w = fork();
	if (w == 0) {
		/* Let the descriptor cross exec into the waiter program. */
		fcntl(c.fd, F_SETFD, 0);
		snprintf(arg, sizeof(arg), "%u", c.fd);
		execl("/proc/self/exe", argv[0], "--wait", arg, (char *)NULL);
		perror("exec");
		_exit(1);
	}
	s = fork();
	if (s == 0) {
		sleep(1);
		if (ioctl(c.fd, NTEVENT_IOC_SET, &prev)) {
			perror("setter: NTEVENT_IOC_SET");
			_exit(1);
		}
		printf("setter (pid %d): set the event (previous state %u)\n",
		       getpid(), prev);
		fflush(stdout);
		_exit(0);
	}
	waitpid(s, &status, 0);
	ok &= WIFEXITED(status) && !WEXITSTATUS(status);
	waitpid(w, &status, 0);
	ok &= WIFEXITED(status) && !WEXITSTATUS(status);
	printf("demo %s\n", ok ? "done: the event crossed processes" : "FAILED");
	return !ok;
}
