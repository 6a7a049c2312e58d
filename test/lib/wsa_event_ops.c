// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSACreateEvent() makes a manual-reset, non-signaled event with every
 * right, not inherited by a new program (O_CLOEXEC); WSASetEvent() and
 * WSAResetEvent() return TRUE and change the state; success leaves
 * WSAGetLastError() alone; WSACloseEvent() closes it, and then it is
 * WSA_INVALID_HANDLE.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

int main(void)
{
	struct ntevent_state st;
	WSAEVENT ev;
	WSADATA d;
	int fd;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	ev = WSACreateEvent();
	CHECK(ev != WSA_INVALID_EVENT);
	fd = ntevent_handle_to_fd(ev);
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.type, NTEVENT_TYPE_NOTIFICATION);
	CHECK_EQ(st.state, 0);
	CHECK_EQ(st.access, EVENT_ALL_ACCESS);

	WSASetLastError(4321);
	CHECK_EQ(WSASetEvent(ev), TRUE);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.state, 1);
	CHECK_EQ(WSASetEvent(ev), TRUE);
	/* manual-reset: a wait does not consume it */
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE), WSA_WAIT_EVENT_0);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, TRUE, 0, FALSE), WSA_WAIT_EVENT_0);
	CHECK_EQ(WSAResetEvent(ev), TRUE);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.state, 0);
	CHECK_EQ(WSAResetEvent(ev), TRUE);
	CHECK_EQ(WSAGetLastError(), 4321);

	CHECK_EQ(WSACloseEvent(ev), TRUE);
	CHECK_EQ(WSAGetLastError(), 4321);
	CHECK_EQ(WSASetEvent(ev), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSAResetEvent(ev), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	WSASetLastError(0);
	CHECK_EQ(WSACloseEvent(ev), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
