// SPDX-License-Identifier: GPL-2.0
/*
 * Closing an event fd while another thread waits on it does not crash or
 * end the wait early: a 400 ms wait on X whose fd is closed at ~100 ms
 * still ends with ETIMEDOUT at its deadline; the event itself stays usable
 * through the wait's own reference until then.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int x = t_create(dev, T_AUTO, 0);
	struct t_waiter w;

	t_waiter_init1(&w, dev, x, 400);
	t_waiter_start_asleep(&w);
	t_sleep_ms(50);
	CHECK_OK(close(x));
	t_waiter_join(&w);
	CHECK_RET(w.ret, -ETIMEDOUT);
	CHECK_MSG(w.end_ns >= (int64_t)w.timeout,
		  "the wait ended %lld ms before its deadline",
		  (long long)((int64_t)w.timeout - w.end_ns) / 1000000);
	/* The number is free again and is not an event any more. */
	CHECK(fcntl(x, F_GETFD) == -1);
	CHECK_RET(t_wait1(dev, x, 0), -EBADF);
	return T_PASS;
}
