// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Deadlines: 0 polls (never blocks, but a signaled event satisfies it);
 * ntevent_deadline_after() gives a monotonic deadline; NTEVENT_WAIT_REALTIME
 * takes one on CLOCK_REALTIME; NTEVENT_INFINITE waits until a set.
 */
#include <ntevent.h>
#include "api.h"

static int ev;

static void *setter(void *arg)
{
	(void)arg;
	t_sleep_ms(200);
	CHECK_RET(ntevent_set(ev, NULL), 0);
	return NULL;
}

int main(void)
{
	pthread_t th;
	int64_t t0;
	uint64_t d;

	t_require_device();
	ev = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 0, NTEVENT_ALL_ACCESS);
	CHECK(ev >= 0);

	t0 = t_mono();
	CHECK_RET(ntevent_wait(ev, 0, 0), -ETIMEDOUT);
	CHECK_RET(ntevent_wait(ev, 0, NTEVENT_WAIT_REALTIME), -ETIMEDOUT);
	CHECK_MS(t_ms_since(t0), 0, 1000);
	CHECK_RET(ntevent_set(ev, NULL), 0);
	CHECK_RET(ntevent_wait(ev, 0, 0), 0);
	CHECK_RET(ntevent_wait(ev, 0, 0), -ETIMEDOUT);

	/* a past deadline with a signaled event succeeds */
	CHECK_RET(ntevent_set(ev, NULL), 0);
	CHECK_RET(ntevent_wait(ev, 1, 0), 0);

	t0 = t_mono();
	CHECK_RET(ntevent_wait(ev, ntevent_deadline_after(300000000), 0),
		  -ETIMEDOUT);
	CHECK_MS(t_ms_since(t0), 290, 3000);

	t0 = t_mono();
	d = (uint64_t)t_now(CLOCK_REALTIME) + 300000000;
	CHECK_RET(ntevent_wait(ev, d, NTEVENT_WAIT_REALTIME), -ETIMEDOUT);
	CHECK_MS(t_ms_since(t0), 250, 3000);

	/* a deadline that overflows is no deadline */
	CHECK_EQ(ntevent_deadline_after(UINT64_MAX), NTEVENT_INFINITE);
	CHECK_EQ(ntevent_deadline_after(INT64_MAX), NTEVENT_INFINITE);
	CHECK(ntevent_deadline_after(0) <= (uint64_t)t_mono());

	t0 = t_mono();
	t_thread(&th, setter, NULL);
	CHECK_RET(ntevent_wait(ev, NTEVENT_INFINITE, 0), 0);
	CHECK_MS(t_ms_since(t0), 150, 10000);
	t_join(th);

	CHECK_RET(ntevent_close(ev), 0);
	return T_PASS;
}
