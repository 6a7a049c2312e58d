// SPDX-License-Identifier: GPL-2.0
/*
 * A wait with an absolute CLOCK_MONOTONIC deadline ends with ETIMEDOUT no
 * earlier than the deadline (and not much later), for wait-any and
 * wait-all; the events are left as they were.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_AUTO, 0);
	uint32_t fds[2] = { a, b }, index;
	uint64_t deadline;
	int64_t late;

	deadline = t_after_ms(250);
	CHECK_RET(t_wait_any(dev, &fds[1], 1, deadline, &index), -ETIMEDOUT);
	late = t_mono() - (int64_t)deadline;
	CHECK_MSG(late >= 0, "wait-any ended %lld us before its deadline",
		  (long long)-late / 1000);
	CHECK_MSG(late < 2000000000, "wait-any ended %lld ms after its deadline",
		  (long long)late / 1000000);

	deadline = t_after_ms(250);
	CHECK_RET(t_wait_all(dev, fds, 2, deadline), -ETIMEDOUT);
	late = t_mono() - (int64_t)deadline;
	CHECK_MSG(late >= 0, "wait-all ended %lld us before its deadline",
		  (long long)-late / 1000);
	CHECK_MSG(late < 2000000000, "wait-all ended %lld ms after its deadline",
		  (long long)late / 1000000);
	CHECK_STATE(a, 1);
	CHECK_STATE(b, 0);
	return T_PASS;
}
