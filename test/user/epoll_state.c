// SPDX-License-Identifier: GPL-2.0
/*
 * epoll: an event fd is reported EPOLLIN while signaled (level-triggered:
 * again and again, never consuming an auto-reset event), not while not;
 * edge-triggered, each non-signaled -> signaled transition is reported
 * once.
 */

#include "abi.h"

#include <sys/epoll.h>

static int ready(int ep, uint32_t *events)
{
	struct epoll_event ev[4];
	int n = CHECK_OK(epoll_wait(ep, ev, 4, 0));

	if (n > 0)
		*events = ev[0].events;
	return n;
}

int main(void)
{
	int dev = t_open_dev();
	int lt = t_create(dev, T_AUTO, 0);
	int et = t_create(dev, T_AUTO, 0);
	int ep = CHECK_OK(epoll_create1(EPOLL_CLOEXEC));
	int ep2 = CHECK_OK(epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev;
	uint32_t got = 0;
	int i;

	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	ev.data.fd = lt;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, lt, &ev));
	ev.events = EPOLLIN | EPOLLET;
	ev.data.fd = et;
	CHECK_OK(epoll_ctl(ep2, EPOLL_CTL_ADD, et, &ev));

	CHECK_EQ(ready(ep, &got), 0);
	CHECK_EQ(t_set(lt), 0);
	for (i = 0; i < 3; i++) {
		CHECK_EQ(ready(ep, &got), 1);
		CHECK(got & EPOLLIN);
	}
	CHECK_STATE(lt, 1);
	CHECK_RET(t_try(dev, lt), 0);
	CHECK_EQ(ready(ep, &got), 0);

	/* Edge-triggered. */
	CHECK_EQ(ready(ep2, &got), 0);
	CHECK_EQ(t_set(et), 0);
	CHECK_EQ(ready(ep2, &got), 1);
	CHECK(got & EPOLLIN);
	CHECK_EQ(ready(ep2, &got), 0);
	CHECK_STATE(et, 1);
	CHECK_EQ(t_reset(et), 1);
	CHECK_EQ(t_set(et), 0);
	CHECK_EQ(ready(ep2, &got), 1);
	CHECK_STATE(et, 1);
	return T_PASS;
}
