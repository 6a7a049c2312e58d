// SPDX-License-Identifier: GPL-2.0
/* Without NTEVENT_QUERY_STATE, READ fails with EACCES; the rest works. */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t access = NTEVENT_ALL_ACCESS & ~NTEVENT_QUERY_STATE;
	int fd = t_create_access(dev, T_AUTO, 0, access);
	struct ntevent_state st;

	memset(&st, 0x5a, sizeof(st));
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_READ, &st), EACCES);
	CHECK_EQ(st.state, 0x5a5a5a5a);
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_READ, NULL), EACCES);
	CHECK_EQ(t_set(fd), 0);
	CHECK_EQ(t_set(fd), 1);
	CHECK_RET(t_try(dev, fd), 0);
	CHECK_EQ(t_set(fd), 0);

	fd = t_create_access(dev, T_MANUAL, 1, 0);
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_READ, &st), EACCES);
	return T_PASS;
}
