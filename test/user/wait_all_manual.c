// SPDX-License-Identifier: GPL-2.0
/*
 * A WAIT_ALL over manual-reset events only succeeds when all are set and
 * leaves them all signaled; a blocked one is released by the last SET.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int m[3], i;
	struct t_waiter w;

	for (i = 0; i < 3; i++)
		m[i] = t_create(dev, T_MANUAL, i != 2);
	memset(&w, 0, sizeof(w));
	w.dev = dev;
	w.all = true;
	for (i = 0; i < 3; i++)
		w.fds[i] = m[i];
	w.count = 3;
	CHECK_RET(t_wait_all(dev, w.fds, 3, 0), -ETIMEDOUT);
	w.timeout = t_after_ms(5000);
	t_waiter_start_asleep(&w);
	CHECK_EQ(t_set(m[2]), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	for (i = 0; i < 3; i++)
		CHECK_STATE(m[i], 1);
	CHECK_RET(t_wait_all(dev, w.fds, 3, 0), 0);
	CHECK_RET(t_wait_all(dev, w.fds, 3, NTEVENT_NO_TIMEOUT), 0);
	for (i = 0; i < 3; i++)
		CHECK_STATE(m[i], 1);
	return T_PASS;
}
