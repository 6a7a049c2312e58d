// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtWaitForMultipleObjects(): WaitAny returns STATUS_WAIT_0 + the lowest
 * signaled index (up to STATUS_WAIT_63) and consumes only that event;
 * WaitAll returns STATUS_WAIT_0 once all are signaled and consumes every
 * auto-reset one; a timed-out WaitAll leaves every state as it was; a
 * thread setting the last event releases a blocked WaitAll.
 */
#include <ntevent/nt.h>
#include "api.h"

static HANDLE ev[MAXIMUM_WAIT_OBJECTS];

static void *set_last(void *arg)
{
	(void)arg;
	t_sleep_ms(200);
	CHECK_ST(NtSetEvent(ev[3], NULL), STATUS_SUCCESS);
	return NULL;
}

int main(void)
{
	LARGE_INTEGER zero = { .QuadPart = 0 }, t;
	pthread_t th;
	int i;

	t_require_device();
	for (i = 0; i < MAXIMUM_WAIT_OBJECTS; i++)
		CHECK_ST(NtCreateEvent(&ev[i], EVENT_ALL_ACCESS, NULL,
				       i == 0 ? NotificationEvent : SynchronizationEvent,
				       FALSE), STATUS_SUCCESS);

	CHECK_ST(NtWaitForMultipleObjects(4, ev, WaitAny, FALSE, &zero),
		 STATUS_TIMEOUT);
	CHECK_ST(NtSetEvent(ev[2], NULL), STATUS_SUCCESS);
	CHECK_ST(NtSetEvent(ev[3], NULL), STATUS_SUCCESS);
	CHECK_ST(NtWaitForMultipleObjects(4, ev, WaitAny, FALSE, &zero),
		 STATUS_WAIT_2);
	CHECK_EQ(t_nt_state(ev[2]), 0);
	CHECK_EQ(t_nt_state(ev[3]), 1);
	CHECK_ST(NtWaitForMultipleObjects(4, ev, WaitAny, FALSE, &zero),
		 STATUS_WAIT_3);

	CHECK_ST(NtSetEvent(ev[MAXIMUM_WAIT_OBJECTS - 1], NULL), STATUS_SUCCESS);
	CHECK_ST(NtWaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, ev, WaitAny, FALSE,
					  &zero), STATUS_WAIT_63);

	/* WaitAll: three of four, 100 ms: timeout, nothing changed */
	for (i = 0; i < 3; i++)
		CHECK_ST(NtSetEvent(ev[i], NULL), STATUS_SUCCESS);
	t.QuadPart = -1000000;
	CHECK_ST(NtWaitForMultipleObjects(4, ev, WaitAll, FALSE, &t),
		 STATUS_TIMEOUT);
	for (i = 0; i < 3; i++)
		CHECK_EQ(t_nt_state(ev[i]), 1);
	CHECK_EQ(t_nt_state(ev[3]), 0);

	/* the fourth comes from another thread */
	t_thread(&th, set_last, NULL);
	CHECK_ST(NtWaitForMultipleObjects(4, ev, WaitAll, FALSE, NULL),
		 STATUS_WAIT_0);
	t_join(th);
	CHECK_EQ(t_nt_state(ev[0]), 1);	/* manual-reset: stays signaled */
	for (i = 1; i < 4; i++)
		CHECK_EQ(t_nt_state(ev[i]), 0);

	for (i = 0; i < MAXIMUM_WAIT_OBJECTS; i++)
		CHECK_ST(NtClose(ev[i]), STATUS_SUCCESS);
	return T_PASS;
}
