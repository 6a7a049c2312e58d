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
 * waits (a wait set's entries stay on it between waits), its count of
 * queued wait-alls and its count of wait sets. Set, reset, clear, pulse,
 * read, every wait-any and every wait set take only the locks of the
 * events they touch, one at a time: unrelated events never contend. A
 * wait set has no lock of its own: its ready mask and busy bit change by
 * atomic bit operations.
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
 * A set also walks the entries of the event's wait sets, waiting or not
 * (see "Wait sets" below): for each it sets a bit in the wait set's ready
 * mask and tries a cmpxchg that fails unless the wait set is waiting, and
 * takes no other lock. Those entries stay queued with no task blocked
 * behind them, so RLIMIT_NPROC does not bound them, and descriptors and
 * memory would let one user register thousands on an event. Hence an
 * event accepts at most NTEVENT_MAX_WATCHERS wait sets (-ENOSPC): whoever
 * registered them, that part of the walk is at most 128 such steps.
 *
 * Waking
 * ------
 * A wait is a struct ntevent_waiter with one entry queued on each object.
 * Whoever satisfies the wait claims it by moving waiter.result from -1 to
 * the index with a cmpxchg, consumes what the wait consumes, and wakes the
 * task, all under the event lock(s). Only one claim can succeed. The
 * waiter dequeues its entries itself, under each event lock, so an entry
 * is never touched after its waiter has returned; after the last dequeue
 * nothing can claim it any more and result is final. A wait set's entries
 * are the exception: they stay queued from ntevent_waitset_new() to
 * ntevent_waitset_free(), and between waits their result is a value no
 * claim accepts (see "Wait sets" below).
 */

#include <linux/bitmap.h>
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
 * @ready:   a wait set's (see struct ntevent_waitset), else NULL; constant
 * @requeue: a wait set's: a wait was queued behind one of its entries
 *           since its last wait started; set under that event's lock
 * @shared:  a wait set's: another wait set names one of its events; set
 *           under that event's lock, never cleared
 * @entries: one per object
 */
struct ntevent_waiter {
	struct task_struct *task;
	atomic_t result;
	struct ntevent *const *evs;
	unsigned int count;
	bool all;
	unsigned int hint;
	unsigned long *ready;
	bool requeue;
	bool shared;
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
	ev->watchers = 0;
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
			continue;
		}
		if (unlikely(q->ready)) {
			/* A wait set's entry: see ntevent_waitset_scan(). */
			smp_mb__before_atomic();
			set_bit(e->index, q->ready);
		}
		if (atomic_cmpxchg(&q->result, -1, e->index) == -1) {
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
 * A wait is about to queue on ev, behind the entries of the wait sets that
 * name ev: each moves behind the waits queued before its next wait starts
 * (ntevent_waitset_requeue()). ev->lock held; at most
 * NTEVENT_MAX_WATCHERS entries more than the waits queued.
 */
static void ntevent_queue_behind(struct ntevent *ev)
{
	struct ntevent_entry *e;

	if (likely(!ev->watchers))
		return;
	list_for_each_entry(e, &ev->waiters, node)
		if (e->q->ready)
			WRITE_ONCE(e->q->requeue, true);
}

/*
 * A wait set registers on ev, which other wait sets name: all of them
 * become shared (ntevent_waitset_requeue()). ev->lock held.
 */
static void ntevent_share(struct ntevent *ev, struct ntevent_waiter *q)
{
	struct ntevent_entry *e;

	list_for_each_entry(e, &ev->waiters, node)
		if (e->q->ready)
			WRITE_ONCE(e->q->shared, true);
	q->shared = true;
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
			ntevent_queue_behind(ev);
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
			ntevent_queue_behind(q->evs[i]);
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
 * Inlined into both callers: a call here cost the ping-pong 0.5%.
 */
static __always_inline int ntevent_sleep(struct ntevent_waiter *q,
					 unsigned int flags, clockid_t clock,
					 ktime_t deadline)
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
	q->ready = NULL;	/* requeue and shared: a wait set's only */
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

/*
 * Wait sets
 * ---------
 * A server waits on the same 64 events again and again; a wait-any queues
 * and dequeues an entry on each of them every time (and the ioctl looks
 * up 64 descriptors). A wait set is such a wait-any made once: its entries
 * stay queued on their events from ntevent_waitset_new() to
 * ntevent_waitset_free(), and between its waits its result is
 * NTEVENT_DISARMED, so nothing claims it. A set that walks past one of
 * them, the event signaled, sets the entry's bit in the wait set's ready
 * mask (under the event's lock); while a wait is in progress it claims the
 * wait as it claims any wait-any (ntevent_try_wake()).
 *
 * The mask is a superset of the signaled objects: a bit is cleared only by
 * the waiter, before it reads the object's state, and a set that follows
 * sets the bit again. A wait therefore looks at the objects whose bits are
 * set, in index order, instead of all of them; a bit whose object turns
 * out non-signaled (reset since) costs one read.
 *
 * Each entry sits on its event's list in the order of its registration;
 * when a wait starts, an entry that may have a waiting wait behind it (a
 * wait queued since the last wait started, or another wait set's) moves to
 * the end, so that waiters on an auto-reset event are still released first
 * come, first served.
 *
 * An event accepts at most NTEVENT_MAX_WATCHERS wait set entries: they
 * are walked by every set, with IRQs off, armed or not.
 */

/* ntevent_waiter.result of a wait set between waits. */
#define NTEVENT_DISARMED	(-2)

/**
 * struct ntevent_waitset - a wait-any registered once, waited on many times
 * @busy:  bit 0 held while a wait is in progress (one at a time)
 * @ready: bit i set when evs[i] may be signaled; atomic bit operations
 *         (a set sets it under the event's lock, the waiter clears it)
 * @evs:   the objects, in index order; constant
 * @q:     the wait, whose entries stay queued on @evs
 */
struct ntevent_waitset {
	unsigned long busy;
	DECLARE_BITMAP(ready, NTEVENT_MAX_WAIT);
	struct ntevent *evs[NTEVENT_MAX_WAIT];
	struct ntevent_waiter *q;
};

static void ntevent_waitset_unqueue(struct ntevent_waitset *ws,
				    unsigned int count)
{
	unsigned long flags;
	unsigned int i;

	for (i = 0; i < count; i++) {
		struct ntevent *ev = ws->evs[i];

		raw_spin_lock_irqsave(&ev->lock, flags);
		list_del(&ws->q->entries[i].node);
		ev->watchers--;
		raw_spin_unlock_irqrestore(&ev->lock, flags);
	}
}

/**
 * ntevent_waitset_new() - register a wait-any for repeated waits
 * @count: number of events, 1..%NTEVENT_MAX_WAIT
 * @evs:   the events, in index order; one may appear more than once
 * @gfp:   allocation flags (GFP_KERNEL_ACCOUNT for a user's wait set)
 *
 * The caller keeps the events alive until ntevent_waitset_free().
 *
 * Context: process.
 * Return: the wait set, or ERR_PTR(-EINVAL) for a bad count,
 * ERR_PTR(-ENOSPC) when an event already has %NTEVENT_MAX_WATCHERS wait
 * set entries (an event named twice in one wait set has two),
 * ERR_PTR(-ENOMEM).
 */
struct ntevent_waitset *ntevent_waitset_new(unsigned int count,
					    struct ntevent *const *evs,
					    gfp_t gfp)
{
	struct ntevent_waitset *ws;
	struct ntevent_waiter *q;
	unsigned long flags;
	unsigned int i;

	if (!count || count > NTEVENT_MAX_WAIT)
		return ERR_PTR(-EINVAL);
	ws = kzalloc(sizeof(*ws), gfp);
	q = kzalloc(struct_size(q, entries, count), gfp);
	if (!ws || !q) {
		kfree(ws);
		kfree(q);
		return ERR_PTR(-ENOMEM);
	}
	memcpy(ws->evs, evs, count * sizeof(*evs));
	ws->q = q;
	atomic_set(&q->result, NTEVENT_DISARMED);
	q->evs = ws->evs;
	q->count = count;
	q->ready = ws->ready;

	for (i = 0; i < count; i++) {
		struct ntevent_entry *e = &q->entries[i];
		struct ntevent *ev = evs[i];
		bool full;

		e->q = q;
		e->ev = ev;
		e->index = i;
		raw_spin_lock_irqsave(&ev->lock, flags);
		full = ev->watchers >= NTEVENT_MAX_WATCHERS;
		if (!full) {
			if (ev->watchers)
				ntevent_share(ev, q);
			list_add_tail(&e->node, &ev->waiters);
			ev->watchers++;
			if (ev->signaled)
				set_bit(i, ws->ready);
		}
		raw_spin_unlock_irqrestore(&ev->lock, flags);
		if (full) {
			ntevent_waitset_unqueue(ws, i);
			kfree(q);
			kfree(ws);
			return ERR_PTR(-ENOSPC);
		}
	}
	return ws;
}
EXPORT_SYMBOL_NS_GPL(ntevent_waitset_new, NTEVENT_NS);

/**
 * ntevent_waitset_free() - unregister a wait set
 * @ws: the wait set, with no wait in progress
 *
 * Context: process.
 */
void ntevent_waitset_free(struct ntevent_waitset *ws)
{
	ntevent_waitset_unqueue(ws, ws->q->count);
	kfree(ws->q);
	kfree(ws);
}
EXPORT_SYMBOL_NS_GPL(ntevent_waitset_free, NTEVENT_NS);

/*
 * Take the lowest-indexed signaled object among those whose ready bit is
 * set, with the wait armed: sets may claim it meanwhile, as they claim a
 * queued wait-any. Returns true if this scan claimed it.
 *
 *   scan                                  set(evs[i])
 *   ----                                  -----------
 *   clear_bit(i)                          signaled = true (ev->lock)
 *   smp_mb__after_atomic()                smp_mb__before_atomic()
 *   signaled?                             set_bit(i) (ev->lock)
 *
 * either the scan sees the object signaled, or the bit is set again after
 * it was cleared.
 */
static bool ntevent_waitset_scan(struct ntevent_waitset *ws)
{
	struct ntevent_waiter *q = ws->q;
	unsigned long flags;
	unsigned int i;

	for (i = find_first_bit(ws->ready, q->count); i < q->count;
	     i = find_next_bit(ws->ready, q->count, i + 1)) {
		struct ntevent *ev = ws->evs[i];
		bool got = false, stop;

		clear_bit(i, ws->ready);
		smp_mb__after_atomic();	/* the bit cleared, then the state */
		if (!ntevent_signaled_hint(ev))
			continue;
		raw_spin_lock_irqsave(&ev->lock, flags);
		stop = atomic_read(&q->result) != -1;
		if (!stop && ev->signaled) {
			got = atomic_cmpxchg(&q->result, -1, i) == -1;
			if (got && ev->auto_reset)
				WRITE_ONCE(ev->signaled, false);
			stop = true;
		}
		if (ev->signaled)
			set_bit(i, ws->ready);
		raw_spin_unlock_irqrestore(&ev->lock, flags);
		if (stop)
			return got;
	}
	return false;
}

/*
 * Move the entries behind the waits that started before this one: see
 * "Wait sets" above. Those that queued behind an entry since the last
 * wait started flagged it (ntevent_queue_behind()); so may other wait sets
 * whose waits started since, on an event they share with this one: then
 * the entries on events that other wait sets name move. A wait that
 * queues or starts after the flags are read started after this one, or
 * at the same time.
 */
static void ntevent_waitset_requeue(struct ntevent_waitset *ws)
{
	struct ntevent_waiter *q = ws->q;
	bool all = READ_ONCE(q->requeue);
	unsigned long flags;
	unsigned int i;

	if (!all && !READ_ONCE(q->shared))
		return;
	/* Cleared only when every entry moves: a flag set now is kept. */
	if (all)
		WRITE_ONCE(q->requeue, false);
	for (i = 0; i < q->count; i++) {
		struct ntevent_entry *e = &q->entries[i];
		struct ntevent *ev = e->ev;

		if (!all && READ_ONCE(ev->watchers) < 2)
			continue;
		raw_spin_lock_irqsave(&ev->lock, flags);
		list_move_tail(&e->node, &ev->waiters);
		raw_spin_unlock_irqrestore(&ev->lock, flags);
	}
}

/**
 * ntevent_waitset_wait() - wait for any event of a wait set
 * @ws:       the wait set
 * @flags:    %NTEVENT_KWAIT_INTERRUPTIBLE or %NTEVENT_KWAIT_KILLABLE, or 0
 * @clock:    %CLOCK_MONOTONIC or %CLOCK_REALTIME, the clock of @deadline
 * @deadline: absolute time on @clock, %NTEVENT_INFINITE or %NTEVENT_POLL
 *
 * What ntevent_wait_multiple() does for a wait-any on the wait set's
 * events, without queueing and dequeueing: the lowest-indexed signaled
 * event satisfies it and only that one is consumed; satisfaction beats a
 * signal, which beats the deadline; waiters on an auto-reset event are
 * released in the order they started waiting.
 *
 * Context: process.
 * Return: the index of the satisfying event, -ETIMEDOUT, -EINTR, -EINVAL
 * for a bad flag or clock, -EBUSY while another wait on @ws is in
 * progress.
 */
int ntevent_waitset_wait(struct ntevent_waitset *ws, unsigned int flags,
			 clockid_t clock, ktime_t deadline)
{
	struct ntevent_waiter *q = ws->q;
	bool self;
	int ret, r;

	if (flags & ~(NTEVENT_KWAIT_INTERRUPTIBLE | NTEVENT_KWAIT_KILLABLE))
		return -EINVAL;
	if (clock != CLOCK_MONOTONIC && clock != CLOCK_REALTIME)
		return -EINVAL;
	if (test_and_set_bit_lock(0, &ws->busy))
		return -EBUSY;
	might_sleep();

	ntevent_waitset_requeue(ws);
	q->task = current;
	/*
	 * Fully ordered, not atomic_set() (a plain store, which
	 * smp_mb__after_atomic() does not order): a set that claims the
	 * wait sees q->task, and the wait is armed before the scan reads
	 * the mask, so a set that found it disarmed set its bit before.
	 */
	atomic_xchg(&q->result, -1);
	self = ntevent_waitset_scan(ws);
	ret = -ETIMEDOUT;
	if (!self && !ntevent_deadline_passed(clock, deadline))
		ret = ntevent_sleep(q, flags, clock, deadline);

	r = atomic_xchg(&q->result, NTEVENT_DISARMED);
	if (r >= 0) {
		/*
		 * A set that claimed the wait may still be about to wake this
		 * task, under its event's lock: let it finish before the task
		 * may go away.
		 */
		if (!self) {
			unsigned long irqflags;

			raw_spin_lock_irqsave(&ws->evs[r]->lock, irqflags);
			raw_spin_unlock_irqrestore(&ws->evs[r]->lock, irqflags);
		}
		ret = r;
	}
	clear_bit_unlock(0, &ws->busy);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(ntevent_waitset_wait, NTEVENT_NS);
