// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * An alertable wait interrupted by a signal handler (the user-mode APC)
 * returns STATUS_USER_APC and consumes nothing: a WaitAll over a signaled
 * auto-reset event and an unsignaled one leaves the first signaled. Works
 * for NtWaitForSingleObject, NtWaitForMultipleObjects (WaitAny, WaitAll)
 * and NtSignalAndWaitForSingleObject (whose signal has happened).
 */
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	struct t_signaller s;
	LARGE_INTEGER t = { .QuadPart = -200000000 };	/* 20 s */
	HANDLE on, off, sig, hs[2];
	int64_t t0;
	int runs;

	t_require_device();
	t_install_handler();
	CHECK_ST(NtCreateEvent(&on, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       TRUE), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&off, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&sig, EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	hs[0] = on;
	hs[1] = off;

	runs = atomic_load(&t_handler_runs);
	t0 = t_mono();
	t_signaller_start(&s, 1, 10, 10000);
	CHECK_ST(NtWaitForSingleObject(off, TRUE, &t), STATUS_USER_APC);
	t_signaller_stop(&s);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 1);
	CHECK_MS(t_ms_since(t0), 0, 10000);

	t_signaller_start(&s, 1, 10, 10000);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAll, TRUE, NULL),
		 STATUS_USER_APC);
	t_signaller_stop(&s);
	CHECK_EQ(t_nt_state(on), 1);
	CHECK_EQ(t_nt_state(off), 0);

	t_signaller_start(&s, 1, 10, 10000);
	CHECK_ST(NtWaitForMultipleObjects(1, &hs[1], WaitAny, TRUE, &t),
		 STATUS_USER_APC);
	t_signaller_stop(&s);

	t_signaller_start(&s, 1, 10, 10000);
	CHECK_ST(NtSignalAndWaitForSingleObject(sig, off, TRUE, NULL),
		 STATUS_USER_APC);
	t_signaller_stop(&s);
	CHECK_EQ(t_nt_state(sig), 1);

	/* a signaled object beats the alert: nothing to interrupt */
	CHECK_ST(NtWaitForSingleObject(on, TRUE, NULL), STATUS_WAIT_0);
	CHECK_EQ(t_nt_state(on), 0);

	CHECK_ST(NtClose(on), STATUS_SUCCESS);
	CHECK_ST(NtClose(off), STATUS_SUCCESS);
	CHECK_ST(NtClose(sig), STATUS_SUCCESS);
	return T_PASS;
}
