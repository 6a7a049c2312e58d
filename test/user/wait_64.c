// SPDX-License-Identifier: GPL-2.0
/*
 * Waits on 64 events (NTEVENT_MAX_WAIT_COUNT) work, wait-any and wait-all,
 * polled and blocked; 65 is EINVAL.
 */
#include "abi.h"

#define N	NTEVENT_MAX_WAIT_COUNT

int main(void)
{
	int dev = t_open_dev();
	uint32_t fds[N + 1], index;
	struct t_waiter w;
	int i;

	CHECK_EQ(N, 64);
	for (i = 0; i < N; i++)
		fds[i] = t_create(dev, T_AUTO, 0);
	fds[N] = t_create(dev, T_AUTO, 1);

	/* wait-any: only the last is signaled. */
	CHECK_EQ(t_set(fds[N - 1]), 0);
	CHECK_RET(t_wait_any(dev, fds, N, 0, &index), 0);
	CHECK_EQ(index, N - 1);
	CHECK_RET(t_wait_any(dev, fds, N, 0, &index), -ETIMEDOUT);
	CHECK_RET(t_wait_any(dev, fds, N + 1, 0, &index), -EINVAL);
	CHECK_RET(t_wait_all(dev, fds, N + 1, 0), -EINVAL);
	CHECK_STATE(fds[N], 1);

	/* Blocked wait-any over 64, woken by index 40. */
	memset(&w, 0, sizeof(w));
	w.dev = dev;
	memcpy(w.fds, fds, sizeof(uint32_t) * N);
	w.count = N;
	w.timeout = t_after_ms(6000);
	t_waiter_start_asleep(&w);
	CHECK_EQ(t_set(fds[40]), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	CHECK_EQ(w.index, 40);
	CHECK_STATE(fds[40], 0);

	/* wait-all over 64: all but one signaled times out, nothing taken. */
	for (i = 0; i < N; i++)
		if (i != 17)
			CHECK_EQ(t_set(fds[i]), 0);
	CHECK_RET(t_wait_all(dev, fds, N, t_after_ms(100)), -ETIMEDOUT);
	for (i = 0; i < N; i++)
		CHECK_EQ(t_state(fds[i]), i != 17);

	/* Blocked wait-all over 64, completed by the missing one. */
	w.all = true;
	w.timeout = t_after_ms(6000);
	t_waiter_start_asleep(&w);
	CHECK_EQ(t_set(fds[17]), 0);
	t_waiter_join(&w);
	CHECK_RET(w.ret, 0);
	for (i = 0; i < N; i++)
		CHECK_EQ(t_state(fds[i]), 0);

	/* And polled, all signaled. */
	for (i = 0; i < N; i++)
		CHECK_EQ(t_set(fds[i]), 0);
	CHECK_RET(t_wait_all(dev, fds, N, 0), 0);
	for (i = 0; i < N; i++)
		CHECK_EQ(t_state(fds[i]), 0);
	return T_PASS;
}
