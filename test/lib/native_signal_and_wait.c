// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_signal_and_wait() sets one event and waits on another as one
 * step: a partner thread blocked on the first is released and answers on
 * the second. The signal happens even when the wait times out; a negative
 * signal descriptor is -EBADF.
 */
#include <ntevent.h>
#include "api.h"

static int ping, pong;

static void *partner(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 10; i++) {
		CHECK_RET(ntevent_wait(ping, ntevent_deadline_after(10000000000ull), 0), 0);
		CHECK_RET(ntevent_set(pong, NULL), 0);
	}
	return NULL;
}

int main(void)
{
	struct ntevent_state st;
	pthread_t th;
	int i;

	t_require_device();
	ping = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 0, NTEVENT_ALL_ACCESS);
	pong = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 0, NTEVENT_ALL_ACCESS);
	CHECK(ping >= 0 && pong >= 0);

	t_thread(&th, partner, NULL);
	for (i = 0; i < 10; i++)
		CHECK_RET(ntevent_signal_and_wait(ping, pong,
						  ntevent_deadline_after(10000000000ull),
						  0), 0);
	t_join(th);

	CHECK_RET(ntevent_signal_and_wait(ping, pong, 0, 0), -ETIMEDOUT);
	CHECK_RET(ntevent_read(ping, &st), 0);
	CHECK_EQ(st.state, 1);
	CHECK_RET(ntevent_signal_and_wait(-1, pong, 0, 0), -EBADF);
	CHECK_RET(ntevent_signal_and_wait(ping, pong, 0, 0x100), -EINVAL);

	CHECK_RET(ntevent_close(ping), 0);
	CHECK_RET(ntevent_close(pong), 0);
	return T_PASS;
}
