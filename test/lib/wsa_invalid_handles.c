// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Every WSA event call given something that is not an open event handle
 * -- WSA_INVALID_EVENT (NULL), INVALID_HANDLE_VALUE, a closed handle, a
 * non-handle value, a pipe, a socket -- fails with FALSE (or
 * WSA_WAIT_FAILED) and WSAGetLastError() = WSA_INVALID_HANDLE (Winsock
 * has no type-mismatch error); the good event in the same wait is not
 * consumed.
 */
#include <sys/socket.h>
#include <ntevent.h>
#include <ntevent/winsock.h>
#include "api.h"

static WSAEVENT good;

static void check_handle(WSAEVENT bad)
{
	WSAEVENT both[2] = { good, bad };

	WSASetLastError(0);
	CHECK_EQ(WSASetEvent(bad), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSAResetEvent(bad), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &bad, FALSE, 0, FALSE), WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(2, both, FALSE, WSA_INFINITE, TRUE),
		 WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(2, both, TRUE, 0, FALSE), WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &good, FALSE, 0, FALSE), WSA_WAIT_EVENT_0);
}

int main(void)
{
	WSAEVENT closed, pipe_h, sock_h;
	WSADATA d;
	int sv[2];

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	good = WSACreateEvent();
	closed = WSACreateEvent();
	CHECK(good && closed);
	CHECK_EQ(WSASetEvent(good), TRUE);
	pipe_h = ntevent_fd_to_handle(t_pipe_fd());
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	sock_h = ntevent_fd_to_handle(sv[0]);
	/* closed last, so that no later descriptor reuses its number */
	CHECK_EQ(WSACloseEvent(closed), TRUE);

	check_handle(WSA_INVALID_EVENT);
	check_handle(INVALID_HANDLE_VALUE);
	check_handle(closed);
	check_handle((WSAEVENT)(uintptr_t)0x1233);
	check_handle(pipe_h);
	check_handle(sock_h);

	WSASetLastError(0);
	CHECK_EQ(WSACloseEvent(WSA_INVALID_EVENT), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSACloseEvent(INVALID_HANDLE_VALUE), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSACloseEvent(closed), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);

	CHECK_EQ(WSACloseEvent(good), TRUE);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
