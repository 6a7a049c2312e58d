// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_set(), ntevent_reset() and ntevent_pulse() store the previous
 * state (0 or 1) when asked to, and work with a NULL pointer too;
 * ntevent_clear() makes the event non-signaled. Pulse with no waiter
 * acts as reset.
 */
#include <ntevent.h>
#include "api.h"

int main(void)
{
	unsigned int type;

	t_require_device();
	for (type = 0; type <= 1; type++) {
		int fd = ntevent_create(type, 0, NTEVENT_ALL_ACCESS);
		int prev;

		CHECK(fd >= 0);
		prev = 0x55;
		CHECK_RET(ntevent_set(fd, &prev), 0);
		CHECK_EQ(prev, 0);
		CHECK_EQ(t_state(fd), 1);
		prev = 0x55;
		CHECK_RET(ntevent_set(fd, &prev), 0);
		CHECK_EQ(prev, 1);
		prev = 0x55;
		CHECK_RET(ntevent_reset(fd, &prev), 0);
		CHECK_EQ(prev, 1);
		CHECK_EQ(t_state(fd), 0);
		prev = 0x55;
		CHECK_RET(ntevent_reset(fd, &prev), 0);
		CHECK_EQ(prev, 0);

		CHECK_RET(ntevent_set(fd, NULL), 0);
		prev = 0x55;
		CHECK_RET(ntevent_pulse(fd, &prev), 0);
		CHECK_EQ(prev, 1);
		CHECK_EQ(t_state(fd), 0);
		prev = 0x55;
		CHECK_RET(ntevent_pulse(fd, &prev), 0);
		CHECK_EQ(prev, 0);
		CHECK_EQ(t_state(fd), 0);

		CHECK_RET(ntevent_set(fd, NULL), 0);
		CHECK_RET(ntevent_clear(fd), 0);
		CHECK_EQ(t_state(fd), 0);
		CHECK_RET(ntevent_clear(fd), 0);
		CHECK_EQ(t_state(fd), 0);
		CHECK_RET(ntevent_reset(fd, NULL), 0);
		CHECK_RET(ntevent_pulse(fd, NULL), 0);
		CHECK_RET(ntevent_close(fd), 0);
	}
	return T_PASS;
}
