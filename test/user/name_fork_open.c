// SPDX-License-Identifier: GPL-2.0
/*
 * A forked child opens the parent's event by name (having closed the
 * descriptor it inherited) and sets it, which releases the parent blocked
 * on its own descriptor.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	char name[128];
	int e, ret;
	pid_t pid;

	t_name(name, sizeof(name), "ev");
	e = t_create_name(dev, name, T_AUTO, 0, 0600);
	pid = t_fork();
	if (pid == 0) {
		int o;

		close(e);
		o = t_open_name(dev, name, NTEVENT_MODIFY_STATE);
		CHECK_ERR(ioctl(o, NTEVENT_IOC_READ,
				&(struct ntevent_state){ 0 }), EACCES);
		t_await_blocked(getppid(), SYS_ioctl);
		CHECK_EQ(t_set(o), 0);
		_exit(0);
	}
	ret = t_wait1(dev, e, t_after_ms(8000));
	CHECK_MSG(ret == 0, "parent wait: %s", t_errname(-ret));
	t_reap_ok(pid);
	CHECK_STATE(e, 0);
	return T_PASS;
}
