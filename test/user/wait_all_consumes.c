// SPDX-License-Identifier: GPL-2.0
/*
 * A WAIT_ALL completes only once every event is signaled and consumes the
 * auto-reset ones together (manual ones stay signaled): set one by one,
 * it wakes only at the last set, and all auto events are then 0.
 */
#include "abi.h"

#define N	4

int main(void)
{
	int dev = t_open_dev();
	int e[N], i;
	struct t_waiter w;

	for (i = 0; i < N; i++)
		e[i] = t_create(dev, i == 1 ? T_MANUAL : T_AUTO, 0);
	memset(&w, 0, sizeof(w));
	w.dev = dev;
	w.all = true;
	for (i = 0; i < N; i++)
		w.fds[i] = e[i];
	w.count = N;
	w.timeout = t_after_ms(8000);
	t_waiter_start_asleep(&w);

	for (i = 0; i < N - 1; i++) {
		CHECK_EQ(t_set(e[i]), 0);
		t_sleep_ms(100);
		CHECK_MSG(!atomic_load(&w.done),
			  "wait-all ended after %d of %d sets: %s", i + 1, N,
			  t_errname(-w.ret));
		CHECK_STATE(e[i], 1);
	}
	CHECK_EQ(t_set(e[N - 1]), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	CHECK_EQ(w.index, 0);
	for (i = 0; i < N; i++)
		CHECK_EQ(t_state(e[i]), i == 1);

	/* All signaled already: completes at once, same effect. */
	for (i = 0; i < N; i++)
		t_set(e[i]);
	CHECK_RET(t_wait_all(dev, w.fds, N, t_after_ms(3000)), 0);
	for (i = 0; i < N; i++)
		CHECK_EQ(t_state(e[i]), i == 1);
	return T_PASS;
}
