// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Without /dev/ntevent (module not loaded) creating, opening and waiting
 * fail cleanly: -ENOENT natively (-ENODEV from ntevent_open_named, whose
 * ENOENT means "no such name"), STATUS_NO_SUCH_DEVICE for NT (never
 * STATUS_OBJECT_NAME_NOT_FOUND), WSAENETDOWN ("the network subsystem has
 * failed") for Winsock; WSAStartup itself works. Where the device exists, the test hides it in a private mount
 * namespace (a tmpfs over /dev), so it runs in the VM too; it skips if it
 * cannot.
 */
#include <sched.h>
#include <sys/mount.h>
#include <ntevent.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

int main(void)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	HANDLE h = (HANDLE)0x1234, handles[2];
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING name;
	int fds[1] = { 0 };
	WSADATA d;
	int err;

	t_watchdog(T_WATCHDOG_S);
	if (access("/dev/ntevent", F_OK) == 0) {
		if (unshare(CLONE_NEWNS))
			t_skip("cannot hide /dev/ntevent: unshare: %s", strerror(errno));
		if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
			t_skip("cannot hide /dev/ntevent: mount --make-rprivate: %s",
				strerror(errno));
		if (mount("none", "/dev", "tmpfs", 0, NULL))
			t_skip("cannot hide /dev/ntevent: mount tmpfs: %s",
				strerror(errno));
	}
	CHECK(access("/dev/ntevent", F_OK) != 0);

	CHECK_RET(ntevent_create(NTEVENT_TYPE_NOTIFICATION, 0, NTEVENT_ALL_ACCESS),
		  -ENOENT);
	CHECK_RET(ntevent_wait_any(fds, 1, 0, 0), -ENOENT);
	CHECK_RET(ntevent_wait(0, 0, 0), -ENOENT);
	CHECK_RET(ntevent_open_named(NTEVENT_NAME_PREFIX "x",
				     strlen(NTEVENT_NAME_PREFIX "x"), 0, 0, 0, 0, 0,
				     NULL), -ENODEV);
	/* argument errors are found before the device is needed */
	CHECK_RET(ntevent_create(5, 0, 0), -EINVAL);
	CHECK_RET(ntevent_wait_any(fds, 0, 0, 0), -EINVAL);
	CHECK_RET(ntevent_open_named("x", 1, NTEVENT_OPEN_EXCL, 0, 0, 0, 0, NULL),
		  -EINVAL);

	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, NotificationEvent, FALSE),
		 STATUS_NO_SUCH_DEVICE);
	CHECK(h == (HANDLE)0x1234);
	CHECK_ST(NtWaitForSingleObject(ntevent_fd_to_handle(0), FALSE, &zero),
		 STATUS_NO_SUCH_DEVICE);
	handles[0] = handles[1] = ntevent_fd_to_handle(0);
	CHECK_ST(NtWaitForMultipleObjects(2, handles, WaitAny, FALSE, &zero),
		 STATUS_NO_SUCH_DEVICE);
	CHECK_ST(NtSignalAndWaitForSingleObject(handles[0], handles[1], FALSE, &zero),
		 STATUS_NO_SUCH_DEVICE);
	RtlInitUnicodeString(&name, u"\\BaseNamedObjects\\lt-no-device");
	InitializeObjectAttributes(&oa, &name, OBJ_OPENIF, NULL, NULL);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent, FALSE),
		 STATUS_NO_SUCH_DEVICE);
	CHECK_ST(NtOpenEvent(&h, EVENT_ALL_ACCESS, &oa), STATUS_NO_SUCH_DEVICE);
	CHECK(h == (HANDLE)0x1234);

	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	WSASetLastError(0);
	CHECK(WSACreateEvent() == WSA_INVALID_EVENT);
	CHECK_EQ(WSAGetLastError(), WSAENETDOWN);
	err = 0;
	CHECK(WPUCreateEvent(&err) == WSA_INVALID_EVENT);
	CHECK_EQ(err, WSAENETDOWN);
	h = ntevent_fd_to_handle(0);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &h, FALSE, 0, FALSE), WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSAENETDOWN);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
