// SPDX-License-Identifier: GPL-2.0
/*
 * The same event may appear twice in a WAIT_ANY: it is reported at its
 * lowest index and consumed once.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 1);
	int b = t_create(dev, T_AUTO, 0);
	uint32_t fds[3] = { b, a, a }, index;
	struct t_waiter w;

	CHECK_RET(t_wait_any(dev, fds, 3, 0, &index), 0);
	CHECK_EQ(index, 1);
	CHECK_STATE(a, 0);
	CHECK_RET(t_wait_any(dev, fds, 3, 0, &index), -ETIMEDOUT);

	/* Blocked on the pair: one set wakes it once, and is consumed. */
	memset(&w, 0, sizeof(w));
	w.dev = dev;
	w.fds[0] = a;
	w.fds[1] = a;
	w.count = 2;
	w.timeout = t_after_ms(5000);
	t_waiter_start_asleep(&w);
	CHECK_EQ(t_set(a), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	CHECK_EQ(w.index, 0);
	CHECK_STATE(a, 0);

	/* The waiter's two entries are gone: the next set stays. */
	CHECK_EQ(t_set(a), 0);
	CHECK_STATE(a, 1);

	/* Via two descriptors (dup) of the one event: also fine. */
	fds[0] = b;
	fds[1] = CHECK_OK(dup(a));
	fds[2] = a;
	CHECK_RET(t_wait_any(dev, fds, 3, 0, &index), 0);
	CHECK_EQ(index, 1);
	CHECK_STATE(a, 0);
	return T_PASS;
}
