// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtWaitForMultipleObjects() argument checks: Count 0 or more than
 * MAXIMUM_WAIT_OBJECTS is STATUS_INVALID_PARAMETER_1, a WaitType other
 * than WaitAll/WaitAny STATUS_INVALID_PARAMETER_3, a NULL array
 * STATUS_ACCESS_VIOLATION, the same event twice in a WaitAll (same handle
 * or a second handle to it) STATUS_INVALID_PARAMETER_MIX; twice in a
 * WaitAny is fine. Nothing is consumed by a refused wait.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	HANDLE hs[MAXIMUM_WAIT_OBJECTS + 1];
	LARGE_INTEGER zero = { .QuadPart = 0 };
	EVENT_BASIC_INFORMATION info;
	HANDLE h, h2;
	int i, d;

	t_require_device();
	CHECK_EQ(MAXIMUM_WAIT_OBJECTS, 64);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       TRUE), STATUS_SUCCESS);
	for (i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++)
		hs[i] = h;

	CHECK_ST(NtWaitForMultipleObjects(0, hs, WaitAny, FALSE, &zero),
		 STATUS_INVALID_PARAMETER_1);
	CHECK_ST(NtWaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, hs, WaitAny,
					  FALSE, &zero), STATUS_INVALID_PARAMETER_1);
	CHECK_ST(NtWaitForMultipleObjects(0xffffffff, hs, WaitAll, FALSE, &zero),
		 STATUS_INVALID_PARAMETER_1);
	CHECK_ST(NtWaitForMultipleObjects(1, hs, WaitNotification, FALSE, &zero),
		 STATUS_INVALID_PARAMETER_3);
	CHECK_ST(NtWaitForMultipleObjects(1, hs, (WAIT_TYPE)7, FALSE, &zero),
		 STATUS_INVALID_PARAMETER_3);
	CHECK_ST(NtWaitForMultipleObjects(1, hs, (WAIT_TYPE)-1, FALSE, &zero),
		 STATUS_INVALID_PARAMETER_3);
	CHECK_ST(NtWaitForMultipleObjects(1, NULL, WaitAny, FALSE, &zero),
		 STATUS_ACCESS_VIOLATION);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAll, FALSE, &zero),
		 STATUS_INVALID_PARAMETER_MIX);

	d = CHECK_OK(fcntl(ntevent_handle_to_fd(h), F_DUPFD_CLOEXEC, 0));
	h2 = ntevent_fd_to_handle(d);
	hs[1] = h2;
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAll, FALSE, &zero),
		 STATUS_INVALID_PARAMETER_MIX);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 1);

	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAny, FALSE, &zero),
		 STATUS_WAIT_0);
	CHECK_ST(NtWaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, hs, WaitAny, FALSE,
					  &zero), STATUS_TIMEOUT);
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	return T_PASS;
}
