// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Rights are enforced by the kernel for every operation through every
 * face, whichever way the limited handle was made (created with fewer
 * rights, opened by name with fewer, duplicated with fewer; a handle
 * with none at all too):
 *   without MODIFY_STATE: the SET/RESET/PULSE/CLEAR ioctls (EACCES),
 *     ntevent_set/reset/pulse/clear (-EACCES), NtSetEvent, NtResetEvent,
 *     NtPulseEvent, NtClearEvent (STATUS_ACCESS_DENIED), WSASetEvent and
 *     WSAResetEvent (FALSE, WSAGetLastError() = ERROR_ACCESS_DENIED),
 *     WPUSetEvent and WPUResetEvent (FALSE, *lpErrno = ERROR_ACCESS_DENIED),
 *     and the signal half of NtSignalAndWaitForSingleObject;
 *   without SYNCHRONIZE: the WAIT ioctls, ntevent_wait/_any/_all,
 *     NtWaitForSingleObject, NtWaitForMultipleObjects (any and all),
 *     NtSignalAndWaitForSingleObject's wait, WSAWaitForMultipleEvents
 *     (WSA_WAIT_FAILED, ERROR_ACCESS_DENIED);
 *   without QUERY_STATE: the READ ioctl, ntevent_read, NtQueryEvent.
 * A denied call changes nothing: the state is as before.
 */
#include <sys/ioctl.h>
#include <ntevent.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

#define SELF NtCurrentProcess()

static const LARGE_INTEGER zero = { .QuadPart = 0 };
static HANDLE full;	/* every right to the event checked: to look, to restore */

static int ioctl_errno(int fd, unsigned long req, void *arg)
{
	return ioctl(fd, req, arg) < 0 ? errno : 0;
}

/* A Winsock call fails with fail, and WSAGetLastError() says denied. */
#define CHECK_WSA_DENIED(call, fail)					\
	do {								\
		WSASetLastError(0);					\
		CHECK_EQ(call, fail);					\
		CHECK_EQ(WSAGetLastError(), ERROR_ACCESS_DENIED);	\
	} while (0)

/* A WPU call fails, and *lpErrno says denied. */
#define CHECK_WPU_DENIED(fn, h)						\
	do {								\
		int e_ = 0;						\
		CHECK_EQ(fn(h, &e_), FALSE);				\
		CHECK_EQ(e_, ERROR_ACCESS_DENIED);			\
	} while (0)

static void no_modify(HANDLE h)
{
	int fd = ntevent_handle_to_fd(h);
	uint32_t prev32 = 7;
	LONG prev = 7;
	int iprev = 7;

	CHECK_ST(NtSetEvent(full, NULL), STATUS_SUCCESS);
	/* ioctl */
	CHECK_EQ(ioctl_errno(fd, NTEVENT_IOC_SET, &prev32), EACCES);
	CHECK_EQ(ioctl_errno(fd, NTEVENT_IOC_RESET, &prev32), EACCES);
	CHECK_EQ(ioctl_errno(fd, NTEVENT_IOC_PULSE, &prev32), EACCES);
	CHECK_EQ(ioctl_errno(fd, NTEVENT_IOC_CLEAR, NULL), EACCES);
	CHECK_EQ(prev32, 7);
	/* native */
	CHECK_RET(ntevent_set(fd, &iprev), -EACCES);
	CHECK_RET(ntevent_reset(fd, &iprev), -EACCES);
	CHECK_RET(ntevent_pulse(fd, &iprev), -EACCES);
	CHECK_RET(ntevent_clear(fd), -EACCES);
	CHECK_EQ(iprev, 7);
	/* NT */
	CHECK_ST(NtSetEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_ST(NtResetEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_ST(NtPulseEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_ST(NtClearEvent(h), STATUS_ACCESS_DENIED);
	CHECK_ST(ZwResetEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_EQ(prev, 7);
	CHECK_ST(NtSignalAndWaitForSingleObject(h, full, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	/* Winsock */
	CHECK_WSA_DENIED(WSASetEvent(h), FALSE);
	CHECK_WSA_DENIED(WSAResetEvent(h), FALSE);
	CHECK_WPU_DENIED(WPUSetEvent, h);
	CHECK_WPU_DENIED(WPUResetEvent, h);
	/* nothing changed: still signaled */
	CHECK_EQ(t_nt_state(full), 1);
	CHECK_ST(NtResetEvent(full, NULL), STATUS_SUCCESS);
	CHECK_EQ(ioctl_errno(fd, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_EQ(t_nt_state(full), 0);
}

static void no_synchronize(HANDLE h)
{
	int fd = ntevent_handle_to_fd(h), fds[2];
	struct ntevent_wait_args args;
	HANDLE hs[2] = { full, h };
	int dev = open(NTEVENT_DEVICE, O_RDWR | O_CLOEXEC);
	uint32_t ufds[1] = { (uint32_t)fd };

	CHECK(dev >= 0);
	CHECK_ST(NtSetEvent(full, NULL), STATUS_SUCCESS);
	/* ioctl */
	memset(&args, 0, sizeof(args));
	args.fds = (uint64_t)(uintptr_t)ufds;
	args.count = 1;
	CHECK_EQ(ioctl_errno(dev, NTEVENT_IOC_WAIT_ANY, &args), EACCES);
	CHECK_EQ(ioctl_errno(dev, NTEVENT_IOC_WAIT_ALL, &args), EACCES);
	close(dev);
	/* native */
	fds[0] = ntevent_handle_to_fd(full);
	fds[1] = fd;
	CHECK_RET(ntevent_wait(fd, 0, 0), -EACCES);
	CHECK_RET(ntevent_wait_any(fds, 2, 0, 0), -EACCES);
	CHECK_RET(ntevent_wait_all(fds, 2, 0, 0), -EACCES);
	CHECK_RET(ntevent_signal_and_wait(fds[0], fd, 0, 0), -EACCES);
	/* NT */
	CHECK_ST(NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForSingleObject(h, TRUE, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAny, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAll, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtSignalAndWaitForSingleObject(full, h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	/* Winsock */
	CHECK_WSA_DENIED(WSAWaitForMultipleEvents(1, &h, FALSE, 0, FALSE),
			 WSA_WAIT_FAILED);
	CHECK_WSA_DENIED(WSAWaitForMultipleEvents(2, hs, TRUE, WSA_INFINITE,
						  FALSE), WSA_WAIT_FAILED);
	/* nothing waited, nothing consumed */
	CHECK_EQ(t_nt_state(full), 1);
	CHECK_ST(NtResetEvent(full, NULL), STATUS_SUCCESS);
}

static void no_query(HANDLE h)
{
	EVENT_BASIC_INFORMATION info;
	struct ntevent_state st;
	ULONG len = 99;

	CHECK_EQ(ioctl_errno(ntevent_handle_to_fd(h), NTEVENT_IOC_READ, &st), EACCES);
	CHECK_RET(ntevent_read(ntevent_handle_to_fd(h), &st), -EACCES);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), &len),
		 STATUS_ACCESS_DENIED);
	CHECK_EQ(len, 99);
}

/*
 * The same limited rights, made three ways, each checked against a handle
 * with every right to the same event (full): created with them (a fresh
 * name, full opened after), opened by name with them, duplicated with them.
 */
static void each_way(ACCESS_MASK access, void (*check)(HANDLE))
{
	static int n;
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING name;
	WCHAR buf[128];
	char ascii[128], tag[16];
	HANDLE h, h2;

	snprintf(tag, sizeof(tag), "r%d", n++);
	t_name(ascii, sizeof(ascii), tag);
	t_unicode(&name, buf, 128, ascii);
	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);

	CHECK_ST(NtCreateEvent(&h, access, &oa, NotificationEvent, FALSE),
		 STATUS_SUCCESS);
	CHECK_ST(NtOpenEvent(&full, EVENT_ALL_ACCESS, &oa), STATUS_SUCCESS);
	check(h);

	CHECK_ST(NtOpenEvent(&h2, access, &oa), STATUS_SUCCESS);
	check(h2);
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);

	CHECK_ST(NtDuplicateObject(SELF, full, SELF, &h2, access, 0, 0),
		 STATUS_SUCCESS);
	check(h2);
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);

	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtClose(full), STATUS_SUCCESS);
}

int main(void)
{
	const ACCESS_MASK all = EVENT_ALL_ACCESS;

	t_require_device();
	each_way(all & ~EVENT_MODIFY_STATE, no_modify);
	each_way(all & ~SYNCHRONIZE, no_synchronize);
	each_way(all & ~EVENT_QUERY_STATE, no_query);
	each_way(0, no_modify);
	each_way(0, no_synchronize);
	each_way(0, no_query);
	return T_PASS;
}
