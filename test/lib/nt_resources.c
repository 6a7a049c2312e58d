// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Out of descriptors (RLIMIT_NOFILE): NtCreateEvent() (named or not),
 * NtOpenEvent() and NtDuplicateObject() fail with
 * STATUS_INSUFFICIENT_RESOURCES (without writing the handle, and without
 * leaving a half-made name behind), WSACreateEvent() with
 * WSA_INVALID_EVENT and WSA_NOT_ENOUGH_MEMORY, WPUCreateEvent() with
 * *lpErrno WSA_NOT_ENOUGH_MEMORY; closing one makes room again.
 */
#include <sys/resource.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

#define MAX_EVENTS 64

int main(void)
{
	HANDLE hs[MAX_EVENTS];
	struct rlimit rl;
	WSADATA wsa;
	NTSTATUS st = STATUS_SUCCESS;
	int n = 0, err = 0, i;
	OBJECT_ATTRIBUTES oa, oa2;
	UNICODE_STRING name;
	WCHAR buf[128];
	char ascii[128];
	HANDLE other;

	t_require_device();
	t_name(ascii, sizeof(ascii), "emfile");
	t_unicode(&name, buf, 128, ascii);
	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &wsa), 0);
	/* the device descriptor is opened by the first create */
	CHECK_ST(NtCreateEvent(&hs[0], EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtClose(hs[0]), STATUS_SUCCESS);

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = 32;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	while (n < MAX_EVENTS) {
		st = NtCreateEvent(&hs[n], EVENT_ALL_ACCESS, NULL, NotificationEvent,
				   FALSE);
		if (st != STATUS_SUCCESS)
			break;
		n++;
	}
	CHECK(n > 1 && n < MAX_EVENTS);
	CHECK_ST(st, STATUS_INSUFFICIENT_RESOURCES);

	/* hs[0] is named: free a slot, make it a named event, fill it again */
	CHECK_ST(NtClose(hs[0]), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&hs[0], EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	other = (HANDLE)0x1234;
	CHECK_ST(NtOpenEvent(&other, EVENT_ALL_ACCESS, &oa),
		 STATUS_INSUFFICIENT_RESOURCES);
	InitializeObjectAttributes(&oa2, &name, OBJ_OPENIF, NULL, NULL);
	CHECK_ST(NtCreateEvent(&other, EVENT_ALL_ACCESS, &oa2, NotificationEvent,
			       FALSE), STATUS_INSUFFICIENT_RESOURCES);
	CHECK_ST(NtDuplicateObject(NtCurrentProcess(), hs[0], NtCurrentProcess(),
				   &other, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_INSUFFICIENT_RESOURCES);
	CHECK(other == (HANDLE)0x1234);
	/* the name is the one event's: closing it frees it */
	CHECK_ST(NtClose(hs[0]), STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&other, EVENT_ALL_ACCESS, &oa),
		 STATUS_OBJECT_NAME_NOT_FOUND);
	CHECK_ST(NtCreateEvent(&hs[0], EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_SUCCESS);

	WSASetLastError(0);
	CHECK(WSACreateEvent() == WSA_INVALID_EVENT);
	CHECK_EQ(WSAGetLastError(), WSA_NOT_ENOUGH_MEMORY);
	CHECK(WPUCreateEvent(&err) == WSA_INVALID_EVENT);
	CHECK_EQ(err, WSA_NOT_ENOUGH_MEMORY);

	CHECK_ST(NtClose(hs[--n]), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&hs[n], EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	n++;
	for (i = 0; i < n; i++)
		CHECK_ST(NtClose(hs[i]), STATUS_SUCCESS);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
