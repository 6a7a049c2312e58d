// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtWaitForSingleObject() timeouts in 100 ns units: NULL waits until a
 * set, zero polls (and consumes a signaled auto-reset event), a negative
 * value is relative, a positive value is absolute since 1601 (and one in
 * the past polls); the results are STATUS_WAIT_0 and STATUS_TIMEOUT.
 */
#include <ntevent/nt.h>
#include "api.h"

#define NT_EPOCH_1970	116444736000000000LL

static HANDLE ev;

static void *setter(void *arg)
{
	(void)arg;
	t_sleep_ms(200);
	CHECK_ST(NtSetEvent(ev, NULL), STATUS_SUCCESS);
	return NULL;
}

/* Now, in NT system time (100 ns since 1601). */
static LONGLONG nt_now(void)
{
	return NT_EPOCH_1970 + t_now(CLOCK_REALTIME) / 100;
}

int main(void)
{
	LARGE_INTEGER t;
	pthread_t th;
	int64_t t0;

	t_require_device();
	CHECK_ST(NtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);

	t.QuadPart = 0;
	t0 = t_mono();
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_TIMEOUT);
	CHECK_MS(t_ms_since(t0), 0, 1000);
	CHECK_ST(NtSetEvent(ev, NULL), STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_WAIT_0);
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_TIMEOUT);

	/* relative: 300 ms */
	t.QuadPart = -3000000;
	t0 = t_mono();
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_TIMEOUT);
	CHECK_MS(t_ms_since(t0), 290, 3000);
	CHECK_EQ(t.QuadPart, -3000000);		/* the timeout is not written */

	/* absolute: 300 ms from now */
	t.QuadPart = nt_now() + 3000000;
	t0 = t_mono();
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_TIMEOUT);
	CHECK_MS(t_ms_since(t0), 250, 3000);

	/* absolute in the past, even before 1970: a poll */
	t.QuadPart = nt_now() - 10000000;
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_TIMEOUT);
	t.QuadPart = 1;
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_TIMEOUT);
	CHECK_ST(NtSetEvent(ev, NULL), STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, &t), STATUS_WAIT_0);

	/* NULL: no timeout */
	t0 = t_mono();
	t_thread(&th, setter, NULL);
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, NULL), STATUS_WAIT_0);
	CHECK_MS(t_ms_since(t0), 150, 10000);
	t_join(th);

	/* a huge relative timeout is as good as none */
	t_thread(&th, setter, NULL);
	t.QuadPart = INT64_MIN;
	CHECK_ST(NtWaitForSingleObject(ev, TRUE, &t), STATUS_WAIT_0);
	t_join(th);
	t_thread(&th, setter, NULL);
	t.QuadPart = INT64_MAX;
	CHECK_ST(ZwWaitForSingleObject(ev, FALSE, &t), STATUS_WAIT_0);
	t_join(th);

	CHECK_ST(NtClose(ev), STATUS_SUCCESS);
	return T_PASS;
}
