// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtPulseEvent() releases the threads blocked in NtWaitForSingleObject():
 * all of them for a NotificationEvent, exactly one for a
 * SynchronizationEvent; either way the event ends non-signaled and the
 * previous state was 0. The others stay blocked until later sets.
 */
#include <ntevent/nt.h>
#include "api.h"

#define WAITERS 3

struct waiter {
	HANDLE h;
	pthread_t th;
	atomic_int tid;
	atomic_bool done;
	NTSTATUS status;
};

static void *waiter_fn(void *arg)
{
	struct waiter *w = arg;
	LARGE_INTEGER t = { .QuadPart = -200000000 };	/* 20 s */

	atomic_store(&w->tid, t_gettid());
	w->status = NtWaitForSingleObject(w->h, FALSE, &t);
	atomic_store(&w->done, true);
	return NULL;
}

static int count_done(struct waiter *w)
{
	int i, n = 0;

	for (i = 0; i < WAITERS; i++)
		n += atomic_load(&w[i].done);
	return n;
}

static int await_done(struct waiter *w, int want)
{
	int64_t t0 = t_mono();

	while (count_done(w) < want && t_ms_since(t0) < 10000)
		t_sleep_ms(2);
	return count_done(w);
}

static void start(struct waiter *w, HANDLE h)
{
	int i;

	for (i = 0; i < WAITERS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].h = h;
		t_thread(&w[i].th, waiter_fn, &w[i]);
	}
	for (i = 0; i < WAITERS; i++) {
		while (!atomic_load(&w[i].tid))
			t_sleep_ms(1);
		t_await_blocked(atomic_load(&w[i].tid), SYS_ioctl);
	}
}

int main(void)
{
	struct waiter w[WAITERS];
	HANDLE h;
	LONG prev;
	int i;

	t_require_device();

	/* NotificationEvent: one pulse releases everyone */
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, NotificationEvent, FALSE),
		 STATUS_SUCCESS);
	start(w, h);
	prev = 7;
	CHECK_ST(NtPulseEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
	CHECK_EQ(t_nt_state(h), 0);
	CHECK_EQ(await_done(w, WAITERS), WAITERS);
	for (i = 0; i < WAITERS; i++) {
		t_join(w[i].th);
		CHECK_ST(w[i].status, STATUS_WAIT_0);
	}
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* SynchronizationEvent: one pulse releases one */
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	start(w, h);
	CHECK_ST(NtPulseEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
	CHECK_EQ(t_nt_state(h), 0);
	CHECK_EQ(await_done(w, 1), 1);
	t_sleep_ms(300);
	CHECK_EQ(count_done(w), 1);
	CHECK_EQ(t_nt_state(h), 0);
	/* the two others, one set each */
	CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
	CHECK_EQ(await_done(w, 2), 2);
	CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
	CHECK_EQ(await_done(w, 3), 3);
	for (i = 0; i < WAITERS; i++) {
		t_join(w[i].th);
		CHECK_ST(w[i].status, STATUS_WAIT_0);
	}
	CHECK_EQ(t_nt_state(h), 0);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	return T_PASS;
}
