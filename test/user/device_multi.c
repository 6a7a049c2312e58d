// SPDX-License-Identifier: GPL-2.0
/*
 * Events are not tied to the device descriptor that created them: a wait
 * issued on another /dev/ntevent descriptor works on them, and an event
 * outlives the close of the device descriptor that created it.
 */
#include "abi.h"

int main(void)
{
	int dev1 = t_open_dev();
	int dev2 = t_open_dev();
	int e = t_create(dev1, T_AUTO, 1);
	int f = t_create(dev2, T_MANUAL, 0);
	uint32_t fds[2] = { e, f };
	int dev3;

	CHECK(dev1 != dev2);
	CHECK_RET(t_try(dev2, e), 0);
	CHECK_EQ(t_set(e), 0);
	CHECK_EQ(t_set(f), 0);
	CHECK_RET(t_wait_all(dev1, fds, 2, 0), 0);
	CHECK_STATE(e, 0);

	CHECK_OK(close(dev1));
	CHECK_OK(close(dev2));
	CHECK_EQ(t_set(e), 0);
	CHECK_STATE(e, 1);
	CHECK_EQ(t_read(e).type, T_AUTO);

	dev3 = t_open_dev();
	CHECK_RET(t_wait_all(dev3, fds, 2, t_after_ms(2000)), 0);
	CHECK_STATE(e, 0);
	CHECK_STATE(f, 1);
	return T_PASS;
}
