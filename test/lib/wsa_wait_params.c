// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSAWaitForMultipleEvents() argument errors: cEvents 0 or more than
 * WSA_MAXIMUM_WAIT_EVENTS is WSA_WAIT_FAILED with WSA_INVALID_PARAMETER,
 * a NULL array WSAEFAULT, the same event twice with fWaitAll
 * WSA_INVALID_PARAMETER (twice without it is fine), an event handle
 * without SYNCHRONIZE ERROR_ACCESS_DENIED. These checks need no
 * WSAStartup.
 */
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

int main(void)
{
	WSAEVENT evs[WSA_MAXIMUM_WAIT_EVENTS + 1];
	HANDLE nosync;
	int i;

	CHECK_EQ(WSA_MAXIMUM_WAIT_EVENTS, 64);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(0, evs, FALSE, 0, FALSE), WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_PARAMETER);

	t_require_device();
	CHECK_ST(NtCreateEvent(&evs[0], EVENT_ALL_ACCESS, NULL, NotificationEvent,
			       TRUE), STATUS_SUCCESS);
	for (i = 1; i <= WSA_MAXIMUM_WAIT_EVENTS; i++)
		evs[i] = evs[0];

	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(WSA_MAXIMUM_WAIT_EVENTS + 1, evs, FALSE,
					  0, FALSE), WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_PARAMETER);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(0xffffffff, evs, TRUE, 0, FALSE),
		 WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_PARAMETER);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(1, NULL, FALSE, 0, FALSE), WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSAEFAULT);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(2, evs, TRUE, 0, FALSE), WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_PARAMETER);

	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(WSA_MAXIMUM_WAIT_EVENTS, evs, FALSE, 0,
					  FALSE), WSA_WAIT_EVENT_0);
	CHECK_EQ(WSAWaitForMultipleEvents(1, evs, TRUE, 0, FALSE), WSA_WAIT_EVENT_0);
	CHECK_EQ(WSAGetLastError(), 0);

	CHECK_ST(NtCreateEvent(&nosync, EVENT_QUERY_STATE | EVENT_MODIFY_STATE, NULL,
			       NotificationEvent, TRUE), STATUS_SUCCESS);
	WSASetLastError(0);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &nosync, FALSE, 0, FALSE),
		 WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), ERROR_ACCESS_DENIED);
	/* ...but it can be set and reset */
	CHECK_EQ(WSASetEvent(nosync), TRUE);
	CHECK_EQ(WSAResetEvent(nosync), TRUE);
	CHECK_EQ(WSACloseEvent(nosync), TRUE);

	/* WSASetEvent without MODIFY_STATE */
	CHECK_ST(NtCreateEvent(&nosync, SYNCHRONIZE, NULL, NotificationEvent, FALSE),
		 STATUS_SUCCESS);
	WSASetLastError(0);
	CHECK_EQ(WSASetEvent(nosync), FALSE);
	CHECK_EQ(WSAGetLastError(), ERROR_ACCESS_DENIED);
	CHECK_EQ(WSACloseEvent(nosync), TRUE);
	CHECK_EQ(WSACloseEvent(evs[0]), TRUE);
	return T_PASS;
}
