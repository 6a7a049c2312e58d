// SPDX-License-Identifier: GPL-2.0
/*
 * An event descriptor passed over a unix socketpair with SCM_RIGHTS
 * refers to the same event with the same rights: a process that never
 * had it (forked before it was created) receives it, waits on it, and is
 * released by the sender's SET; its reply through the same kind of
 * descriptor reaches the sender.
 */

#include "abi.h"

#include <sys/socket.h>

static void send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	char byte = 'e';
	struct iovec iov = { &byte, 1 };
	struct msghdr msg;
	struct cmsghdr *c;

	memset(&msg, 0, sizeof(msg));
	memset(cbuf, 0, sizeof(cbuf));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cbuf;
	msg.msg_controllen = sizeof(cbuf);
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	CHECK_EQ(CHECK_OK(sendmsg(sock, &msg, 0)), 1);
}

static int recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	char byte;
	struct iovec iov = { &byte, 1 };
	struct msghdr msg;
	struct cmsghdr *c;
	int fd;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cbuf;
	msg.msg_controllen = sizeof(cbuf);
	CHECK_EQ(CHECK_OK(recvmsg(sock, &msg, MSG_CMSG_CLOEXEC)), 1);
	c = CMSG_FIRSTHDR(&msg);
	CHECK(c && c->cmsg_type == SCM_RIGHTS);
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

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
		ev = recv_fd(sv[1]);
		rep = recv_fd(sv[1]);
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
	send_fd(sv[0], e);
	send_fd(sv[0], reply);
	t_await_blocked(pid, SYS_ioctl);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_wait1(dev, reply, t_after_ms(5000)), 0);
	t_reap_ok(pid);
	CHECK_STATE(e, 0);

	/* To ourselves: a second descriptor of the same event. */
	{
		int sp[2];

		CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp));
		send_fd(sp[0], e);
		self = recv_fd(sp[1]);
		CHECK(self != e);
		CHECK_EQ(t_set(self), 0);
		CHECK_STATE(e, 1);
		CHECK_RET(t_try(dev, e), 0);
		CHECK_STATE(self, 0);
		CHECK_EQ(t_read(self).access, access);
	}
	return T_PASS;
}
