// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * fAlertable: a signal handler ends an alertable WSAWaitForMultipleEvents()
 * with WSA_WAIT_IO_COMPLETION (not a failure: WSAGetLastError() is left
 * alone) and consumes nothing; a non-alertable one runs the handler and
 * goes on waiting until the event is set.
 */
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

static WSAEVENT ev;

struct helper {
	pid_t tid;
	pthread_t th;
	pthread_t target;
};

static void *signal_then_set(void *arg)
{
	struct helper *h = arg;
	int before = atomic_load(&t_handler_runs);
	int64_t t0 = t_mono();

	t_await_blocked(h->tid, SYS_ioctl);
	CHECK_EQ(pthread_kill(h->target, SIGUSR1), 0);
	while (atomic_load(&t_handler_runs) == before) {
		if (t_ms_since(t0) > 10000)
			T_FAILF("the handler did not run");
		t_sleep_ms(1);
	}
	t_await_blocked(h->tid, SYS_ioctl);
	CHECK_EQ(WSASetEvent(ev), TRUE);
	return NULL;
}

int main(void)
{
	struct t_signaller s;
	struct helper h;
	WSAEVENT both[2];
	HANDLE autoev;
	WSADATA d;
	int runs;

	t_require_device();
	t_install_handler();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	ev = WSACreateEvent();
	CHECK(ev != WSA_INVALID_EVENT);
	CHECK_ST(NtCreateEvent(&autoev, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       TRUE), STATUS_SUCCESS);
	both[0] = autoev;
	both[1] = ev;

	WSASetLastError(555);
	runs = atomic_load(&t_handler_runs);
	t_signaller_start(&s, 1, 10, 10000);
	CHECK_EQ(WSAWaitForMultipleEvents(2, both, TRUE, 20000, TRUE),
		 WSA_WAIT_IO_COMPLETION);
	t_signaller_stop(&s);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 1);
	CHECK_EQ(WSAGetLastError(), 555);
	/* the auto-reset event was not consumed */
	CHECK_EQ(WSAWaitForMultipleEvents(1, &autoev, FALSE, 0, FALSE), WSA_WAIT_EVENT_0);

	t_signaller_start(&s, 1, 10, 10000);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, WSA_INFINITE, TRUE),
		 WSA_WAIT_IO_COMPLETION);
	t_signaller_stop(&s);

	/* not alertable: the handler runs, the wait goes on */
	runs = atomic_load(&t_handler_runs);
	h.tid = t_gettid();
	h.target = pthread_self();
	t_thread(&h.th, signal_then_set, &h);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, WSA_INFINITE, FALSE),
		 WSA_WAIT_EVENT_0);
	t_join(h.th);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 1);

	CHECK_EQ(WSACloseEvent(ev), TRUE);
	CHECK_EQ(WSACloseEvent(autoev), TRUE);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
