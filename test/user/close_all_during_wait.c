// SPDX-License-Identifier: GPL-2.0
/*
 * Closing every descriptor of the events a thread waits on (and the
 * device fd the wait was issued on) while it waits is safe: the wait
 * times out normally and later calls work. Several waits at once.
 */
#include "abi.h"

#define N	4

int main(void)
{
	int dev = t_open_dev();
	int dev2 = t_open_dev();
	int a = t_create(dev, T_AUTO, 0);
	int b = t_create(dev, T_MANUAL, 0);
	struct t_waiter w[N];
	int i;

	for (i = 0; i < N; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].dev = dev;
		w[i].all = i & 1;
		w[i].fds[0] = a;
		w[i].fds[1] = b;
		w[i].count = 2;
		w[i].timeout = t_after_ms(400);
		t_waiter_start_asleep(&w[i]);
	}
	CHECK_OK(close(a));
	CHECK_OK(close(b));
	CHECK_OK(close(dev));
	for (i = 0; i < N; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, -ETIMEDOUT);
	}
	a = t_create(dev2, T_AUTO, 1);
	CHECK_RET(t_try(dev2, a), 0);
	return T_PASS;
}
