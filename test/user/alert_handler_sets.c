// SPDX-License-Identifier: GPL-2.0
/*
 * A signal handler that sets the event its own thread is waiting on:
 * a non-alertable wait resumes after the handler and is satisfied by that
 * set (consuming it); an alertable wait returns EINTR and the handler's
 * set stays there, unconsumed.
 */
#include "abi.h"

static int ev;

static void on_usr1(int sig)
{
	(void)sig;
	ioctl(ev, NTEVENT_IOC_SET, NULL);
}

int main(void)
{
	int dev = t_open_dev();
	struct sigaction sa;
	int alertable;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));

	for (alertable = 0; alertable <= 1; alertable++) {
		struct t_waiter w;

		ev = t_create(dev, T_AUTO, 0);
		t_waiter_init1(&w, dev, ev, 5000);
		if (alertable)
			w.flags = NTEVENT_WAIT_ALERTABLE;
		t_waiter_start_asleep(&w);
		pthread_kill(w.th, SIGUSR1);
		t_waiter_join(&w);
		if (alertable) {
			CHECK_RET(w.ret, -EINTR);
			CHECK_STATE(ev, 1);
		} else {
			CHECK_RET(w.ret, 0);
			CHECK_STATE(ev, 0);
		}
		close(ev);
	}
	return T_PASS;
}
