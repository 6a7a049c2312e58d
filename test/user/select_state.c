// SPDX-License-Identifier: GPL-2.0
/*
 * select(): an event fd is readable while signaled and not otherwise;
 * a select blocked on it is woken by a SET from another thread; selecting
 * does not consume an auto-reset event.
 */

#include "abi.h"

#include <sys/select.h>

static int ev_fd;
static _Atomic pid_t tid;
static int sel_ret;
static fd_set sel_set;

static int readable(int fd)
{
	struct timeval tv = { 0, 0 };
	fd_set r;

	FD_ZERO(&r);
	FD_SET(fd, &r);
	CHECK_OK(select(fd + 1, &r, NULL, NULL, &tv));
	return FD_ISSET(fd, &r) != 0;
}

static void *waiter(void *p)
{
	struct timeval tv = { 6, 0 };

	(void)p;
	FD_ZERO(&sel_set);
	FD_SET(ev_fd, &sel_set);
	atomic_store(&tid, t_gettid());
	sel_ret = select(ev_fd + 1, &sel_set, NULL, NULL, &tv);
	return NULL;
}

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	pthread_t th;

	CHECK_EQ(readable(e), 0);
	CHECK_EQ(t_set(e), 0);
	CHECK_EQ(readable(e), 1);
	CHECK_EQ(readable(e), 1);
	CHECK_STATE(e, 1);
	CHECK_RET(t_try(dev, e), 0);
	CHECK_EQ(readable(e), 0);

	ev_fd = e;
	t_thread(&th, waiter, NULL);
	while (!atomic_load(&tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&tid), -1);
	t_sleep_ms(50);
	CHECK_EQ(t_set(e), 0);
	t_join(th);
	CHECK_EQ(sel_ret, 1);
	CHECK(FD_ISSET(e, &sel_set));
	CHECK_STATE(e, 1);
	return T_PASS;
}
