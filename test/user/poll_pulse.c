// SPDX-License-Identifier: GPL-2.0
/*
 * A pulse does not make a poller see the event signaled: a poll() blocked
 * on the event through a pulse (of either type) times out with nothing
 * reported, and the event is non-signaled afterwards.
 */
#include "abi.h"

#include <poll.h>

struct poller {
	struct pollfd p;
	_Atomic pid_t tid;
	int ret;
};

static void *poll_thread(void *arg)
{
	struct poller *pl = arg;

	atomic_store(&pl->tid, t_gettid());
	pl->ret = poll(&pl->p, 1, 500);
	return NULL;
}

int main(void)
{
	int dev = t_open_dev();
	uint32_t type;

	for (type = 0; type <= 1; type++) {
		int e = t_create(dev, type, 0);
		struct poller pl;
		pthread_t th;

		memset(&pl, 0, sizeof(pl));
		pl.p.fd = e;
		pl.p.events = POLLIN;
		t_thread(&th, poll_thread, &pl);
		while (!atomic_load(&pl.tid))
			t_sleep_ms(1);
		t_await_blocked(atomic_load(&pl.tid), -1);
		CHECK_EQ(t_pulse(e), 0);
		t_join(th);
		CHECK_EQ(pl.ret, 0);
		CHECK_EQ(pl.p.revents, 0);
		CHECK_STATE(e, 0);
		close(e);
	}
	return T_PASS;
}
