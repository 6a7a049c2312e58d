// SPDX-License-Identifier: GPL-2.0
/*
 * A deadline of 0 (or any time already past, on either clock) never
 * blocks: it succeeds, with its side effects, if the wait can be satisfied
 * now (objects come before the timeout), else it fails with ETIMEDOUT.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_AUTO, 1);
	uint32_t fds[2] = { a, b }, index;
	uint64_t past[4];
	uint32_t flags[4] = { 0, NTEVENT_WAIT_REALTIME, 0, NTEVENT_WAIT_REALTIME };
	int64_t start;
	int i;

	past[0] = 0;
	past[1] = 0;
	past[2] = t_mono() - 1000000;
	past[3] = t_now(CLOCK_REALTIME) - 1000000000;

	for (i = 0; i < 4; i++) {
		CHECK_EQ(t_set(a), i == 0 ? 1 : 0);
		CHECK_EQ(t_set(b), i == 0 ? 1 : 0);
		start = t_mono();
		/* wait-any: takes a only. */
		CHECK_RET(t_wait_full(dev, false, fds, 2, past[i], flags[i], 0,
				      &index), 0);
		CHECK_EQ(index, 0);
		CHECK_STATE(a, 0);
		CHECK_STATE(b, 1);
		CHECK_RET(t_wait_full(dev, false, fds, 2, past[i], flags[i], 0,
				      &index), 0);
		CHECK_EQ(index, 1);
		CHECK_RET(t_wait_full(dev, false, fds, 2, past[i], flags[i], 0,
				      &index), -ETIMEDOUT);
		/* wait-all: all or nothing. */
		CHECK_EQ(t_set(a), 0);
		CHECK_RET(t_wait_full(dev, true, fds, 2, past[i], flags[i], 0,
				      &index), -ETIMEDOUT);
		CHECK_STATE(a, 1);
		CHECK_STATE(b, 0);
		CHECK_EQ(t_set(b), 0);
		CHECK_RET(t_wait_full(dev, true, fds, 2, past[i], flags[i], 0,
				      &index), 0);
		CHECK_STATE(a, 0);
		CHECK_STATE(b, 0);
		CHECK_MSG(t_ms_since(start) < 1000,
			  "polling waits (case %d) took %lld ms", i,
			  (long long)t_ms_since(start));
	}
	return T_PASS;
}
