// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A timeout is converted once, on every face: a non-alertable wait of 1 s
 * interrupted by a signal handler every 100 ms still times out about 1 s
 * after it began, not 1 s after the last signal (the signals go on for
 * 3 s, so a timeout restarted from zero would take 4 s). One row a face:
 * NtWaitForSingleObject() with a relative timeout,
 * NtWaitForMultipleObjects() with an absolute one, and
 * WSAWaitForMultipleEvents() with its milliseconds.
 */
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

#define NT_EPOCH_1970	116444736000000000LL

struct row {
	const char *name;
	bool wsa;		/* the event is made and closed by Winsock */
	uint32_t (*wait)(HANDLE ev);	/* a 1 s wait, non-alertable */
	uint32_t want;
	int lo_ms;		/* the earliest the timeout may come */
};

static uint32_t nt_single_relative(HANDLE ev)
{
	LARGE_INTEGER t = { .QuadPart = -10000000 };	/* 1 s, relative */

	return (uint32_t)NtWaitForSingleObject(ev, FALSE, &t);
}

static uint32_t nt_multiple_absolute(HANDLE ev)
{
	LARGE_INTEGER t;

	t.QuadPart = NT_EPOCH_1970 +
		     (t_now(CLOCK_REALTIME) + 1000000000) / 100;
	return (uint32_t)NtWaitForMultipleObjects(1, &ev, WaitAny, FALSE, &t);
}

static uint32_t wsa_wait(HANDLE ev)
{
	return WSAWaitForMultipleEvents(1, &ev, FALSE, 1000, FALSE);
}

static const struct row rows[] = {
	{ "NtWaitForSingleObject relative", false, nt_single_relative,
	  STATUS_TIMEOUT, 950 },
	{ "NtWaitForMultipleObjects absolute", false, nt_multiple_absolute,
	  STATUS_TIMEOUT, 900 },
	{ "WSAWaitForMultipleEvents", true, wsa_wait, WSA_WAIT_TIMEOUT, 950 },
};

static void run_row(const struct row *r)
{
	struct t_signaller s;
	HANDLE ev;
	int64_t t0, ms;
	int runs;

	t_case = r->name;
	if (r->wsa) {
		ev = WSACreateEvent();
		CHECK(ev != WSA_INVALID_EVENT);
	} else {
		CHECK_ST(NtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL,
				       NotificationEvent, FALSE),
			 STATUS_SUCCESS);
	}

	runs = atomic_load(&t_handler_runs);
	t0 = t_mono();
	t_signaller_start(&s, 0, 100, 3000);
	CHECK_ST(r->wait(ev), r->want);
	ms = t_ms_since(t0);
	t_signaller_stop(&s);
	CHECK_MS(ms, r->lo_ms, 2500);
	CHECK(atomic_load(&t_handler_runs) - runs >= 3);

	if (r->wsa)
		CHECK_EQ(WSACloseEvent(ev), TRUE);
	else
		CHECK_ST(NtClose(ev), STATUS_SUCCESS);
	t_case = NULL;
}

int main(void)
{
	WSADATA d;
	const struct row *r;

	t_require_device();
	t_install_handler();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	T_FOR_EACH_ROW(r, rows)
		run_row(r);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
