// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtQueryEvent(): EventBasicInformation only (anything else is
 * STATUS_INVALID_INFO_CLASS), a length of exactly
 * sizeof(EVENT_BASIC_INFORMATION) (else STATUS_INFO_LENGTH_MISMATCH,
 * buffer untouched), ReturnLength optional, a NULL buffer is
 * STATUS_ACCESS_VIOLATION; the query consumes nothing.
 */
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	EVENT_BASIC_INFORMATION info;
	unsigned char big[64];
	HANDLE h;
	ULONG len;

	t_require_device();
	CHECK_EQ(sizeof(EVENT_BASIC_INFORMATION), 8);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       TRUE), STATUS_SUCCESS);

	len = 12345;
	CHECK_ST(NtQueryEvent(h, (EVENT_INFORMATION_CLASS)1, &info, sizeof(info),
			      &len), STATUS_INVALID_INFO_CLASS);
	CHECK_ST(NtQueryEvent(h, (EVENT_INFORMATION_CLASS)-1, &info, sizeof(info),
			      &len), STATUS_INVALID_INFO_CLASS);
	memset(big, 0xa5, sizeof(big));
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, big, 4, &len),
		 STATUS_INFO_LENGTH_MISMATCH);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, big, 0, &len),
		 STATUS_INFO_LENGTH_MISMATCH);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, big, sizeof(big), &len),
		 STATUS_INFO_LENGTH_MISMATCH);
	CHECK_EQ(big[0], 0xa5);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, NULL, sizeof(info), &len),
		 STATUS_ACCESS_VIOLATION);

	memset(&info, 0xa5, sizeof(info));
	len = 0;
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), &len),
		 STATUS_SUCCESS);
	CHECK_EQ(len, sizeof(info));
	CHECK_EQ(info.EventType, SynchronizationEvent);
	CHECK_EQ(info.EventState, 1);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 1);
	CHECK_ST(ZwQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	return T_PASS;
}
