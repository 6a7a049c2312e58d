// SPDX-License-Identifier: GPL-2.0
/*
 * EFAULT changes nothing, even when the index becomes unwritable while the
 * wait sleeps: if the argument page is made read-only during the wait and
 * the event is then set, the wait cannot report success, and the event it
 * fails on must not be lost (it stays signaled for someone else).
 */
#include "abi.h"

static int dev;
static struct ntevent_wait_args *args;
static _Atomic pid_t tid;
static int ret;

static void *waiter(void *p)
{
	unsigned long cmd = p ? NTEVENT_IOC_WAIT_ALL : NTEVENT_IOC_WAIT_ANY;

	atomic_store(&tid, t_gettid());
	ret = ioctl(dev, cmd, args) ? -errno : 0;
	return NULL;
}

int main(void)
{
	int all;

	dev = t_open_dev();
	for (all = 0; all <= 1; all++) {
		int e = t_create(dev, T_AUTO, 0);
		int m = t_create(dev, T_MANUAL, 1);
		uint32_t *fds = malloc(2 * sizeof(*fds));
		pthread_t th;

		fds[0] = m;
		fds[1] = e;
		args = t_pages(1);
		args->timeout = t_after_ms(5000);
		args->fds = (uintptr_t)fds;
		args->count = 2;
		if (!all)
			CHECK_EQ(t_reset(m), 1);
		atomic_store(&tid, 0);
		t_thread(&th, waiter, all ? (void *)1 : NULL);
		while (!atomic_load(&tid))
			t_sleep_ms(1);
		t_await_blocked(atomic_load(&tid), SYS_ioctl);
		t_page_readonly(args);
		CHECK_EQ(t_set(e), 0);
		t_join(th);
		CHECK_MSG(ret == -EFAULT, "%s: got %s, expected EFAULT",
			  all ? "wait-all" : "wait-any", t_errname(-ret));
		CHECK_MSG(t_state(e) == 1,
			  "%s failed with EFAULT but consumed the event: the set was lost",
			  all ? "wait-all" : "wait-any");
		close(e);
		close(m);
	}
	return T_PASS;
}
