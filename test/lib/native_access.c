// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Rights live on the descriptor: without MODIFY_STATE set, reset, pulse
 * and clear fail with -EACCES, without QUERY_STATE read does, without
 * SYNCHRONIZE a wait does; the event is unchanged.
 */
#include <ntevent.h>
#include "api.h"

int main(void)
{
	struct ntevent_state st;
	int all, nomod, noquery, nosync;

	t_require_device();
	all = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 1, NTEVENT_ALL_ACCESS);
	CHECK(all >= 0);
	nomod = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 1,
			       NTEVENT_ALL_ACCESS & ~NTEVENT_MODIFY_STATE);
	noquery = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 1,
				 NTEVENT_ALL_ACCESS & ~NTEVENT_QUERY_STATE);
	nosync = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 1,
				NTEVENT_ALL_ACCESS & ~NTEVENT_SYNCHRONIZE);
	CHECK(nomod >= 0 && noquery >= 0 && nosync >= 0);

	CHECK_RET(ntevent_set(nomod, NULL), -EACCES);
	CHECK_RET(ntevent_reset(nomod, NULL), -EACCES);
	CHECK_RET(ntevent_pulse(nomod, NULL), -EACCES);
	CHECK_RET(ntevent_clear(nomod), -EACCES);
	CHECK_RET(ntevent_read(nomod, &st), 0);
	CHECK_EQ(st.state, 1);
	CHECK_RET(ntevent_wait(nomod, 0, 0), 0);

	CHECK_RET(ntevent_read(noquery, &st), -EACCES);
	CHECK_RET(ntevent_reset(noquery, NULL), 0);

	CHECK_RET(ntevent_wait(nosync, 0, 0), -EACCES);
	CHECK_RET(ntevent_read(nosync, &st), 0);
	CHECK_EQ(st.state, 1);
	CHECK_RET(ntevent_signal_and_wait(nomod, all, 0, 0), -EACCES);

	CHECK_RET(ntevent_close(all), 0);
	CHECK_RET(ntevent_close(nomod), 0);
	CHECK_RET(ntevent_close(noquery), 0);
	CHECK_RET(ntevent_close(nosync), 0);
	return T_PASS;
}
