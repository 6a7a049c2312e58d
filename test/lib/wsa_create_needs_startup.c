// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSACreateEvent() before a successful WSAStartup() (and after the last
 * WSACleanup()) returns WSA_INVALID_EVENT with WSANOTINITIALISED. The
 * other event calls do not need WSAStartup (they are the kernel's event
 * calls under another name, as on Windows): an event made before the last
 * cleanup can still be set, waited on and closed after it.
 */
#include <ntevent/winsock.h>
#include "api.h"

int main(void)
{
	WSAEVENT ev;
	WSADATA d;

	WSASetLastError(0);
	CHECK(WSACreateEvent() == WSA_INVALID_EVENT);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	ev = WSACreateEvent();
	CHECK(ev != WSA_INVALID_EVENT);
	CHECK_EQ(WSACleanup(), 0);

	WSASetLastError(0);
	CHECK(WSACreateEvent() == WSA_INVALID_EVENT);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);

	CHECK_EQ(WSASetEvent(ev), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE), WSA_WAIT_EVENT_0);
	CHECK_EQ(WSAResetEvent(ev), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE), WSA_WAIT_TIMEOUT);
	CHECK_EQ(WSACloseEvent(ev), TRUE);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);
	return T_PASS;
}
