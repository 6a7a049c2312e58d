// SPDX-License-Identifier: GPL-2.0
/*
 * A duplicate of a named event's descriptor gains no right, even when the
 * event's mode (0666) and the caller (root) would allow it on an open by
 * name: NTEVENT_IOC_DUP of a SYNCHRONIZE-only descriptor asking for
 * MODIFY_STATE (or anything more) is EACCES and makes no descriptor;
 * SAME_ACCESS and subsets work. Opening the name again is the way to more
 * rights.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	char name[128];
	uint32_t bit;
	int e, s, d, before;

	umask(0);
	t_name(name, sizeof(name), "ev");
	e = t_create_name(dev, name, T_AUTO, 0, 0666);
	s = t_open_name(dev, name, NTEVENT_SYNCHRONIZE);

	before = t_count_fds();
	CHECK_RET(t_dup_raw(s, NTEVENT_MODIFY_STATE, 0), -EACCES);
	CHECK_RET(t_dup_raw(s, NTEVENT_SYNCHRONIZE | NTEVENT_MODIFY_STATE, 0),
		  -EACCES);
	CHECK_RET(t_dup_raw(s, NTEVENT_ALL_ACCESS, 0), -EACCES);
	for (bit = 1; bit; bit <<= 1) {
		if (!(bit & NTEVENT_ALL_ACCESS) || bit == NTEVENT_SYNCHRONIZE)
			continue;
		CHECK_RET(t_dup_raw(s, NTEVENT_SYNCHRONIZE | bit, 0), -EACCES);
	}
	CHECK_EQ(t_count_fds(), before);

	d = t_dup_raw(s, 0, NTEVENT_DUP_SAME_ACCESS);
	CHECK_MSG(d >= 0, "DUP SAME_ACCESS: %s", t_errname(-d));
	CHECK_ERR(ioctl(d, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_try(dev, d), 0);
	close(d);
	d = t_dup(s, NTEVENT_SYNCHRONIZE);
	close(d);
	d = t_dup(s, 0);
	close(d);

	/* The duplicate keeps the name alive like any descriptor. */
	d = t_dup(s, NTEVENT_SYNCHRONIZE);
	close(s);
	close(e);
	s = t_open_name(dev, name, NTEVENT_MODIFY_STATE);
	CHECK_EQ(t_set(s), 0);
	CHECK_RET(t_try(dev, d), 0);
	return T_PASS;
}
