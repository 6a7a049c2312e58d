// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_create() makes an event of either type and initial state, with
 * exactly the rights asked for, as an O_CLOEXEC descriptor; ntevent_read()
 * reports type, state and rights without changing anything; a closed
 * descriptor reads as -EBADF.
 */
#include <ntevent.h>
#include "api.h"

int main(void)
{
	unsigned int type, signaled;

	t_require_device();
	for (type = 0; type <= 1; type++) {
		for (signaled = 0; signaled <= 1; signaled++) {
			struct ntevent_state st;
			int fd = ntevent_create(type, signaled, NTEVENT_ALL_ACCESS);

			CHECK(fd >= 0);
			CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
			memset(&st, 0xa5, sizeof(st));
			CHECK_RET(ntevent_read(fd, &st), 0);
			CHECK_EQ(st.type, type);
			CHECK_EQ(st.state, signaled);
			CHECK_EQ(st.access, NTEVENT_ALL_ACCESS);
			/* reading again: nothing was consumed */
			CHECK_RET(ntevent_read(fd, &st), 0);
			CHECK_EQ(st.state, signaled);
			CHECK_RET(ntevent_close(fd), 0);
			CHECK_RET(ntevent_read(fd, &st), -EBADF);
		}
	}

	{
		struct ntevent_state st;
		int fd = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 0,
					NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE);

		CHECK(fd >= 0);
		CHECK_RET(ntevent_read(fd, &st), 0);
		CHECK_EQ(st.access, NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE);
		CHECK_RET(ntevent_read(fd, NULL), -EFAULT);
		CHECK_RET(ntevent_close(fd), 0);
	}
	return T_PASS;
}
