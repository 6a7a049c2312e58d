// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSAWaitForMultipleEvents() results: WSA_WAIT_EVENT_0 + the lowest
 * signaled index (up to 63); with fWaitAll only when all are signaled;
 * dwTimeout 0 polls and gives WSA_WAIT_TIMEOUT; a timeout in milliseconds
 * ends after about that long; WSA_INFINITE waits for a set from another
 * thread.
 */
#include <ntevent/winsock.h>
#include "api.h"

static WSAEVENT ev[WSA_MAXIMUM_WAIT_EVENTS];

static void *setter(void *arg)
{
	(void)arg;
	t_sleep_ms(200);
	CHECK_EQ(WSASetEvent(ev[1]), TRUE);
	return NULL;
}

int main(void)
{
	pthread_t th;
	WSADATA d;
	int64_t t0;
	int i;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	for (i = 0; i < WSA_MAXIMUM_WAIT_EVENTS; i++) {
		ev[i] = WSACreateEvent();
		CHECK(ev[i] != WSA_INVALID_EVENT);
	}

	t0 = t_mono();
	CHECK_EQ(WSAWaitForMultipleEvents(4, ev, FALSE, 0, FALSE), WSA_WAIT_TIMEOUT);
	CHECK_MS(t_ms_since(t0), 0, 1000);
	CHECK_EQ(WSASetEvent(ev[3]), TRUE);
	CHECK_EQ(WSASetEvent(ev[2]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(4, ev, FALSE, 0, FALSE), WSA_WAIT_EVENT_0 + 2);
	CHECK_EQ(WSAWaitForMultipleEvents(4, ev, TRUE, 0, FALSE), WSA_WAIT_TIMEOUT);
	CHECK_EQ(WSASetEvent(ev[0]), TRUE);
	CHECK_EQ(WSASetEvent(ev[1]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(4, ev, TRUE, 0, FALSE), WSA_WAIT_EVENT_0);
	for (i = 0; i < 4; i++)
		CHECK_EQ(WSAResetEvent(ev[i]), TRUE);

	CHECK_EQ(WSASetEvent(ev[63]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(WSA_MAXIMUM_WAIT_EVENTS, ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0 + 63);
	CHECK_EQ(WSAResetEvent(ev[63]), TRUE);

	t0 = t_mono();
	CHECK_EQ(WSAWaitForMultipleEvents(4, ev, FALSE, 300, FALSE), WSA_WAIT_TIMEOUT);
	CHECK_MS(t_ms_since(t0), 290, 3000);
	t0 = t_mono();
	CHECK_EQ(WSAWaitForMultipleEvents(4, ev, TRUE, 300, TRUE), WSA_WAIT_TIMEOUT);
	CHECK_MS(t_ms_since(t0), 290, 3000);

	t0 = t_mono();
	t_thread(&th, setter, NULL);
	CHECK_EQ(WSAWaitForMultipleEvents(4, ev, FALSE, WSA_INFINITE, FALSE),
		 WSA_WAIT_EVENT_0 + 1);
	CHECK_MS(t_ms_since(t0), 150, 10000);
	t_join(th);

	for (i = 0; i < WSA_MAXIMUM_WAIT_EVENTS; i++)
		CHECK_EQ(WSACloseEvent(ev[i]), TRUE);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
