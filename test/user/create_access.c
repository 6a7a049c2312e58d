// SPDX-License-Identifier: GPL-2.0
/*
 * The access given at CREATE is any subset of NTEVENT_ALL_ACCESS and is
 * exactly what READ reports for that descriptor.
 */
#include "abi.h"

int main(void)
{
	static const uint32_t masks[] = {
		NTEVENT_QUERY_STATE,
		NTEVENT_QUERY_STATE | NTEVENT_MODIFY_STATE,
		NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE,
		NTEVENT_QUERY_STATE | NTEVENT_DELETE | NTEVENT_READ_CONTROL,
		NTEVENT_QUERY_STATE | NTEVENT_WRITE_DAC | NTEVENT_WRITE_OWNER,
		NTEVENT_ALL_ACCESS,
	};
	int dev = t_open_dev();
	unsigned int i;
	int fd;

	for (i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
		struct ntevent_state st;

		fd = t_create_access(dev, i & 1, (i >> 1) & 1, masks[i]);
		st = t_read(fd);
		CHECK_EQ(st.access, masks[i]);
		CHECK_EQ(st.type, i & 1);
		CHECK_EQ(st.state, (i >> 1) & 1);
		close(fd);
	}

	/* No rights at all is a valid (if useless) descriptor. */
	fd = t_create_raw(dev, T_MANUAL, 1, 0);
	CHECK_MSG(fd >= 0, "create with access 0: %s", t_errname(-fd));
	close(fd);
	return T_PASS;
}
