// SPDX-License-Identifier: GPL-2.0
/*
 * Two descriptors from two opens of one name are one event: a wait-all
 * naming both fails with ENOTUNIQ at once (even without a deadline) and
 * consumes nothing; a wait-any on both is satisfied by the first.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	char name[128], other[128];
	uint32_t fds[3], index;
	int a, b, c, x;
	int64_t start;

	t_name(name, sizeof(name), "ev");
	t_name(other, sizeof(other), "other");
	a = t_create_name(dev, name, T_AUTO, 1, 0600);
	b = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	c = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS,
			    T_AUTO, 0, 0600, NULL);
	CHECK(c >= 0);
	x = t_create_name(dev, other, T_AUTO, 1, 0600);

	fds[0] = a;
	fds[1] = b;
	CHECK_RET(t_wait_all(dev, fds, 2, 0), -ENOTUNIQ);
	start = t_mono();
	CHECK_RET(t_wait_all(dev, fds, 2, NTEVENT_NO_TIMEOUT), -ENOTUNIQ);
	CHECK_MSG(t_ms_since(start) < 1000, "ENOTUNIQ took %lld ms",
		  (long long)t_ms_since(start));
	fds[0] = x;
	fds[1] = b;
	fds[2] = c;
	CHECK_RET(t_wait_all(dev, fds, 3, t_after_ms(3000)), -ENOTUNIQ);
	CHECK_STATE(a, 1);
	CHECK_STATE(x, 1);

	/* Wait-any: the first of the two takes it. */
	fds[0] = b;
	fds[1] = a;
	CHECK_RET(t_wait_any(dev, fds, 2, 0, &index), 0);
	CHECK_EQ(index, 0);
	CHECK_STATE(c, 0);

	/* Distinct names are fine together. */
	CHECK_EQ(t_set(c), 0);
	fds[0] = b;
	fds[1] = x;
	CHECK_RET(t_wait_all(dev, fds, 2, 0), 0);
	CHECK_STATE(a, 0);
	CHECK_STATE(x, 0);
	return T_PASS;
}
