// SPDX-License-Identifier: GPL-2.0
/*
 * Signal-and-wait is atomic with respect to the answer: the waiter is
 * queued before signal_fd is set, so a partner that wakes on signal_fd and
 * answers with a PULSE (which only releases current waiters) always
 * releases it. Repeated 20 times.
 */
#include "abi.h"

#define ROUNDS	20

static int dev, s, r;
static _Atomic int failed;

static void *partner(void *p)
{
	int i;

	(void)p;
	for (i = 0; i < ROUNDS; i++) {
		int ret = t_wait1(dev, s, t_after_ms(5000));

		if (ret) {
			atomic_store(&failed, ret);
			return NULL;
		}
		t_pulse(r);
	}
	return NULL;
}

int main(void)
{
	pthread_t th;
	uint32_t fds[1], index;
	int i;

	dev = t_open_dev();
	s = t_create(dev, T_AUTO, 0);
	r = t_create(dev, T_MANUAL, 0);
	fds[0] = r;
	t_thread(&th, partner, NULL);
	for (i = 0; i < ROUNDS; i++) {
		int ret = t_wait_full(dev, false, fds, 1, t_after_ms(3000),
				      NTEVENT_WAIT_SIGNAL, s, &index);

		CHECK_MSG(ret == 0,
			  "round %d: signal-and-wait missed the partner's pulse: %s",
			  i, t_errname(-ret));
	}
	t_join(th);
	CHECK_EQ(atomic_load(&failed), 0);
	CHECK_STATE(r, 0);
	CHECK_STATE(s, 0);
	return T_PASS;
}
