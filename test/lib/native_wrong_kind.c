// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A descriptor that is not an event: the event calls on a pipe or a
 * socket fail with -ENOTTY (the answer of that descriptor's own kernel
 * code), waits naming one fail with -EBADFD; a closed descriptor is
 * -EBADF everywhere. Nothing is consumed by a failed wait.
 */
#include <sys/socket.h>
#include <ntevent.h>
#include "api.h"

static void check_not_event(int bad, int op_err, int wait_err)
{
	struct ntevent_state st;
	int ev = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 1,
				NTEVENT_ALL_ACCESS);
	int prev = 0x55, fds[2] = { ev, bad };

	CHECK(ev >= 0);
	CHECK_RET(ntevent_set(bad, &prev), op_err);
	CHECK_EQ(prev, 0x55);
	CHECK_RET(ntevent_reset(bad, NULL), op_err);
	CHECK_RET(ntevent_pulse(bad, NULL), op_err);
	CHECK_RET(ntevent_clear(bad), op_err);
	CHECK_RET(ntevent_read(bad, &st), op_err);
	CHECK_RET(ntevent_wait(bad, 0, 0), wait_err);
	CHECK_RET(ntevent_wait_any(fds, 2, 0, 0), wait_err);
	CHECK_RET(ntevent_wait_all(fds, 2, 0, 0), wait_err);
	CHECK_RET(ntevent_signal_and_wait(ev, bad, 0, 0), wait_err);
	CHECK_RET(ntevent_signal_and_wait(bad, ev, 0, 0), wait_err);
	/* the auto-reset event was not consumed by the failed waits */
	CHECK_RET(ntevent_read(ev, &st), 0);
	CHECK_EQ(st.state, 1);
	CHECK_RET(ntevent_close(ev), 0);
}

int main(void)
{
	int sv[2];
	int pipe_fd;

	t_require_device();
	pipe_fd = t_pipe_fd();
	check_not_event(pipe_fd, -ENOTTY, -EBADFD);
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	check_not_event(sv[0], -ENOTTY, -EBADFD);
	check_not_event(t_closed_fd(), -EBADF, -EBADF);
	check_not_event(-1, -EBADF, -EBADF);
	return T_PASS;
}
