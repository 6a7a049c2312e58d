// SPDX-License-Identifier: GPL-2.0
/*
 * A wait on X whose fd is closed mid-wait is still released by a SET of
 * the same event through another descriptor (a dup made before): the
 * event lives while the wait holds it. Also for a wait-all.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int all;

	for (all = 0; all <= 1; all++) {
		int x = t_create(dev, T_AUTO, 0);
		int m = t_create(dev, T_MANUAL, 1);
		int x2 = CHECK_OK(dup(x));
		struct t_waiter w;

		memset(&w, 0, sizeof(w));
		w.dev = dev;
		w.all = all;
		w.fds[0] = m;
		w.fds[1] = x;
		w.count = 2;
		w.timeout = t_after_ms(5000);
		if (!all)
			CHECK_EQ(t_reset(m), 1);
		t_waiter_start_asleep(&w);
		CHECK_OK(close(x));
		t_sleep_ms(50);
		CHECK(!atomic_load(&w.done));
		CHECK_EQ(t_set(x2), 0);
		t_waiter_join(&w);
		CHECK_RET(w.ret, 0);
		CHECK_EQ(w.index, all ? 0 : 1);
		CHECK_STATE(x2, 0);
		close(x2);
		close(m);
	}
	return T_PASS;
}
