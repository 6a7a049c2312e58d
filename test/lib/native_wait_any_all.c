// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_wait_any() returns the lowest signaled index and consumes only
 * that auto-reset event; ntevent_wait_all() returns 0 and consumes every
 * auto-reset event at once, or nothing on timeout; the same event twice
 * is fine in a wait-any and -ENOTUNIQ in a wait-all (also through a
 * dup()ed descriptor); counts 0 and 65, unknown flags and a NULL array
 * are refused.
 */
#include <ntevent.h>
#include "api.h"

int main(void)
{
	int fds[NTEVENT_MAX_WAIT_COUNT + 1];
	int i, d;

	t_require_device();
	for (i = 0; i < 4; i++) {
		fds[i] = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 0,
					NTEVENT_ALL_ACCESS);
		CHECK(fds[i] >= 0);
	}

	CHECK_RET(ntevent_wait_any(fds, 4, 0, 0), -ETIMEDOUT);
	CHECK_RET(ntevent_set(fds[3], NULL), 0);
	CHECK_RET(ntevent_set(fds[1], NULL), 0);
	CHECK_RET(ntevent_wait_any(fds, 4, 0, 0), 1);
	CHECK_EQ(t_state(fds[1]), 0);
	CHECK_EQ(t_state(fds[3]), 1);
	CHECK_RET(ntevent_wait_any(fds, 4, 0, 0), 3);
	CHECK_RET(ntevent_wait_any(fds, 4, 0, 0), -ETIMEDOUT);

	/* wait-all: three of four signaled is not enough, nothing consumed */
	for (i = 0; i < 3; i++)
		CHECK_RET(ntevent_set(fds[i], NULL), 0);
	CHECK_RET(ntevent_wait_all(fds, 4, ntevent_deadline_after(20000000), 0),
		  -ETIMEDOUT);
	for (i = 0; i < 3; i++)
		CHECK_EQ(t_state(fds[i]), 1);
	CHECK_RET(ntevent_set(fds[3], NULL), 0);
	CHECK_RET(ntevent_wait_all(fds, 4, 0, 0), 0);
	for (i = 0; i < 4; i++)
		CHECK_EQ(t_state(fds[i]), 0);

	/* duplicates */
	CHECK_RET(ntevent_set(fds[0], NULL), 0);
	{
		int twice[2] = { fds[0], fds[0] };

		CHECK_RET(ntevent_wait_all(twice, 2, 0, 0), -ENOTUNIQ);
		CHECK_EQ(t_state(fds[0]), 1);
		CHECK_RET(ntevent_wait_any(twice, 2, 0, 0), 0);
		CHECK_EQ(t_state(fds[0]), 0);
		d = CHECK_OK(fcntl(fds[0], F_DUPFD_CLOEXEC, 0));
		twice[1] = d;
		CHECK_RET(ntevent_wait_all(twice, 2, 0, 0), -ENOTUNIQ);
		CHECK_RET(ntevent_close(d), 0);
	}

	/* argument errors */
	CHECK_RET(ntevent_wait_any(fds, 0, 0, 0), -EINVAL);
	CHECK_RET(ntevent_wait_all(fds, 0, 0, 0), -EINVAL);
	for (i = 4; i <= NTEVENT_MAX_WAIT_COUNT; i++)
		fds[i] = fds[i % 4];
	CHECK_RET(ntevent_wait_any(fds, NTEVENT_MAX_WAIT_COUNT + 1, 0, 0), -EINVAL);
	CHECK_RET(ntevent_wait_any(fds, 1, 0, 0x100), -EINVAL);
	CHECK_RET(ntevent_wait_any(fds, 1, 0, NTEVENT_WAIT_SIGNAL), -EINVAL);
	CHECK_RET(ntevent_wait(fds[0], 0, 0x100), -EINVAL);
	CHECK_RET(ntevent_wait_any(NULL, 1, 0, 0), -EFAULT);
	CHECK_RET(ntevent_wait_all(NULL, 2, 0, 0), -EFAULT);

	/* 64 descriptors, the last one signaled */
	CHECK_RET(ntevent_set(fds[3], NULL), 0);
	{
		int many[NTEVENT_MAX_WAIT_COUNT];

		for (i = 0; i < NTEVENT_MAX_WAIT_COUNT; i++)
			many[i] = i == NTEVENT_MAX_WAIT_COUNT - 1 ? fds[3] : fds[0];
		CHECK_RET(ntevent_wait_any(many, NTEVENT_MAX_WAIT_COUNT, 0, 0),
			  NTEVENT_MAX_WAIT_COUNT - 1);
	}
	for (i = 0; i < 4; i++)
		CHECK_RET(ntevent_close(fds[i]), 0);
	return T_PASS;
}
