// SPDX-License-Identifier: GPL-2.0
/*
 * With NTEVENT_WAIT_REALTIME the deadline is absolute CLOCK_REALTIME time:
 * the wait ends with ETIMEDOUT at that time, not at once (as a monotonic
 * reading of a realtime value far in the future would never end, and a
 * realtime reading of a monotonic value would end at once).
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int b = t_create(dev, T_AUTO, 0);
	int m = t_create(dev, T_MANUAL, 1);
	uint32_t fds[2] = { b, m }, index;
	int64_t start, ms;
	uint64_t deadline;
	int all;

	for (all = 0; all <= 1; all++) {
		start = t_mono();
		deadline = t_now(CLOCK_REALTIME) + 250000000;
		CHECK_RET(t_wait_full(dev, all, fds, all ? 2 : 1, deadline,
				      NTEVENT_WAIT_REALTIME, 0, &index),
			  -ETIMEDOUT);
		CHECK_MSG(t_now(CLOCK_REALTIME) >= (int64_t)deadline,
			  "wait ended before its realtime deadline");
		ms = t_ms_since(start);
		CHECK_MSG(ms >= 200 && ms < 2500,
			  "a 250 ms realtime wait took %lld ms", (long long)ms);
	}

	/* A signaled event satisfies it; a monotonic-sized value is past. */
	CHECK_RET(t_wait_full(dev, false, &fds[1], 1,
			      t_now(CLOCK_REALTIME) + 5000000000,
			      NTEVENT_WAIT_REALTIME, 0, &index), 0);
	start = t_mono();
	CHECK_RET(t_wait_full(dev, false, fds, 1, t_after_ms(3000),
			      NTEVENT_WAIT_REALTIME, 0, &index), -ETIMEDOUT);
	CHECK_MSG(t_ms_since(start) < 1000,
		  "a monotonic-clock value read as realtime did not expire at once");
	CHECK_STATE(b, 0);
	CHECK_STATE(m, 1);
	return T_PASS;
}
