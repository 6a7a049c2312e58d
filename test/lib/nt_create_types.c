// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtCreateEvent() makes a NotificationEvent or a SynchronizationEvent,
 * signaled for any non-zero InitialState; the handle is a non-NULL
 * multiple of 4 and NtQueryEvent() reports type and state.
 */
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	static const BOOLEAN initial[] = { FALSE, TRUE, 2, 0xff };
	EVENT_TYPE type;
	size_t i;

	t_require_device();
	for (type = NotificationEvent; type <= SynchronizationEvent; type++) {
		for (i = 0; i < sizeof(initial); i++) {
			EVENT_BASIC_INFORMATION info;
			HANDLE h = NULL;
			ULONG len = 0;

			CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, type,
					       initial[i]), STATUS_SUCCESS);
			CHECK(h != NULL && h != INVALID_HANDLE_VALUE);
			CHECK(((uintptr_t)h & 3) == 0);
			memset(&info, 0xa5, sizeof(info));
			CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info,
					      sizeof(info), &len), STATUS_SUCCESS);
			CHECK_EQ(len, sizeof(info));
			CHECK_EQ(info.EventType, type);
			CHECK_EQ(info.EventState, initial[i] ? 1 : 0);
			CHECK_ST(NtClose(h), STATUS_SUCCESS);
		}
	}
	return T_PASS;
}
