// SPDX-License-Identifier: GPL-2.0
/*
 * Creating and closing many events (1000, in a few rounds) works and
 * leaves no descriptor behind; each is an independent object.
 */
#include "abi.h"

#define N	1000

static int fds[N];

int main(void)
{
	int dev = t_open_dev();
	int before = t_count_fds();
	int round, i;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < N; i++) {
			fds[i] = t_create_raw(dev, i & 1, 0, NTEVENT_ALL_ACCESS);
			if (fds[i] == -EMFILE)
				t_skip("RLIMIT_NOFILE is below %d", N + 16);
			CHECK_MSG(fds[i] >= 0, "create #%d: %s", i,
				  t_errname(-fds[i]));
		}
		CHECK_EQ(t_set(fds[N / 2]), 0);
		for (i = 0; i < N; i++)
			CHECK_EQ(t_state(fds[i]), i == N / 2);
		for (i = 0; i < N; i++)
			CHECK_OK(close(fds[i]));
		CHECK_EQ(t_count_fds(), before);
	}
	return T_PASS;
}
