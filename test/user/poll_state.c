// SPDX-License-Identifier: GPL-2.0
/*
 * poll() reports POLLIN on an event fd exactly while it is signaled, for
 * both types, and never consumes an auto-reset event.
 */

#include "abi.h"

#include <poll.h>

static short revents(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLOUT };

	CHECK(CHECK_OK(poll(&p, 1, 0)) >= 0);
	return p.revents;
}

int main(void)
{
	int dev = t_open_dev();
	uint32_t type;

	for (type = 0; type <= 1; type++) {
		int e = t_create(dev, type, 0);
		int i;

		CHECK_EQ(revents(e) & (POLLIN | POLLERR | POLLHUP | POLLNVAL), 0);
		CHECK_EQ(t_set(e), 0);
		for (i = 0; i < 3; i++) {
			CHECK(revents(e) & POLLIN);
			CHECK_EQ(revents(e) & (POLLERR | POLLNVAL), 0);
			CHECK_STATE(e, 1);
		}
		CHECK_RET(t_try(dev, e), 0);
		CHECK_EQ(revents(e) & POLLIN, type == T_AUTO ? 0 : POLLIN);
		CHECK_EQ(t_reset(e), type == T_AUTO ? 0 : 1);
		CHECK_EQ(revents(e) & POLLIN, 0);
		CHECK_EQ(t_set(e), 0);
		CHECK_EQ(t_pulse(e), 1);
		CHECK_EQ(revents(e) & POLLIN, 0);
		CHECK_EQ(t_set(e), 0);
		t_clear(e);
		CHECK_EQ(revents(e) & POLLIN, 0);
		close(e);
	}
	return T_PASS;
}
