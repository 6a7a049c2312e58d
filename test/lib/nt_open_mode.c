// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Who may open a name, through the NT face, as another user (nobody, in
 * a child that dropped root): an event NtCreateEvent made (mode 0600) is
 * STATUS_ACCESS_DENIED to NtOpenEvent and to NtCreateEvent with
 * OBJ_OPENIF, whatever the access asked for; an event made with mode 0604
 * opens for GENERIC_READ, SYNCHRONIZE or GENERIC_EXECUTE but not for
 * EVENT_MODIFY_STATE or GENERIC_ALL, and MAXIMUM_ALLOWED gets exactly
 * what a read bit grants (QUERY_STATE, SYNCHRONIZE, READ_CONTROL). On a
 * synchronization event with mode 0604 a read bit grants no SYNCHRONIZE
 * (a wait would consume it): SYNCHRONIZE is denied, and MAXIMUM_ALLOWED
 * gets QUERY_STATE and READ_CONTROL. The handle written on failure is
 * never touched. Needs root.
 */
#include <sys/stat.h>
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

static OBJECT_ATTRIBUTES oa_private, oa_shared, oa_shared_openif, oa_auto;
static UNICODE_STRING us_private, us_shared, us_auto;
static WCHAR buf_private[128], buf_shared[128], buf_auto[128];

static uint32_t rights(HANDLE h)
{
	struct ntevent_state st;

	CHECK_RET(ntevent_read(ntevent_handle_to_fd(h), &st), 0);
	return st.access;
}

static void as_nobody(void *arg)
{
	OBJECT_ATTRIBUTES oa_openif;
	HANDLE h = (HANDLE)0x1234;

	(void)arg;
	CHECK_ST(NtOpenEvent(&h, SYNCHRONIZE, &oa_private), STATUS_ACCESS_DENIED);
	CHECK_ST(NtOpenEvent(&h, 0, &oa_private), STATUS_ACCESS_DENIED);
	CHECK_ST(NtOpenEvent(&h, MAXIMUM_ALLOWED, &oa_private), STATUS_ACCESS_DENIED);
	InitializeObjectAttributes(&oa_openif, &us_private, OBJ_OPENIF, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa_openif, NotificationEvent,
			       FALSE), STATUS_ACCESS_DENIED);
	CHECK(h == (HANDLE)0x1234);

	CHECK_ST(NtOpenEvent(&h, EVENT_MODIFY_STATE, &oa_shared), STATUS_ACCESS_DENIED);
	CHECK_ST(NtOpenEvent(&h, GENERIC_ALL, &oa_shared), STATUS_ACCESS_DENIED);
	CHECK_ST(NtOpenEvent(&h, GENERIC_WRITE, &oa_shared), STATUS_ACCESS_DENIED);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa_shared_openif,
			       NotificationEvent, FALSE), STATUS_ACCESS_DENIED);
	CHECK(h == (HANDLE)0x1234);

	CHECK_ST(NtOpenEvent(&h, GENERIC_READ, &oa_shared), STATUS_SUCCESS);
	CHECK_EQ(rights(h), EVENT_QUERY_STATE | READ_CONTROL);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&h, GENERIC_EXECUTE | EVENT_QUERY_STATE, &oa_shared),
		 STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, &(LARGE_INTEGER){ .QuadPart = 0 }),
		 STATUS_TIMEOUT);
	CHECK_ST(NtSetEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&h, MAXIMUM_ALLOWED, &oa_shared), STATUS_SUCCESS);
	CHECK_EQ(rights(h), EVENT_QUERY_STATE | SYNCHRONIZE | READ_CONTROL);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&h, MAXIMUM_ALLOWED, &oa_shared_openif,
			       SynchronizationEvent, TRUE), STATUS_OBJECT_NAME_EXISTS);
	CHECK_EQ(rights(h), EVENT_QUERY_STATE | SYNCHRONIZE | READ_CONTROL);
	CHECK_EQ(t_nt_state(h), 0);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	h = (HANDLE)0x1234;
	CHECK_ST(NtOpenEvent(&h, SYNCHRONIZE, &oa_auto), STATUS_ACCESS_DENIED);
	CHECK(h == (HANDLE)0x1234);
	CHECK_ST(NtOpenEvent(&h, MAXIMUM_ALLOWED, &oa_auto), STATUS_SUCCESS);
	CHECK_EQ(rights(h), EVENT_QUERY_STATE | READ_CONTROL);
	CHECK_EQ(t_nt_state(h), 1);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
}

/* A mode 0604 event of this type made natively, and its NT name in us. */
static int make_0604(const char *tag, unsigned int type, unsigned int state,
		     UNICODE_STRING *us, WCHAR *buf, OBJECT_ATTRIBUTES *oa)
{
	char ascii[128];
	int fd;

	t_name(ascii, sizeof(ascii), tag);
	fd = ntevent_open_named(ascii, strlen(ascii),
				NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				NTEVENT_ALL_ACCESS, type, state, 0604, NULL);
	CHECK(fd >= 0);
	t_unicode(us, buf, 128, ascii);
	InitializeObjectAttributes(oa, us, 0, NULL, NULL);
	return fd;
}

int main(void)
{
	char ascii[128];
	HANDLE private;
	int shared, sync;

	t_require_device();
	if (geteuid() != 0)
		t_skip("needs root to open the events as another user");
	t_name(ascii, sizeof(ascii), "private");
	t_unicode(&us_private, buf_private, 128, ascii);
	InitializeObjectAttributes(&oa_private, &us_private, 0, NULL, NULL);
	CHECK_ST(NtCreateEvent(&private, EVENT_ALL_ACCESS, &oa_private,
			       NotificationEvent, FALSE), STATUS_SUCCESS);

	umask(0);
	shared = make_0604("shared", 0, 0, &us_shared, buf_shared, &oa_shared);
	InitializeObjectAttributes(&oa_shared_openif, &us_shared, OBJ_OPENIF, NULL,
				   NULL);
	sync = make_0604("auto", 1, 1, &us_auto, buf_auto, &oa_auto);

	if (!t_as_nobody(as_nobody, NULL))
		t_skip("cannot drop root");

	CHECK_ST(NtClose(private), STATUS_SUCCESS);
	CHECK_RET(ntevent_close(shared), 0);
	CHECK_RET(ntevent_close(sync), 0);
	return T_PASS;
}
