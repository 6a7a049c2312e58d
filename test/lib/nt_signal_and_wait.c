// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtSignalAndWaitForSingleObject() sets SignalHandle and waits on
 * WaitHandle: a ping-pong with a partner thread; on timeout the signal
 * has still happened; bad handles on either side are refused before
 * anything is set.
 */
#include <ntevent/nt.h>
#include "api.h"

static HANDLE ping, pong;

static void *partner(void *arg)
{
	LARGE_INTEGER t = { .QuadPart = -100000000 };	/* 10 s */
	int i;

	(void)arg;
	for (i = 0; i < 10; i++) {
		CHECK_ST(NtWaitForSingleObject(ping, FALSE, &t), STATUS_WAIT_0);
		CHECK_ST(NtSetEvent(pong, NULL), STATUS_SUCCESS);
	}
	return NULL;
}

int main(void)
{
	LARGE_INTEGER t = { .QuadPart = -100000000 }, zero = { .QuadPart = 0 };
	pthread_t th;
	int i;

	t_require_device();
	CHECK_ST(NtCreateEvent(&ping, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&pong, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);

	t_thread(&th, partner, NULL);
	for (i = 0; i < 10; i++)
		CHECK_ST(NtSignalAndWaitForSingleObject(ping, pong, FALSE, &t),
			 STATUS_WAIT_0);
	t_join(th);

	CHECK_ST(NtSignalAndWaitForSingleObject(ping, pong, FALSE, &zero),
		 STATUS_TIMEOUT);
	CHECK_EQ(t_nt_state(ping), 1);
	CHECK_ST(NtResetEvent(ping, NULL), STATUS_SUCCESS);

	CHECK_ST(NtSignalAndWaitForSingleObject(NULL, pong, FALSE, &zero),
		 STATUS_INVALID_HANDLE);
	CHECK_ST(NtSignalAndWaitForSingleObject(ping, NULL, FALSE, &zero),
		 STATUS_INVALID_HANDLE);
	CHECK_EQ(t_nt_state(ping), 0);
	CHECK_ST(NtSignalAndWaitForSingleObject(ping, NtCurrentProcess(), FALSE,
						&zero), STATUS_OBJECT_TYPE_MISMATCH);
	CHECK_EQ(t_nt_state(ping), 0);

	/* the same event on both sides: set, then satisfied and consumed */
	CHECK_ST(ZwSignalAndWaitForSingleObject(ping, ping, FALSE, &zero),
		 STATUS_WAIT_0);
	CHECK_EQ(t_nt_state(ping), 0);

	CHECK_ST(NtClose(ping), STATUS_SUCCESS);
	CHECK_ST(NtClose(pong), STATUS_SUCCESS);
	return T_PASS;
}
