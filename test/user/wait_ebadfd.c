// SPDX-License-Identifier: GPL-2.0
/*
 * A descriptor that is not an ntevent event (a pipe, a socket, a regular
 * file, the /dev/ntevent descriptor itself) in a wait list or as signal_fd
 * fails the wait with EBADFD, consuming and setting nothing.
 */

#include "t.h"

#include <sys/socket.h>

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int s = t_create(dev, T_AUTO, 0);
	int p[2], sv[2];
	uint32_t others[5], fds[2], index;
	unsigned int i;
	int all;

	CHECK_OK(pipe(p));
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	others[0] = p[0];
	others[1] = p[1];
	others[2] = sv[0];
	others[3] = dev;
	others[4] = CHECK_OK(open("/proc/self/stat", O_RDONLY));
	/* Make the pipe and socket "readable" too: still not events. */
	CHECK_OK(write(p[1], "x", 1));
	CHECK_OK(write(sv[1], "x", 1));

	for (all = 0; all <= 1; all++) {
		for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
			fds[0] = a;
			fds[1] = others[i];
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0, 0, 0, &index),
				  -EBADFD);
			CHECK_RET(t_wait_full(dev, all, fds, 2, t_after_ms(3000), 0,
					      0, &index), -EBADFD);
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0,
					      NTEVENT_WAIT_SIGNAL, s, &index),
				  -EBADFD);
			fds[0] = others[i];
			fds[1] = a;
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0, 0, 0, &index),
				  -EBADFD);
			CHECK_RET(t_wait_full(dev, all, &fds[1], 1, 0,
					      NTEVENT_WAIT_SIGNAL, others[i],
					      &index), -EBADFD);
			CHECK_STATE(a, 1);
			CHECK_STATE(s, 0);
		}
	}
	return T_PASS;
}
