// SPDX-License-Identifier: GPL-2.0
/*
 * CREATE with an unreadable argument, or one whose fd field cannot be
 * written back, fails with EFAULT and leaves no descriptor behind.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	struct ntevent_create_args *a;
	int before;

	before = t_count_fds();
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_CREATE, NULL), EFAULT);
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_CREATE, t_bad_page()), EFAULT);
	CHECK_EQ(t_count_fds(), before);

	/* Readable but not writable: the new fd cannot be reported. */
	a = t_pages(1);
	a->type = T_AUTO;
	a->state = 1;
	a->access = NTEVENT_ALL_ACCESS;
	t_page_readonly(a);
	before = t_count_fds();
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_CREATE, a), EFAULT);
	CHECK_EQ(t_count_fds(), before);
	CHECK_EQ(a->fd, 0);

	/* The argument straddling into an inaccessible page. */
	a = (void *)((char *)t_pages(1) + 4096 - 8);
	before = t_count_fds();
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_CREATE, a), EFAULT);
	CHECK_EQ(t_count_fds(), before);
	return T_PASS;
}
