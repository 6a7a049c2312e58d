// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * DesiredAccess of NtCreateEvent() through the event's generic mapping:
 * GENERIC_READ = QUERY_STATE | READ_CONTROL, GENERIC_WRITE = MODIFY_STATE
 * | READ_CONTROL, GENERIC_EXECUTE = SYNCHRONIZE | READ_CONTROL,
 * GENERIC_ALL and MAXIMUM_ALLOWED = EVENT_ALL_ACCESS; a missing right is
 * STATUS_ACCESS_DENIED for set/reset/pulse/clear (MODIFY_STATE), query
 * (QUERY_STATE) and waits (SYNCHRONIZE), and the event is unchanged.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

static const LARGE_INTEGER zero = { .QuadPart = 0 };

static uint32_t rights(HANDLE h)
{
	struct ntevent_state st;

	CHECK_RET(ntevent_read(ntevent_handle_to_fd(h), &st), 0);
	return st.access;
}

static HANDLE create(ACCESS_MASK access)
{
	HANDLE h;

	CHECK_ST(NtCreateEvent(&h, access, NULL, SynchronizationEvent, TRUE),
		 STATUS_SUCCESS);
	return h;
}

int main(void)
{
	static const struct {
		ACCESS_MASK desired;
		uint32_t granted;
	} map[] = {
		{ GENERIC_READ, EVENT_QUERY_STATE | READ_CONTROL },
		{ GENERIC_WRITE, EVENT_MODIFY_STATE | READ_CONTROL },
		{ GENERIC_EXECUTE, SYNCHRONIZE | READ_CONTROL },
		{ GENERIC_ALL, EVENT_ALL_ACCESS },
		{ MAXIMUM_ALLOWED, EVENT_ALL_ACCESS },
		{ EVENT_ALL_ACCESS, EVENT_ALL_ACCESS },
		{ GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE,
		  EVENT_QUERY_STATE | EVENT_MODIFY_STATE | SYNCHRONIZE | READ_CONTROL },
		{ EVENT_QUERY_STATE | SYNCHRONIZE, EVENT_QUERY_STATE | SYNCHRONIZE },
		{ EVENT_MODIFY_STATE | 0x4 | ACCESS_SYSTEM_SECURITY, EVENT_MODIFY_STATE },
		{ 0, 0 },
	};
	EVENT_BASIC_INFORMATION info;
	HANDLE h, hs[2];
	LONG prev;
	size_t i;

	t_require_device();
	/* the granted rights, where the handle may query them */
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		h = create(map[i].desired);
		if (map[i].granted & EVENT_QUERY_STATE)
			CHECK_ST(rights(h), map[i].granted);
		CHECK_ST(NtClose(h), STATUS_SUCCESS);
	}

	/* GENERIC_READ: query yes, modify and wait no */
	h = create(GENERIC_READ);
	prev = 7;
	CHECK_ST(NtSetEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_EQ(prev, 7);
	CHECK_ST(NtResetEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtPulseEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtClearEvent(h), STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 1);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* GENERIC_WRITE: modify yes, query and wait no */
	h = create(GENERIC_WRITE);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtResetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 1);
	CHECK_ST(NtSetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
	/* signal-and-wait: signal needs MODIFY_STATE, the wait SYNCHRONIZE */
	hs[0] = create(GENERIC_EXECUTE);
	CHECK_ST(NtSignalAndWaitForSingleObject(h, h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtSignalAndWaitForSingleObject(hs[0], hs[0], FALSE,
						(PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtSignalAndWaitForSingleObject(h, hs[0], FALSE,
						(PLARGE_INTEGER)&zero),
		 STATUS_WAIT_0);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* GENERIC_EXECUTE: wait yes (and it consumes), the rest no */
	h = hs[0];
	CHECK_ST(NtSetEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_ACCESS_DENIED);
	hs[1] = create(GENERIC_ALL);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAll, FALSE,
					  (PLARGE_INTEGER)&zero), STATUS_TIMEOUT);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtClose(hs[1]), STATUS_SUCCESS);
	return T_PASS;
}
