// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * OBJECT_ATTRIBUTES in NtCreateEvent(): a name (or a RootDirectory) is
 * refused with STATUS_NOT_SUPPORTED until named events exist, never
 * ignored; an empty name is no name, as on Windows; a wrong Length or an
 * unknown attribute bit is STATUS_INVALID_PARAMETER; OBJ_INHERIT makes the
 * handle survive exec (no FD_CLOEXEC), without it the handle is not
 * inherited by a new program.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "lt.h"

static int cloexec(HANDLE h)
{
	int fd = ntevent_handle_to_fd(h);

	CHECK(fd >= 0);
	return !!(CHECK_SYS(fcntl(fd, F_GETFD)) & FD_CLOEXEC);
}

int main(void)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING name, empty;
	HANDLE h;

	lt_require_device();
	RtlInitUnicodeString(&name, u"\\BaseNamedObjects\\ntevent-test");
	RtlInitUnicodeString(&empty, u"");

	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);
	h = NULL;
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_NOT_SUPPORTED);
	CHECK(h == NULL);
	InitializeObjectAttributes(&oa, &name, OBJ_OPENIF, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_NOT_SUPPORTED);
	InitializeObjectAttributes(&oa, NULL, 0, (HANDLE)(uintptr_t)8, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_NOT_SUPPORTED);

	InitializeObjectAttributes(&oa, &empty, OBJ_CASE_INSENSITIVE, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, SynchronizationEvent,
			       TRUE), STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, &(LARGE_INTEGER){ .QuadPart = 0 }),
		 STATUS_WAIT_0);
	CHECK(cloexec(h));
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	InitializeObjectAttributes(&oa, NULL, OBJ_INHERIT, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK(!cloexec(h));
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK(cloexec(h));
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	oa.Length = sizeof(oa) - 1;
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_INVALID_PARAMETER);
	oa.Length = 0;
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_INVALID_PARAMETER);
	InitializeObjectAttributes(&oa, NULL, 0x1, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_INVALID_PARAMETER);
	InitializeObjectAttributes(&oa, NULL, 0x10000, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_INVALID_PARAMETER);
	return LT_PASS;
}
