// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_NO_TIMEOUT waits until the event is set, however long that takes
 * (here: past a few short sleeps), on either clock flag.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	int rt;

	for (rt = 0; rt <= 1; rt++) {
		struct t_waiter w;

		t_waiter_init1(&w, dev, e, -1);
		if (rt)
			w.flags = NTEVENT_WAIT_REALTIME;
		t_waiter_start_asleep(&w);
		t_sleep_ms(300);
		CHECK_MSG(!atomic_load(&w.done), "an untimed wait ended: %s",
			  t_errname(-w.ret));
		CHECK_EQ(t_set(e), 0);
		t_waiter_join(&w);
		CHECK_RET(w.ret, 0);
		CHECK_STATE(e, 0);
	}
	return T_PASS;
}
