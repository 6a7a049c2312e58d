// SPDX-License-Identifier: GPL-2.0
/*
 * The signal_fd of NTEVENT_WAIT_SIGNAL needs NTEVENT_MODIFY_STATE (not
 * SYNCHRONIZE): without it the wait fails with EACCES, setting and
 * consuming nothing.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int s_ro = t_create_access(dev, T_AUTO, 0,
				   NTEVENT_ALL_ACCESS & ~NTEVENT_MODIFY_STATE);
	int s_mod = t_create_access(dev, T_AUTO, 0, NTEVENT_MODIFY_STATE);
	uint32_t fds[1] = { a }, index;
	int all;

	for (all = 0; all <= 1; all++) {
		CHECK_RET(t_wait_full(dev, all, fds, 1, 0, NTEVENT_WAIT_SIGNAL,
				      s_ro, &index), -EACCES);
		CHECK_RET(t_wait_full(dev, all, fds, 1, t_after_ms(2000),
				      NTEVENT_WAIT_SIGNAL, s_ro, &index), -EACCES);
		CHECK_STATE(a, 1);
		CHECK_STATE(s_ro, 0);
	}
	/* MODIFY_STATE alone is enough for the signal side. */
	CHECK_RET(t_wait_full(dev, false, fds, 1, 0, NTEVENT_WAIT_SIGNAL, s_mod,
			      &index), 0);
	CHECK_STATE(a, 0);
	CHECK_EQ(t_reset(s_mod), 1);
	return T_PASS;
}
