// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_WAIT_ANY_ALERT and _ALL_ALERT: an alertable wait whose alert
 * word is set when it starts is EINTR at once, and consumes and sets
 * nothing, even with its events signaled; with the word 0 it is the plain
 * wait; a wait that is not alertable does not read the word; a signal with
 * a handler ends a sleeping alertable wait (how a queued APC reaches it).
 * Errors: alert 0 is EINVAL, an unreadable word EFAULT.
 */
#include "abi.h"

static void on_usr1(int sig)
{
	(void)sig;
}

static int wait_alert(int dev, bool all, const uint32_t *fds, uint32_t count,
		      uint64_t timeout, uint32_t flags, uint32_t signal_fd,
		      uint64_t alert, uint32_t *index)
{
	struct ntevent_wait_alert_args a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.wait.timeout = timeout;
	a.wait.fds = (uintptr_t)fds;
	a.wait.count = count;
	a.wait.flags = flags;
	a.wait.signal_fd = signal_fd;
	a.alert = alert;
	ret = ioctl(dev, all ? NTEVENT_IOC_WAIT_ALL_ALERT :
		    NTEVENT_IOC_WAIT_ANY_ALERT, &a) ? -errno : 0;
	if (index)
		*index = a.wait.index;
	return ret;
}

int main(void)
{
	int dev = t_open_dev();
	uint32_t fds[2], index, word = 1, *bad = t_bad_page();
	uint64_t w = (uintptr_t)&word;
	struct t_signaller sig;
	struct sigaction sa;
	int s, all;

	fds[0] = t_create(dev, T_AUTO, 1);
	fds[1] = t_create(dev, T_AUTO, 1);
	s = t_create(dev, T_AUTO, 0);
	for (all = 0; all <= 1; all++) {
		t_case = all ? "wait-all" : "wait-any";
		/* Set: EINTR, nothing consumed, the signal event not set. */
		CHECK_RET(wait_alert(dev, all, fds, 2, NTEVENT_NO_TIMEOUT,
				     NTEVENT_WAIT_ALERTABLE, 0, w, &index),
			  -EINTR);
		CHECK_RET(wait_alert(dev, all, fds, 1, 0,
				     NTEVENT_WAIT_ALERTABLE | NTEVENT_WAIT_SIGNAL,
				     s, w, &index), -EINTR);
		CHECK_STATE(fds[0], 1);
		CHECK_STATE(fds[1], 1);
		CHECK_STATE(s, 0);
		/* Not alertable: the word is not read, not even a bad one. */
		CHECK_RET(wait_alert(dev, all, fds, 1, 0, 0, 0,
				     (uintptr_t)bad, &index), 0);
		CHECK_EQ(t_set(fds[0]), 0);
		/* Clear: the plain wait. */
		word = 0;
		CHECK_RET(wait_alert(dev, all, fds, 2, 0,
				     NTEVENT_WAIT_ALERTABLE, 0, w, &index), 0);
		CHECK_EQ(index, 0);
		CHECK_STATE(fds[0], 0);
		CHECK_STATE(fds[1], all ? 0 : 1);
		CHECK_EQ(t_set(fds[0]), 0);
		if (all)
			CHECK_EQ(t_set(fds[1]), 0);
		word = 1;
		/* Errors. */
		CHECK_RET(wait_alert(dev, all, fds, 2, 0,
				     NTEVENT_WAIT_ALERTABLE, 0, 0, &index),
			  -EINVAL);
		CHECK_RET(wait_alert(dev, all, fds, 2, 0,
				     NTEVENT_WAIT_ALERTABLE, 0, (uintptr_t)bad,
				     &index), -EFAULT);
		CHECK_STATE(fds[0], 1);
		CHECK_STATE(fds[1], 1);
	}

	/* Sleeping, with the word clear: a handler that runs ends it. */
	t_case = "signal";
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	word = 0;
	t_signaller_start(&sig, 1, 10, 5000);
	CHECK_RET(wait_alert(dev, false, (uint32_t *)&s, 1,
			     t_after_ms(10000), NTEVENT_WAIT_ALERTABLE, 0, w,
			     &index), -EINTR);
	t_signaller_stop(&sig);
	return T_PASS;
}
