// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtSetEvent(), NtResetEvent() and NtPulseEvent() store the previous state
 * as a LONG (0 or 1, all 32 bits written) when PreviousState is given and
 * accept NULL; NtClearEvent() resets; a pulse with no waiter resets.
 */
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	EVENT_TYPE type;

	t_require_device();
	for (type = NotificationEvent; type <= SynchronizationEvent; type++) {
		HANDLE h;
		LONG prev;

		CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, type, FALSE),
			 STATUS_SUCCESS);
		prev = 0x55555555;
		CHECK_ST(NtSetEvent(h, &prev), STATUS_SUCCESS);
		CHECK_EQ(prev, 0);
		prev = 0x55555555;
		CHECK_ST(NtSetEvent(h, &prev), STATUS_SUCCESS);
		CHECK_EQ(prev, 1);
		CHECK_EQ(t_nt_state(h), 1);
		prev = 0x55555555;
		CHECK_ST(NtResetEvent(h, &prev), STATUS_SUCCESS);
		CHECK_EQ(prev, 1);
		CHECK_EQ(t_nt_state(h), 0);
		prev = 0x55555555;
		CHECK_ST(NtResetEvent(h, &prev), STATUS_SUCCESS);
		CHECK_EQ(prev, 0);

		CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
		prev = 0x55555555;
		CHECK_ST(NtPulseEvent(h, &prev), STATUS_SUCCESS);
		CHECK_EQ(prev, 1);
		CHECK_EQ(t_nt_state(h), 0);
		CHECK_ST(NtPulseEvent(h, NULL), STATUS_SUCCESS);
		CHECK_EQ(t_nt_state(h), 0);

		CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
		CHECK_ST(NtClearEvent(h), STATUS_SUCCESS);
		CHECK_EQ(t_nt_state(h), 0);
		CHECK_ST(NtResetEvent(h, NULL), STATUS_SUCCESS);
		CHECK_ST(NtClose(h), STATUS_SUCCESS);
	}
	return T_PASS;
}
