// SPDX-License-Identifier: GPL-2.0
/*
 * A descriptor in a wait list, or as signal_fd, that is not an event
 * fails the wait, consuming and setting nothing, with the errno of its
 * row: EBADF for a closed, never-opened or impossible descriptor, EBADFD
 * for one that is open but not an ntevent event (a pipe's two ends, a
 * socket, the /dev/ntevent descriptor itself, a regular file; the pipe
 * and the socket readable). Each in both places of a wait-any and a
 * wait-all, with and without a deadline and a signal event. Replaces
 * wait_ebadf and wait_ebadfd.
 */
#include "abi.h"

#include <sys/socket.h>

struct bad {
	const char *what;
	uint32_t fd;
	int err;
};

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int s = t_create(dev, T_AUTO, 0);
	int closed = t_create(dev, T_AUTO, 1);
	int p[2], sv[2], file;
	uint32_t fds[2], index;
	unsigned int i;
	int all;

	CHECK_OK(pipe(p));
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	/* The pipe and the socket "readable" too: still not events. */
	CHECK_OK(write(p[1], "x", 1));
	CHECK_OK(write(sv[1], "x", 1));
	file = CHECK_OK(open("/proc/self/stat", O_RDONLY));
	/* Last: nothing opened after it may take its number. */
	close(closed);
	CHECK(fcntl(1000, F_GETFD) == -1);

	const struct bad bad[] = {
		{ "closed", (uint32_t)closed, -EBADF },
		{ "never opened, below RLIMIT_NOFILE", 1000, -EBADF },
		{ "999999", 999999, -EBADF },
		{ "0x7fffffff", 0x7fffffff, -EBADF },
		{ "0xffffffff", 0xffffffff, -EBADF },
		{ "a pipe's read end", (uint32_t)p[0], -EBADFD },
		{ "a pipe's write end", (uint32_t)p[1], -EBADFD },
		{ "a socket", (uint32_t)sv[0], -EBADFD },
		{ "/dev/ntevent", (uint32_t)dev, -EBADFD },
		{ "a regular file", (uint32_t)file, -EBADFD },
	};

	for (all = 0; all <= 1; all++) {
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			uint32_t b = bad[i].fd;
			int err = bad[i].err;

			printf("%s: %s\n", all ? "wait-all" : "wait-any",
			       bad[i].what);
			fds[0] = a;
			fds[1] = b;
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0, 0, 0, &index),
				  err);
			CHECK_RET(t_wait_full(dev, all, fds, 2, t_after_ms(3000), 0,
					      0, &index), err);
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0,
					      NTEVENT_WAIT_SIGNAL, s, &index),
				  err);
			fds[0] = b;
			fds[1] = a;
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0, 0, 0, &index),
				  err);
			/* As the signal_fd. */
			CHECK_RET(t_wait_full(dev, all, &fds[1], 1, 0,
					      NTEVENT_WAIT_SIGNAL, b, &index), err);
			CHECK_STATE(a, 1);
			CHECK_STATE(s, 0);
		}
	}
	return T_PASS;
}
