// SPDX-License-Identifier: GPL-2.0
/*
 * Under failslab fault injection (fail-nth, debug kernel), every allocation
 * of CREATE, DUP and a wait on many events that can fail fails with ENOMEM
 * and changes nothing: no descriptor left behind, no event consumed.
 * Skips where the kernel has no fail-nth (the stock kernel).
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int evs[8], ev, i, n, rc, err, before, injected = 0;
	__u32 fds[8];

	t_failnth_setup();

	/* CREATE */
	for (n = 1; n < 64; n++) {
		struct ntevent_create_args a = {
			.type = T_AUTO, .state = 1, .access = NTEVENT_ALL_ACCESS,
		};

		before = t_count_fds();
		t_fail_nth(n);
		rc = ioctl(dev, NTEVENT_IOC_CREATE, &a);
		err = errno;
		if (!t_fault_fired()) {
			t_fail_nth(0);
			CHECK_EQ(rc, 0);
			close(a.fd);
			break;
		}
		t_fail_nth(0);
		if (rc == 0) {
			close(a.fd);	/* a fault the kernel absorbed */
			continue;
		}
		injected++;
		CHECK_EQ(err, ENOMEM);
		CHECK_EQ(t_count_fds(), before);
	}

	/* DUP */
	ev = t_create(dev, T_AUTO, 1);
	for (n = 1; n < 64; n++) {
		struct ntevent_dup_args d = { .flags = NTEVENT_DUP_SAME_ACCESS };

		before = t_count_fds();
		t_fail_nth(n);
		rc = ioctl(ev, NTEVENT_IOC_DUP, &d);
		err = errno;
		if (!t_fault_fired()) {
			t_fail_nth(0);
			CHECK_EQ(rc, 0);
			close(d.fd);
			break;
		}
		t_fail_nth(0);
		if (rc == 0) {
			close(d.fd);
			continue;
		}
		injected++;
		CHECK_EQ(err, ENOMEM);
		CHECK_EQ(t_count_fds(), before);
		CHECK_EQ(t_state(ev), 1);
	}

	/* A wait on 8 events allocates its arrays and its waiter. */
	for (i = 0; i < 8; i++) {
		evs[i] = t_create(dev, T_AUTO, 0);
		fds[i] = evs[i];
	}
	for (n = 1; n < 64; n++) {
		struct ntevent_wait_args w = {
			.timeout = 0, .fds = (uintptr_t)fds, .count = 8,
		};
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		/* A deadline in the future, so that the waiter is queued. */
		w.timeout = (ts.tv_sec + 5) * 1000000000ull + ts.tv_nsec;
		ioctl(evs[7], NTEVENT_IOC_SET, NULL);
		t_fail_nth(n);
		rc = ioctl(dev, NTEVENT_IOC_WAIT_ANY, &w);
		err = errno;
		if (!t_fault_fired()) {
			t_fail_nth(0);
			CHECK_EQ(rc, 0);
			CHECK_EQ(w.index, 7);
			CHECK_EQ(t_state(evs[7]), 0);
			break;
		}
		t_fail_nth(0);
		if (rc == 0) {
			CHECK_EQ(w.index, 7);
			continue;
		}
		injected++;
		CHECK_EQ(err, ENOMEM);
		/* Not consumed. */
		CHECK_EQ(t_state(evs[7]), 1);
	}
	t_failnth_done();
	printf("%d allocation failures injected, all ENOMEM, nothing changed\n",
	       injected);
	CHECK(injected >= 3);
	return T_PASS;
}
