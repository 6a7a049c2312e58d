// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtCreateEvent with a name: creates the event (STATUS_SUCCESS); again
 * without OBJ_OPENIF is STATUS_OBJECT_NAME_COLLISION (the handle is not
 * written); again with OBJ_OPENIF opens the existing event with
 * STATUS_OBJECT_NAME_EXISTS, a success code, and a valid handle to the
 * same object, the type and initial state asked for being ignored and the
 * state untouched. Each handle carries the rights it asked for. After the
 * last NtClose the name is gone and can be created anew.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

static const LARGE_INTEGER zero = { .QuadPart = 0 };

static EVENT_BASIC_INFORMATION query(HANDLE h)
{
	EVENT_BASIC_INFORMATION info;

	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	return info;
}

int main(void)
{
	OBJECT_ATTRIBUTES oa, oa_openif;
	UNICODE_STRING name;
	WCHAR buf[128];
	char ascii[128];
	HANDLE a, b, c;
	LONG prev;
	struct ntevent_state st;

	t_require_device();
	t_name(ascii, sizeof(ascii), "named");
	t_unicode(&name, buf, 128, ascii);
	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);
	InitializeObjectAttributes(&oa_openif, &name, OBJ_OPENIF, NULL, NULL);

	CHECK_ST(NtCreateEvent(&a, EVENT_ALL_ACCESS, &oa, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK(a != NULL);
	CHECK_EQ(query(a).EventType, SynchronizationEvent);
	CHECK_EQ(query(a).EventState, 0);
	/* the kernel knows it by its UTF-8 name */
	{
		int fd = ntevent_open_named(ascii, strlen(ascii), 0,
					    NTEVENT_QUERY_STATE, 0, 0, 0, NULL);

		CHECK(fd >= 0);
		CHECK_RET(ntevent_close(fd), 0);
	}

	/* taken, no OBJ_OPENIF: collision, *EventHandle untouched */
	b = (HANDLE)0x1234;
	CHECK_ST(NtCreateEvent(&b, EVENT_ALL_ACCESS, &oa, SynchronizationEvent,
			       FALSE), STATUS_OBJECT_NAME_COLLISION);
	CHECK(b == (HANDLE)0x1234);
	CHECK_ST(NtCreateEvent(&b, EVENT_ALL_ACCESS, &oa, NotificationEvent, TRUE),
		 STATUS_OBJECT_NAME_COLLISION);
	CHECK_EQ(query(a).EventState, 0);

	/* taken, OBJ_OPENIF: the existing event, type and state ignored */
	CHECK_ST(NtCreateEvent(&b, EVENT_ALL_ACCESS, &oa_openif, NotificationEvent,
			       TRUE), STATUS_OBJECT_NAME_EXISTS);
	CHECK(NT_SUCCESS(STATUS_OBJECT_NAME_EXISTS));
	CHECK(b != NULL && b != a);
	CHECK_EQ(query(b).EventType, SynchronizationEvent);
	CHECK_EQ(query(b).EventState, 0);
	CHECK_ST(NtSetEvent(b, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
	CHECK_EQ(query(a).EventState, 1);
	/* the state stays as it is when OPENIF opens it signaled */
	CHECK_ST(NtCreateEvent(&c, EVENT_ALL_ACCESS, &oa_openif,
			       SynchronizationEvent, FALSE),
		 STATUS_OBJECT_NAME_EXISTS);
	CHECK_EQ(query(c).EventState, 1);
	CHECK_ST(NtClose(c), STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(a, FALSE, (PLARGE_INTEGER)&zero), STATUS_WAIT_0);
	CHECK_EQ(query(b).EventState, 0);	/* auto-reset: consumed */

	/* OBJ_OPENIF with fewer rights: the handle has only those */
	CHECK_ST(NtCreateEvent(&c, SYNCHRONIZE, &oa_openif, NotificationEvent,
			       FALSE), STATUS_OBJECT_NAME_EXISTS);
	CHECK_RET(ntevent_read(ntevent_handle_to_fd(c), &st), -EACCES);
	CHECK_ST(NtSetEvent(c, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForSingleObject(c, FALSE, (PLARGE_INTEGER)&zero), STATUS_TIMEOUT);
	CHECK_ST(NtClose(c), STATUS_SUCCESS);

	/* the name lives while a handle does */
	CHECK_ST(NtClose(a), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&c, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_OBJECT_NAME_COLLISION);
	CHECK_ST(NtClose(b), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&c, EVENT_ALL_ACCESS, &oa), STATUS_OBJECT_NAME_NOT_FOUND);

	/* free again: OBJ_OPENIF now creates, with the type and state asked */
	CHECK_ST(NtCreateEvent(&a, EVENT_ALL_ACCESS, &oa_openif, NotificationEvent,
			       TRUE), STATUS_SUCCESS);
	CHECK_EQ(query(a).EventType, NotificationEvent);
	CHECK_EQ(query(a).EventState, 1);
	CHECK_ST(NtClose(a), STATUS_SUCCESS);

	/* the Zw name is the same entry point */
	CHECK_ST(ZwCreateEvent(&a, EVENT_ALL_ACCESS, &oa, NotificationEvent, FALSE),
		 STATUS_SUCCESS);
	CHECK_ST(ZwCreateEvent(&b, EVENT_ALL_ACCESS, &oa_openif, NotificationEvent,
			       FALSE), STATUS_OBJECT_NAME_EXISTS);
	CHECK_ST(ZwClose(b), STATUS_SUCCESS);
	CHECK_ST(ZwClose(a), STATUS_SUCCESS);
	return T_PASS;
}
