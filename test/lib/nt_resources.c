// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Out of descriptors (RLIMIT_NOFILE): NtCreateEvent() fails with
 * STATUS_INSUFFICIENT_RESOURCES, WSACreateEvent() with WSA_INVALID_EVENT
 * and WSA_NOT_ENOUGH_MEMORY, WPUCreateEvent() with *lpErrno
 * WSA_NOT_ENOUGH_MEMORY; closing one makes room again.
 */
#include <sys/resource.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "lt.h"

#define MAX_EVENTS 64

int main(void)
{
	HANDLE hs[MAX_EVENTS];
	struct rlimit rl;
	WSADATA wsa;
	NTSTATUS st = STATUS_SUCCESS;
	int n = 0, err = 0, i;

	lt_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &wsa), 0);
	/* the device descriptor is opened by the first create */
	CHECK_ST(NtCreateEvent(&hs[0], EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtClose(hs[0]), STATUS_SUCCESS);

	CHECK_SYS(getrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = 32;
	CHECK_SYS(setrlimit(RLIMIT_NOFILE, &rl));
	while (n < MAX_EVENTS) {
		st = NtCreateEvent(&hs[n], EVENT_ALL_ACCESS, NULL, NotificationEvent,
				   FALSE);
		if (st != STATUS_SUCCESS)
			break;
		n++;
	}
	CHECK(n > 0 && n < MAX_EVENTS);
	CHECK_ST(st, STATUS_INSUFFICIENT_RESOURCES);

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
	return LT_PASS;
}
