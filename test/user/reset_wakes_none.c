// SPDX-License-Identifier: GPL-2.0
/* RESET and CLEAR of an event with waiters release nobody. */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t type;

	for (type = 0; type <= 1; type++) {
		int e = t_create(dev, type, 0);
		struct t_waiter w;

		t_waiter_init1(&w, dev, e, 5000);
		t_waiter_start_asleep(&w);
		CHECK_EQ(t_reset(e), 0);
		t_clear(e);
		t_sleep_ms(150);
		CHECK_MSG(!atomic_load(&w.done), "reset/clear released a waiter (%s)",
			  t_errname(-w.ret));
		CHECK_EQ(t_set(e), 0);
		t_waiter_join(&w);
		CHECK_RET(w.ret, 0);
	}
	return T_PASS;
}
