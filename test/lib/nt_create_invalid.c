// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtCreateEvent() with an EventType other than NotificationEvent or
 * SynchronizationEvent fails with STATUS_INVALID_PARAMETER (the value
 * Windows' own tests assert) and leaves *EventHandle alone; a NULL
 * EventHandle is STATUS_ACCESS_VIOLATION.
 */
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	static const int bad[] = { 2, 3, 100, -1, 0x7fffffff };
	HANDLE h;
	size_t i;

	t_require_device();
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		h = (HANDLE)0x1234;
		CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL,
				       (EVENT_TYPE)bad[i], FALSE),
			 STATUS_INVALID_PARAMETER);
		CHECK(h == (HANDLE)0x1234);
	}
	CHECK_ST(NtCreateEvent(NULL, EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_ACCESS_VIOLATION);
	return T_PASS;
}
