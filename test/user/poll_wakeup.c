// SPDX-License-Identifier: GPL-2.0
/*
 * A poll() blocked on an event fd (infinite timeout) is woken with POLLIN
 * by a SET from another thread; the auto-reset event is still signaled
 * afterwards (poll does not consume). poll over several events reports
 * only the signaled one.
 */

#include "abi.h"

#include <poll.h>

struct poller {
	struct pollfd p[3];
	int n;
	_Atomic pid_t tid;
	int ret;
};

static void *poll_thread(void *arg)
{
	struct poller *pl = arg;

	atomic_store(&pl->tid, t_gettid());
	pl->ret = poll(pl->p, pl->n, 6000);
	return NULL;
}

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 0);
	int b = t_create(dev, T_MANUAL, 0);
	int c = t_create(dev, T_AUTO, 0);
	struct poller pl;
	pthread_t th;

	memset(&pl, 0, sizeof(pl));
	pl.p[0].fd = a;
	pl.p[1].fd = b;
	pl.p[2].fd = c;
	pl.p[0].events = pl.p[1].events = pl.p[2].events = POLLIN;
	pl.n = 3;
	t_thread(&th, poll_thread, &pl);
	while (!atomic_load(&pl.tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&pl.tid), -1);
	t_sleep_ms(50);
	CHECK_EQ(t_set(c), 0);
	t_join(th);
	CHECK_EQ(pl.ret, 1);
	CHECK_EQ(pl.p[0].revents, 0);
	CHECK_EQ(pl.p[1].revents, 0);
	CHECK_EQ(pl.p[2].revents, POLLIN);
	CHECK_STATE(c, 1);
	CHECK_RET(t_try(dev, c), 0);

	/* Once more on the manual one alone. */
	memset(&pl, 0, sizeof(pl));
	pl.p[0].fd = b;
	pl.p[0].events = POLLIN;
	pl.n = 1;
	t_thread(&th, poll_thread, &pl);
	while (!atomic_load(&pl.tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&pl.tid), -1);
	CHECK_EQ(t_set(b), 0);
	t_join(th);
	CHECK_EQ(pl.ret, 1);
	CHECK(pl.p[0].revents & POLLIN);
	CHECK_STATE(b, 1);
	return T_PASS;
}
