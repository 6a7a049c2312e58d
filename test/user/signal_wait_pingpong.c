// SPDX-License-Identifier: GPL-2.0
/*
 * Two threads hand control back and forth with NTEVENT_WAIT_SIGNAL (each
 * sets the other's event and waits on its own) for 200 rounds; no wake-up
 * is lost and both events end non-signaled.
 */
#include "abi.h"

#define ROUNDS	200

static int dev, ping, pong;
static _Atomic int turns;

static void *pong_thread(void *p)
{
	uint32_t fds[1] = { ping };
	int i, ret;

	(void)p;
	ret = t_wait1(dev, ping, t_after_ms(5000));
	if (ret)
		T_FAILF("pong: first wait: %s", t_errname(-ret));
	for (i = 0; i < ROUNDS - 1; i++) {
		atomic_fetch_add(&turns, 1);
		ret = t_wait_full(dev, false, fds, 1, t_after_ms(5000),
				  NTEVENT_WAIT_SIGNAL, pong, NULL);
		if (ret)
			T_FAILF("pong: round %d: %s", i, t_errname(-ret));
	}
	atomic_fetch_add(&turns, 1);
	t_set(pong);
	return NULL;
}

int main(void)
{
	uint32_t fds[1];
	pthread_t th;
	int i;

	dev = t_open_dev();
	ping = t_create(dev, T_AUTO, 0);
	pong = t_create(dev, T_AUTO, 0);
	fds[0] = pong;
	t_thread(&th, pong_thread, NULL);
	for (i = 0; i < ROUNDS; i++) {
		int ret = t_wait_full(dev, false, fds, 1, t_after_ms(5000),
				      NTEVENT_WAIT_SIGNAL, ping, NULL);

		CHECK_MSG(ret == 0, "ping: round %d: %s", i, t_errname(-ret));
		CHECK_EQ(atomic_load(&turns), i + 1);
	}
	t_join(th);
	CHECK_EQ(atomic_load(&turns), ROUNDS);
	CHECK_STATE(ping, 0);
	CHECK_STATE(pong, 0);
	return T_PASS;
}
