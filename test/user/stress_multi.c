// SPDX-License-Identifier: GPL-2.0
/*
 * No wake-up is lost or doubled with several waiters and setters for
 * ~1 s: two setters on two auto-reset events, three waiters using
 * wait-any over both, one using wait-all over both. For each event, SETs
 * that found it non-signaled = the waits that consumed it + its final
 * state.
 */
#include "abi.h"

#define NANY	3

static int dev, ev[2];
static _Atomic bool stop;
static _Atomic long sets0[2], took[2];
static _Atomic int setters_left = 2;

static void *setter(void *p)
{
	int k = (int)(intptr_t)p;
	int64_t start = t_mono();
	long n = 0;

	while (t_ms_since(start) < 1000) {
		if (t_set(ev[k]) == 0)
			atomic_fetch_add(&sets0[k], 1);
		if (++n % 16 == 0)
			sched_yield();
	}
	if (atomic_fetch_sub(&setters_left, 1) == 1)
		atomic_store(&stop, true);
	return NULL;
}

static void *any_waiter(void *p)
{
	uint32_t fds[2] = { ev[0], ev[1] }, index;

	(void)p;
	while (!atomic_load(&stop)) {
		int ret = t_wait_any(dev, fds, 2, t_after_ms(50), &index);

		if (ret == 0) {
			if (index > 1)
				T_FAILF("wait-any index %u", index);
			atomic_fetch_add(&took[index], 1);
		} else if (ret != -ETIMEDOUT) {
			T_FAILF("wait-any: %s", t_errname(-ret));
		}
	}
	return NULL;
}

static void *all_waiter(void *p)
{
	uint32_t fds[2] = { ev[0], ev[1] };

	(void)p;
	while (!atomic_load(&stop)) {
		int ret = t_wait_all(dev, fds, 2, t_after_ms(50));

		if (ret == 0) {
			atomic_fetch_add(&took[0], 1);
			atomic_fetch_add(&took[1], 1);
		} else if (ret != -ETIMEDOUT) {
			T_FAILF("wait-all: %s", t_errname(-ret));
		}
	}
	return NULL;
}

int main(void)
{
	pthread_t set[2], any[NANY], all;
	int i;

	dev = t_open_dev();
	ev[0] = t_create(dev, T_AUTO, 0);
	ev[1] = t_create(dev, T_AUTO, 0);
	for (i = 0; i < NANY; i++)
		t_thread(&any[i], any_waiter, NULL);
	t_thread(&all, all_waiter, NULL);
	t_thread(&set[0], setter, (void *)0);
	t_thread(&set[1], setter, (void *)1);
	for (i = 0; i < 2; i++)
		t_join(set[i]);
	for (i = 0; i < NANY; i++)
		t_join(any[i]);
	t_join(all);
	fprintf(stderr, "event 0: %ld sets from 0, %ld taken, state %d\n",
		atomic_load(&sets0[0]), atomic_load(&took[0]), t_state(ev[0]));
	fprintf(stderr, "event 1: %ld sets from 0, %ld taken, state %d\n",
		atomic_load(&sets0[1]), atomic_load(&took[1]), t_state(ev[1]));
	for (i = 0; i < 2; i++) {
		CHECK(atomic_load(&sets0[i]) > 0);
		CHECK_EQ(atomic_load(&took[i]) + t_state(ev[i]),
			 atomic_load(&sets0[i]));
	}
	return T_PASS;
}
