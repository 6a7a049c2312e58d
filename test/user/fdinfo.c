// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self/fdinfo/N of an event fd has the lines
 * "ntevent-type:\t(notification|synchronization)", "ntevent-state:\t0|1"
 * and "ntevent-access:\t0x..." (the descriptor's rights), following the
 * state as it changes; reading it consumes nothing. The state line needs a
 * right that shows the state anyway: QUERY_STATE, or SYNCHRONIZE (poll).
 * A descriptor with no rights at all keeps the "0x" form: "0x0" (this was
 * fdinfo_access_zero).
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int m = t_create(dev, T_MANUAL, 0);
	int a = t_create_access(dev, T_AUTO, 1,
				NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE);
	int q = t_create_access(dev, T_AUTO, 0, NTEVENT_MODIFY_STATE);

	T_FDINFO_LINE(m, "ntevent-type:\tnotification");
	T_FDINFO_LINE(m, "ntevent-state:\t0");
	T_FDINFO_LINE(m, "ntevent-access:\t0x1f0003");
	CHECK_EQ(t_set(m), 0);
	T_FDINFO_LINE(m, "ntevent-state:\t1");

	T_FDINFO_LINE(a, "ntevent-type:\tsynchronization");
	T_FDINFO_LINE(a, "ntevent-state:\t1");
	T_FDINFO_LINE(a, "ntevent-state:\t1");
	T_FDINFO_LINE(a, "ntevent-access:\t0x100001");
	CHECK_STATE(a, 1);
	CHECK_RET(t_try(dev, a), 0);
	T_FDINFO_LINE(a, "ntevent-state:\t0");

	/* Type and rights are shown whatever the rights; the state is not. */
	T_FDINFO_LINE(q, "ntevent-type:\tsynchronization");
	T_FDINFO_LINE(q, "ntevent-access:\t0x2");
	CHECK_EQ(t_set(q), 0);
	CHECK(!t_fdinfo_has(q, "ntevent-state:\t1"));
	CHECK(!t_fdinfo_has(q, "ntevent-state:\t0"));

	/* No rights at all. */
	{
		int z = t_create_access(dev, T_MANUAL, 0, 0);

		T_FDINFO_LINE(z, "ntevent-access:\t0x0");
		T_FDINFO_LINE(z, "ntevent-type:\tnotification");
		CHECK(!t_fdinfo_has(z, "ntevent-state:\t0"));
	}
	return T_PASS;
}
