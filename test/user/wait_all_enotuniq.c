// SPDX-License-Identifier: GPL-2.0
/*
 * The same event twice in a WAIT_ALL fails with ENOTUNIQ at once (before
 * waiting, even with no timeout), whether named by the same fd twice or by
 * two descriptors of one event (dup). Nothing is consumed or signaled.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_MANUAL, 0);
	int s = t_create(dev, T_AUTO, 0);
	int a2 = CHECK_OK(dup(a));
	uint32_t fds[4];
	int64_t start;

	fds[0] = a;
	fds[1] = a;
	CHECK_RET(t_wait_all(dev, fds, 2, 0), -ENOTUNIQ);
	start = t_mono();
	CHECK_RET(t_wait_all(dev, fds, 2, NTEVENT_NO_TIMEOUT), -ENOTUNIQ);
	CHECK_MSG(t_ms_since(start) < 1000, "ENOTUNIQ took %lld ms",
		  (long long)t_ms_since(start));

	fds[0] = b;
	fds[1] = a;
	fds[2] = s;
	fds[3] = a;
	CHECK_RET(t_wait_all(dev, fds, 4, t_after_ms(3000)), -ENOTUNIQ);
	CHECK_RET(t_wait_full(dev, true, fds, 4, 0, NTEVENT_WAIT_SIGNAL, s, NULL),
		  -ENOTUNIQ);

	/* Two descriptors of one event are the same object. */
	fds[0] = a;
	fds[1] = a2;
	CHECK_RET(t_wait_all(dev, fds, 2, 0), -ENOTUNIQ);
	start = t_mono();
	CHECK_RET(t_wait_all(dev, fds, 2, NTEVENT_NO_TIMEOUT), -ENOTUNIQ);
	CHECK_MSG(t_ms_since(start) < 1000, "ENOTUNIQ took %lld ms",
		  (long long)t_ms_since(start));

	CHECK_STATE(a, 1);
	CHECK_STATE(b, 0);
	CHECK_STATE(s, 0);

	/* Distinct events are fine. */
	fds[0] = a;
	fds[1] = s;
	CHECK_EQ(t_set(s), 0);
	CHECK_RET(t_wait_all(dev, fds, 2, 0), 0);
	CHECK_STATE(a, 0);
	CHECK_STATE(s, 0);
	return T_PASS;
}
