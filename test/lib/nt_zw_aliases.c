// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Zw* are the same entry points as Nt* (the same addresses), and calls
 * through them behave identically.
 */
#include <ntevent/nt.h>
#include "api.h"

#define SAME_ENTRY(name) \
	CHECK((void (*)(void))Nt##name == (void (*)(void))Zw##name)

int main(void)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	EVENT_BASIC_INFORMATION info;
	HANDLE h;
	LONG prev;

	SAME_ENTRY(CreateEvent);
	SAME_ENTRY(OpenEvent);
	SAME_ENTRY(SetEvent);
	SAME_ENTRY(ResetEvent);
	SAME_ENTRY(ClearEvent);
	SAME_ENTRY(PulseEvent);
	SAME_ENTRY(QueryEvent);
	SAME_ENTRY(WaitForSingleObject);
	SAME_ENTRY(WaitForMultipleObjects);
	SAME_ENTRY(SignalAndWaitForSingleObject);
	SAME_ENTRY(DuplicateObject);
	SAME_ENTRY(Close);

	t_require_device();
	CHECK_ST(ZwCreateEvent(&h, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(ZwSetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
	CHECK_ST(ZwQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 1);
	CHECK_ST(ZwWaitForSingleObject(h, FALSE, &zero), STATUS_WAIT_0);
	CHECK_ST(ZwWaitForMultipleObjects(1, &h, WaitAny, FALSE, &zero),
		 STATUS_TIMEOUT);
	CHECK_ST(ZwPulseEvent(h, &prev), STATUS_SUCCESS);
	CHECK_ST(ZwResetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_ST(ZwClearEvent(h), STATUS_SUCCESS);
	CHECK_ST(ZwSignalAndWaitForSingleObject(h, h, FALSE, &zero), STATUS_WAIT_0);
	CHECK_ST(ZwClose(h), STATUS_SUCCESS);
	CHECK_ST(ZwClose(h), STATUS_INVALID_HANDLE);
	return T_PASS;
}
