// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_DUP rejects unknown flags, nonzero pad and access bits
 * outside NTEVENT_ALL_ACCESS with EINVAL; an unreadable argument, or one
 * whose fd cannot be written back, is EFAULT; it is ENOTTY on the device
 * descriptor. None of them leaves a descriptor behind.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_MANUAL, 1);
	struct ntevent_dup_args a, *ro;
	uint32_t bit;
	int before = t_count_fds();

	for (bit = 1; bit; bit <<= 1) {
		if (bit & NTEVENT_DUP_FLAGS)
			continue;
		CHECK_RET(t_dup_raw(e, NTEVENT_QUERY_STATE, bit), -EINVAL);
		CHECK_RET(t_dup_raw(e, NTEVENT_QUERY_STATE,
				    bit | NTEVENT_DUP_SAME_ACCESS), -EINVAL);
	}
	for (bit = 1; bit; bit <<= 1) {
		if (bit & NTEVENT_ALL_ACCESS)
			continue;
		CHECK_RET(t_dup_raw(e, NTEVENT_QUERY_STATE | bit, 0), -EINVAL);
	}
	memset(&a, 0, sizeof(a));
	a.access = NTEVENT_QUERY_STATE;
	a.pad = 1;
	CHECK_ERR(ioctl(e, NTEVENT_IOC_DUP, &a), EINVAL);
	CHECK_EQ(t_count_fds(), before);

	CHECK_ERR(ioctl(e, NTEVENT_IOC_DUP, NULL), EFAULT);
	CHECK_ERR(ioctl(e, NTEVENT_IOC_DUP, t_bad_page()), EFAULT);
	ro = t_pages(1);
	ro->access = NTEVENT_QUERY_STATE;
	t_page_readonly(ro);
	CHECK_ERR(ioctl(e, NTEVENT_IOC_DUP, ro), EFAULT);
	CHECK_EQ(t_count_fds(), before);

	memset(&a, 0, sizeof(a));
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_DUP, &a), ENOTTY);
	CHECK_EQ(t_count_fds(), before);
	CHECK_STATE(e, 1);
	return T_PASS;
}
