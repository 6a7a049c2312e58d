// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_DUP makes a new O_CLOEXEC descriptor for the same event:
 * with NTEVENT_DUP_SAME_ACCESS it has the source's rights (the access
 * field is then ignored); a change through either descriptor is seen
 * through the other; the event lives until its last descriptor is closed.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t access = NTEVENT_ALL_ACCESS & ~NTEVENT_WRITE_DAC;
	int e = t_create_access(dev, T_AUTO, 0, access);
	int d = t_dup_raw(e, 0, NTEVENT_DUP_SAME_ACCESS);
	int d2, i;

	CHECK_MSG(d >= 0, "DUP with SAME_ACCESS: %s", t_errname(-d));
	CHECK(d != e);
	CHECK(CHECK_OK(fcntl(d, F_GETFD)) & FD_CLOEXEC);
	CHECK_EQ(t_read(d).access, access);
	CHECK_EQ(t_read(d).type, T_AUTO);

	/* The access field is ignored with SAME_ACCESS, even if bogus. */
	d2 = t_dup_raw(e, 0xffffffff, NTEVENT_DUP_SAME_ACCESS);
	CHECK_MSG(d2 >= 0, "DUP with SAME_ACCESS and a bogus access: %s",
		  t_errname(-d2));
	CHECK_EQ(t_read(d2).access, access);

	/* One event behind all three. */
	CHECK_EQ(t_set(d), 0);
	CHECK_STATE(e, 1);
	CHECK_STATE(d2, 1);
	CHECK_RET(t_try(dev, e), 0);
	CHECK_STATE(d, 0);
	CHECK_STATE(d2, 0);

	/* It outlives the descriptor it was created with. */
	CHECK_OK(close(e));
	CHECK_EQ(t_set(d2), 0);
	CHECK_OK(close(d2));
	CHECK_STATE(d, 1);
	CHECK_RET(t_try(dev, d), 0);

	/* A duplicate of a duplicate, a few times over. */
	for (i = 0; i < 5; i++) {
		int n = t_dup(d, NTEVENT_ALL_ACCESS & access);

		close(d);
		d = n;
	}
	CHECK_EQ(t_set(d), 0);
	CHECK_STATE(d, 1);
	return T_PASS;
}
