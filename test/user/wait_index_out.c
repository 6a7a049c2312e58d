// SPDX-License-Identifier: GPL-2.0
/*
 * The index field is output only: WAIT_ANY stores the satisfying index and
 * WAIT_ALL stores 0, whatever the field held on entry.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_MANUAL, 1);
	int b = t_create(dev, T_MANUAL, 1);
	int z = t_create(dev, T_MANUAL, 0);
	uint32_t fds[3] = { z, b, a };
	struct ntevent_wait_args w;

	memset(&w, 0, sizeof(w));
	w.fds = (uintptr_t)fds;
	w.count = 3;
	w.index = 0xffffffff;
	CHECK_OK(ioctl(dev, NTEVENT_IOC_WAIT_ANY, &w));
	CHECK_EQ(w.index, 1);
	CHECK_EQ(w.count, 3);
	CHECK_EQ(w.flags, 0);
	CHECK_EQ(w.timeout, 0);
	CHECK_EQ(w.fds, (uintptr_t)fds);

	w.index = 2;
	w.fds = (uintptr_t)&fds[1];
	w.count = 2;
	CHECK_OK(ioctl(dev, NTEVENT_IOC_WAIT_ALL, &w));
	CHECK_EQ(w.index, 0);

	w.index = 5;
	w.timeout = t_after_ms(2000);
	CHECK_OK(ioctl(dev, NTEVENT_IOC_WAIT_ALL, &w));
	CHECK_EQ(w.index, 0);
	return T_PASS;
}
