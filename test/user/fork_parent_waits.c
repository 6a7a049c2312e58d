// SPDX-License-Identifier: GPL-2.0
/*
 * An event crosses fork() the other way: the parent blocks, the child
 * sets (through its inherited descriptor, after closing the device) and
 * the parent is released; a manual event set by the child is seen set by
 * the parent after the child exited.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	int m = t_create(dev, T_MANUAL, 0);
	pid_t pid = t_fork();

	if (pid == 0) {
		close(dev);
		t_sleep_ms(200);
		if (t_set(m) != 0 || t_set(e) != 0)
			T_FAILF("child: unexpected previous state");
		_exit(0);
	}
	CHECK_RET(t_wait1(dev, e, t_after_ms(5000)), 0);
	t_reap_ok(pid);
	CHECK_STATE(e, 0);
	CHECK_STATE(m, 1);
	return T_PASS;
}
