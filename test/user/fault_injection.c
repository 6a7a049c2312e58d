// SPDX-License-Identifier: GPL-2.0
/*
 * Under failslab fault injection (fail-nth, debug kernel), every allocation
 * of CREATE, DUP and a wait on many events that can fail fails with ENOMEM
 * and changes nothing: no descriptor left behind, no event consumed.
 * Skips where the kernel has no fail-nth (the stock kernel).
 */
#include "t.h"

#define FAILSLAB "/sys/kernel/debug/failslab/"

static int put_file(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, val, strlen(val));
	close(fd);
	return n == (ssize_t)strlen(val) ? 0 : -1;
}

static int failnth_fd;

static void fail_nth(int n)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%d", n);
	if (pwrite(failnth_fd, buf, strlen(buf), 0) < 0)
		T_FAILF("fail-nth write: %s", strerror(errno));
}

/* True if the injected fault fired during the last call. */
static bool fired(void)
{
	char buf[16] = "";

	if (pread(failnth_fd, buf, sizeof(buf) - 1, 0) < 0)
		T_FAILF("fail-nth read: %s", strerror(errno));
	return atoi(buf) == 0;
}

int main(void)
{
	int dev = t_open_dev();
	int evs[8], ev, i, n, rc, err, before, injected = 0;
	__u32 fds[8];

	failnth_fd = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (failnth_fd < 0 || put_file(FAILSLAB "ignore-gfp-wait", "N") ||
	    put_file(FAILSLAB "verbose", "0")) {
		printf("no fail-nth/failslab here: skipped\n");
		return T_SKIP;
	}

	/* CREATE */
	for (n = 1; n < 64; n++) {
		struct ntevent_create_args a = {
			.type = T_AUTO, .state = 1, .access = NTEVENT_ALL_ACCESS,
		};

		before = t_count_fds();
		fail_nth(n);
		rc = ioctl(dev, NTEVENT_IOC_CREATE, &a);
		err = errno;
		if (!fired()) {
			fail_nth(0);
			CHECK_EQ(rc, 0);
			close(a.fd);
			break;
		}
		fail_nth(0);
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
		fail_nth(n);
		rc = ioctl(ev, NTEVENT_IOC_DUP, &d);
		err = errno;
		if (!fired()) {
			fail_nth(0);
			CHECK_EQ(rc, 0);
			close(d.fd);
			break;
		}
		fail_nth(0);
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
		fail_nth(n);
		rc = ioctl(dev, NTEVENT_IOC_WAIT_ANY, &w);
		err = errno;
		if (!fired()) {
			fail_nth(0);
			CHECK_EQ(rc, 0);
			CHECK_EQ(w.index, 7);
			CHECK_EQ(t_state(evs[7]), 0);
			break;
		}
		fail_nth(0);
		if (rc == 0) {
			CHECK_EQ(w.index, 7);
			continue;
		}
		injected++;
		CHECK_EQ(err, ENOMEM);
		/* Not consumed. */
		CHECK_EQ(t_state(evs[7]), 1);
	}
	put_file(FAILSLAB "ignore-gfp-wait", "Y");
	printf("%d allocation failures injected, all ENOMEM, nothing changed\n",
	       injected);
	CHECK(injected >= 3);
	return T_PASS;
}
