// SPDX-License-Identifier: GPL-2.0
/*
 * An event crosses fork(): a child blocked on the inherited descriptor is
 * released by the parent's SET, and consumes the auto-reset event for
 * both (the parent then sees it non-signaled).
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	pid_t pid = t_fork();

	if (pid == 0) {
		int ret = t_wait1(dev, e, t_after_ms(5000));

		if (ret)
			T_FAILF("child wait: %s", t_errname(-ret));
		_exit(0);
	}
	t_await_blocked(pid, SYS_ioctl);
	CHECK_EQ(t_set(e), 0);
	t_reap_ok(pid);
	CHECK_STATE(e, 0);
	return T_PASS;
}
