// SPDX-License-Identifier: GPL-2.0
/*
 * WAIT_ANY/WAIT_ALL fail with EINVAL, consuming and setting nothing, for a
 * count of 0 or more than 64, unknown flags, and a nonzero signal_fd
 * without NTEVENT_WAIT_SIGNAL.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int s = t_create(dev, T_AUTO, 0);
	uint32_t fds[NTEVENT_MAX_WAIT_COUNT + 2], index, bit;
	int all, i;

	for (i = 0; i < NTEVENT_MAX_WAIT_COUNT + 2; i++)
		fds[i] = a;
	for (all = 0; all <= 1; all++) {
		CHECK_RET(t_wait_full(dev, all, fds, 0, 0, 0, 0, &index), -EINVAL);
		CHECK_RET(t_wait_full(dev, all, fds, 0, t_after_ms(1000), 0, 0,
				      &index), -EINVAL);
		CHECK_RET(t_wait_full(dev, all, NULL, 0, 0, 0, 0, &index), -EINVAL);
		CHECK_RET(t_wait_full(dev, all, fds, NTEVENT_MAX_WAIT_COUNT + 1, 0,
				      0, 0, &index), -EINVAL);
		CHECK_RET(t_wait_full(dev, all, fds, 0xffffffffu, 0, 0, 0, &index),
			  -EINVAL);
		for (bit = 1; bit; bit <<= 1) {
			if (bit & NTEVENT_WAIT_FLAGS)
				continue;
			CHECK_RET(t_wait_full(dev, all, fds, 1, 0, bit, 0, &index),
				  -EINVAL);
			/* Together with valid flags too. */
			CHECK_RET(t_wait_full(dev, all, fds, 1, 0,
					      bit | NTEVENT_WAIT_SIGNAL, s, &index),
				  -EINVAL);
		}
		CHECK_RET(t_wait_full(dev, all, fds, 1, 0, 0, s, &index), -EINVAL);
		CHECK_RET(t_wait_full(dev, all, fds, 1, 0, NTEVENT_WAIT_ALERTABLE |
				      NTEVENT_WAIT_REALTIME, s, &index), -EINVAL);
		/* A bad count with a signal request sets nothing either. */
		CHECK_RET(t_wait_full(dev, all, fds, 0, 0, NTEVENT_WAIT_SIGNAL, s,
				      &index), -EINVAL);
		CHECK_RET(t_wait_full(dev, all, fds, NTEVENT_MAX_WAIT_COUNT + 1, 0,
				      NTEVENT_WAIT_SIGNAL, s, &index), -EINVAL);
		CHECK_STATE(a, 1);
		CHECK_STATE(s, 0);
	}
	return T_PASS;
}
