// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A relative NT timeout is converted once: a non-alertable wait of 1 s
 * interrupted by a signal handler every 100 ms still times out about 1 s
 * after it began, not 1 s after the last signal (the signals go on for
 * 3 s, so a timeout restarted from zero would take 4 s). The same for an
 * absolute timeout.
 */
#include <ntevent/nt.h>
#include "api.h"

#define NT_EPOCH_1970	116444736000000000LL

int main(void)
{
	struct t_signaller s;
	LARGE_INTEGER t;
	HANDLE ev;
	int64_t t0, ms;
	int runs;

	t_require_device();
	t_install_handler();
	CHECK_ST(NtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_SUCCESS);

	runs = atomic_load(&t_handler_runs);
	t.QuadPart = -10000000;		/* 1 s, relative */
	t0 = t_mono();
	t_signaller_start(&s, 0, 100, 3000);
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_TIMEOUT);
	ms = t_ms_since(t0);
	t_signaller_stop(&s);
	CHECK_MS(ms, 950, 2500);
	CHECK(atomic_load(&t_handler_runs) - runs >= 3);

	runs = atomic_load(&t_handler_runs);
	t.QuadPart = NT_EPOCH_1970 + (t_now(CLOCK_REALTIME) + 1000000000) / 100;
	t0 = t_mono();
	t_signaller_start(&s, 0, 100, 3000);
	CHECK_ST(NtWaitForMultipleObjects(1, &ev, WaitAny, FALSE, &t),
		 STATUS_TIMEOUT);
	ms = t_ms_since(t0);
	t_signaller_stop(&s);
	CHECK_MS(ms, 900, 2500);
	CHECK(atomic_load(&t_handler_runs) - runs >= 3);

	CHECK_ST(NtClose(ev), STATUS_SUCCESS);
	return T_PASS;
}
