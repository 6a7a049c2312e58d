// SPDX-License-Identifier: GPL-2.0
/*
 * SET, RESET and PULSE with a previous-state pointer that cannot be
 * written (unmapped, read-only, straddling a page end) fail with EFAULT
 * and change nothing; READ into bad memory fails with EFAULT.
 */
#include "abi.h"

static const struct {
	unsigned long cmd;
	const char *name;
} ops[] = {
	{ NTEVENT_IOC_SET, "SET" },
	{ NTEVENT_IOC_RESET, "RESET" },
	{ NTEVENT_IOC_PULSE, "PULSE" },
};

int main(void)
{
	int dev = t_open_dev();
	uint32_t *ro = t_pages(1);
	char *edge = (char *)t_pages(1) + 4096 - 2;
	void *bad = t_bad_page();
	void *ptrs[3];
	uint32_t type, state;
	unsigned int i, p;

	*ro = 0x12345678;
	t_page_readonly(ro);
	ptrs[0] = bad;
	ptrs[1] = ro;
	ptrs[2] = edge;

	for (type = 0; type <= 1; type++) {
		for (state = 0; state <= 1; state++) {
			int fd = t_create(dev, type, state);

			for (i = 0; i < 3; i++) {
				for (p = 0; p < 3; p++) {
					errno = 0;
					if (ioctl(fd, ops[i].cmd, ptrs[p]) != -1 ||
					    errno != EFAULT)
						T_FAILF("%s type %u state %u ptr %u: %s, expected EFAULT",
							ops[i].name, type, state, p,
							errno ? t_errname(errno) : "success");
					CHECK_STATE(fd, state);
				}
			}
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_READ, bad), EFAULT);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_READ, ro), EFAULT);
			CHECK_ERR(ioctl(fd, NTEVENT_IOC_READ, NULL), EFAULT);
			CHECK_STATE(fd, state);
			close(fd);
		}
	}
	CHECK_EQ(*ro, 0x12345678);
	return T_PASS;
}
