// SPDX-License-Identifier: GPL-2.0
/*
 * Whom SET, PULSE, RESET and CLEAR release, and the state they leave, for
 * each event type and number of waiters. Each row starts its waiters one
 * after the other (each asleep in the wait before the next one starts),
 * applies its operation ops times, then SETs until every waiter is
 * released. After each step exactly the expected waiters are released:
 *
 * - SET of an auto-reset event: one waiter, the one that came first (FIFO;
 *   a wait-any on two events keeps its place in the queue), and the event
 *   stays non-signaled; with no waiter the event stays signaled.
 * - SET of a manual-reset event: every waiter (50 of them too); it stays
 *   signaled, and a later wait succeeds at once.
 * - PULSE: one waiter (auto) or all (manual), and the event is left
 *   non-signaled: a waiter that comes after the pulse is not released.
 * - RESET and CLEAR: nobody.
 *
 * With nobody left queued, a SET leaves the event signaled.
 */
#include "abi.h"

#define MAX_WAITERS	50
#define ALL		-1	/* the row's op releases every waiter */
#define LATE_MS		100	/* how long a late waiter waits */

enum op { SET, PULSE, RESET, CLEAR };

static const char *const op_names[] = {
	[SET] = "SET", [PULSE] = "PULSE", [RESET] = "RESET", [CLEAR] = "CLEAR",
};

struct row {
	const char *name;
	uint32_t type;
	enum op op;
	int waiters;
	int ops;		/* how many times op is applied */
	int wakes;		/* waiters each op releases (ALL: all) */
	int state;		/* the state each op leaves */
	int settle_ms;		/* time for a wrongly released one to show */
	int two_at;		/* this waiter waits on (other, event); -1 */
};

static const struct row rows[] = {
	{ "set auto, no waiter", T_AUTO, SET, 0, 1, 1, 1, 0, -1 },
	{ "set auto, 4 waiters", T_AUTO, SET, 4, 4, 1, 0, 150, -1 },
	{ "set auto, 6 waiters FIFO, one on two events",
	  T_AUTO, SET, 6, 6, 1, 0, 0, 2 },
	{ "set manual, no waiter", T_MANUAL, SET, 0, 1, ALL, 1, 0, -1 },
	{ "set manual, 8 waiters", T_MANUAL, SET, 8, 1, ALL, 1, 0, -1 },
	{ "set manual, 50 waiters", T_MANUAL, SET, 50, 1, ALL, 1, 0, -1 },
	{ "pulse auto, no waiter", T_AUTO, PULSE, 0, 1, 1, 0, 0, -1 },
	{ "pulse auto, 3 waiters", T_AUTO, PULSE, 3, 2, 1, 0, 150, -1 },
	{ "pulse manual, no waiter", T_MANUAL, PULSE, 0, 1, ALL, 0, 0, -1 },
	{ "pulse manual, 6 waiters", T_MANUAL, PULSE, 6, 1, ALL, 0, 0, -1 },
	{ "reset auto, 1 waiter", T_AUTO, RESET, 1, 1, 0, 0, 150, -1 },
	{ "reset manual, 1 waiter", T_MANUAL, RESET, 1, 1, 0, 0, 150, -1 },
	{ "clear auto, 1 waiter", T_AUTO, CLEAR, 1, 1, 0, 0, 150, -1 },
	{ "clear manual, 1 waiter", T_MANUAL, CLEAR, 1, 1, 0, 0, 150, -1 },
};

static struct t_waiter w[MAX_WAITERS];

/* Apply op to fd; returns the previous state (-1: CLEAR reports none). */
static int apply(enum op op, int fd)
{
	static const unsigned long cmds[] = {
		[SET] = NTEVENT_IOC_SET,
		[PULSE] = NTEVENT_IOC_PULSE,
		[RESET] = NTEVENT_IOC_RESET,
	};

	if (op == CLEAR) {
		t_clear(fd);
		return -1;
	}
	return t_op_prev(fd, cmds[op], op_names[op]);
}

/*
 * One step: op on e, which was in state prev with released waiters gone;
 * it must release wakes more, in the order they came, and leave state.
 * Returns how many are released now.
 */
static int step(const struct row *r, int e, enum op op, int prev, int wakes,
		int state, int released)
{
	int n = r->waiters, want, got, k;

	want = wakes == ALL ? n : released + wakes;
	if (want > n)
		want = n;
	got = apply(op, e);
	if (got >= 0)
		CHECK_EQ(got, prev);
	CHECK_EQ(t_await_done(w, n, want, 5000), want);
	/* Give any wrongly released extra waiter time to show up. */
	if (want < n && r->settle_ms)
		t_sleep_ms(r->settle_ms);
	CHECK_MSG(t_waiters_done(w, n) == want,
		  "after %s, %d waiters were released, expected %d",
		  op_names[op], t_waiters_done(w, n), want);
	for (k = 0; k < n; k++)
		CHECK_MSG(atomic_load(&w[k].done) == (k < want),
			  "after %s, waiter %d (of %d, started %s) %s released",
			  op_names[op], k, n,
			  k < want ? "early enough" : "later",
			  atomic_load(&w[k].done) ? "was" : "was not");
	CHECK_STATE(e, state);
	return want;
}

static void run(int dev, const struct row *r)
{
	int e = t_create(dev, r->type, 0);
	int other = t_create(dev, T_AUTO, 0);
	bool manual = r->type == T_MANUAL;
	int i, state = 0, released = 0, seq;

	seq = atomic_load(&t_waiter_seq);
	for (i = 0; i < r->waiters; i++) {
		t_waiter_init1(&w[i], dev, e, 15000);
		if (i == r->two_at) {
			w[i].fds[0] = other;
			w[i].fds[1] = e;
			w[i].count = 2;
		}
		t_waiter_start_asleep(&w[i]);
	}
	CHECK_EQ(t_waiters_done(w, r->waiters), 0);

	for (i = 0; i < r->ops; i++) {
		released = step(r, e, r->op, state, r->wakes, r->state,
				released);
		state = r->state;
	}
	/* SETs release whoever is left. */
	while (released < r->waiters) {
		released = step(r, e, SET, state, manual ? ALL : 1,
				manual ? 1 : 0, released);
		state = manual ? 1 : 0;
	}

	for (i = 0; i < r->waiters; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, 0);
		CHECK_EQ(w[i].index, i == r->two_at ? 1 : 0);
		/* Auto-reset: released one by one, in the order they came. */
		if (!manual)
			CHECK_EQ(w[i].order - seq, i);
	}
	CHECK_STATE(e, state);
	CHECK_STATE(other, 0);

	if (state) {
		/* A signaled event: a later wait succeeds at once. */
		CHECK_RET(t_try(dev, e), 0);
		CHECK_STATE(e, manual);
	} else {
		/*
		 * Nothing left behind: a late waiter (after a pulse, one
		 * that waits a while; else a poll) is not released.
		 */
		CHECK_RET(t_wait1(dev, e, r->op == PULSE ?
				  t_after_ms(LATE_MS) : 0), -ETIMEDOUT);
		/* Nobody is left queued: a SET stays. */
		CHECK_EQ(t_set(e), 0);
		CHECK_STATE(e, 1);
	}
	close(other);
	close(e);
}

int main(void)
{
	int dev = t_open_dev();
	const struct row *r;

	T_FOR_EACH_ROW(r, rows)
		run(dev, r);
	close(dev);
	return T_PASS;
}
