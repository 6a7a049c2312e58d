// SPDX-License-Identifier: GPL-2.0
/*
 * A duplicate can keep or drop rights, never gain one: asking for a right
 * the source lacks is EACCES (and creates no descriptor); the rights are
 * per descriptor, so the duplicate is limited while the source is not.
 * DUP itself needs no right.
 */
#include "abi.h"

#include <poll.h>

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	int q = t_dup(e, NTEVENT_QUERY_STATE);
	int none = t_dup(e, 0);
	uint32_t bit;
	int before, s;

	CHECK_EQ(t_read(q).access, NTEVENT_QUERY_STATE);
	CHECK_ERR(ioctl(q, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_RET(t_try(dev, q), -EACCES);
	CHECK_EQ(t_set(e), 0);
	CHECK_STATE(q, 1);
	{
		struct pollfd p = { .fd = q, .events = POLLIN };

		CHECK_EQ(CHECK_OK(poll(&p, 1, 0)), 1);
		CHECK(p.revents & POLLERR);
	}
	CHECK_RET(t_try(dev, e), 0);

	/* No right can be added, from a partial or an empty descriptor. */
	before = t_count_fds();
	for (bit = 1; bit; bit <<= 1) {
		if (!(bit & NTEVENT_ALL_ACCESS) || bit == NTEVENT_QUERY_STATE)
			continue;
		CHECK_RET(t_dup_raw(q, NTEVENT_QUERY_STATE | bit, 0), -EACCES);
		CHECK_RET(t_dup_raw(q, bit, 0), -EACCES);
		CHECK_RET(t_dup_raw(none, bit, 0), -EACCES);
	}
	CHECK_RET(t_dup_raw(none, NTEVENT_QUERY_STATE, 0), -EACCES);
	CHECK_RET(t_dup_raw(none, NTEVENT_ALL_ACCESS, 0), -EACCES);
	CHECK_EQ(t_count_fds(), before);

	/* Keeping what one has works, even with nothing at all. */
	close(t_dup(q, NTEVENT_QUERY_STATE));
	close(t_dup(q, 0));
	close(t_dup(none, 0));
	s = t_dup_raw(none, 0, NTEVENT_DUP_SAME_ACCESS);
	CHECK(s >= 0);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_READ, &(struct ntevent_state){ 0 }),
		  EACCES);

	/* A waiting-only and a signaling-only duplicate work together. */
	{
		int w = t_dup(e, NTEVENT_SYNCHRONIZE);
		int m = t_dup(e, NTEVENT_MODIFY_STATE);

		CHECK_EQ(t_set(m), 0);
		CHECK_RET(t_try(dev, w), 0);
		CHECK_RET(t_try(dev, w), -ETIMEDOUT);
	}
	return T_PASS;
}
