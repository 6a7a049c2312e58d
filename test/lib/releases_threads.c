// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A set or a pulse releases the threads blocked on the event, on every
 * face: all of them for a manual-reset (NotificationEvent, a WSAEVENT),
 * exactly one for an auto-reset (SynchronizationEvent), the others
 * staying blocked until later sets. A pulse leaves the event non-signaled
 * and a set a manual-reset one signaled; the previous state was 0. Half
 * the waiters wait on one more event, never set, before this one: they
 * get the index of this one (STATUS_WAIT_1, WSA_WAIT_EVENT_0 + 1). The
 * Winsock waiters on the event alone wait with WSA_INFINITE.
 */
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

#define WAITERS 4

struct row {
	const char *name;
	bool wsa;		/* events made, waited on, closed by Winsock */
	EVENT_TYPE type;	/* NT rows (a WSAEVENT is manual-reset) */
	void (*release)(HANDLE h);
	int released;		/* how many waiters the release frees */
	int state_after;	/* the event's state once all are gone */
};

struct waiter {
	const struct row *r;
	HANDLE hs[2];		/* the other event, then the event */
	bool two;		/* wait on both (else on hs[1] alone) */
	pthread_t th;
	atomic_int tid;
	atomic_bool done;
	uint32_t result;
};

static void nt_pulse(HANDLE h)
{
	LONG prev = 7;

	CHECK_ST(NtPulseEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
}

static void nt_set(HANDLE h)
{
	LONG prev = 7;

	CHECK_ST(NtSetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
}

static void wsa_set(HANDLE h)
{
	CHECK_EQ(WSASetEvent(h), TRUE);
}

static const struct row rows[] = {
	{ "NtPulseEvent NotificationEvent", false, NotificationEvent,
	  nt_pulse, WAITERS, 0 },
	{ "NtPulseEvent SynchronizationEvent", false, SynchronizationEvent,
	  nt_pulse, 1, 0 },
	{ "NtSetEvent NotificationEvent", false, NotificationEvent,
	  nt_set, WAITERS, 1 },
	{ "WSASetEvent", true, NotificationEvent, wsa_set, WAITERS, 1 },
};

static void *waiter_fn(void *arg)
{
	LARGE_INTEGER t = { .QuadPart = -200000000 };	/* 20 s */
	struct waiter *w = arg;

	atomic_store(&w->tid, t_gettid());
	if (w->r->wsa && w->two)
		w->result = WSAWaitForMultipleEvents(2, w->hs, FALSE, 20000,
						     FALSE);
	else if (w->r->wsa)
		w->result = WSAWaitForMultipleEvents(1, &w->hs[1], FALSE,
						     WSA_INFINITE, FALSE);
	else if (w->two)
		w->result = (uint32_t)NtWaitForMultipleObjects(2, w->hs, WaitAny,
							       FALSE, &t);
	else
		w->result = (uint32_t)NtWaitForSingleObject(w->hs[1], FALSE,
							    &t);
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

static HANDLE make_event(const struct row *r)
{
	HANDLE h;

	if (r->wsa) {
		h = WSACreateEvent();
		CHECK(h != WSA_INVALID_EVENT);
	} else {
		CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, r->type,
				       FALSE), STATUS_SUCCESS);
	}
	return h;
}

static void close_event(const struct row *r, HANDLE h)
{
	if (r->wsa)
		CHECK_EQ(WSACloseEvent(h), TRUE);
	else
		CHECK_ST(NtClose(h), STATUS_SUCCESS);
}

/* The event's state, through the row's face (a WSAEVENT is manual-reset). */
static int state_of(const struct row *r, HANDLE h)
{
	if (r->wsa)
		return WSAWaitForMultipleEvents(1, &h, FALSE, 0, FALSE) ==
		       WSA_WAIT_EVENT_0;
	return t_nt_state(h);
}

static void run_row(const struct row *r)
{
	struct waiter w[WAITERS];
	HANDLE h, other;
	int i, n;

	t_case = r->name;
	other = make_event(r);
	h = make_event(r);
	for (i = 0; i < WAITERS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].r = r;
		w[i].hs[0] = other;
		w[i].hs[1] = h;
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

	r->release(h);
	CHECK_EQ(state_of(r, h), r->state_after);
	CHECK_EQ(await_done(w, r->released), r->released);
	if (r->released < WAITERS) {
		/* the others stay blocked, and the event non-signaled */
		t_sleep_ms(300);
		CHECK_EQ(count_done(w), r->released);
		CHECK_EQ(state_of(r, h), 0);
		/* then one set each */
		for (n = r->released + 1; n <= WAITERS; n++) {
			CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
			CHECK_EQ(await_done(w, n), n);
		}
	}
	for (i = 0; i < WAITERS; i++) {
		t_join(w[i].th);
		CHECK_ST(w[i].result, w[i].two ? 1 : 0);
	}
	CHECK_EQ(state_of(r, h), r->state_after);

	close_event(r, other);
	close_event(r, h);
	t_case = NULL;
}

int main(void)
{
	WSADATA d;
	const struct row *r;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	T_FOR_EACH_ROW(r, rows)
		run_row(r);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
