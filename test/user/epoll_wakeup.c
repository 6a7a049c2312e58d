// SPDX-License-Identifier: GPL-2.0
/*
 * An epoll_wait() blocked (infinite timeout) on event fds is woken by a
 * SET from another thread, reports the right fd, and the auto-reset event
 * is still signaled afterwards.
 */

#include "abi.h"

#include <sys/epoll.h>

static int ep;
static _Atomic pid_t tid;
static struct epoll_event got[4];
static int nready;

static void *waiter(void *p)
{
	(void)p;
	atomic_store(&tid, t_gettid());
	nready = epoll_wait(ep, got, 4, 6000);
	return NULL;
}

int main(void)
{
	int dev = t_open_dev();
	int a = t_create(dev, T_AUTO, 0);
	int b = t_create(dev, T_AUTO, 0);
	struct epoll_event ev;
	pthread_t th;

	ep = CHECK_OK(epoll_create1(EPOLL_CLOEXEC));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	ev.data.fd = a;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, a, &ev));
	ev.data.fd = b;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, b, &ev));

	t_thread(&th, waiter, NULL);
	while (!atomic_load(&tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&tid), -1);
	t_sleep_ms(50);
	CHECK_EQ(t_set(b), 0);
	t_join(th);
	CHECK_EQ(nready, 1);
	CHECK_EQ(got[0].data.fd, b);
	CHECK(got[0].events & EPOLLIN);
	CHECK_STATE(b, 1);
	CHECK_STATE(a, 0);
	return T_PASS;
}
