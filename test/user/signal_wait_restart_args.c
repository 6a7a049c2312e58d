// SPDX-License-Identifier: GPL-2.0
/*
 * A non-alertable signal-and-wait interrupted by a signal handler is
 * restarted by the kernel, which first clears NTEVENT_WAIT_SIGNAL and
 * signal_fd in the caller's structure (Documentation/ntevent-abi.rst: so
 * that the restarted call does not set the event again). The other input
 * fields are left alone, and without an interruption nothing but index is
 * written.
 */
#include "abi.h"

static int dev;
static struct ntevent_wait_args args;
static uint32_t fds[1];
static _Atomic pid_t tid;
static _Atomic int handled;
static int ret;

static void on_usr1(int sig)
{
	(void)sig;
	atomic_fetch_add(&handled, 1);
}

static void *waiter(void *p)
{
	(void)p;
	atomic_store(&tid, t_gettid());
	ret = ioctl(dev, NTEVENT_IOC_WAIT_ANY, &args) ? -errno : 0;
	return NULL;
}

int main(void)
{
	struct ntevent_wait_args orig;
	struct sigaction sa;
	pthread_t th;
	int s, w;

	dev = t_open_dev();
	s = t_create(dev, T_AUTO, 0);
	w = t_create(dev, T_AUTO, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));

	fds[0] = w;
	memset(&args, 0, sizeof(args));
	args.timeout = t_after_ms(6000);
	args.fds = (uintptr_t)fds;
	args.count = 1;
	args.flags = NTEVENT_WAIT_SIGNAL;
	args.signal_fd = s;
	orig = args;

	t_thread(&th, waiter, NULL);
	while (!atomic_load(&tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&tid), SYS_ioctl);
	CHECK_RET(t_try(dev, s), 0);
	pthread_kill(th, SIGUSR1);
	while (!atomic_load(&handled))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&tid), SYS_ioctl);
	CHECK_EQ(t_set(w), 0);
	t_join(th);
	CHECK_RET(ret, 0);
	CHECK_EQ(args.index, 0);
	CHECK_EQ(args.flags, orig.flags & ~NTEVENT_WAIT_SIGNAL);
	CHECK_EQ(args.signal_fd, 0);
	CHECK_EQ(args.timeout, orig.timeout);
	CHECK_EQ(args.fds, orig.fds);
	CHECK_EQ(args.count, orig.count);
	CHECK_STATE(s, 0);

	/* Not interrupted: the input is left as it was. */
	args = orig;
	args.timeout = 0;
	CHECK_EQ(t_set(w), 0);
	CHECK_OK(ioctl(dev, NTEVENT_IOC_WAIT_ANY, &args));
	CHECK_EQ(args.flags, NTEVENT_WAIT_SIGNAL);
	CHECK_EQ(args.signal_fd, s);
	CHECK_EQ(args.count, 1);
	CHECK_EQ(t_reset(s), 1);
	return T_PASS;
}
