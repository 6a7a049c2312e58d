// SPDX-License-Identifier: GPL-2.0
/*
 * READ reports type, state and the descriptor's access, writes pad as 0
 * over whatever was there, and changes nothing (an auto-reset event is not
 * consumed by reading it).
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t access = NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE;
	int fd = t_create_access(dev, T_AUTO, 1, access);
	int i;

	for (i = 0; i < 3; i++) {
		struct ntevent_state st;

		memset(&st, 0xff, sizeof(st));
		CHECK_EQ(ioctl(fd, NTEVENT_IOC_READ, &st), 0);
		CHECK_EQ(st.type, T_AUTO);
		CHECK_EQ(st.state, 1);
		CHECK_EQ(st.access, access);
		CHECK_EQ(st.pad, 0);
	}
	/* Still there for a wait. */
	CHECK_RET(t_try(dev, fd), 0);
	CHECK_STATE(fd, 0);

	fd = t_create(dev, T_MANUAL, 0);
	CHECK_EQ(t_read(fd).type, T_MANUAL);
	CHECK_EQ(t_read(fd).state, 0);
	return T_PASS;
}
