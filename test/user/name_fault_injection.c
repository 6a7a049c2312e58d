// SPDX-License-Identifier: GPL-2.0
/*
 * Under failslab fault injection (fail-nth, debug kernel), every
 * allocation of NTEVENT_IOC_OPEN that can fail fails with ENOMEM and
 * changes nothing: no descriptor left, a create leaves no name behind (a
 * later open is ENOENT), an open of an existing name leaves that event as
 * it was. Skips where the kernel has no fail-nth (the stock kernel).
 */
#include "abi.h"

/*
 * OPEN with fault n injected: the fd (>= 0), -ENOMEM (checked: nothing
 * changed), or INT_MIN once n is past the call's last allocation.
 */
static int open_nth(int dev, const char *name, uint32_t flags, int n,
		    bool *absorbed)
{
	struct ntevent_open_args a = {
		.name = (uintptr_t)name, .name_len = strlen(name),
		.flags = flags, .access = NTEVENT_ALL_ACCESS,
		.type = T_AUTO, .state = 1, .mode = 0600,
	};
	int before = t_count_fds(), rc, err;

	t_fail_nth(n);
	rc = ioctl(dev, NTEVENT_IOC_OPEN, &a);
	err = errno;
	*absorbed = false;
	if (!t_fault_fired()) {
		t_fail_nth(0);
		CHECK_MSG(rc == 0, "OPEN with no fault injected: %s",
			  t_errname(err));
		close(a.fd);
		return -1000;
	}
	t_fail_nth(0);
	if (rc == 0) {
		*absorbed = true;	/* a fault the kernel absorbed */
		return a.fd;
	}
	CHECK_MSG(err == ENOMEM, "OPEN with fault %d injected: %s, expected ENOMEM",
		  n, t_errname(err));
	CHECK_EQ(t_count_fds(), before);
	return -ENOMEM;
}

int main(void)
{
	int dev = t_open_dev();
	int f, n, r, e, injected = 0;
	char name[128], held[128];
	bool absorbed;

	t_failnth_setup();
	t_name(name, sizeof(name), "fresh");
	t_name(held, sizeof(held), "held");

	/* Creating a name. */
	for (n = 1; n < 64; n++) {
		r = open_nth(dev, name, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
			     n, &absorbed);
		if (r == -1000)
			break;
		if (r >= 0) {
			close(r);
			continue;
		}
		injected++;
		CHECK_MSG(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0,
					  0, 0, NULL) == -ENOENT,
			  "fault %d: a failed create left the name", n);
	}
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);

	/* Opening (plain, then open-if) an existing name. */
	e = t_create_name(dev, held, T_MANUAL, 1, 0600);
	for (f = 0; f < 2; f++) {
		for (n = 1; n < 64; n++) {
			r = open_nth(dev, held, f ? NTEVENT_OPEN_CREATE : 0, n,
				     &absorbed);
			if (r == -1000)
				break;
			if (r >= 0) {
				CHECK_EQ(t_read(r).type, T_MANUAL);
				close(r);
			} else {
				injected++;
			}
			CHECK_STATE(e, 1);
			CHECK_EQ(t_read(e).type, T_MANUAL);
		}
	}
	close(e);
	CHECK_RET(t_open_name_raw(dev, held, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);

	t_failnth_done();
	printf("%d allocation failures injected, all ENOMEM, nothing changed\n",
	       injected);
	CHECK(injected >= 3);
	return T_PASS;
}
