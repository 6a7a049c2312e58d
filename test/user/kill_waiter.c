// SPDX-License-Identifier: GPL-2.0
/*
 * A process blocked in a wait without a timeout is killed promptly by
 * SIGKILL (the wait is not uninterruptible), and its death leaves the
 * events as they were.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_AUTO, 0);
	int all;

	for (all = 0; all <= 1; all++) {
		pid_t pid = t_fork();
		int status;

		if (pid == 0) {
			uint32_t fds[2] = { b, a };

			t_wait_full(dev, all, fds, all ? 2 : 1, NTEVENT_NO_TIMEOUT,
				    0, 0, NULL);
			_exit(3);
		}
		t_await_blocked(pid, SYS_ioctl);
		CHECK_OK(kill(pid, SIGKILL));
		status = t_reap(pid);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
		CHECK_STATE(a, 1);
		CHECK_STATE(b, 0);
	}
	/* Nobody is left queued: a set of b stays signaled. */
	CHECK_EQ(t_set(b), 0);
	CHECK_STATE(b, 1);
	return T_PASS;
}
