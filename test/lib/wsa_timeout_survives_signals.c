// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A WSAWaitForMultipleEvents() timeout of 1000 ms, non-alertable, with a
 * signal handler running every 100 ms: WSA_WAIT_TIMEOUT about 1 s after
 * the call, not 1 s after the last signal (the signals go on for 3 s).
 */
#include <ntevent/winsock.h>
#include "api.h"

int main(void)
{
	struct t_signaller s;
	WSAEVENT ev;
	WSADATA d;
	int64_t t0, ms;
	int runs;

	t_require_device();
	t_install_handler();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	ev = WSACreateEvent();
	CHECK(ev != WSA_INVALID_EVENT);

	runs = atomic_load(&t_handler_runs);
	t0 = t_mono();
	t_signaller_start(&s, 0, 100, 3000);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, 1000, FALSE),
		 WSA_WAIT_TIMEOUT);
	ms = t_ms_since(t0);
	t_signaller_stop(&s);
	CHECK_MS(ms, 950, 2500);
	CHECK(atomic_load(&t_handler_runs) - runs >= 3);

	CHECK_EQ(WSACloseEvent(ev), TRUE);
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
