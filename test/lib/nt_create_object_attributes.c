// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * OBJECT_ATTRIBUTES in NtCreateEvent(): a RootDirectory, and a security
 * descriptor for a named event, are refused with STATUS_NOT_SUPPORTED,
 * never ignored; an empty name is no name, as on Windows; a wrong Length
 * or an unknown attribute bit is STATUS_INVALID_PARAMETER; OBJ_INHERIT
 * makes the handle survive exec (no FD_CLOEXEC), without it the handle is
 * not inherited by a new program, named or not.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

static int cloexec(HANDLE h)
{
	int fd = ntevent_handle_to_fd(h);

	CHECK(fd >= 0);
	return !!(CHECK_OK(fcntl(fd, F_GETFD)) & FD_CLOEXEC);
}

int main(void)
{
	WCHAR buf[128];
	char ascii[128];
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING name, empty;
	HANDLE h, h2;
	char sd[64] = { 1 };	/* any non-NULL pointer */

	t_require_device();
	t_name(ascii, sizeof(ascii), "oa");
	t_unicode(&name, buf, 128, ascii);
	RtlInitUnicodeString(&empty, u"");

	/* a security descriptor would decide who may open the name */
	InitializeObjectAttributes(&oa, &name, 0, NULL, &sd);
	h = NULL;
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_NOT_SUPPORTED);
	CHECK(h == NULL);
	InitializeObjectAttributes(&oa, &name, OBJ_OPENIF, NULL, &sd);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_NOT_SUPPORTED);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &oa), STATUS_OBJECT_NAME_NOT_FOUND);
	/* ... it means nothing to an unnamed one */
	InitializeObjectAttributes(&oa, NULL, 0, NULL, &sd);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	h = NULL;
	InitializeObjectAttributes(&oa, NULL, 0, (HANDLE)(uintptr_t)8, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_NOT_SUPPORTED);
	InitializeObjectAttributes(&oa, &name, 0, (HANDLE)(uintptr_t)8, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_NOT_SUPPORTED);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &oa), STATUS_NOT_SUPPORTED);
	CHECK(h == NULL);

	/* named: not inherited unless asked for */
	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK(cloexec(h));
	InitializeObjectAttributes(&oa, &name, OBJ_OPENIF | OBJ_INHERIT, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h2, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_OBJECT_NAME_EXISTS);
	CHECK(!cloexec(h2));
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&h2, EVENT_ALL_ACCESS, &oa), STATUS_SUCCESS);
	CHECK(!cloexec(h2));
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);
	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h2, EVENT_ALL_ACCESS, &oa), STATUS_SUCCESS);
	CHECK(cloexec(h2));
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

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
	return T_PASS;
}
