// SPDX-License-Identifier: GPL-2.0
/*
 * WAIT_ANY/WAIT_ALL fail with EFAULT, consuming nothing and setting no
 * signal event, when the argument cannot be read, when its index cannot be
 * written back, or when the fds array cannot be read (wholly or partly).
 */
#include "abi.h"

static int a, b, s;

static void check_nothing_changed(void)
{
	CHECK_STATE(a, 1);
	CHECK_STATE(b, 1);
	CHECK_STATE(s, 0);
}

int main(void)
{
	int dev = t_open_dev();
	char *page = t_pages(1);
	struct ntevent_wait_args *ro = t_pages(1);
	uint32_t fds[2], *edge, index;
	uint64_t timeouts[2];
	int all, t;

	a = t_create(dev, T_AUTO, 1);
	b = t_create(dev, T_AUTO, 1);
	s = t_create(dev, T_AUTO, 0);
	fds[0] = a;
	fds[1] = b;
	timeouts[0] = 0;
	timeouts[1] = t_after_ms(3000);

	for (all = 0; all <= 1; all++) {
		unsigned long cmd = all ? NTEVENT_IOC_WAIT_ALL : NTEVENT_IOC_WAIT_ANY;

		/* Unreadable argument. */
		CHECK_ERR(ioctl(dev, cmd, NULL), EFAULT);
		CHECK_ERR(ioctl(dev, cmd, t_bad_page()), EFAULT);
		CHECK_ERR(ioctl(dev, cmd, page + 4096 - 16), EFAULT);
		check_nothing_changed();

		for (t = 0; t < 2; t++) {
			/* fds array unreadable, NULL, or running off its page. */
			CHECK_RET(t_wait_full(dev, all, NULL, 1, timeouts[t], 0, 0,
					      &index), -EFAULT);
			CHECK_RET(t_wait_full(dev, all, t_bad_page(), 2, timeouts[t],
					      0, 0, &index), -EFAULT);
			edge = (uint32_t *)(page + 4096 - 4);
			*edge = a;
			CHECK_RET(t_wait_full(dev, all, edge, 2, timeouts[t], 0, 0,
					      &index), -EFAULT);
			CHECK_RET(t_wait_full(dev, all, edge, 2, timeouts[t],
					      NTEVENT_WAIT_SIGNAL, s, &index),
				  -EFAULT);
			check_nothing_changed();

			/* Readable but read-only argument: index cannot be stored. */
			memset(ro, 0, sizeof(*ro));
			ro->timeout = timeouts[t];
			ro->fds = (uintptr_t)fds;
			ro->count = 2;
			ro->index = 0x77;
			t_page_readonly(ro);
			CHECK_ERR(ioctl(dev, cmd, ro), EFAULT);
			check_nothing_changed();
			CHECK_OK(mprotect(ro, 4096, PROT_READ | PROT_WRITE));
			ro->flags = NTEVENT_WAIT_SIGNAL;
			ro->signal_fd = s;
			t_page_readonly(ro);
			CHECK_ERR(ioctl(dev, cmd, ro), EFAULT);
			check_nothing_changed();
			CHECK_EQ(ro->index, 0x77);
			CHECK_OK(mprotect(ro, 4096, PROT_READ | PROT_WRITE));
		}
	}
	/* And the same waits with good memory do succeed. */
	CHECK_RET(t_wait_all(dev, fds, 2, 0), 0);
	CHECK_STATE(a, 0);
	CHECK_STATE(b, 0);
	return T_PASS;
}
