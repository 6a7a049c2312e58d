// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent core: the event object and its waits.
 *
 * Locking
 * -------
 * Three kinds of lock, all raw spinlocks taken with IRQs off: set, reset,
 * clear and pulse may be called from hard IRQ context, and on PREEMPT_RT a
 * spinlock_t sleeps.
 *
 * ntevent.lock, one per event, protects its state, its FIFO list of queued
 * waits and its count of queued wait-alls. Set, reset, clear, pulse, read
 * and every wait-any take only the locks of the events they touch, one at a
 * time: unrelated events never contend.
 *
 * A wait-all must look at all of its objects at one instant and consume
 * them together, so it needs several event locks at once. Every event
 * belongs to a domain (struct ntevent_domain, domain.c): the IPC namespace
 * of the process that created it; the kernel's own events and names belong
 * to the initial one. To hold more than one event lock, a context first
 * takes the domain's all_lock, and nobody takes an all_lock while holding an
 * event lock. Under one all_lock any number of the domain's event locks may
 * therefore be taken in any order without deadlock (lockdep is told with
 * raw_spin_lock_nest_lock()). A wait-all therefore names events of one
 * domain only (-EXDEV otherwise, as ntsync's waits name objects of one
 * device only): no lock is shared by waits or sets of two IPC namespaces.
 *
 * ntevent.all_waiters counts the wait-alls queued on an event. While it is
 * zero, set and pulse only need the event lock: they cannot satisfy a
 * wait-all. When it is not zero, they drop the event lock, take the
 * domain's all_lock and the event lock again. all_waiters only changes
 * with both locks held, so reading it under the event lock is exact: a
 * wait-all that queues itself after the check also looks at the state
 * after it, under the same event lock, and so cannot miss the set.
 *
 * Lock order: a socket's wait-queue lock (sock.c: a selected socket sets
 * its event from its wake-up) -> ntevent_domain.all_lock -> ntevent.lock
 * (any number of one domain, nested) -> the scheduler's raw locks
 * (wake_up_process). The
 * poll wait queue's lock (a spinlock_t) is never taken under any of them:
 * ntevent_wake_pollers() runs after the event lock is dropped, and defers
 * to irq_work where a spinlock_t may not be taken (hard IRQ, IRQs off).
 *
 * What a set does with IRQs off
 * -----------------------------
 * A set or pulse holds its event's lock, and the domain's all_lock only
 * while wait-alls are queued on that very event. Under them it walks the
 * waits queued on that event and no other; for each wait-all it first reads
 * the state of the object that was non-signaled last time, then the
 * others', without their locks, and stops at the first non-signaled one
 * (see ntevent_try_wake_all() for why that cannot miss a wake-up); it locks
 * the up to 63 others only when all look signaled, to satisfy the wait.
 * So the work is proportional to the waits queued on
 * the event, and each wait is a task of its user, blocked in the call:
 * one user can queue at most RLIMIT_NPROC waits (64 entries each) on an
 * event, and only on events whose descriptor carries SYNCHRONIZE. The
 * all_lock that a set may spin on is its own IPC namespace's.
 *
 * Waking
 * ------
 * A wait is a struct ntevent_waiter with one entry queued on each object.
 * Whoever satisfies the wait claims it by moving waiter.result from -1 to
 * the index with a cmpxchg, consumes what the wait consumes, and wakes the
 * task, all under the event lock(s). Only one claim can succeed. The
 * waiter dequeues its entries itself, under each event lock, so an entry
 * is never touched after its waiter has returned; after the last dequeue
 * nothing can claim it any more and result is final.
 */

#include <linux/hrtimer.h>
#include <linux/irq_work.h>
#include <linux/lockdep.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/sched/rt.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include <ntevent/kevent.h>

#include "ntevent_internal.h"

/* Waits on up to this many objects keep their waiter on the stack. */
#define NTEVENT_STACK_ENTRIES	2

/**
 * struct ntevent_entry - one object of a wait
 * @node:  link in ntevent.waiters; the object's lock
 * @q:     the wait this entry belongs to
 * @ev:    the object
 * @index: position of @ev in the caller's array
 */
struct ntevent_entry {
	struct list_head node;
	struct ntevent_waiter *q;
	struct ntevent *ev;
	unsigned int index;
};

/**
 * struct ntevent_waiter - one wait in progress
 * @task:    the waiting task
 * @result:  -1 while unsatisfied, then the satisfying index (0 for
 *           wait-all); claimed by cmpxchg under an object lock
 * @evs:     the caller's array of the objects, in index order
 * @count:   number of entries
 * @all:     wait-all
 * @hint:    wait-all: index of the object last seen non-signaled; the
 *           domain's all_lock
 * @entries: one per object
 */
struct ntevent_waiter {
	struct task_struct *task;
	atomic_t result;
	struct ntevent *const *evs;
	unsigned int count;
	bool all;
	unsigned int hint;
	struct ntevent_entry entries[];
};

/* Pollers woken after a set where the poll queue's lock may not be taken. */
static void ntevent_poll_work(struct irq_work *work)
{
	struct ntevent *ev = container_of(work, struct ntevent, poll_work);

	wake_up_poll(&ev->poll_wq, EPOLLIN | EPOLLRDNORM);
}

/**
 * ntevent_init() - initialize an event object
 * @ev:         the event
 * @auto_reset: true for a synchronization (auto-reset) event, false for a
 *              notification (manual-reset) event
 * @signaled:   initial state
 *
 * Context: any.
 */
void ntevent_init(struct ntevent *ev, bool auto_reset, bool signaled)
{
	raw_spin_lock_init(&ev->lock);
	ev->auto_reset = auto_reset;
	ev->signaled = signaled;
	ev->all_waiters = 0;
	INIT_LIST_HEAD(&ev->waiters);
	ev->domain = &ntevent_init_domain;
	init_waitqueue_head(&ev->poll_wq);
	init_irq_work(&ev->poll_work, ntevent_poll_work);
}
EXPORT_SYMBOL_NS_GPL(ntevent_init, NTEVENT_NS);

/*
 * Event locks taken under their domain's all_lock, several at a time, in
 * loops. Sparse cannot count a variable number of locks, so these helpers
 * hide them from its context checking (__release/__acquire generate no
 * code); lockdep checks this protocol instead, through
 * raw_spin_lock_nest_lock().
 */
static void ntevent_lock_nested(struct ntevent *ev)
{
	raw_spin_lock_nest_lock(&ev->lock, &ev->domain->all_lock);
	__release(&ev->lock);
}

static void ntevent_unlock_nested(struct ntevent *ev)
{
	__acquire(&ev->lock);
	raw_spin_unlock(&ev->lock);
}

/*
 * Lock the objects of a wait-all, but skip, already held by the caller.
 * They are all of one domain, whose all_lock the caller holds.
 */
static void ntevent_lock_all(unsigned int count, struct ntevent *const *evs,
			     struct ntevent *skip)
{
	unsigned int i;

	lockdep_assert_held(&evs[0]->domain->all_lock);
	for (i = 0; i < count; i++)
		if (evs[i] != skip)
			ntevent_lock_nested(evs[i]);
}

static void ntevent_unlock_all(unsigned int count, struct ntevent *const *evs,
			       struct ntevent *skip)
{
	unsigned int i;

	for (i = 0; i < count; i++)
		if (evs[i] != skip)
			ntevent_unlock_nested(evs[i]);
}

/*
 * The first object not signaled, or count if they all are: at this instant
 * when their locks are held; a hint otherwise (ntevent_try_wake_all()).
 */
static unsigned int ntevent_first_unsignaled(unsigned int count,
					     struct ntevent *const *evs)
{
	unsigned int i;

	for (i = 0; i < count; i++)
		if (!READ_ONCE(evs[i]->signaled))
			break;
	return i;
}

/* Consume all the objects together; their locks are held. */
static void ntevent_consume_all(unsigned int count, struct ntevent *const *evs)
{
	unsigned int i;

	for (i = 0; i < count; i++)
		if (evs[i]->auto_reset)
			WRITE_ONCE(evs[i]->signaled, false);
}

/*
 * Called with the domain's all_lock and ev->lock held; q is a wait-all on
 * ev, which is signaled.
 *
 * The other objects' states are first read without their locks, to lock
 * them only when the wait may be satisfied. A "not signaled" read cannot
 * be stale in the way that matters: every object of q has wait-alls
 * queued, so only a context holding this same all_lock can make it
 * signaled (set and pulse take the all_lock then; reset, clear and
 * wait-any only ever make an event non-signaled):
 *
 *   set(ev), all_lock held               set(other)
 *   ----------------------               ----------
 *                                        lock other; all_waiters != 0:
 *                                        unlock, spin on all_lock
 *   READ_ONCE(other->signaled) == false
 *   -> skip q
 *   unlock all_lock                      gets all_lock, signals other,
 *                                        walks other's waiters: q is
 *                                        there and sees ev signaled
 *
 * A "signaled" read may be stale (a reset in the meantime); it is checked
 * again under the locks.
 *
 * q->hint remembers the object last found non-signaled and is read first:
 * the wait-alls that a set cannot satisfy then cost it one read each, until
 * their hint object is signaled.
 */
static void ntevent_try_wake_all(struct ntevent_waiter *q, struct ntevent *ev)
{
	unsigned int i;

	lockdep_assert_held(&ev->lock);

	if (atomic_read(&q->result) != -1)
		return;
	if (!READ_ONCE(q->evs[q->hint]->signaled))
		return;
	i = ntevent_first_unsignaled(q->count, q->evs);
	if (i < q->count) {
		q->hint = i;
		return;
	}

	ntevent_lock_all(q->count, q->evs, ev);
	if (ntevent_first_unsignaled(q->count, q->evs) == q->count &&
	    atomic_cmpxchg(&q->result, -1, 0) == -1) {
		ntevent_consume_all(q->count, q->evs);
		wake_up_process(q->task);
	}
	ntevent_unlock_all(q->count, q->evs, ev);
}

/*
 * Release the waits that ev, now signaled, can satisfy, first come first
 * served; an auto-reset event stops at the first. Called with ev->lock
 * held, and the domain's all_lock too when ev->all_waiters is not zero.
 */
static noinline void ntevent_try_wake(struct ntevent *ev)
{
	struct ntevent_entry *e;

	lockdep_assert_held(&ev->lock);

	list_for_each_entry(e, &ev->waiters, node) {
		struct ntevent_waiter *q = e->q;

		if (!ev->signaled)
			break;
		if (q->all) {
			ntevent_try_wake_all(q, ev);
		} else if (atomic_cmpxchg(&q->result, -1, e->index) == -1) {
			if (ev->auto_reset)
				WRITE_ONCE(ev->signaled, false);
			wake_up_process(q->task);
		}
	}
}

/*
 * Poll waiters see the new state; called after ev->lock is dropped. The
 * barrier in wq_has_sleeper() pairs with the smp_mb() in
 * ntevent_poll_state():
 *
 *   set                                  poll
 *   ---                                  ----
 *   signaled = true (under ev->lock)     queue on poll_wq (its lock)
 *   smp_mb()                             smp_mb()
 *   poll_wq has a sleeper?               signaled?
 *
 * either the poller's entry is visible here, or the poller sees signaled.
 * The poll queue's lock is a spinlock_t: where it may not be taken (hard
 * IRQ, IRQs off, a raw spinlock held by the caller), irq_work wakes the
 * pollers (in a thread on PREEMPT_RT).
 */
static void ntevent_wake_pollers(struct ntevent *ev)
{
	if (!wq_has_sleeper(&ev->poll_wq))
		return;
	if (preemptible())
		wake_up_poll(&ev->poll_wq, EPOLLIN | EPOLLRDNORM);
	else
		irq_work_queue(&ev->poll_work);
}

enum ntevent_op { NTEVENT_OP_SET, NTEVENT_OP_RESET, NTEVENT_OP_PULSE };

/*
 * The state change itself; ev->lock held (and the all_lock if needed).
 * Inlined with a constant op into each entry point: set and reset are the
 * hot paths, and a function call costs more than their work. Returns the
 * previous state, plus NTEVENT_POLL_WAKE when pollers must be woken once
 * the lock is dropped.
 */
#define NTEVENT_POLL_WAKE	2

static __always_inline int ntevent_apply(struct ntevent *ev,
					 enum ntevent_op op)
{
	int prev = ev->signaled;

	switch (op) {
	case NTEVENT_OP_SET:
		WRITE_ONCE(ev->signaled, true);
		if (!list_empty(&ev->waiters))
			ntevent_try_wake(ev);
		if (ev->signaled && !prev)
			return prev | NTEVENT_POLL_WAKE;
		break;
	case NTEVENT_OP_RESET:
		WRITE_ONCE(ev->signaled, false);
		break;
	case NTEVENT_OP_PULSE:
		WRITE_ONCE(ev->signaled, true);
		if (!list_empty(&ev->waiters))
			ntevent_try_wake(ev);
		WRITE_ONCE(ev->signaled, false);
		break;
	}
	return prev;
}

static noinline int ntevent_apply_all_locked(struct ntevent *ev,
					     enum ntevent_op op)
{
	raw_spinlock_t *all_lock = &ev->domain->all_lock;
	unsigned long flags;
	int ret;

	raw_spin_lock_irqsave(all_lock, flags);
	ntevent_lock_nested(ev);
	ret = ntevent_apply(ev, op);
	ntevent_unlock_nested(ev);
	raw_spin_unlock_irqrestore(all_lock, flags);
	return ret;
}

static __always_inline int ntevent_do(struct ntevent *ev, enum ntevent_op op)
{
	unsigned long flags;
	int ret;

	raw_spin_lock_irqsave(&ev->lock, flags);
	if (unlikely(ev->all_waiters) && op != NTEVENT_OP_RESET) {
		raw_spin_unlock_irqrestore(&ev->lock, flags);
		ret = ntevent_apply_all_locked(ev, op);
	} else {
		ret = ntevent_apply(ev, op);
		raw_spin_unlock_irqrestore(&ev->lock, flags);
	}
	if (op == NTEVENT_OP_SET && unlikely(ret & NTEVENT_POLL_WAKE)) {
		ntevent_wake_pollers(ev);
		ret &= ~NTEVENT_POLL_WAKE;
	}
	return ret;
}

/**
 * ntevent_set() - signal an event (KeSetEvent)
 * @ev: the event
 *
 * A notification event stays signaled and releases every waiter; a
 * synchronization event releases the first waiter that it can satisfy and
 * is then non-signaled again, or stays signaled if there is none.
 *
 * Context: any, hard IRQ included; never sleeps.
 * Return: the previous state, 0 or 1.
 */
int ntevent_set(struct ntevent *ev)
{
	return ntevent_do(ev, NTEVENT_OP_SET);
}
EXPORT_SYMBOL_NS_GPL(ntevent_set, NTEVENT_NS);

/**
 * ntevent_reset() - make an event non-signaled (KeResetEvent)
 * @ev: the event
 *
 * Context: any, hard IRQ included; never sleeps.
 * Return: the previous state, 0 or 1.
 */
int ntevent_reset(struct ntevent *ev)
{
	return ntevent_do(ev, NTEVENT_OP_RESET);
}
EXPORT_SYMBOL_NS_GPL(ntevent_reset, NTEVENT_NS);

/**
 * ntevent_clear() - make an event non-signaled (KeClearEvent)
 * @ev: the event
 *
 * Context: any, hard IRQ included; never sleeps.
 */
void ntevent_clear(struct ntevent *ev)
{
	ntevent_do(ev, NTEVENT_OP_RESET);
}
EXPORT_SYMBOL_NS_GPL(ntevent_clear, NTEVENT_NS);

/**
 * ntevent_pulse() - release the current waiters, then reset (KePulseEvent)
 * @ev: the event
 *
 * Releases the waiters a set would release (all of them for a notification
 * event, one for a synchronization event), including wait-all waits whose
 * other objects are signaled, and leaves the event non-signaled. With no
 * waiter it is a reset.
 *
 * Context: any, hard IRQ included; never sleeps.
 * Return: the previous state, 0 or 1.
 */
int ntevent_pulse(struct ntevent *ev)
{
	return ntevent_do(ev, NTEVENT_OP_PULSE);
}
EXPORT_SYMBOL_NS_GPL(ntevent_pulse, NTEVENT_NS);

/*
 * Before an event's memory is freed, once nothing can set it any more: no
 * poll wake-up of it may still be pending in irq_work. The memory must
 * then be freed after an RCU grace period (kfree_rcu()): on PREEMPT_RT the
 * irq_work thread touches the work, under rcu_read_lock(), after it is no
 * longer busy. Calling irq_work_sync() only when needed spares a free its
 * synchronize_rcu() on PREEMPT_RT. Context: process.
 */
void ntevent_quiesce(struct ntevent *ev)
{
	if (irq_work_is_busy(&ev->poll_work))
		irq_work_sync(&ev->poll_work);
}

/* Poll state of an event descriptor; see ntevent_wake_pollers(). */
bool ntevent_poll_state(struct ntevent *ev)
{
	smp_mb();	/* the poll queue entry before the state */
	return READ_ONCE(ev->signaled);
}

/* Wait-all without queueing: take every object or none. */
static bool ntevent_try_all(unsigned int count, struct ntevent *const *evs)
{
	raw_spinlock_t *all_lock = &evs[0]->domain->all_lock;
	unsigned long flags;
	bool ready;

	raw_spin_lock_irqsave(all_lock, flags);
	ntevent_lock_all(count, evs, NULL);
	ready = ntevent_first_unsignaled(count, evs) == count;
	if (ready)
		ntevent_consume_all(count, evs);
	ntevent_unlock_all(count, evs, NULL);
	raw_spin_unlock_irqrestore(all_lock, flags);
	return ready;
}

/*
 * Satisfy a wait on @ev without queueing, if it is signaled: an auto-reset
 * event is consumed. Returns whether it was.
 */
bool ntevent_try_claim(struct ntevent *ev)
{
	unsigned long flags;
	bool got;

	/* Unsignaled now: as good an answer as under the lock. */
	if (!ntevent_signaled_hint(ev))
		return false;
	raw_spin_lock_irqsave(&ev->lock, flags);
	got = ev->signaled;
	if (got && ev->auto_reset)
		WRITE_ONCE(ev->signaled, false);
	raw_spin_unlock_irqrestore(&ev->lock, flags);
	return got;
}

/* Wait-any without queueing: the lowest signaled index, or -1. */
static int ntevent_try_any(unsigned int count, struct ntevent *const *evs)
{
	unsigned int i;

	for (i = 0; i < count; i++)
		if (ntevent_try_claim(evs[i]))
			return i;
	return -1;
}

/*
 * Queue a wait-any, in index order. An object already signaled when its
 * turn comes satisfies the wait at once (unless an earlier object was set
 * in the meantime and claimed it). Returns how many entries were queued.
 */
static unsigned int ntevent_queue_any(struct ntevent_waiter *q)
{
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < q->count; i++) {
		struct ntevent_entry *e = &q->entries[i];
		struct ntevent *ev = e->ev;
		bool stop = false;

		raw_spin_lock_irqsave(&ev->lock, flags);
		if (atomic_read(&q->result) != -1) {
			stop = true;
		} else if (ev->signaled) {
			if (atomic_cmpxchg(&q->result, -1, i) == -1 &&
			    ev->auto_reset)
				WRITE_ONCE(ev->signaled, false);
			stop = true;
		} else {
			list_add_tail(&e->node, &ev->waiters);
		}
		raw_spin_unlock_irqrestore(&ev->lock, flags);
		if (stop)
			return i;
	}
	return q->count;
}

static void ntevent_dequeue_any(struct ntevent_waiter *q, unsigned int queued)
{
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < queued; i++) {
		struct ntevent *ev = q->entries[i].ev;

		raw_spin_lock_irqsave(&ev->lock, flags);
		list_del(&q->entries[i].node);
		raw_spin_unlock_irqrestore(&ev->lock, flags);
	}
}

/* Queue a wait-all, or satisfy it at once. Returns true if queued. */
static bool ntevent_queue_all(struct ntevent_waiter *q)
{
	raw_spinlock_t *all_lock = &q->evs[0]->domain->all_lock;
	unsigned long flags;
	unsigned int i;
	bool ready;

	raw_spin_lock_irqsave(all_lock, flags);
	ntevent_lock_all(q->count, q->evs, NULL);
	i = ntevent_first_unsignaled(q->count, q->evs);
	ready = i == q->count;
	if (ready) {
		ntevent_consume_all(q->count, q->evs);
		atomic_set(&q->result, 0);
	} else {
		/*
		 * The hint starts at the last non-signaled object: a set of
		 * any other (often the first: the one the waiter waits for)
		 * then costs one read, and a set of that one rescans from the
		 * front, where the first non-signaled object already is.
		 */
		for (q->hint = q->count - 1; q->evs[q->hint]->signaled;)
			q->hint--;
		for (i = 0; i < q->count; i++) {
			list_add_tail(&q->entries[i].node, &q->evs[i]->waiters);
			q->evs[i]->all_waiters++;
		}
	}
	ntevent_unlock_all(q->count, q->evs, NULL);
	raw_spin_unlock_irqrestore(all_lock, flags);
	return !ready;
}

static void ntevent_dequeue_all(struct ntevent_waiter *q)
{
	raw_spinlock_t *all_lock = &q->evs[0]->domain->all_lock;
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(all_lock, flags);
	ntevent_lock_all(q->count, q->evs, NULL);
	for (i = 0; i < q->count; i++) {
		list_del(&q->entries[i].node);
		q->evs[i]->all_waiters--;
	}
	ntevent_unlock_all(q->count, q->evs, NULL);
	raw_spin_unlock_irqrestore(all_lock, flags);
}

static bool ntevent_deadline_passed(clockid_t clock, ktime_t deadline)
{
	if (deadline == NTEVENT_INFINITE)
		return false;
	if (deadline <= 0)
		return true;
	if (clock == CLOCK_REALTIME)
		return ktime_after(ktime_get_real(), deadline);
	return ktime_after(ktime_get(), deadline);
}

/*
 * Sleep until claimed, a signal or the deadline; see ntevent_wait(). A
 * wait that ignores signals sleeps in TASK_IDLE: a driver's worker thread
 * waiting for hours is not a hung task and adds nothing to the load
 * average. The deadline gets the task's timer slack, as nanosleep's does.
 */
static int ntevent_sleep(struct ntevent_waiter *q, unsigned int flags,
			 clockid_t clock, ktime_t deadline)
{
	u64 slack = rt_task(current) ? 0 : current->timer_slack_ns;
	unsigned int state = TASK_IDLE;
	ktime_t expires = deadline;
	bool expired = false;
	int ret = 0;

	if (flags & NTEVENT_KWAIT_INTERRUPTIBLE)
		state = TASK_INTERRUPTIBLE;
	else if (flags & NTEVENT_KWAIT_KILLABLE)
		state = TASK_KILLABLE;

	for (;;) {
		set_current_state(state);
		if (atomic_read(&q->result) != -1)
			break;
		if (signal_pending_state(state, current)) {
			ret = -EINTR;
			break;
		}
		if (expired) {
			ret = -ETIMEDOUT;
			break;
		}
		if (deadline == NTEVENT_INFINITE)
			schedule();
		else
			expired = !schedule_hrtimeout_range_clock(&expires,
								  slack,
								  HRTIMER_MODE_ABS,
								  clock);
	}
	__set_current_state(TASK_RUNNING);
	return ret;
}

/* Are the objects of a wait-all all of one domain? */
static bool ntevent_one_domain(unsigned int count, struct ntevent *const *evs)
{
	unsigned int i;

	for (i = 1; i < count; i++)
		if (evs[i]->domain != evs[0]->domain)
			return false;
	return true;
}

static bool ntevent_has_duplicates(unsigned int count,
				   struct ntevent *const *evs)
{
	unsigned int i, j;

	for (i = 1; i < count; i++)
		for (j = 0; j < i; j++)
			if (evs[i] == evs[j])
				return true;
	return false;
}

/*
 * ntevent_wait_multiple() with the allocation flags of its wait block:
 * GFP_KERNEL_ACCOUNT for a wait a user asked for (dev.c).
 */
int __ntevent_wait_multiple(unsigned int count, struct ntevent *const *evs,
			    unsigned int flags, clockid_t clock,
			    ktime_t deadline, struct ntevent *signal, gfp_t gfp)
{
	struct {
		struct ntevent_waiter q;
		struct ntevent_entry e[NTEVENT_STACK_ENTRIES];
	} onstack;
	bool all = flags & NTEVENT_KWAIT_ALL;
	struct ntevent_waiter *q;
	unsigned int i, queued;
	int ret;

	if (!count || count > NTEVENT_MAX_WAIT)
		return -EINVAL;
	if (flags & ~(NTEVENT_KWAIT_ALL | NTEVENT_KWAIT_INTERRUPTIBLE |
		      NTEVENT_KWAIT_KILLABLE))
		return -EINVAL;
	if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME)
		return -EINVAL;
	if (all && ntevent_has_duplicates(count, evs))
		return -ENOTUNIQ;
	if (all && !ntevent_one_domain(count, evs))
		return -EXDEV;

	/*
	 * A wait-any too wide for the stack that an object satisfies now
	 * takes it without allocating and queueing; a signal-and-wait must
	 * set first.
	 */
	if (!all && !signal && count > NTEVENT_STACK_ENTRIES) {
		ret = ntevent_try_any(count, evs);
		if (ret >= 0)
			return ret;
	}
	if (ntevent_deadline_passed(clock, deadline)) {
		if (signal)
			ntevent_set(signal);
		if (all)
			return ntevent_try_all(count, evs) ? 0 : -ETIMEDOUT;
		ret = ntevent_try_any(count, evs);
		return ret < 0 ? -ETIMEDOUT : ret;
	}

	might_sleep();
	if (count <= NTEVENT_STACK_ENTRIES) {
		q = &onstack.q;
	} else {
		q = kmalloc(struct_size(q, entries, count), gfp);
		if (!q)
			return -ENOMEM;
	}
	q->task = current;
	atomic_set(&q->result, -1);
	q->evs = evs;
	q->count = count;
	q->all = all;
	for (i = 0; i < count; i++) {
		q->entries[i].q = q;
		q->entries[i].ev = evs[i];
		q->entries[i].index = i;
	}

	if (all) {
		queued = ntevent_queue_all(q) ? count : 0;
	} else {
		queued = ntevent_queue_any(q);
		if (queued < count) {
			/* Satisfied while queueing: no need to sleep. */
			ntevent_dequeue_any(q, queued);
			queued = 0;
		}
	}
	if (signal)
		ntevent_set(signal);

	ret = 0;
	if (queued) {
		ret = ntevent_sleep(q, flags, clock, deadline);
		if (all)
			ntevent_dequeue_all(q);
		else
			ntevent_dequeue_any(q, queued);
	}
	/* Dequeued: nothing can claim q now, so result is final. */
	if (atomic_read(&q->result) != -1)
		ret = atomic_read(&q->result);

	if (q != &onstack.q)
		kfree(q);
	return ret;
}

/**
 * ntevent_wait_multiple() - wait for any or all of several events
 * @count:    number of events, 1..%NTEVENT_MAX_WAIT
 * @evs:      the events; one may appear more than once in a wait-any
 * @flags:    %NTEVENT_KWAIT_ALL for wait-all (else wait-any);
 *            %NTEVENT_KWAIT_INTERRUPTIBLE or %NTEVENT_KWAIT_KILLABLE
 *            to let signals end the wait (else it ignores them)
 * @clock:    %CLOCK_MONOTONIC or %CLOCK_REALTIME, the clock of @deadline
 * @deadline: absolute time on @clock; %NTEVENT_INFINITE for none; a time
 *            already past (%NTEVENT_POLL) checks the objects and returns
 * @signal:   if not NULL, an event to set once the wait is queued
 *            (KeSetEvent with Wait, NtSignalAndWaitForSingleObject)
 *
 * A wait-any is satisfied by the lowest-indexed signaled event and
 * consumes only that one (an auto-reset event becomes non-signaled). A
 * wait-all is satisfied only when all events are signaled at one instant,
 * and then consumes them together; until then it changes nothing.
 * Satisfaction beats a signal, which beats the deadline.
 *
 * A wait that ignores signals sleeps in TASK_IDLE. A wait on more than two
 * events allocates its wait block with GFP_NOIO: a storage driver may wait
 * under memory pressure.
 *
 * Context: process context; a wait whose deadline has passed never sleeps
 * and may be called in atomic context.
 * Return: the index of the satisfying event (0 for a wait-all),
 * -ETIMEDOUT when the deadline passed, -EINTR when a signal ended the
 * wait, -EINVAL for a bad count, flag or clock, -ENOTUNIQ for an event
 * named twice in a wait-all (STATUS_INVALID_PARAMETER_MIX), -EXDEV for a
 * wait-all on events of two IPC namespaces, -ENOMEM.
 */
int ntevent_wait_multiple(unsigned int count, struct ntevent *const *evs,
			  unsigned int flags, clockid_t clock,
			  ktime_t deadline, struct ntevent *signal)
{
	return __ntevent_wait_multiple(count, evs, flags, clock, deadline,
				       signal, GFP_NOIO);
}
EXPORT_SYMBOL_NS_GPL(ntevent_wait_multiple, NTEVENT_NS);

/**
 * ntevent_wait() - wait for one event
 * @ev:       the event
 * @flags:    %NTEVENT_KWAIT_INTERRUPTIBLE or %NTEVENT_KWAIT_KILLABLE, or 0
 * @clock:    %CLOCK_MONOTONIC or %CLOCK_REALTIME, the clock of @deadline
 * @deadline: absolute time on @clock, %NTEVENT_INFINITE or %NTEVENT_POLL
 *
 * Consumes the event if it is a synchronization event.
 *
 * Context: process context; with a deadline already past, any context.
 * Return: 0 when the event was signaled, -ETIMEDOUT, -EINTR or -EINVAL.
 */
int ntevent_wait(struct ntevent *ev, unsigned int flags, clockid_t clock,
		 ktime_t deadline)
{
	return ntevent_wait_multiple(1, &ev, flags & ~NTEVENT_KWAIT_ALL,
				     clock, deadline, NULL);
}
EXPORT_SYMBOL_NS_GPL(ntevent_wait, NTEVENT_NS);
