// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSASetEvent() releases every thread blocked in
 * WSAWaitForMultipleEvents() on the event (manual-reset: all of them),
 * and the event stays signaled; threads waiting on other events too get
 * the index of this one.
 */
#include <ntevent/winsock.h>
#include "api.h"

#define WAITERS 4

static WSAEVENT ev[2];

struct waiter {
	pthread_t th;
	atomic_int tid;
	atomic_bool done;
	DWORD result;
	int two;
};

static void *waiter_fn(void *arg)
{
	struct waiter *w = arg;

	atomic_store(&w->tid, t_gettid());
	if (w->two)
		w->result = WSAWaitForMultipleEvents(2, ev, FALSE, 20000, FALSE);
	else
		w->result = WSAWaitForMultipleEvents(1, &ev[1], FALSE, WSA_INFINITE,
						     FALSE);
	atomic_store(&w->done, true);
	return NULL;
}

int main(void)
{
	struct waiter w[WAITERS];
	WSADATA d;
	int i;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	ev[0] = WSACreateEvent();
	ev[1] = WSACreateEvent();
	CHECK(ev[0] && ev[1]);

	for (i = 0; i < WAITERS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].two = i & 1;
		t_thread(&w[i].th, waiter_fn, &w[i]);
	}
	for (i = 0; i < WAITERS; i++) {
		while (!atomic_load(&w[i].tid))
			t_sleep_ms(1);
		t_await_blocked(atomic_load(&w[i].tid), SYS_ioctl);
	}
	for (i = 0; i < WAITERS; i++)
		CHECK(!atomic_load(&w[i].done));

	CHECK_EQ(WSASetEvent(ev[1]), TRUE);
	for (i = 0; i < WAITERS; i++) {
		t_join(w[i].th);
		CHECK_EQ(w[i].result, WSA_WAIT_EVENT_0 + (w[i].two ? 1 : 0));
	}
	/* still signaled */
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev[1], FALSE, 0, FALSE), WSA_WAIT_EVENT_0);

	CHECK_EQ(WSACloseEvent(ev[0]), TRUE);
	CHECK_EQ(WSACloseEvent(ev[1]), TRUE);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
