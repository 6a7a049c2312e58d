// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The service provider face needs no WSAStartup: WPUCreateEvent() makes a
 * manual-reset, non-signaled event; WPUSetEvent(), WPUResetEvent() and
 * WPUCloseEvent() return TRUE; on a bad handle they return FALSE with
 * *lpErrno = WSA_INVALID_HANDLE (= ERROR_INVALID_HANDLE) and leave
 * WSAGetLastError() alone; *lpErrno is not written on success.
 */
#include <ntevent.h>
#include <ntevent/winsock.h>
#include "api.h"

int main(void)
{
	struct ntevent_state st;
	WSAEVENT ev, bad[3];
	int err, fd, i;

	t_require_device();
	/* no WSAStartup in this process */
	CHECK(WSACreateEvent() == WSA_INVALID_EVENT);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);

	/* a pipe, opened now so that it cannot reuse the event's number */
	bad[2] = ntevent_fd_to_handle(t_pipe_fd());
	err = 99;
	ev = WPUCreateEvent(&err);
	CHECK(ev != WSA_INVALID_EVENT);
	CHECK_EQ(err, 99);
	fd = ntevent_handle_to_fd(ev);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.type, NTEVENT_TYPE_NOTIFICATION);
	CHECK_EQ(st.state, 0);

	CHECK_EQ(WPUSetEvent(ev, &err), TRUE);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.state, 1);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE), WSA_WAIT_EVENT_0);
	CHECK_EQ(WPUResetEvent(ev, &err), TRUE);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.state, 0);
	CHECK_EQ(err, 99);
	CHECK_EQ(WPUCloseEvent(ev, &err), TRUE);
	CHECK_EQ(err, 99);

	bad[0] = ev;			/* closed */
	bad[1] = WSA_INVALID_EVENT;
	WSASetLastError(7);
	for (i = 0; i < 3; i++) {
		err = 0;
		CHECK_EQ(WPUSetEvent(bad[i], &err), FALSE);
		CHECK_EQ(err, WSA_INVALID_HANDLE);
		err = 0;
		CHECK_EQ(WPUResetEvent(bad[i], &err), FALSE);
		CHECK_EQ(err, ERROR_INVALID_HANDLE);
		CHECK_EQ(WPUSetEvent(bad[i], NULL), FALSE);
	}
	err = 0;
	CHECK_EQ(WPUCloseEvent(ev, &err), FALSE);
	CHECK_EQ(err, WSA_INVALID_HANDLE);
	err = 0;
	CHECK_EQ(WPUCloseEvent(WSA_INVALID_EVENT, &err), FALSE);
	CHECK_EQ(err, WSA_INVALID_HANDLE);
	CHECK_EQ(WSAGetLastError(), 7);
	CHECK_EQ(WPUCloseEvent(bad[2], &err), TRUE);
	return T_PASS;
}
