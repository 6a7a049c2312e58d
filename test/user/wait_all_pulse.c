// SPDX-License-Identifier: GPL-2.0
/*
 * A PULSE satisfies a WAIT_ALL whose other events are all signaled (the
 * wait is released during the pulse, consuming the auto-reset ones) and
 * the pulsed event ends non-signaled. If another event is unsignaled, the
 * pulse does not satisfy it and leaves nothing behind.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int m = t_create(dev, T_MANUAL, 1);
	int a = t_create(dev, T_AUTO, 1);
	uint32_t type;

	for (type = 0; type <= 1; type++) {
		int p = t_create(dev, type, 0);
		struct t_waiter w;

		memset(&w, 0, sizeof(w));
		w.dev = dev;
		w.all = true;
		w.fds[0] = m;
		w.fds[1] = p;
		w.fds[2] = a;
		w.count = 3;
		w.timeout = t_after_ms(6000);

		/* a unsignaled: the pulse passes without effect. */
		t_clear(a);
		t_waiter_start_asleep(&w);
		CHECK_EQ(t_pulse(p), 0);
		t_sleep_ms(150);
		CHECK_MSG(!atomic_load(&w.done),
			  "pulse (type %u) satisfied a wait-all with an unsignaled event: %s",
			  type, t_errname(-w.ret));
		CHECK_STATE(p, 0);

		/* All others signaled: the pulse releases it. */
		CHECK_EQ(t_set(a), 0);
		t_sleep_ms(50);
		CHECK(!atomic_load(&w.done));
		CHECK_STATE(a, 1);
		CHECK_EQ(t_pulse(p), 0);
		t_waiter_join(&w);
		CHECK_RET(w.ret, 0);
		CHECK_STATE(p, 0);
		CHECK_STATE(a, 0);
		CHECK_STATE(m, 1);
		CHECK_EQ(t_set(a), 0);
		close(p);
	}
	return T_PASS;
}
