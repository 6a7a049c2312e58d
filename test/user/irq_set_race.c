// SPDX-License-Identifier: GPL-2.0
/*
 * Hard-IRQ sets race user space on the same events, for several seconds:
 * ntevent_named_demo.ko sets its synchronization event from a hard-IRQ
 * hrtimer every millisecond (period_ms=1) while threads of this process
 * set and reset it in a loop, wait on it (wait-any), wait for it together
 * with a second event (wait-all: the all_lock from hard IRQ), and poll it
 * (the poll wake-up deferred to irq_work). On a PREEMPT_RT kernel this
 * used to hang the guest within a second (a spinlock_t, which sleeps
 * there, taken in hard IRQ). It must end, every thread must make progress,
 * and the timer's sets must reach the waiters. On a kernel with lockdep
 * and raw-lock nesting checks, run-tests fails the test on any report.
 * Skips without $NTEVENT_MODDIR/ntevent_named_demo.ko.
 */
#include "abi.h"

#include <poll.h>
#include <stdatomic.h>
#include <sys/stat.h>

#define DEMO	NTEVENT_NAME_PREFIX "ntevent-kernel-demo"
#define RUN_MS	3000

static int dev, ev, other;
static atomic_bool stop;
static atomic_long setresets, anys, alls, polls;

static void *set_reset(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop)) {
		CHECK_OK(ioctl(ev, NTEVENT_IOC_SET, NULL));
		CHECK_OK(ioctl(ev, NTEVENT_IOC_RESET, NULL));
		atomic_fetch_add(&setresets, 1);
	}
	return NULL;
}

/* Wait-any on the event alone, or wait-all on it and other: count them. */
static void *waiter(void *all)
{
	uint32_t fds[2] = { (uint32_t)ev, (uint32_t)other };
	atomic_long *got = all ? &alls : &anys;

	while (!atomic_load(&stop)) {
		int r = all ? t_wait_all(dev, fds, 2, t_after_ms(50)) :
			      t_wait1(dev, ev, t_after_ms(50));

		CHECK_MSG(r == 0 || r == -ETIMEDOUT, "%s: %s",
			  all ? "wait-all" : "wait-any", t_errname(-r));
		if (!r)
			atomic_fetch_add(got, 1);
	}
	return NULL;
}

static void *poller(void *arg)
{
	struct pollfd p = { .fd = ev, .events = POLLIN };

	(void)arg;
	while (!atomic_load(&stop)) {
		int r = poll(&p, 1, 50);

		CHECK_OK(r);
		if (r == 1) {
			CHECK_EQ(p.revents, POLLIN);
			atomic_fetch_add(&polls, 1);
		}
	}
	return NULL;
}

int main(void)
{
	void *(*fns[])(void *) = { set_reset, waiter, waiter, poller };
	void *args[] = { NULL, NULL, (void *)1, NULL };
	pthread_t th[sizeof(fns) / sizeof(fns[0])];
	const char *dir = getenv("NTEVENT_MODDIR");
	char cmd[600];
	struct stat sb;
	unsigned int i;
	int ret;

	dev = t_open_dev();
	if (!dir || !*dir)
		t_skip("NTEVENT_MODDIR is not set");
	snprintf(cmd, sizeof(cmd), "%s/ntevent_named_demo.ko", dir);
	if (stat(cmd, &sb))
		t_skip("no %s", cmd);
	snprintf(cmd, sizeof(cmd), "insmod '%s/ntevent_named_demo.ko' period_ms=1",
		 dir);
	t_need_root();
	ret = t_system(cmd);
	CHECK_MSG(ret == 0, "%s: exit status %d", cmd, ret);

	ev = t_open_name(dev, DEMO, NTEVENT_ALL_ACCESS);
	other = t_create(dev, T_MANUAL, 1);
	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		t_thread(&th[i], fns[i], args[i]);
	t_sleep_ms(RUN_MS);
	atomic_store(&stop, true);
	for (i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		t_join(th[i]);

	printf("in %d ms: %ld set+reset pairs, %ld wait-any and %ld wait-all satisfied, %ld polls readable\n",
	       RUN_MS, atomic_load(&setresets), atomic_load(&anys),
	       atomic_load(&alls), atomic_load(&polls));
	CHECK(atomic_load(&setresets) > 0);
	CHECK(atomic_load(&anys) > 0);
	CHECK(atomic_load(&alls) > 0);
	CHECK(atomic_load(&polls) > 0);

	close(ev);
	ret = t_system("rmmod ntevent_named_demo");
	CHECK_MSG(ret == 0, "rmmod ntevent_named_demo: exit status %d", ret);
	return T_PASS;
}
