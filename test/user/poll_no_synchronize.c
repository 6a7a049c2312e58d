// SPDX-License-Identifier: GPL-2.0
/*
 * poll() on an event descriptor without NTEVENT_SYNCHRONIZE reports
 * POLLERR (and not the state), signaled or not.
 */

#include "abi.h"

#include <poll.h>

int main(void)
{
	int dev = t_open_dev();
	int state;

	for (state = 0; state <= 1; state++) {
		int e = t_create_access(dev, T_AUTO, state,
					NTEVENT_ALL_ACCESS & ~NTEVENT_SYNCHRONIZE);
		struct pollfd p = { .fd = e, .events = POLLIN };

		CHECK_EQ(CHECK_OK(poll(&p, 1, 0)), 1);
		CHECK(p.revents & POLLERR);
		CHECK_EQ(p.revents & POLLIN, 0);
		CHECK_STATE(e, state);
		close(e);
	}
	return T_PASS;
}
