// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the ntevent core (core.c), through the kernel API that
 * other modules use (<ntevent/kevent.h>). The names and the driver header
 * have theirs in names_kunit.c and wdm_kunit.c; all three make
 * ntevent_kunit.ko (see .kunitconfig).
 *
 * Every waiting thread has a deadline, so a bug ends a test with a failure
 * instead of a hang. Tests that need a thread to be asleep before going on
 * look at the event's waiter list rather than sleeping for a while.
 */

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>

#include <ntevent/kevent.h>

#include "ntevent_kunit.h"

MODULE_IMPORT_NS(NTEVENT_NS);

/* How long a helper thread may wait before it gives up. */
#define T_WAIT_MS	10000

static ktime_t in_ms(unsigned int ms)
{
	return ktime_add_ms(ktime_get(), ms);
}

static unsigned int queued_waiters(struct ntevent *ev)
{
	unsigned long flags;
	struct list_head *p;
	unsigned int n = 0;

	raw_spin_lock_irqsave(&ev->lock, flags);
	list_for_each(p, &ev->waiters)
		n++;
	raw_spin_unlock_irqrestore(&ev->lock, flags);
	return n;
}

/* Wait until at least n waits are queued on ev; false after 10 s. */
static bool await_queued(struct ntevent *ev, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < 10000; i++) {
		if (queued_waiters(ev) >= n)
			return true;
		usleep_range(500, 1000);
	}
	return false;
}

static struct ntevent *new_events(struct kunit *test, unsigned int n,
				  bool auto_reset, bool signaled)
{
	struct ntevent *evs = kunit_kcalloc(test, n, sizeof(*evs), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, evs);
	for (i = 0; i < n; i++)
		ntevent_init(&evs[i], auto_reset, signaled);
	return evs;
}

static struct ntevent **ptrs(struct kunit *test, struct ntevent *evs,
			     unsigned int n)
{
	struct ntevent **p = kunit_kcalloc(test, n, sizeof(*p), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	for (i = 0; i < n; i++)
		p[i] = &evs[i];
	return p;
}

/* A kernel thread that runs one wait: on @evs, or on @ws if not NULL. */
struct tw {
	struct ntevent_waitset *ws;
	struct ntevent **evs;
	unsigned int count;
	unsigned int flags;
	clockid_t clock;
	ktime_t deadline;
	struct ntevent *signal;
	bool allow_sig;
	atomic_t *seq;
	int result;
	int order;
	struct completion done;
	struct task_struct *task;
};

static int tw_fn(void *data)
{
	struct tw *w = data;

	if (w->allow_sig)
		allow_signal(SIGUSR1);
	if (w->ws)
		w->result = ntevent_waitset_wait(w->ws, w->flags, w->clock,
						 w->deadline);
	else
		w->result = ntevent_wait_multiple(w->count, w->evs, w->flags,
						  w->clock, w->deadline,
						  w->signal);
	if (w->seq)
		w->order = atomic_inc_return(w->seq);
	kthread_complete_and_exit(&w->done, 0);
}

static void tw_start(struct kunit *test, struct tw *w)
{
	init_completion(&w->done);
	w->result = INT_MIN;
	if (!w->deadline)
		w->deadline = in_ms(T_WAIT_MS);
	w->task = kthread_create(tw_fn, w, "ntevent-kunit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(w->task));
	get_task_struct(w->task);
	wake_up_process(w->task);
}

static struct tw *tw_new(struct kunit *test, struct ntevent **evs,
			 unsigned int count, unsigned int flags)
{
	struct tw *w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, w);
	w->evs = evs;
	w->count = count;
	w->flags = flags;
	w->clock = CLOCK_MONOTONIC;
	return w;
}

static bool tw_done(struct tw *w)
{
	return completion_done(&w->done);
}

/* Join a thread; its own deadline bounds this. Returns its result. */
static int tw_join(struct kunit *test, struct tw *w)
{
	if (!wait_for_completion_timeout(&w->done,
					 msecs_to_jiffies(T_WAIT_MS + 5000))) {
		KUNIT_FAIL(test, "waiting thread did not finish");
		wait_for_completion(&w->done);
	}
	put_task_struct(w->task);
	return w->result;
}

/* ---- state ---- */

enum state_op { OP_NONE, OP_SET, OP_RESET, OP_PULSE, OP_CLEAR, OP_POLL,
		OP_WAIT_100MS };

/*
 * One operation on a fresh event with no waiter: the value it returns (the
 * previous state for set, reset and pulse; 0 or -ETIMEDOUT for a wait) and
 * the state it leaves.
 */
struct state_row {
	const char *name;
	bool auto_reset;
	int initial;
	enum state_op op;
	int ret;
	int state;
};

#define ROW(name, a, i, op, ret, st)	{ name, a, i, op, ret, st }

static const struct state_row state_rows[] = {
	ROW("init manual 0", false, 0, OP_NONE, 0, 0),
	ROW("init manual 1", false, 1, OP_NONE, 0, 1),
	ROW("init auto 0", true, 0, OP_NONE, 0, 0),
	ROW("init auto 1", true, 1, OP_NONE, 0, 1),
	ROW("set manual 0", false, 0, OP_SET, 0, 1),
	ROW("set manual 1", false, 1, OP_SET, 1, 1),
	ROW("set auto 0 (no waiter: stays set)", true, 0, OP_SET, 0, 1),
	ROW("set auto 1", true, 1, OP_SET, 1, 1),
	ROW("reset manual 0", false, 0, OP_RESET, 0, 0),
	ROW("reset manual 1", false, 1, OP_RESET, 1, 0),
	ROW("reset auto 0", true, 0, OP_RESET, 0, 0),
	ROW("reset auto 1", true, 1, OP_RESET, 1, 0),
	ROW("pulse manual 0 (no waiter: a reset)", false, 0, OP_PULSE, 0, 0),
	ROW("pulse manual 1 (no waiter: a reset)", false, 1, OP_PULSE, 1, 0),
	ROW("pulse auto 0 (no waiter: a reset)", true, 0, OP_PULSE, 0, 0),
	ROW("pulse auto 1 (no waiter: a reset)", true, 1, OP_PULSE, 1, 0),
	ROW("clear manual 0", false, 0, OP_CLEAR, 0, 0),
	ROW("clear manual 1", false, 1, OP_CLEAR, 0, 0),
	ROW("clear auto 0", true, 0, OP_CLEAR, 0, 0),
	ROW("clear auto 1", true, 1, OP_CLEAR, 0, 0),
	ROW("poll manual 0", false, 0, OP_POLL, -ETIMEDOUT, 0),
	ROW("poll manual 1 (not consumed)", false, 1, OP_POLL, 0, 1),
	ROW("poll auto 0", true, 0, OP_POLL, -ETIMEDOUT, 0),
	ROW("poll auto 1 (consumed)", true, 1, OP_POLL, 0, 0),
	ROW("wait 100 ms manual 0", false, 0, OP_WAIT_100MS, -ETIMEDOUT, 0),
	ROW("wait 100 ms manual 1 (not consumed)", false, 1, OP_WAIT_100MS, 0, 1),
	ROW("wait 100 ms auto 0", true, 0, OP_WAIT_100MS, -ETIMEDOUT, 0),
	ROW("wait 100 ms auto 1 (consumed)", true, 1, OP_WAIT_100MS, 0, 0),
};

static void state_row_desc(const struct state_row *row, char *desc)
{
	strscpy(desc, row->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(state, state_rows, state_row_desc);

static int state_do(struct ntevent *ev, enum state_op op)
{
	switch (op) {
	case OP_SET:
		return ntevent_set(ev);
	case OP_RESET:
		return ntevent_reset(ev);
	case OP_PULSE:
		return ntevent_pulse(ev);
	case OP_CLEAR:
		ntevent_clear(ev);
		return 0;
	case OP_POLL:
		return ntevent_wait(ev, 0, CLOCK_MONOTONIC, NTEVENT_POLL);
	case OP_WAIT_100MS:
		return ntevent_wait(ev, 0, CLOCK_MONOTONIC, in_ms(100));
	default:
		return 0;
	}
}

/* The state machine of one event without waiters, row by row. */
static void op_on_fresh_event(struct kunit *test)
{
	const struct state_row *row = test->param_value;
	struct ntevent ev;

	ntevent_init(&ev, row->auto_reset, row->initial);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), row->initial);
	KUNIT_EXPECT_EQ(test, ntevent_is_auto_reset(&ev), row->auto_reset);
	KUNIT_EXPECT_EQ(test, state_do(&ev, row->op), row->ret);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), row->state);
	/* The same again: an operation's result depends on the state only. */
	KUNIT_EXPECT_EQ(test, state_do(&ev, row->op),
			row->op == OP_NONE || row->op == OP_CLEAR ? 0 :
			row->op == OP_POLL || row->op == OP_WAIT_100MS ?
			(row->state ? 0 : -ETIMEDOUT) : row->state);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), row->state);
}

static struct kunit_case ntevent_state_cases[] = {
	KUNIT_CASE_PARAM(op_on_fresh_event, state_gen_params),
	{}
};

NTEVENT_KUNIT_SUITE(state);

/* ---- waits and deadlines ---- */

static void wait_poll_nonsignaled_times_out(struct kunit *test)
{
	struct ntevent ev;

	ntevent_init(&ev, false, false);
	KUNIT_EXPECT_EQ(test, ntevent_wait(&ev, 0, CLOCK_MONOTONIC,
					   NTEVENT_POLL), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, queued_waiters(&ev), 0u);
}

static void wait_expired_deadline_still_satisfied(struct kunit *test)
{
	struct ntevent ev;

	ntevent_init(&ev, true, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait(&ev, 0, CLOCK_MONOTONIC,
					   ktime_sub_ms(ktime_get(), 10)), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
}

static void wait_monotonic_deadline_expires(struct kunit *test)
{
	ktime_t deadline = in_ms(30);
	struct ntevent ev;

	ntevent_init(&ev, true, false);
	KUNIT_EXPECT_EQ(test, ntevent_wait(&ev, 0, CLOCK_MONOTONIC, deadline),
			-ETIMEDOUT);
	KUNIT_EXPECT_GE(test, ktime_get(), deadline);
	KUNIT_EXPECT_EQ(test, queued_waiters(&ev), 0u);
}

static void wait_realtime_deadline_expires(struct kunit *test)
{
	ktime_t deadline = ktime_add_ms(ktime_get_real(), 30);
	struct ntevent ev;

	ntevent_init(&ev, true, false);
	KUNIT_EXPECT_EQ(test, ntevent_wait(&ev, 0, CLOCK_REALTIME, deadline),
			-ETIMEDOUT);
	KUNIT_EXPECT_GE(test, ktime_get_real(), deadline);
}

static void wait_realtime_deadline_in_past_polls(struct kunit *test)
{
	ktime_t start = ktime_get();
	struct ntevent ev;

	ntevent_init(&ev, true, false);
	KUNIT_EXPECT_EQ(test, ntevent_wait(&ev, 0, CLOCK_REALTIME,
					   ktime_sub_ms(ktime_get_real(), 1000)),
			-ETIMEDOUT);
	KUNIT_EXPECT_LT(test, ktime_ms_delta(ktime_get(), start), 1000);
}

static void wait_rejects_unknown_clock(struct kunit *test)
{
	struct ntevent ev;

	ntevent_init(&ev, true, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait(&ev, 0, CLOCK_BOOTTIME,
					   NTEVENT_POLL), -EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 1);
}

static void wait_rejects_unknown_flags(struct kunit *test)
{
	struct ntevent ev, *p = &ev;

	ntevent_init(&ev, true, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(1, &p, 0x80,
						    CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 1);
}

static void wait_multiple_rejects_zero_count(struct kunit *test)
{
	struct ntevent ev, *p = &ev;

	ntevent_init(&ev, true, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(0, &p, 0, CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL),
			-EINVAL);
}

static void wait_multiple_rejects_count_above_64(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 65, true, true);
	struct ntevent **p = ptrs(test, evs, 65);

	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(65, p, 0, CLOCK_MONOTONIC,
						    in_ms(10), NULL),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 1);
}

static void wait_infinite_woken_by_set(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw *w = tw_new(test, &p, 1, 0);

	ntevent_init(&ev, true, false);
	w->deadline = NTEVENT_INFINITE;
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&ev, 1));
	KUNIT_EXPECT_FALSE(test, tw_done(w));
	ntevent_set(&ev);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
}

static void wait_signal_event_set_after_queueing(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct tw *w = tw_new(test, &p[1], 1, 0);

	w->signal = &evs[0];
	tw_start(test, w);
	/* By the time the signal event is set, the thread waits on [1]. */
	KUNIT_EXPECT_EQ(test, ntevent_wait(&evs[0], 0, CLOCK_MONOTONIC,
					   in_ms(T_WAIT_MS)), 0);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[1]), 1u);
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
}

static struct kunit_case ntevent_wait_cases[] = {
	KUNIT_CASE(wait_poll_nonsignaled_times_out),
	KUNIT_CASE(wait_expired_deadline_still_satisfied),
	KUNIT_CASE(wait_monotonic_deadline_expires),
	KUNIT_CASE(wait_realtime_deadline_expires),
	KUNIT_CASE(wait_realtime_deadline_in_past_polls),
	KUNIT_CASE(wait_rejects_unknown_clock),
	KUNIT_CASE(wait_rejects_unknown_flags),
	KUNIT_CASE(wait_multiple_rejects_zero_count),
	KUNIT_CASE(wait_multiple_rejects_count_above_64),
	KUNIT_CASE(wait_infinite_woken_by_set),
	KUNIT_CASE(wait_signal_event_set_after_queueing),
	{}
};

NTEVENT_KUNIT_SUITE(wait);

/* ---- wait-any ---- */

static void wait_any_returns_lowest_signaled_index(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 4, true, false);
	struct ntevent **p = ptrs(test, evs, 4);

	ntevent_set(&evs[3]);
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(4, p, 0, CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL), 1);
}

static void wait_any_consumes_only_satisfying_event(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 3, true, true);
	struct ntevent **p = ptrs(test, evs, 3);

	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(3, p, 0, CLOCK_MONOTONIC,
						    in_ms(100), NULL), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 1);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[2]), 1);
}

static void wait_any_accepts_same_event_twice(struct kunit *test)
{
	struct ntevent ev;
	struct ntevent *p[2] = { &ev, &ev };

	ntevent_init(&ev, true, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(2, p, 0, CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(2, p, 0, CLOCK_MONOTONIC,
						    in_ms(20), NULL),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, queued_waiters(&ev), 0u);
}

static void wait_any_64_events_finds_last(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 64, true, false);
	struct ntevent **p = ptrs(test, evs, 64);

	ntevent_set(&evs[63]);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(64, p, 0, CLOCK_MONOTONIC,
						    in_ms(T_WAIT_MS), NULL),
			63);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[0]), 0u);
}

static void wait_any_woken_by_later_event(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 6, true, false);
	struct ntevent **p = ptrs(test, evs, 6);
	struct tw *w = tw_new(test, p, 6, 0);

	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&evs[5], 1));
	ntevent_set(&evs[4]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 4);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[4]), 0);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[0]), 0u);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[5]), 0u);
}

static void wait_any_mixed_types(struct kunit *test)
{
	struct ntevent man, aut;
	struct ntevent *p[2] = { &man, &aut };

	ntevent_init(&man, false, false);
	ntevent_init(&aut, true, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(2, p, 0, CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL), 1);
	ntevent_set(&man);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(2, p, 0, CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&man), 1);
}

static struct kunit_case ntevent_wait_any_cases[] = {
	KUNIT_CASE(wait_any_returns_lowest_signaled_index),
	KUNIT_CASE(wait_any_consumes_only_satisfying_event),
	KUNIT_CASE(wait_any_accepts_same_event_twice),
	KUNIT_CASE(wait_any_64_events_finds_last),
	KUNIT_CASE(wait_any_woken_by_later_event),
	KUNIT_CASE(wait_any_mixed_types),
	{}
};

NTEVENT_KUNIT_SUITE(wait_any);

/* ---- wait-all ---- */

static void wait_all_rejects_duplicate_events(struct kunit *test)
{
	struct ntevent a, b;
	struct ntevent *p[3] = { &a, &b, &a };

	ntevent_init(&a, true, true);
	ntevent_init(&b, true, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(3, p, NTEVENT_KWAIT_ALL,
						    CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL),
			-ENOTUNIQ);
	KUNIT_EXPECT_EQ(test, ntevent_read(&a), 1);
	KUNIT_EXPECT_EQ(test, ntevent_read(&b), 1);
}

static void wait_all_consumes_all_at_once(struct kunit *test)
{
	struct ntevent a, b, c;
	struct ntevent *p[3] = { &a, &b, &c };

	ntevent_init(&a, true, true);
	ntevent_init(&b, true, true);
	ntevent_init(&c, false, true);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(3, p, NTEVENT_KWAIT_ALL,
						    CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&a), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&b), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&c), 1);
}

static void wait_all_poll_partial_consumes_nothing(struct kunit *test)
{
	struct ntevent a, b;
	struct ntevent *p[2] = { &a, &b };

	ntevent_init(&a, true, true);
	ntevent_init(&b, true, false);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(2, p, NTEVENT_KWAIT_ALL,
						    CLOCK_MONOTONIC,
						    NTEVENT_POLL, NULL),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, ntevent_read(&a), 1);
}

static void wait_all_timeout_leaves_states_unchanged(struct kunit *test)
{
	struct ntevent a, b;
	struct ntevent *p[2] = { &a, &b };

	ntevent_init(&a, true, true);
	ntevent_init(&b, true, false);
	KUNIT_EXPECT_EQ(test, ntevent_wait_multiple(2, p, NTEVENT_KWAIT_ALL,
						    CLOCK_MONOTONIC,
						    in_ms(30), NULL),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, ntevent_read(&a), 1);
	KUNIT_EXPECT_EQ(test, ntevent_read(&b), 0);
	KUNIT_EXPECT_EQ(test, a.all_waiters, 0u);
	KUNIT_EXPECT_EQ(test, queued_waiters(&a), 0u);
}

static void wait_all_holds_auto_event_until_all_signaled(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct tw *w = tw_new(test, p, 2, NTEVENT_KWAIT_ALL);

	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&evs[1], 1));
	ntevent_set(&evs[0]);
	/* Not consumed while the other is non-signaled. */
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 1);
	KUNIT_EXPECT_FALSE(test, tw_done(w));
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
}

static void wait_all_satisfied_by_pulse(struct kunit *test)
{
	struct ntevent a, b;
	struct ntevent *p[2] = { &a, &b };
	struct tw *w = tw_new(test, p, 2, NTEVENT_KWAIT_ALL);

	ntevent_init(&a, true, false);
	ntevent_init(&b, false, true);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&a, 1));
	KUNIT_EXPECT_EQ(test, ntevent_pulse(&a), 0);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&a), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&b), 1);
}

static void wait_all_not_satisfied_by_pulse_alone(struct kunit *test)
{
	struct ntevent a, b;
	struct ntevent *p[2] = { &a, &b };
	struct tw *w = tw_new(test, p, 2, NTEVENT_KWAIT_ALL);

	ntevent_init(&a, true, false);
	ntevent_init(&b, true, false);
	w->deadline = in_ms(300);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&a, 1));
	ntevent_pulse(&a);
	KUNIT_EXPECT_EQ(test, ntevent_read(&a), 0);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), -ETIMEDOUT);
}

static void wait_all_64_events(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 64, true, true);
	struct ntevent **p = ptrs(test, evs, 64);
	struct tw *w;
	unsigned int i;

	ntevent_reset(&evs[40]);
	w = tw_new(test, p, 64, NTEVENT_KWAIT_ALL);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&evs[63], 1));
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 1);
	ntevent_set(&evs[40]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	for (i = 0; i < 64; i++)
		KUNIT_EXPECT_EQ(test, ntevent_read(&evs[i]), 0);
}

static void wait_all_skipped_for_later_wait_any(struct kunit *test)
{
	struct ntevent a, b;
	struct ntevent *p[2] = { &a, &b };
	struct tw *all = tw_new(test, p, 2, NTEVENT_KWAIT_ALL);
	struct tw *any = tw_new(test, p, 1, 0);

	ntevent_init(&a, true, false);
	ntevent_init(&b, true, false);
	tw_start(test, all);
	KUNIT_EXPECT_TRUE(test, await_queued(&a, 1));
	tw_start(test, any);
	KUNIT_EXPECT_TRUE(test, await_queued(&a, 2));
	/* The first waiter cannot use a alone: the second one gets it. */
	ntevent_set(&a);
	KUNIT_EXPECT_EQ(test, tw_join(test, any), 0);
	KUNIT_EXPECT_FALSE(test, tw_done(all));
	ntevent_set(&b);
	ntevent_set(&a);
	KUNIT_EXPECT_EQ(test, tw_join(test, all), 0);
}

static struct kunit_case ntevent_wait_all_cases[] = {
	KUNIT_CASE(wait_all_rejects_duplicate_events),
	KUNIT_CASE(wait_all_consumes_all_at_once),
	KUNIT_CASE(wait_all_poll_partial_consumes_nothing),
	KUNIT_CASE(wait_all_timeout_leaves_states_unchanged),
	KUNIT_CASE(wait_all_holds_auto_event_until_all_signaled),
	KUNIT_CASE(wait_all_satisfied_by_pulse),
	KUNIT_CASE(wait_all_not_satisfied_by_pulse_alone),
	KUNIT_CASE(wait_all_64_events),
	KUNIT_CASE(wait_all_skipped_for_later_wait_any),
	{}
};

NTEVENT_KUNIT_SUITE(wait_all);

/* ---- threads ---- */

static struct tw **start_waiters(struct kunit *test, struct ntevent **p,
				 unsigned int n, atomic_t *seq, bool one_by_one)
{
	struct tw **ws = kunit_kcalloc(test, n, sizeof(*ws), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ws);
	for (i = 0; i < n; i++) {
		ws[i] = tw_new(test, p, 1, 0);
		ws[i]->seq = seq;
		tw_start(test, ws[i]);
		if (one_by_one)
			KUNIT_EXPECT_TRUE(test, await_queued(p[0], i + 1));
	}
	KUNIT_EXPECT_TRUE(test, await_queued(p[0], n));
	return ws;
}

static unsigned int count_done(struct tw **ws, unsigned int n)
{
	unsigned int i, done = 0;

	for (i = 0; i < n; i++)
		done += tw_done(ws[i]);
	return done;
}

static void join_all(struct kunit *test, struct tw **ws, unsigned int n,
		     int expect)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, tw_join(test, ws[i]), expect);
}

static void set_auto_releases_exactly_one_waiter(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	atomic_t seq = ATOMIC_INIT(0);
	struct tw **ws;

	ntevent_init(&ev, true, false);
	ws = start_waiters(test, &p, 3, &seq, false);
	KUNIT_EXPECT_EQ(test, ntevent_set(&ev), 0);
	msleep(50);
	KUNIT_EXPECT_EQ(test, count_done(ws, 3), 1u);
	KUNIT_EXPECT_EQ(test, queued_waiters(&ev), 2u);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
	ntevent_set(&ev);
	ntevent_set(&ev);
	join_all(test, ws, 3, 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
}

static void set_manual_releases_all_waiters(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw **ws;

	ntevent_init(&ev, false, false);
	ws = start_waiters(test, &p, 5, NULL, false);
	ntevent_set(&ev);
	join_all(test, ws, 5, 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 1);
}

static void pulse_manual_releases_current_waiters(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw **ws;

	ntevent_init(&ev, false, false);
	ws = start_waiters(test, &p, 5, NULL, false);
	KUNIT_EXPECT_EQ(test, ntevent_pulse(&ev), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
	join_all(test, ws, 5, 0);
}

static void pulse_auto_releases_one_waiter(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw **ws;

	ntevent_init(&ev, true, false);
	ws = start_waiters(test, &p, 3, NULL, false);
	ntevent_pulse(&ev);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
	msleep(50);
	KUNIT_EXPECT_EQ(test, count_done(ws, 3), 1u);
	KUNIT_EXPECT_EQ(test, queued_waiters(&ev), 2u);
	ntevent_pulse(&ev);
	ntevent_pulse(&ev);
	join_all(test, ws, 3, 0);
}

static void auto_waiters_released_in_fifo_order(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	atomic_t seq = ATOMIC_INIT(0);
	struct tw **ws;
	unsigned int i;

	ntevent_init(&ev, true, false);
	ws = start_waiters(test, &p, 6, &seq, true);
	for (i = 0; i < 6; i++) {
		ntevent_set(&ev);
		KUNIT_EXPECT_EQ(test, tw_join(test, ws[i]), 0);
		KUNIT_EXPECT_EQ(test, ws[i]->order, (int)i + 1);
	}
}

static void manual_event_releases_100_kthreads(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw **ws;

	ntevent_init(&ev, false, false);
	ws = start_waiters(test, &p, 100, NULL, false);
	KUNIT_EXPECT_EQ(test, queued_waiters(&ev), 100u);
	ntevent_set(&ev);
	join_all(test, ws, 100, 0);
	KUNIT_EXPECT_EQ(test, queued_waiters(&ev), 0u);
}

static void interruptible_wait_ends_on_signal(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw *w = tw_new(test, &p, 1, NTEVENT_KWAIT_INTERRUPTIBLE);

	ntevent_init(&ev, true, false);
	w->allow_sig = true;
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&ev, 1));
	send_sig(SIGUSR1, w->task, 1);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), -EINTR);
	ntevent_set(&ev);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 1);
}

static void killable_wait_ignores_ordinary_signal(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw *w = tw_new(test, &p, 1, NTEVENT_KWAIT_KILLABLE);

	ntevent_init(&ev, true, false);
	w->allow_sig = true;
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&ev, 1));
	send_sig(SIGUSR1, w->task, 1);
	msleep(50);
	KUNIT_EXPECT_FALSE(test, tw_done(w));
	ntevent_set(&ev);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
}

static void uninterruptible_wait_ignores_signal(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw *w = tw_new(test, &p, 1, 0);

	ntevent_init(&ev, true, false);
	w->allow_sig = true;
	w->deadline = in_ms(300);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&ev, 1));
	send_sig(SIGUSR1, w->task, 1);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), -ETIMEDOUT);
}

/*
 * A wait that ignores signals sleeps in TASK_IDLE: the hung-task detector
 * skips it (it only reports TASK_UNINTERRUPTIBLE without TASK_NOLOAD) and
 * it adds nothing to the load average. An interruptible one sleeps in
 * TASK_INTERRUPTIBLE, a killable one in TASK_KILLABLE.
 */
static void wait_sleep_state_follows_flags(struct kunit *test)
{
	static const struct {
		unsigned int flags;
		unsigned int state;
	} cases[] = {
		{ 0, TASK_IDLE },
		{ NTEVENT_KWAIT_INTERRUPTIBLE, TASK_INTERRUPTIBLE },
		{ NTEVENT_KWAIT_KILLABLE, TASK_KILLABLE },
	};
	unsigned int i, j, state = 0;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct ntevent ev, *p = &ev;
		struct tw *w = tw_new(test, &p, 1, cases[i].flags);

		ntevent_init(&ev, true, false);
		w->deadline = NTEVENT_INFINITE;
		tw_start(test, w);
		KUNIT_EXPECT_TRUE(test, await_queued(&ev, 1));
		/* Queued, then asleep: the state settles within a few ms. */
		for (j = 0; j < 1000; j++) {
			state = READ_ONCE(w->task->__state);
			if (state == cases[i].state)
				break;
			usleep_range(500, 1000);
		}
		KUNIT_EXPECT_EQ_MSG(test, state, cases[i].state, "flags %#x",
				    cases[i].flags);
		ntevent_set(&ev);
		KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	}
}

struct pingpong {
	struct ntevent *mine, *theirs;
	unsigned int rounds;
	unsigned int got;
	int err;
	struct completion done;
};

static int pingpong_fn(void *data)
{
	struct pingpong *pp = data;
	unsigned int i;
	int ret;

	for (i = 0; i < pp->rounds; i++) {
		ret = ntevent_wait(pp->mine, 0, CLOCK_MONOTONIC,
				   in_ms(T_WAIT_MS));
		if (ret) {
			pp->err = ret;
			break;
		}
		pp->got++;
		ntevent_set(pp->theirs);
	}
	kthread_complete_and_exit(&pp->done, 0);
}

static void ping_pong_loses_no_wakeup(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct pingpong *pp = kunit_kcalloc(test, 2, sizeof(*pp), GFP_KERNEL);
	struct task_struct *t;
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, pp);
	for (i = 0; i < 2; i++) {
		pp[i].mine = &evs[i];
		pp[i].theirs = &evs[!i];
		pp[i].rounds = 2000;
		init_completion(&pp[i].done);
		t = kthread_run(pingpong_fn, &pp[i], "ntevent-pp%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	ntevent_set(&evs[0]);
	for (i = 0; i < 2; i++) {
		wait_for_completion(&pp[i].done);
		KUNIT_EXPECT_EQ(test, pp[i].err, 0);
		KUNIT_EXPECT_EQ(test, pp[i].got, 2000u);
	}
	/* The last set of thread 1 is left on event 0. */
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 1);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
}

static struct kunit_case ntevent_threads_cases[] = {
	KUNIT_CASE(set_auto_releases_exactly_one_waiter),
	KUNIT_CASE(set_manual_releases_all_waiters),
	KUNIT_CASE(pulse_manual_releases_current_waiters),
	KUNIT_CASE(pulse_auto_releases_one_waiter),
	KUNIT_CASE(auto_waiters_released_in_fifo_order),
	KUNIT_CASE(manual_event_releases_100_kthreads),
	KUNIT_CASE(interruptible_wait_ends_on_signal),
	KUNIT_CASE(killable_wait_ignores_ordinary_signal),
	KUNIT_CASE(uninterruptible_wait_ignores_signal),
	KUNIT_CASE(wait_sleep_state_follows_flags),
	KUNIT_CASE(ping_pong_loses_no_wakeup),
	{}
};

NTEVENT_KUNIT_SUITE(threads);

/* ---- contexts: hard IRQ, softirq, atomic ---- */

struct irq_ctx {
	struct hrtimer timer;
	struct ntevent *ev;
	struct ntevent *other;
	bool in_hardirq;
	bool in_softirq;
	int results[6];
	bool all_ops;
};

static enum hrtimer_restart irq_set_fn(struct hrtimer *t)
{
	struct irq_ctx *c = container_of(t, struct irq_ctx, timer);

	c->in_hardirq = in_hardirq();
	c->in_softirq = in_serving_softirq();
	if (c->all_ops) {
		c->results[0] = ntevent_set(c->ev);
		c->results[1] = ntevent_reset(c->ev);
		ntevent_clear(c->ev);
		c->results[2] = ntevent_pulse(c->ev);
		c->results[3] = ntevent_read(c->ev);
		ntevent_set(c->other);
		c->results[4] = ntevent_wait(c->other, 0, CLOCK_MONOTONIC,
					     NTEVENT_POLL);
		c->results[5] = ntevent_wait(c->other, 0, CLOCK_MONOTONIC,
					     NTEVENT_POLL);
	}
	ntevent_set(c->ev);
	return HRTIMER_NORESTART;
}

static struct irq_ctx *irq_start(struct kunit *test, struct ntevent *ev,
				 enum hrtimer_mode mode)
{
	struct irq_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c);
	c->ev = ev;
	hrtimer_setup(&c->timer, irq_set_fn, CLOCK_MONOTONIC, mode);
	return c;
}

static void set_from_hard_irq_wakes_waiter(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw *w = tw_new(test, &p, 1, 0);
	struct irq_ctx *c;

	ntevent_init(&ev, true, false);
	c = irq_start(test, &ev, HRTIMER_MODE_REL_HARD);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&ev, 1));
	hrtimer_start(&c->timer, ms_to_ktime(5), HRTIMER_MODE_REL_HARD);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	hrtimer_cancel(&c->timer);
	KUNIT_EXPECT_TRUE(test, c->in_hardirq);
	KUNIT_EXPECT_EQ(test, ntevent_read(&ev), 0);
}

static void set_from_softirq_wakes_waiter(struct kunit *test)
{
	struct ntevent ev, *p = &ev;
	struct tw *w = tw_new(test, &p, 1, 0);
	struct irq_ctx *c;

	ntevent_init(&ev, false, false);
	c = irq_start(test, &ev, HRTIMER_MODE_REL_SOFT);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&ev, 1));
	hrtimer_start(&c->timer, ms_to_ktime(5), HRTIMER_MODE_REL_SOFT);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	hrtimer_cancel(&c->timer);
	KUNIT_EXPECT_TRUE(test, c->in_softirq);
}

static void every_op_works_in_hard_irq(struct kunit *test)
{
	struct ntevent ev, other;
	struct irq_ctx *c;

	ntevent_init(&ev, false, false);
	ntevent_init(&other, true, false);
	c = irq_start(test, &ev, HRTIMER_MODE_REL_HARD);
	c->other = &other;
	c->all_ops = true;
	hrtimer_start(&c->timer, ms_to_ktime(1), HRTIMER_MODE_REL_HARD);
	KUNIT_EXPECT_EQ(test, ntevent_wait(&ev, 0, CLOCK_MONOTONIC,
					   in_ms(T_WAIT_MS)), 0);
	hrtimer_cancel(&c->timer);
	KUNIT_EXPECT_TRUE(test, c->in_hardirq);
	KUNIT_EXPECT_EQ(test, c->results[0], 0);
	KUNIT_EXPECT_EQ(test, c->results[1], 1);
	KUNIT_EXPECT_EQ(test, c->results[2], 0);
	KUNIT_EXPECT_EQ(test, c->results[3], 0);
	KUNIT_EXPECT_EQ(test, c->results[4], 0);
	KUNIT_EXPECT_EQ(test, c->results[5], -ETIMEDOUT);
}

static void wait_all_completed_from_hard_irq(struct kunit *test)
{
	struct ntevent a, b;
	struct ntevent *p[2] = { &a, &b };
	struct tw *w = tw_new(test, p, 2, NTEVENT_KWAIT_ALL);
	struct irq_ctx *c;

	ntevent_init(&a, true, true);
	ntevent_init(&b, true, false);
	c = irq_start(test, &b, HRTIMER_MODE_REL_HARD);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_queued(&b, 1));
	hrtimer_start(&c->timer, ms_to_ktime(5), HRTIMER_MODE_REL_HARD);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	hrtimer_cancel(&c->timer);
	KUNIT_EXPECT_EQ(test, ntevent_read(&a), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&b), 0);
}

static void zero_timeout_wait_in_atomic_context(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 10, true, true);
	struct ntevent **p = ptrs(test, evs, 10);
	unsigned long flags;
	int any, all, none, one;

	local_irq_save(flags);
	preempt_disable();
	one = ntevent_wait(&evs[0], 0, CLOCK_MONOTONIC, NTEVENT_POLL);
	any = ntevent_wait_multiple(10, p, 0, CLOCK_MONOTONIC, NTEVENT_POLL,
				    NULL);
	all = ntevent_wait_multiple(8, p + 2, NTEVENT_KWAIT_ALL,
				    CLOCK_MONOTONIC, NTEVENT_POLL, NULL);
	none = ntevent_wait_multiple(10, p, 0, CLOCK_MONOTONIC, NTEVENT_POLL,
				     NULL);
	preempt_enable();
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, one, 0);
	KUNIT_EXPECT_EQ(test, any, 1);
	KUNIT_EXPECT_EQ(test, all, 0);
	KUNIT_EXPECT_EQ(test, none, -ETIMEDOUT);
}

/*
 * Hard-IRQ sets and pulses (an hrtimer every 200 us) race kernel threads
 * that set and reset the same event, wait on it (wait-any), and wait for
 * it together with a third event (wait-all), for two seconds. On a
 * PREEMPT_RT kernel with raw-lock nesting checks this proves "any context"
 * for the paths a set takes with wait-alls queued; every side must make
 * progress, and it must end.
 */
struct irq_race {
	struct hrtimer timer;
	struct ntevent a, b, c;
	ktime_t end;
	atomic_t ticks;
	atomic_t progress[3];
	struct completion done[3];
};

static enum hrtimer_restart irq_race_tick(struct hrtimer *t)
{
	struct irq_race *r = container_of(t, struct irq_race, timer);

	ntevent_set(&r->a);
	ntevent_pulse(&r->b);
	atomic_inc(&r->ticks);
	if (ktime_after(ktime_get(), r->end))
		return HRTIMER_NORESTART;
	hrtimer_forward_now(t, ns_to_ktime(200 * NSEC_PER_USEC));
	return HRTIMER_RESTART;
}

static int irq_race_setter(void *data)
{
	struct irq_race *r = data;

	while (ktime_before(ktime_get(), r->end)) {
		ntevent_set(&r->a);
		ntevent_reset(&r->a);
		atomic_inc(&r->progress[0]);
		cond_resched();
	}
	kthread_complete_and_exit(&r->done[0], 0);
}

static int irq_race_any(void *data)
{
	struct irq_race *r = data;
	struct ntevent *evs[2] = { &r->a, &r->b };

	while (ktime_before(ktime_get(), r->end))
		if (ntevent_wait_multiple(2, evs, 0, CLOCK_MONOTONIC, in_ms(10),
					  NULL) >= 0)
			atomic_inc(&r->progress[1]);
	kthread_complete_and_exit(&r->done[1], 0);
}

static int irq_race_all(void *data)
{
	struct irq_race *r = data;
	struct ntevent *evs[2] = { &r->a, &r->c };

	while (ktime_before(ktime_get(), r->end))
		if (!ntevent_wait_multiple(2, evs, NTEVENT_KWAIT_ALL,
					   CLOCK_MONOTONIC, in_ms(10), NULL))
			atomic_inc(&r->progress[2]);
	kthread_complete_and_exit(&r->done[2], 0);
}

/*
 * Run the three racing kthreads fns[i](data), named name/i, with the
 * hard-IRQ timer (set up by the caller) ticking from 200 us on, until each
 * completes done[i] (within 30 s, or the case fails and waits on).
 */
static void race_run(struct kunit *test, int (*const fns[3])(void *),
		     void *data, struct completion done[3],
		     struct hrtimer *timer, const char *name)
{
	unsigned int i;

	for (i = 0; i < 3; i++) {
		struct task_struct *t;

		init_completion(&done[i]);
		t = kthread_run(fns[i], data, "%s/%u", name, i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	hrtimer_start(timer, ns_to_ktime(200 * NSEC_PER_USEC),
		      HRTIMER_MODE_REL_HARD);
	for (i = 0; i < 3; i++) {
		if (!wait_for_completion_timeout(&done[i],
						 msecs_to_jiffies(30000))) {
			KUNIT_FAIL(test, "racing thread %u did not finish", i);
			wait_for_completion(&done[i]);
		}
	}
	hrtimer_cancel(timer);
}

static void hard_irq_sets_race_kernel_waiters(struct kunit *test)
{
	static int (*const fns[3])(void *) = {
		irq_race_setter, irq_race_any, irq_race_all,
	};
	struct irq_race *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	ntevent_init(&r->a, true, false);
	ntevent_init(&r->b, false, false);
	ntevent_init(&r->c, false, true);
	r->end = in_ms(2000);
	hrtimer_setup(&r->timer, irq_race_tick, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_HARD);
	race_run(test, fns, r, r->done, &r->timer, "ntevent-race");
	kunit_info(test, "%d IRQ ticks; %d set+reset, %d wait-any, %d wait-all",
		   atomic_read(&r->ticks), atomic_read(&r->progress[0]),
		   atomic_read(&r->progress[1]), atomic_read(&r->progress[2]));
	KUNIT_EXPECT_GT(test, atomic_read(&r->ticks), 0);
	for (i = 0; i < ARRAY_SIZE(fns); i++)
		KUNIT_EXPECT_GT(test, atomic_read(&r->progress[i]), 0);
}

static struct kunit_case ntevent_context_cases[] = {
	KUNIT_CASE(set_from_hard_irq_wakes_waiter),
	KUNIT_CASE(set_from_softirq_wakes_waiter),
	KUNIT_CASE(every_op_works_in_hard_irq),
	KUNIT_CASE(wait_all_completed_from_hard_irq),
	KUNIT_CASE(zero_timeout_wait_in_atomic_context),
	KUNIT_CASE(hard_irq_sets_race_kernel_waiters),
	{}
};

NTEVENT_KUNIT_SUITE(context);

/* ---- wait sets ---- */

static void ws_free_action(void *ws)
{
	ntevent_waitset_free(ws);
}

/*
 * A wait set freed when the test ends, before the events it names (made
 * earlier, with new_events(): never on the stack, which is gone by then).
 */
static struct ntevent_waitset *new_ws(struct kunit *test, unsigned int count,
				      struct ntevent *const *evs)
{
	struct ntevent_waitset *ws = ntevent_waitset_new(count, evs,
							 GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ws);
	ret = kunit_add_action_or_reset(test, ws_free_action, ws);
	KUNIT_ASSERT_EQ(test, ret, 0);
	return ws;
}

/* Free a wait set of new_ws() now. */
static void free_ws(struct kunit *test, struct ntevent_waitset *ws)
{
	kunit_release_action(test, ws_free_action, ws);
}

static int ws_poll(struct ntevent_waitset *ws)
{
	return ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC, NTEVENT_POLL);
}

static struct tw *tw_new_ws(struct kunit *test, struct ntevent_waitset *ws,
			    unsigned int flags)
{
	struct tw *w = tw_new(test, NULL, 0, flags);

	w->ws = ws;
	return w;
}

/*
 * A wait set's entries stay queued, so await_queued() cannot tell that its
 * thread waits: wait until the thread sleeps in the state of its wait
 * (TASK_IDLE, TASK_INTERRUPTIBLE, TASK_KILLABLE), which it only takes in
 * ntevent_sleep(), armed. False after 10 s or if the thread ended.
 */
static bool await_sleeping(struct tw *w, unsigned int state)
{
	unsigned int i;

	for (i = 0; i < 10000; i++) {
		if (READ_ONCE(w->task->__state) == state)
			return true;
		if (tw_done(w))
			return false;
		usleep_range(500, 1000);
	}
	return false;
}

/* Wait until the thread ends, without consuming its completion. */
static bool await_done(struct tw *w)
{
	unsigned int i;

	for (i = 0; i < T_WAIT_MS && !tw_done(w); i++)
		usleep_range(1000, 1100);
	return tw_done(w);
}

static void waitset_returns_lowest_signaled_index(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 4, true, false);
	struct ntevent **p = ptrs(test, evs, 4);
	struct ntevent_waitset *ws = new_ws(test, 4, p);
	unsigned int i;

	ntevent_set(&evs[3]);
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 1);
	/* Only the satisfying event is consumed. */
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[3]), 1);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 3);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[3]), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	/* The entries stay queued between waits, one per event. */
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, queued_waiters(&evs[i]), 1u);
		KUNIT_EXPECT_EQ(test, evs[i].watchers, 1u);
	}
}

static void waitset_manual_event_stays_signaled(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, false, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct ntevent_waitset *ws;

	ntevent_init(&evs[1], true, false);
	ws = new_ws(test, 2, p);
	ntevent_set(&evs[0]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 1);
	/* The lower manual event wins over the auto one, again and again. */
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 1);
	ntevent_reset(&evs[0]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 1);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
}

static void waitset_sees_event_signaled_before_new(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 4, true, false);
	struct ntevent **p = ptrs(test, evs, 4);
	struct ntevent_waitset *ws;

	ntevent_set(&evs[1]);
	ntevent_set(&evs[2]);
	ntevent_set(&evs[3]);
	ws = new_ws(test, 4, p);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 1);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 2);
	/* Reset since: its ready bit is stale, and that must not count. */
	ntevent_reset(&evs[3]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[3]), 0);
}

static void waitset_set_after_poll(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 3, true, false);
	struct ntevent **p = ptrs(test, evs, 3);
	struct ntevent_waitset *ws = new_ws(test, 3, p);

	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	ntevent_set(&evs[2]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 2);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[2]), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	/* A set while no wait is in progress stays for the next one. */
	ntevent_set(&evs[0]);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 1);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC,
						   in_ms(T_WAIT_MS)), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
}

static void waitset_woken_by_set_from_thread(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 6, true, false);
	struct ntevent **p = ptrs(test, evs, 6);
	struct ntevent_waitset *ws = new_ws(test, 6, p);
	struct tw *w = tw_new_ws(test, ws, NTEVENT_KWAIT_INTERRUPTIBLE);

	/* No deadline: a signal ends the wait if the set does not. */
	w->deadline = NTEVENT_INFINITE;
	w->allow_sig = true;
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_INTERRUPTIBLE));
	KUNIT_EXPECT_FALSE(test, tw_done(w));
	ntevent_set(&evs[4]);
	if (!await_done(w))
		send_sig(SIGUSR1, w->task, 1);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 4);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[4]), 0);

	/* Waited on again, by another thread. */
	w = tw_new_ws(test, ws, 0);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_IDLE));
	ntevent_set(&evs[0]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
}

static void waitset_woken_by_pulse(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, false, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct ntevent_waitset *ws;
	struct tw *w;
	unsigned int i;

	ntevent_init(&evs[1], true, false);
	ws = new_ws(test, 2, p);
	/* A manual event, then an auto event. */
	for (i = 0; i < 2; i++) {
		w = tw_new_ws(test, ws, 0);
		tw_start(test, w);
		KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_IDLE));
		KUNIT_EXPECT_EQ(test, ntevent_pulse(&evs[i]), 0);
		KUNIT_EXPECT_EQ(test, ntevent_read(&evs[i]), 0);
		KUNIT_EXPECT_EQ(test, tw_join(test, w), (int)i);
	}
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
}

static void waitset_pulse_without_wait_not_seen(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, false, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct ntevent_waitset *ws;
	ktime_t deadline;

	ntevent_init(&evs[1], true, false);
	ws = new_ws(test, 2, p);
	KUNIT_EXPECT_EQ(test, ntevent_pulse(&evs[0]), 0);
	KUNIT_EXPECT_EQ(test, ntevent_pulse(&evs[1]), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	deadline = in_ms(30);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC,
						   deadline), -ETIMEDOUT);
	KUNIT_EXPECT_GE(test, ktime_get(), deadline);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
}

static void waitset_set_from_hard_irq(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 3, true, false);
	struct ntevent **p = ptrs(test, evs, 3);
	struct ntevent_waitset *ws = new_ws(test, 3, p);
	struct tw *w = tw_new_ws(test, ws, 0);
	struct irq_ctx *c;

	c = irq_start(test, &evs[2], HRTIMER_MODE_REL_HARD);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_IDLE));
	hrtimer_start(&c->timer, ms_to_ktime(5), HRTIMER_MODE_REL_HARD);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 2);
	hrtimer_cancel(&c->timer);
	KUNIT_EXPECT_TRUE(test, c->in_hardirq);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[2]), 0);
}

/*
 * The wait set is registered before the thread queues its ntevent_wait():
 * its entry is ahead on the event's list, and its wait, started after the
 * thread's, must move behind it.
 */
static void waitset_fifo_plain_wait_first(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct ntevent_waitset *ws = new_ws(test, 2, p);
	atomic_t seq = ATOMIC_INIT(0);
	struct tw *plain = tw_new(test, &p[1], 1, 0);
	struct tw *set = tw_new_ws(test, ws, 0);

	plain->seq = &seq;
	set->seq = &seq;
	tw_start(test, plain);
	/* The wait set's entry and the thread's. */
	KUNIT_EXPECT_TRUE(test, await_queued(&evs[1], 2));
	tw_start(test, set);
	KUNIT_EXPECT_TRUE(test, await_sleeping(set, TASK_IDLE));
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, plain), 0);
	KUNIT_EXPECT_EQ(test, plain->order, 1);
	KUNIT_EXPECT_FALSE(test, tw_done(set));
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, set), 1);
	KUNIT_EXPECT_EQ(test, set->order, 2);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
}

/*
 * The wait set waits first, the thread queues behind it; then, with the
 * thread still queued, the wait set waits again: that wait started after
 * the thread's, and must move behind it.
 */
static void waitset_fifo_waitset_first(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct ntevent_waitset *ws = new_ws(test, 2, p);
	atomic_t seq = ATOMIC_INIT(0);
	struct tw *plain = tw_new(test, &p[1], 1, 0);
	struct tw *set = tw_new_ws(test, ws, 0);
	struct tw *again = tw_new_ws(test, ws, 0);

	plain->seq = &seq;
	set->seq = &seq;
	again->seq = &seq;
	tw_start(test, set);
	KUNIT_EXPECT_TRUE(test, await_sleeping(set, TASK_IDLE));
	tw_start(test, plain);
	KUNIT_EXPECT_TRUE(test, await_queued(&evs[1], 2));
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, set), 1);
	KUNIT_EXPECT_EQ(test, set->order, 1);
	KUNIT_EXPECT_FALSE(test, tw_done(plain));
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);

	tw_start(test, again);
	KUNIT_EXPECT_TRUE(test, await_sleeping(again, TASK_IDLE));
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, plain), 0);
	KUNIT_EXPECT_EQ(test, plain->order, 2);
	KUNIT_EXPECT_FALSE(test, tw_done(again));
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, again), 1);
	KUNIT_EXPECT_EQ(test, again->order, 3);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
}

/*
 * A wait set with no wait in progress, ahead of a queued thread on an
 * auto event: a set marks it ready but goes on to the thread, which gets
 * the event; the wait set's next wait finds nothing.
 */
static void waitset_idle_entry_passes_event_on(struct kunit *test)
{
	struct ntevent *ev = new_events(test, 1, true, false);
	struct ntevent_waitset *ws = new_ws(test, 1, &ev);
	struct tw *plain = tw_new(test, &ev, 1, 0);

	tw_start(test, plain);
	KUNIT_EXPECT_TRUE(test, await_queued(ev, 2));
	ntevent_set(ev);
	KUNIT_EXPECT_EQ(test, tw_join(test, plain), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, queued_waiters(ev), 1u);
}

/* Two wait sets on one auto event, registered in the other order. */
static void waitset_fifo_two_waitsets(struct kunit *test)
{
	struct ntevent *ev = new_events(test, 1, true, false);
	struct ntevent_waitset *second = new_ws(test, 1, &ev);
	struct ntevent_waitset *first = new_ws(test, 1, &ev);
	atomic_t seq = ATOMIC_INIT(0);
	struct tw *w1 = tw_new_ws(test, first, 0);
	struct tw *w2 = tw_new_ws(test, second, 0);

	w1->seq = &seq;
	w2->seq = &seq;
	tw_start(test, w1);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w1, TASK_IDLE));
	tw_start(test, w2);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w2, TASK_IDLE));
	ntevent_set(ev);
	KUNIT_EXPECT_EQ(test, tw_join(test, w1), 0);
	KUNIT_EXPECT_EQ(test, w1->order, 1);
	KUNIT_EXPECT_FALSE(test, tw_done(w2));
	ntevent_set(ev);
	KUNIT_EXPECT_EQ(test, tw_join(test, w2), 0);
	KUNIT_EXPECT_EQ(test, w2->order, 2);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 0);
}

static void waitset_second_wait_is_busy(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct ntevent_waitset *ws = new_ws(test, 2, p);
	struct tw *w = tw_new_ws(test, ws, 0);

	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_IDLE));
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -EBUSY);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC,
						   in_ms(T_WAIT_MS)), -EBUSY);
	/* The refused wait neither consumed nor disturbed the other one. */
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 1);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[1]), 0);
	/* Free again. */
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	ntevent_set(&evs[0]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 0);
}

static void waitset_rejects_bad_count(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 65, true, true);
	struct ntevent **p = ptrs(test, evs, 65);

	KUNIT_EXPECT_EQ(test, PTR_ERR(ntevent_waitset_new(0, p, GFP_KERNEL)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ntevent_waitset_new(65, p, GFP_KERNEL)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[0]), 0u);
	KUNIT_EXPECT_EQ(test, evs[0].watchers, 0u);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 1);
}

static void waitset_64_events_finds_last(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 64, true, false);
	struct ntevent **p = ptrs(test, evs, 64);
	struct ntevent_waitset *ws = new_ws(test, 64, p);
	struct tw *w = tw_new_ws(test, ws, 0);

	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);
	ntevent_set(&evs[63]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 63);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_IDLE));
	ntevent_set(&evs[63]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 63);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[63]), 0);
}

static void waitset_rejects_bad_flags_and_clock(struct kunit *test)
{
	struct ntevent *ev = new_events(test, 1, true, true);
	struct ntevent_waitset *ws = new_ws(test, 1, &ev);

	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, NTEVENT_KWAIT_ALL,
						   CLOCK_MONOTONIC,
						   NTEVENT_POLL), -EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0x80, CLOCK_MONOTONIC,
						   NTEVENT_POLL), -EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_BOOTTIME,
						   NTEVENT_POLL), -EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 1);
	/* Neither consumed the event nor left the wait set busy. */
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 0);
}

static void waitset_enospc_at_max_watchers(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct ntevent *pair[2] = { &evs[1], &evs[0] };
	struct ntevent_waitset **sets, *ws;
	struct ntevent *ev = &evs[0];
	unsigned int i;

	sets = kunit_kcalloc(test, NTEVENT_MAX_WATCHERS, sizeof(*sets),
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, sets);
	for (i = 0; i < NTEVENT_MAX_WATCHERS; i++)
		sets[i] = new_ws(test, 1, &ev);
	KUNIT_EXPECT_EQ(test, ev->watchers, NTEVENT_MAX_WATCHERS);
	KUNIT_EXPECT_EQ(test, queued_waiters(ev), NTEVENT_MAX_WATCHERS);

	KUNIT_EXPECT_EQ(test, PTR_ERR(ntevent_waitset_new(1, &ev, GFP_KERNEL)),
			-ENOSPC);
	/* Full at index 1: the entry queued on index 0 is taken back. */
	KUNIT_EXPECT_EQ(test, PTR_ERR(ntevent_waitset_new(2, pair,
							  GFP_KERNEL)),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[1]), 0u);
	KUNIT_EXPECT_EQ(test, evs[1].watchers, 0u);
	KUNIT_EXPECT_EQ(test, ev->watchers, NTEVENT_MAX_WATCHERS);

	/* A set walks them all, disarmed; the event stays for a wait. */
	ntevent_set(ev);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 1);
	KUNIT_EXPECT_EQ(test, ws_poll(sets[NTEVENT_MAX_WATCHERS - 1]), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(sets[0]), -ETIMEDOUT);

	free_ws(test, sets[5]);
	KUNIT_EXPECT_EQ(test, ev->watchers, NTEVENT_MAX_WATCHERS - 1);
	ws = new_ws(test, 2, pair);
	KUNIT_EXPECT_EQ(test, ev->watchers, NTEVENT_MAX_WATCHERS);
	KUNIT_EXPECT_EQ(test, evs[1].watchers, 1u);
	ntevent_set(ev);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 1);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ntevent_waitset_new(1, &ev, GFP_KERNEL)),
			-ENOSPC);
}

static void waitset_free_unqueues(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 3, false, false);
	struct ntevent **p = ptrs(test, evs, 3);
	struct ntevent_waitset *ws = new_ws(test, 3, p);
	unsigned int i;

	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 1);
	free_ws(test, ws);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, queued_waiters(&evs[i]), 0u);
		KUNIT_EXPECT_EQ(test, evs[i].watchers, 0u);
		/* Walks the list the entries left (KASAN: freed). */
		ntevent_set(&evs[i]);
		ntevent_pulse(&evs[i]);
	}
}

static void waitset_duplicate_events(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 3, true, false);
	struct ntevent *p[3] = { &evs[0], &evs[1], &evs[0] };
	struct ntevent *man[2] = { &evs[2], &evs[2] };
	struct ntevent_waitset *ws = new_ws(test, 3, p), *mws;
	struct tw *w;

	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[0]), 2u);
	KUNIT_EXPECT_EQ(test, evs[0].watchers, 2u);
	ntevent_set(&evs[0]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 0);
	/* Consumed once: the second entry has nothing left. */
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), -ETIMEDOUT);

	/* Set during the wait: the first of the two entries wins. */
	w = tw_new_ws(test, ws, 0);
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_IDLE));
	ntevent_set(&evs[0]);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 1);

	ntevent_init(&evs[2], false, true);
	mws = new_ws(test, 2, man);
	KUNIT_EXPECT_EQ(test, ws_poll(mws), 0);
	KUNIT_EXPECT_EQ(test, ws_poll(mws), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[2]), 1);

	free_ws(test, ws);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[0]), 0u);
	KUNIT_EXPECT_EQ(test, evs[0].watchers, 0u);
}

static void waitset_deadline_expires(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 2, true, false);
	struct ntevent **p = ptrs(test, evs, 2);
	struct ntevent_waitset *ws = new_ws(test, 2, p);
	ktime_t deadline = in_ms(30);

	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC,
						   deadline), -ETIMEDOUT);
	KUNIT_EXPECT_GE(test, ktime_get(), deadline);
	deadline = ktime_add_ms(ktime_get_real(), 30);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_REALTIME,
						   deadline), -ETIMEDOUT);
	KUNIT_EXPECT_GE(test, ktime_get_real(), deadline);
	/* A deadline long past only polls. */
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_REALTIME,
						   ktime_sub_ms(ktime_get_real(),
								1000)),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, queued_waiters(&evs[0]), 1u);
	ntevent_set(&evs[1]);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC,
						   in_ms(30)), 1);
	/* An expired deadline still takes a signaled event. */
	ntevent_set(&evs[0]);
	KUNIT_EXPECT_EQ(test, ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC,
						   ktime_sub_ms(ktime_get(),
								10)), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(&evs[0]), 0);
}

static void waitset_interruptible_wait_ends_on_signal(struct kunit *test)
{
	struct ntevent *ev = new_events(test, 1, true, false);
	struct ntevent_waitset *ws = new_ws(test, 1, &ev);
	struct tw *w = tw_new_ws(test, ws, NTEVENT_KWAIT_INTERRUPTIBLE);

	w->allow_sig = true;
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_INTERRUPTIBLE));
	send_sig(SIGUSR1, w->task, 1);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), -EINTR);
	/* Disarmed: a set now is not taken by the ended wait. */
	ntevent_set(ev);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 1);
	KUNIT_EXPECT_EQ(test, ws_poll(ws), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 0);
}

static void waitset_killable_wait_ignores_ordinary_signal(struct kunit *test)
{
	struct ntevent *ev = new_events(test, 1, true, false);
	struct ntevent_waitset *ws = new_ws(test, 1, &ev);
	struct tw *w = tw_new_ws(test, ws, NTEVENT_KWAIT_KILLABLE);

	w->allow_sig = true;
	tw_start(test, w);
	KUNIT_EXPECT_TRUE(test, await_sleeping(w, TASK_KILLABLE));
	send_sig(SIGUSR1, w->task, 1);
	msleep(50);
	KUNIT_EXPECT_FALSE(test, tw_done(w));
	ntevent_set(ev);
	KUNIT_EXPECT_EQ(test, tw_join(test, w), 0);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 0);
}

/*
 * A thread waits on a wait set of 8 auto events, again and again; the test
 * sets the events in turn, each once the thread has acknowledged the one
 * before: every wait must end with the index set, none lost or doubled.
 */
struct ws_pingpong {
	struct ntevent_waitset *ws;
	struct ntevent *ack;
	unsigned int rounds;
	unsigned int got;
	int err;
	struct completion done;
};

static int ws_pingpong_fn(void *data)
{
	struct ws_pingpong *pp = data;
	unsigned int i;
	int ret;

	for (i = 0; i < pp->rounds; i++) {
		ret = ntevent_waitset_wait(pp->ws, 0, CLOCK_MONOTONIC,
					   in_ms(T_WAIT_MS));
		if (ret != (int)(i % 8)) {
			pp->err = ret < 0 ? ret : -EPROTO;
			break;
		}
		pp->got++;
		ntevent_set(pp->ack);
	}
	kthread_complete_and_exit(&pp->done, 0);
}

static void waitset_ping_pong_loses_no_wakeup(struct kunit *test)
{
	struct ntevent *evs = new_events(test, 9, true, false);
	struct ntevent **p = ptrs(test, evs, 9);
	struct ws_pingpong *pp = kunit_kzalloc(test, sizeof(*pp), GFP_KERNEL);
	struct task_struct *t;
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, pp);
	pp->ws = new_ws(test, 8, p);
	pp->ack = &evs[8];
	pp->rounds = 2000;
	init_completion(&pp->done);
	t = kthread_run(ws_pingpong_fn, pp, "ntevent-wspp");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	for (i = 0; i < pp->rounds; i++) {
		ntevent_set(&evs[i % 8]);
		if (ntevent_wait(&evs[8], 0, CLOCK_MONOTONIC,
				 in_ms(T_WAIT_MS)))
			break;
	}
	wait_for_completion(&pp->done);
	KUNIT_EXPECT_EQ(test, pp->err, 0);
	KUNIT_EXPECT_EQ(test, pp->got, 2000u);
	for (i = 0; i < 9; i++)
		KUNIT_EXPECT_EQ(test, ntevent_read(&evs[i]), 0);
}

/*
 * Hard-IRQ sets and pulses (every 200 us) race, for a second, a thread
 * that waits on a wait set of those events, a thread that waits on one of
 * them with ntevent_wait(), and a thread that makes and frees wait sets on
 * them: the raw locks of a wait set, checked by lockdep with raw-lock
 * nesting on PREEMPT_RT, and its entries (KASAN). Every side must make
 * progress, and it must end.
 */
struct ws_race {
	struct hrtimer timer;
	struct ntevent *evs;
	struct ntevent_waitset *ws;
	ktime_t end;
	atomic_t ticks;
	atomic_t progress[3];
	atomic_t errors;
	struct completion done[3];
};

static enum hrtimer_restart ws_race_tick(struct hrtimer *t)
{
	struct ws_race *r = container_of(t, struct ws_race, timer);

	ntevent_set(&r->evs[0]);
	ntevent_pulse(&r->evs[1]);
	atomic_inc(&r->ticks);
	if (ktime_after(ktime_get(), r->end))
		return HRTIMER_NORESTART;
	hrtimer_forward_now(t, ns_to_ktime(200 * NSEC_PER_USEC));
	return HRTIMER_RESTART;
}

static int ws_race_set_waiter(void *data)
{
	struct ws_race *r = data;
	int ret;

	while (ktime_before(ktime_get(), r->end)) {
		ret = ntevent_waitset_wait(r->ws, 0, CLOCK_MONOTONIC,
					   in_ms(10));
		if (ret >= 0)
			atomic_inc(&r->progress[0]);
		else if (ret != -ETIMEDOUT)
			atomic_inc(&r->errors);
	}
	kthread_complete_and_exit(&r->done[0], 0);
}

static int ws_race_waiter(void *data)
{
	struct ws_race *r = data;

	while (ktime_before(ktime_get(), r->end))
		if (!ntevent_wait(&r->evs[0], 0, CLOCK_MONOTONIC, in_ms(10)))
			atomic_inc(&r->progress[1]);
	kthread_complete_and_exit(&r->done[1], 0);
}

static int ws_race_churn(void *data)
{
	struct ws_race *r = data;
	struct ntevent *p[2] = { &r->evs[1], &r->evs[0] };
	struct ntevent_waitset *ws;

	while (ktime_before(ktime_get(), r->end)) {
		ws = ntevent_waitset_new(2, p, GFP_KERNEL);
		if (IS_ERR(ws)) {
			atomic_inc(&r->errors);
			break;
		}
		if (ntevent_waitset_wait(ws, 0, CLOCK_MONOTONIC, NTEVENT_POLL)
		    != -EBUSY)
			atomic_inc(&r->progress[2]);
		ntevent_waitset_free(ws);
		cond_resched();
	}
	kthread_complete_and_exit(&r->done[2], 0);
}

static void waitset_hard_irq_sets_race_waiters(struct kunit *test)
{
	static int (*const fns[3])(void *) = {
		ws_race_set_waiter, ws_race_waiter, ws_race_churn,
	};
	struct ws_race *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	r->evs = new_events(test, 2, true, false);
	ntevent_init(&r->evs[1], false, false);
	r->ws = new_ws(test, 2, ptrs(test, r->evs, 2));
	r->end = in_ms(1000);
	hrtimer_setup(&r->timer, ws_race_tick, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_HARD);
	race_run(test, fns, r, r->done, &r->timer, "ntevent-wsrace");
	kunit_info(test, "%d IRQ ticks; %d wait set, %d wait, %d new+free",
		   atomic_read(&r->ticks), atomic_read(&r->progress[0]),
		   atomic_read(&r->progress[1]), atomic_read(&r->progress[2]));
	KUNIT_EXPECT_GT(test, atomic_read(&r->ticks), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&r->errors), 0);
	for (i = 0; i < ARRAY_SIZE(fns); i++)
		KUNIT_EXPECT_GT(test, atomic_read(&r->progress[i]), 0);
	KUNIT_EXPECT_EQ(test, r->evs[0].watchers, 1u);
	KUNIT_EXPECT_EQ(test, r->evs[1].watchers, 1u);
}

static struct kunit_case ntevent_waitset_cases[] = {
	KUNIT_CASE(waitset_returns_lowest_signaled_index),
	KUNIT_CASE(waitset_manual_event_stays_signaled),
	KUNIT_CASE(waitset_sees_event_signaled_before_new),
	KUNIT_CASE(waitset_set_after_poll),
	KUNIT_CASE(waitset_woken_by_set_from_thread),
	KUNIT_CASE(waitset_woken_by_pulse),
	KUNIT_CASE(waitset_pulse_without_wait_not_seen),
	KUNIT_CASE(waitset_set_from_hard_irq),
	KUNIT_CASE(waitset_fifo_plain_wait_first),
	KUNIT_CASE(waitset_fifo_waitset_first),
	KUNIT_CASE(waitset_idle_entry_passes_event_on),
	KUNIT_CASE(waitset_fifo_two_waitsets),
	KUNIT_CASE(waitset_second_wait_is_busy),
	KUNIT_CASE(waitset_rejects_bad_count),
	KUNIT_CASE(waitset_64_events_finds_last),
	KUNIT_CASE(waitset_rejects_bad_flags_and_clock),
	KUNIT_CASE(waitset_enospc_at_max_watchers),
	KUNIT_CASE(waitset_free_unqueues),
	KUNIT_CASE(waitset_duplicate_events),
	KUNIT_CASE(waitset_deadline_expires),
	KUNIT_CASE(waitset_interruptible_wait_ends_on_signal),
	KUNIT_CASE(waitset_killable_wait_ignores_ordinary_signal),
	KUNIT_CASE(waitset_ping_pong_loses_no_wakeup),
	KUNIT_CASE(waitset_hard_irq_sets_race_waiters),
	{}
};

NTEVENT_KUNIT_SUITE(waitset);

kunit_test_suites(&ntevent_state_suite, &ntevent_wait_suite,
		  &ntevent_wait_any_suite, &ntevent_wait_all_suite,
		  &ntevent_threads_suite, &ntevent_context_suite,
		  &ntevent_waitset_suite);

MODULE_DESCRIPTION("KUnit tests of ntevent: core, names, driver header");
MODULE_LICENSE("GPL");
