// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtOpenEvent: an existing name opens with exactly the access asked for
 * (through the generic mapping), so a handle without EVENT_MODIFY_STATE
 * cannot set (STATUS_ACCESS_DENIED) while another handle of the same
 * event can; an absent name is STATUS_OBJECT_NAME_NOT_FOUND; no
 * ObjectAttributes is STATUS_INVALID_PARAMETER, no name
 * STATUS_OBJECT_PATH_SYNTAX_BAD, a RootDirectory STATUS_NOT_SUPPORTED, a
 * NULL EventHandle STATUS_ACCESS_VIOLATION; on failure the handle is not
 * written. MAXIMUM_ALLOWED gets everything the mode allows (all, for the
 * creator's user). ZwOpenEvent is the same call.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

static const LARGE_INTEGER zero = { .QuadPart = 0 };

/* The rights of a handle that has EVENT_QUERY_STATE. */
static uint32_t rights(HANDLE h)
{
	struct ntevent_state st;

	CHECK_RET(ntevent_read(ntevent_handle_to_fd(h), &st), 0);
	return st.access;
}

int main(void)
{
	OBJECT_ATTRIBUTES oa, bad;
	UNICODE_STRING name, absent, empty;
	WCHAR buf[128], buf2[128];
	char ascii[128];
	HANDLE ev, h, h2;
	LONG prev;

	t_require_device();
	t_name(ascii, sizeof(ascii), "open");
	t_unicode(&name, buf, 128, ascii);
	t_name(ascii, sizeof(ascii), "absent");
	t_unicode(&absent, buf2, 128, ascii);
	RtlInitUnicodeString(&empty, u"");

	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);
	CHECK_ST(NtCreateEvent(&ev, EVENT_ALL_ACCESS, &oa, NotificationEvent, FALSE),
		 STATUS_SUCCESS);

	/* found: the same event, with the rights asked for */
	CHECK_ST(NtOpenEvent(&h, EVENT_QUERY_STATE | SYNCHRONIZE, &oa), STATUS_SUCCESS);
	CHECK(h != NULL && h != ev);
	CHECK_EQ(rights(h), EVENT_QUERY_STATE | SYNCHRONIZE);
	CHECK_ST(NtSetEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_ST(NtResetEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_ST(NtPulseEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_ST(NtClearEvent(h), STATUS_ACCESS_DENIED);
	CHECK_EQ(t_nt_state(h), 0);
	CHECK_ST(NtSetEvent(ev, NULL), STATUS_SUCCESS);
	CHECK_EQ(t_nt_state(h), 1);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero), STATUS_WAIT_0);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	CHECK_ST(NtOpenEvent(&h, EVENT_MODIFY_STATE, &oa), STATUS_SUCCESS);
	CHECK_ST(NtResetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 1);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &(EVENT_BASIC_INFORMATION){ 0 },
			      sizeof(EVENT_BASIC_INFORMATION), NULL),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* generic rights and MAXIMUM_ALLOWED */
	CHECK_ST(NtOpenEvent(&h, GENERIC_READ, &oa), STATUS_SUCCESS);
	CHECK_EQ(rights(h), EVENT_QUERY_STATE | READ_CONTROL);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&h, MAXIMUM_ALLOWED, &oa), STATUS_SUCCESS);
	CHECK_EQ(rights(h), EVENT_ALL_ACCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&h, 0, &oa), STATUS_SUCCESS);	/* no right at all */
	CHECK_ST(NtSetEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* not found, and the errors; the handle is never written */
	h = (HANDLE)0x1234;
	InitializeObjectAttributes(&bad, &absent, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &bad), STATUS_OBJECT_NAME_NOT_FOUND);
	/* OBJ_OPENIF means nothing to an open: still not found */
	InitializeObjectAttributes(&bad, &absent, OBJ_OPENIF, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &bad), STATUS_OBJECT_NAME_NOT_FOUND);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, NULL), STATUS_INVALID_PARAMETER);
	InitializeObjectAttributes(&bad, NULL, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &bad), STATUS_OBJECT_PATH_SYNTAX_BAD);
	InitializeObjectAttributes(&bad, &empty, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &bad), STATUS_OBJECT_PATH_SYNTAX_BAD);
	InitializeObjectAttributes(&bad, &name, 0, ev, NULL);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &bad), STATUS_NOT_SUPPORTED);
	InitializeObjectAttributes(&bad, &name, 0x1, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &bad), STATUS_INVALID_PARAMETER);
	InitializeObjectAttributes(&bad, &name, 0, NULL, NULL);
	bad.Length = 0;
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &bad), STATUS_INVALID_PARAMETER);
	CHECK(h == (HANDLE)0x1234);
	CHECK_ST(NtOpenEvent(NULL, EVENT_ALL_ACCESS, &oa), STATUS_ACCESS_VIOLATION);

	/* Zw, and the name's lifetime */
	CHECK_ST(ZwOpenEvent(&h2, SYNCHRONIZE, &oa), STATUS_SUCCESS);
	CHECK_ST(NtClose(ev), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&h, SYNCHRONIZE, &oa), STATUS_SUCCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&h, SYNCHRONIZE, &oa), STATUS_OBJECT_NAME_NOT_FOUND);
	return T_PASS;
}
