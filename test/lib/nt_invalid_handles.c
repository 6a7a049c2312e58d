// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Handles that are not events, through every Nt call: NULL, a closed
 * handle and a value that is not a handle are STATUS_INVALID_HANDLE; the
 * pseudo-handles NtCurrentProcess() (= INVALID_HANDLE_VALUE) and
 * NtCurrentThread(), a pipe and a socket are STATUS_OBJECT_TYPE_MISMATCH;
 * NtClose() of anything that is not an open handle is
 * STATUS_INVALID_HANDLE.
 */
#include <sys/socket.h>
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

static HANDLE good;

static void check_handle(HANDLE bad, NTSTATUS want)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	EVENT_BASIC_INFORMATION info;
	HANDLE hs[2] = { good, bad };
	LONG prev = 7;

	CHECK_ST(NtSetEvent(bad, &prev), want);
	CHECK_EQ(prev, 7);
	CHECK_ST(NtResetEvent(bad, &prev), want);
	CHECK_ST(NtPulseEvent(bad, &prev), want);
	CHECK_EQ(prev, 7);
	CHECK_ST(NtClearEvent(bad), want);
	CHECK_ST(NtQueryEvent(bad, EventBasicInformation, &info, sizeof(info), NULL),
		 want);
	CHECK_ST(NtWaitForSingleObject(bad, FALSE, &zero), want);
	CHECK_ST(NtWaitForSingleObject(bad, TRUE, NULL), want);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAny, FALSE, &zero), want);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAll, FALSE, NULL), want);
	CHECK_ST(NtSignalAndWaitForSingleObject(bad, good, FALSE, &zero), want);
	CHECK_ST(NtSignalAndWaitForSingleObject(good, bad, FALSE, NULL), want);
	CHECK_ST(ZwSetEvent(bad, NULL), want);
	/* the good event was neither set nor consumed */
	CHECK_ST(NtQueryEvent(good, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 0);
}

int main(void)
{
	HANDLE closed, pipe_h, sock_h;
	int sv[2];

	t_require_device();
	CHECK_ST(NtCreateEvent(&good, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	pipe_h = ntevent_fd_to_handle(t_pipe_fd());
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	sock_h = ntevent_fd_to_handle(sv[0]);
	/* closed last, so that no later descriptor reuses its number */
	CHECK_ST(NtCreateEvent(&closed, EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtClose(closed), STATUS_SUCCESS);

	check_handle(NULL, STATUS_INVALID_HANDLE);
	check_handle(closed, STATUS_INVALID_HANDLE);
	check_handle(ntevent_fd_to_handle(t_closed_fd()), STATUS_INVALID_HANDLE);
	check_handle((HANDLE)(uintptr_t)0x1235, STATUS_INVALID_HANDLE);
	check_handle(NtCurrentProcess(), STATUS_OBJECT_TYPE_MISMATCH);
	check_handle(INVALID_HANDLE_VALUE, STATUS_OBJECT_TYPE_MISMATCH);
	check_handle(NtCurrentThread(), STATUS_OBJECT_TYPE_MISMATCH);
	check_handle(pipe_h, STATUS_OBJECT_TYPE_MISMATCH);
	check_handle(sock_h, STATUS_OBJECT_TYPE_MISMATCH);

	CHECK_ST(NtClose(NULL), STATUS_INVALID_HANDLE);
	CHECK_ST(NtClose(closed), STATUS_INVALID_HANDLE);
	CHECK_ST(NtClose(NtCurrentProcess()), STATUS_INVALID_HANDLE);
	CHECK_ST(NtClose(NtCurrentThread()), STATUS_INVALID_HANDLE);
	CHECK_ST(NtClose((HANDLE)(uintptr_t)0x1235), STATUS_INVALID_HANDLE);
	CHECK_ST(ZwClose(closed), STATUS_INVALID_HANDLE);
	/* any handle can be closed, as on Windows */
	CHECK_ST(NtClose(pipe_h), STATUS_SUCCESS);
	CHECK_ST(NtClose(good), STATUS_SUCCESS);
	return T_PASS;
}
