// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The library never changes errno: not when a call succeeds, not when it
 * fails (the error is the return value), in the native API and in the
 * Windows faces alike.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

#define UNTOUCHED(expr)							\
	do {								\
		errno = 4242;						\
		(void)(expr);						\
		if (errno != 4242)					\
			T_FAILF("%s changed errno to %d", #expr, errno); \
	} while (0)

int main(void)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING us;
	WCHAR wname[128];
	char name[128];
	size_t len;
	WSADATA wsa;
	HANDLE h, h2;
	int fd, fd2, p, closed;

	t_require_device();
	p = t_pipe_fd();
	closed = t_closed_fd();
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
	UNTOUCHED(fd2 = ntevent_dup(fd, 0, NTEVENT_DUP_SAME_ACCESS));
	UNTOUCHED(ntevent_dup(fd2, NTEVENT_ALL_ACCESS, 0x80));
	UNTOUCHED(ntevent_dup(p, 0, 0));
	UNTOUCHED(ntevent_close(fd2));
	UNTOUCHED(ntevent_close(fd));
	UNTOUCHED(ntevent_close(fd));
	UNTOUCHED(ntevent_deadline_after(1));
	len = strlen(t_name(name, sizeof(name), "errno"));
	UNTOUCHED(ntevent_open_named(name, len, 0, 0, 0, 0, 0, NULL));
	UNTOUCHED(fd = ntevent_open_named(name, len, NTEVENT_OPEN_CREATE,
					  NTEVENT_ALL_ACCESS, 0, 0, 0600, NULL));
	UNTOUCHED(ntevent_open_named(name, len, NTEVENT_OPEN_CREATE |
				     NTEVENT_OPEN_EXCL, 0, 0, 0, 0600, NULL));
	UNTOUCHED(ntevent_open_named("x", 1, 0, 0, 0, 0, 0, NULL));
	UNTOUCHED(ntevent_close(fd));

	UNTOUCHED(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, NotificationEvent, 0));
	UNTOUCHED(NtWaitForSingleObject(h, FALSE, &zero));
	UNTOUCHED(NtSetEvent(h, NULL));
	UNTOUCHED(NtDuplicateObject(NtCurrentProcess(), h, NtCurrentProcess(), &h2,
				    0, 0, DUPLICATE_SAME_ACCESS));
	UNTOUCHED(NtDuplicateObject(NtCurrentProcess(), h, NtCurrentProcess(), &h2,
				    EVENT_ALL_ACCESS, 0, DUPLICATE_CLOSE_SOURCE));
	UNTOUCHED(NtClose(h));
	UNTOUCHED(NtClose(h));
	UNTOUCHED(NtSetEvent(NULL, NULL));
	t_unicode(&us, wname, 128, name);
	InitializeObjectAttributes(&oa, &us, OBJ_OPENIF, NULL, NULL);
	UNTOUCHED(NtOpenEvent(&h, EVENT_ALL_ACCESS, &oa));
	UNTOUCHED(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent, 0));
	UNTOUCHED(NtCreateEvent(&h2, EVENT_ALL_ACCESS, &oa, NotificationEvent, 0));
	UNTOUCHED(NtOpenEvent(&h2, EVENT_ALL_ACCESS, &oa));
	UNTOUCHED(NtClose(h2));
	UNTOUCHED(NtClose(h));

	UNTOUCHED(WSACreateEvent());
	UNTOUCHED(WSAStartup(MAKEWORD(2, 2), &wsa));
	UNTOUCHED(h = WSACreateEvent());
	UNTOUCHED(WSAWaitForMultipleEvents(1, &h, FALSE, 0, FALSE));
	UNTOUCHED(WSACloseEvent(h));
	UNTOUCHED(WSACloseEvent(h));
	UNTOUCHED(WSACleanup());
	UNTOUCHED(WSACleanup());
	return T_PASS;
}
