// SPDX-License-Identifier: GPL-2.0
/*
 * The wait argument's input fields are not changed by the call, even when
 * a non-alertable signal-and-wait is interrupted by a signal handler and
 * resumed: flags and signal_fd still hold what the caller put there (a
 * caller reusing the struct in a loop must go on signaling), and only
 * index is written.
 */
#include "t.h"

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
	t_await_sleep(atomic_load(&tid), SYS_ioctl);
	CHECK_RET(t_try(dev, s), 0);
	pthread_kill(th, SIGUSR1);
	while (!atomic_load(&handled))
		t_sleep_ms(1);
	t_await_sleep(atomic_load(&tid), SYS_ioctl);
	CHECK_EQ(t_set(w), 0);
	t_join(th);
	CHECK_RET(ret, 0);
	CHECK_EQ(args.index, 0);
	CHECK_MSG(args.flags == orig.flags && args.signal_fd == orig.signal_fd,
		  "the call rewrote its input: flags %#x -> %#x, signal_fd %u -> %u",
		  orig.flags, args.flags, orig.signal_fd, args.signal_fd);
	CHECK_EQ(args.timeout, orig.timeout);
	CHECK_EQ(args.fds, orig.fds);
	CHECK_EQ(args.count, orig.count);
	return T_PASS;
}
