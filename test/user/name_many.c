// SPDX-License-Identifier: GPL-2.0
/*
 * 200 distinct names at once: each is created (created = 1) and opened
 * (created = 0) as its own event - a change to one is seen through its
 * two descriptors and no other's; after all are closed, every name is
 * gone (ENOENT), and they can all be made again.
 */
#include "abi.h"

#define N	200

static char names[N][64];
static int cfd[N], ofd[N];

int main(void)
{
	int dev = t_open_dev();
	int i, round, before;

	for (i = 0; i < N; i++)
		snprintf(names[i], sizeof(names[i]), "%smany.%d.%d",
			 NTEVENT_NAME_PREFIX, (int)getpid(), i);
	before = t_count_fds();
	for (round = 0; round < 2; round++) {
		for (i = 0; i < N; i++)
			cfd[i] = t_create_name(dev, names[i],
					       i % 2 ? T_AUTO : T_MANUAL,
					       round, 0600);
		for (i = 0; i < N; i++)
			ofd[i] = t_open_name(dev, names[i],
					     NTEVENT_ALL_ACCESS);
		for (i = 0; i < N; i++) {
			CHECK_EQ(t_read(ofd[i]).type, i % 2 ? T_AUTO : T_MANUAL);
			CHECK_STATE(ofd[i], round);
		}
		/* Flip every third event through its opened descriptor. */
		for (i = 0; i < N; i += 3) {
			if (round)
				t_reset(ofd[i]);
			else
				t_set(ofd[i]);
		}
		for (i = 0; i < N; i++) {
			int want = i % 3 == 0 ? !round : round;

			CHECK_MSG(t_state(cfd[i]) == want,
				  "event %d: state %d, expected %d", i,
				  t_state(cfd[i]), want);
		}
		CHECK_EQ(t_count_fds(), before + 2 * N);
		/* Close half in one order, half in the other. */
		for (i = 0; i < N; i++) {
			close(i % 2 ? cfd[i] : ofd[i]);
			close(i % 2 ? ofd[i] : cfd[i]);
		}
		for (i = 0; i < N; i++)
			CHECK_MSG(t_open_name_raw(dev, names[i], 0,
						  NTEVENT_ALL_ACCESS, 0, 0, 0,
						  NULL) == -ENOENT,
				  "name %d still there after its last close", i);
		CHECK_EQ(t_count_fds(), before);
	}
	return T_PASS;
}
