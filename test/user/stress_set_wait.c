// SPDX-License-Identifier: GPL-2.0
/*
 * No wake-up is lost: one thread SETs an auto-reset event as fast as it
 * can for ~1 s while another waits on it. Every SET that found the event
 * non-signaled (previous state 0) must be matched by exactly one
 * successful wait (or by the event being left signaled at the end).
 */
#include "abi.h"

static int dev, e;
static _Atomic bool stop;
static long sets0, sets1, waits, timeouts;

static void *setter(void *p)
{
	int64_t start = t_mono();
	long n = 0;

	(void)p;
	while (t_ms_since(start) < 1000) {
		if (t_set(e))
			sets1++;
		else
			sets0++;
		if (++n % 64 == 0)
			sched_yield();
	}
	atomic_store(&stop, true);
	return NULL;
}

static void *waiter(void *p)
{
	(void)p;
	while (!atomic_load(&stop)) {
		int ret = t_wait1(dev, e, t_after_ms(50));

		if (ret == 0)
			waits++;
		else if (ret == -ETIMEDOUT)
			timeouts++;
		else
			T_FAILF("wait: %s", t_errname(-ret));
	}
	/* Everything the setter did is done: take what is left. */
	if (t_try(dev, e) == 0)
		waits++;
	return NULL;
}

int main(void)
{
	pthread_t ts, tw;

	dev = t_open_dev();
	e = t_create(dev, T_AUTO, 0);
	t_thread(&tw, waiter, NULL);
	t_thread(&ts, setter, NULL);
	t_join(ts);
	t_join(tw);
	fprintf(stderr, "sets: %ld from 0, %ld from 1; waits: %ld; timeouts: %ld\n",
		sets0, sets1, waits, timeouts);
	CHECK(sets0 > 0);
	CHECK_EQ(waits, sets0);
	CHECK_STATE(e, 0);
	return T_PASS;
}
