// SPDX-License-Identifier: GPL-2.0
/*
 * A SET or PULSE that fails with EFAULT releases no waiter: the failure
 * comes before the state change.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	void *bad = t_bad_page();
	uint32_t type;

	for (type = 0; type <= 1; type++) {
		int fd = t_create(dev, type, 0);
		struct t_waiter w;

		t_waiter_init1(&w, dev, fd, 5000);
		t_waiter_start_asleep(&w);
		CHECK_ERR(ioctl(fd, NTEVENT_IOC_SET, bad), EFAULT);
		CHECK_ERR(ioctl(fd, NTEVENT_IOC_PULSE, bad), EFAULT);
		t_sleep_ms(150);
		CHECK_MSG(!atomic_load(&w.done),
			  "type %u: a failed SET/PULSE released the waiter (%s)",
			  type, t_errname(-w.ret));
		CHECK_STATE(fd, 0);
		CHECK_EQ(t_set(fd), 0);
		t_waiter_join(&w);
		CHECK_RET(w.ret, 0);
		CHECK_STATE(fd, type == T_AUTO ? 0 : 1);
		close(fd);
	}
	return T_PASS;
}
