// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_WAIT_SIGNAL sets signal_fd and waits: the signal event is set
 * whether the wait then succeeds or times out, for wait-any and wait-all;
 * signaling the very event waited on satisfies the wait (it is set after
 * the waiter is queued); a wait-all is satisfied by its own signal event.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int s = t_create(dev, T_AUTO, 0);
	int w = t_create(dev, T_AUTO, 0);
	int m = t_create(dev, T_MANUAL, 1);
	uint32_t fds[2], index;
	int all;

	for (all = 0; all <= 1; all++) {
		/* Times out, but the signal happened. */
		fds[0] = w;
		CHECK_RET(t_wait_full(dev, all, fds, 1, 0, NTEVENT_WAIT_SIGNAL, s,
				      &index), -ETIMEDOUT);
		CHECK_EQ(t_reset(s), 1);
		CHECK_RET(t_wait_full(dev, all, fds, 1, t_after_ms(150),
				      NTEVENT_WAIT_SIGNAL, s, &index), -ETIMEDOUT);
		CHECK_EQ(t_reset(s), 1);
		CHECK_STATE(w, 0);

		/* Succeeds at once on a signaled manual event. */
		fds[0] = m;
		CHECK_RET(t_wait_full(dev, all, fds, 1, t_after_ms(3000),
				      NTEVENT_WAIT_SIGNAL, s, &index), 0);
		CHECK_EQ(index, 0);
		CHECK_EQ(t_reset(s), 1);

		/* Signal what we wait on: satisfied, and consumed. */
		fds[0] = s;
		CHECK_RET(t_wait_full(dev, all, fds, 1, t_after_ms(3000),
				      NTEVENT_WAIT_SIGNAL, s, &index), 0);
		CHECK_STATE(s, 0);
		CHECK_RET(t_wait_full(dev, all, fds, 1, 0, NTEVENT_WAIT_SIGNAL, s,
				      &index), 0);
		CHECK_STATE(s, 0);
	}

	/* wait-all(w, s) with w signaled, completed by its own signal of s. */
	CHECK_EQ(t_set(w), 0);
	fds[0] = w;
	fds[1] = s;
	CHECK_RET(t_wait_full(dev, true, fds, 2, t_after_ms(3000),
			      NTEVENT_WAIT_SIGNAL, s, &index), 0);
	CHECK_STATE(w, 0);
	CHECK_STATE(s, 0);

	/* Realtime and alertable flags combine with it. */
	fds[0] = m;
	CHECK_RET(t_wait_full(dev, false, fds, 1,
			      t_now(CLOCK_REALTIME) + 3000000000,
			      NTEVENT_WAIT_SIGNAL | NTEVENT_WAIT_REALTIME |
			      NTEVENT_WAIT_ALERTABLE, s, &index), 0);
	CHECK_EQ(t_reset(s), 1);
	return T_PASS;
}
