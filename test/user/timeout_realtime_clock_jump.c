// SPDX-License-Identifier: GPL-2.0
/*
 * A NTEVENT_WAIT_REALTIME deadline follows changes of the system clock:
 * setting the clock past the deadline ends the wait at once. A monotonic
 * deadline does not: the same jump does not shorten it. Needs
 * CAP_SYS_TIME (skips without it); the clock is put back afterwards.
 */
#include "abi.h"

#define JUMP_NS	(20LL * 1000000000)

static void jump(int64_t delta)
{
	struct timespec ts;
	int64_t now = t_now(CLOCK_REALTIME) + delta;

	ts.tv_sec = now / 1000000000;
	ts.tv_nsec = now % 1000000000;
	if (clock_settime(CLOCK_REALTIME, &ts)) {
		if (errno == EPERM)
			t_skip("cannot set the clock (no CAP_SYS_TIME)");
		T_FAILF("clock_settime: %s", strerror(errno));
	}
}

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	struct t_waiter rt, mono;
	int done;

	/* Can we change the clock at all? (A zero jump.) */
	jump(0);

	memset(&rt, 0, sizeof(rt));
	rt.dev = dev;
	rt.fds[0] = e;
	rt.count = 1;
	rt.flags = NTEVENT_WAIT_REALTIME;
	rt.timeout = t_now(CLOCK_REALTIME) + 10LL * 1000000000;
	t_waiter_init1(&mono, dev, e, 1500);
	t_waiter_start_asleep(&rt);
	t_waiter_start_asleep(&mono);

	jump(JUMP_NS);
	done = t_await_done(&rt, 1, 1, 3000);
	/* Put the clock back before judging anything. */
	jump(-JUMP_NS);
	CHECK_MSG(done == 1,
		  "a realtime wait did not end when the clock passed its deadline");
	CHECK_RET(rt.ret, -ETIMEDOUT);
	t_waiter_join(&rt);
	t_waiter_join(&mono);
	CHECK_RET(mono.ret, -ETIMEDOUT);
	CHECK_MSG(mono.end_ns >= (int64_t)mono.timeout,
		  "the monotonic wait ended before its deadline");
	CHECK_STATE(e, 0);
	return T_PASS;
}
