// SPDX-License-Identifier: GPL-2.0
/*
 * A wait naming a descriptor without NTEVENT_SYNCHRONIZE fails with EACCES
 * before consuming anything, wherever that descriptor is in the list.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t nosync = NTEVENT_ALL_ACCESS & ~NTEVENT_SYNCHRONIZE;
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_AUTO, 1);
	int n = t_create_access(dev, T_AUTO, 1, nosync);
	uint32_t fds[3], index;
	int all;

	for (all = 0; all <= 1; all++) {
		fds[0] = n;
		CHECK_RET(t_wait_full(dev, all, fds, 1, 0, 0, 0, &index), -EACCES);
		CHECK_RET(t_wait_full(dev, all, fds, 1, t_after_ms(2000), 0, 0,
				      &index), -EACCES);
		fds[0] = a;
		fds[1] = b;
		fds[2] = n;
		CHECK_RET(t_wait_full(dev, all, fds, 3, 0, 0, 0, &index), -EACCES);
		CHECK_RET(t_wait_full(dev, all, fds, 3, NTEVENT_NO_TIMEOUT, 0, 0,
				      &index), -EACCES);
		CHECK_STATE(a, 1);
		CHECK_STATE(b, 1);
		CHECK_STATE(n, 1);
	}
	/* SYNCHRONIZE alone is enough to wait. */
	n = t_create_access(dev, T_AUTO, 1, NTEVENT_SYNCHRONIZE);
	CHECK_RET(t_try(dev, n), 0);
	CHECK_RET(t_try(dev, n), -ETIMEDOUT);
	return T_PASS;
}
