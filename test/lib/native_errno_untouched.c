// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The library never changes errno: not when a call succeeds, not when it
 * fails (the error is the return value), in the native API and in the
 * Windows faces alike.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "lt.h"

#define UNTOUCHED(expr)							\
	do {								\
		errno = 4242;						\
		(void)(expr);						\
		if (errno != 4242)					\
			LT_FAILF("%s changed errno to %d", #expr, errno); \
	} while (0)

int main(void)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	WSADATA wsa;
	HANDLE h;
	int fd, p, closed;

	lt_require_device();
	p = lt_pipe_fd();
	closed = lt_closed_fd();
	UNTOUCHED(fd = ntevent_create(0, 0, NTEVENT_ALL_ACCESS));
	CHECK(fd >= 0);
	UNTOUCHED(ntevent_create(7, 0, 0));
	UNTOUCHED(ntevent_set(fd, NULL));
	UNTOUCHED(ntevent_set(p, NULL));
	UNTOUCHED(ntevent_set(closed, NULL));
	UNTOUCHED(ntevent_wait(fd, 0, 0));
	UNTOUCHED(ntevent_reset(fd, NULL));
	UNTOUCHED(ntevent_wait(fd, 0, 0));
	UNTOUCHED(ntevent_wait(p, 0, 0));
	UNTOUCHED(ntevent_close(fd));
	UNTOUCHED(ntevent_close(fd));
	UNTOUCHED(ntevent_deadline_after(1));

	UNTOUCHED(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, NotificationEvent, 0));
	UNTOUCHED(NtWaitForSingleObject(h, FALSE, &zero));
	UNTOUCHED(NtSetEvent(h, NULL));
	UNTOUCHED(NtClose(h));
	UNTOUCHED(NtClose(h));
	UNTOUCHED(NtSetEvent(NULL, NULL));

	UNTOUCHED(WSACreateEvent());
	UNTOUCHED(WSAStartup(MAKEWORD(2, 2), &wsa));
	UNTOUCHED(h = WSACreateEvent());
	UNTOUCHED(WSAWaitForMultipleEvents(1, &h, FALSE, 0, FALSE));
	UNTOUCHED(WSACloseEvent(h));
	UNTOUCHED(WSACloseEvent(h));
	UNTOUCHED(WSACleanup());
	UNTOUCHED(WSACleanup());
	return LT_PASS;
}
