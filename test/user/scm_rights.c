// SPDX-License-Identifier: GPL-2.0
/*
 * An event descriptor passed over a unix socketpair with SCM_RIGHTS
 * refers to the same event with the same rights: a process that never
 * had it (forked before it was created) receives it, waits on it, and is
 * released by the sender's SET; its reply through the same kind of
 * descriptor reaches the sender.
 */

#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t access = NTEVENT_SYNCHRONIZE | NTEVENT_MODIFY_STATE |
			  NTEVENT_QUERY_STATE | NTEVENT_DELETE;
	int sv[2], e, reply, self;
	pid_t pid;

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	pid = t_fork();
	if (pid == 0) {
		int ev, rep, ret;

		close(sv[0]);
		ev = t_recv_fd(sv[1]);
		rep = t_recv_fd(sv[1]);
		if (t_read(ev).access != access)
			T_FAILF("child: received access %#x, expected %#x",
				t_read(ev).access, access);
		ret = t_wait1(dev, ev, t_after_ms(5000));
		if (ret)
			T_FAILF("child: wait on a received event: %s",
				t_errname(-ret));
		t_set(rep);
		_exit(0);
	}
	close(sv[1]);
	/* Created after the fork: the child can only get them by message. */
	e = t_create_access(dev, T_AUTO, 0, access);
	reply = t_create(dev, T_MANUAL, 0);
	t_send_fd(sv[0], e);
	t_send_fd(sv[0], reply);
	t_await_blocked(pid, SYS_ioctl);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_wait1(dev, reply, t_after_ms(5000)), 0);
	t_reap_ok(pid);
	CHECK_STATE(e, 0);

	/* To ourselves: a second descriptor of the same event. */
	{
		int sp[2];

		CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp));
		t_send_fd(sp[0], e);
		self = t_recv_fd(sp[1]);
		CHECK(self != e);
		CHECK_EQ(t_set(self), 0);
		CHECK_STATE(e, 1);
		CHECK_RET(t_try(dev, e), 0);
		CHECK_STATE(self, 0);
		CHECK_EQ(t_read(self).access, access);
	}
	return T_PASS;
}
