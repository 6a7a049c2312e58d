// SPDX-License-Identifier: GPL-2.0
/*
 * A closed or never-opened descriptor in a wait list (or as signal_fd)
 * fails the wait with EBADF, consuming and setting nothing.
 */
#include "t.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int s = t_create(dev, T_AUTO, 0);
	int closed = t_create(dev, T_AUTO, 1);
	uint32_t bad[] = { 0, 0, 999999, 0x7fffffff, 0xffffffff };
	uint32_t fds[2], index;
	unsigned int i;
	int all;

	close(closed);
	bad[0] = closed;
	bad[1] = 1000;	/* below RLIMIT_NOFILE, never opened */
	CHECK(fcntl(1000, F_GETFD) == -1);

	for (all = 0; all <= 1; all++) {
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			fds[0] = a;
			fds[1] = bad[i];
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0, 0, 0, &index),
				  -EBADF);
			CHECK_RET(t_wait_full(dev, all, fds, 2, t_after_ms(3000), 0,
					      0, &index), -EBADF);
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0,
					      NTEVENT_WAIT_SIGNAL, s, &index),
				  -EBADF);
			fds[0] = bad[i];
			fds[1] = a;
			CHECK_RET(t_wait_full(dev, all, fds, 2, 0, 0, 0, &index),
				  -EBADF);
			/* As the signal_fd. */
			CHECK_RET(t_wait_full(dev, all, &fds[1], 1, 0,
					      NTEVENT_WAIT_SIGNAL, bad[i], &index),
				  -EBADF);
			CHECK_STATE(a, 1);
			CHECK_STATE(s, 0);
		}
	}
	return T_PASS;
}
