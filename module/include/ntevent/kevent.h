/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntevent kernel API: Windows NT event objects (KEVENT) for kernel code.
 *
 * An event is embedded by its user and needs no file. Set, reset, clear,
 * pulse and read never sleep and may be called in any context, hard IRQ
 * included. A wait with a deadline already past (0 will do) only polls and
 * may be called in atomic context; any other wait needs process context.
 *
 * Symbols are exported in the NTEVENT namespace: MODULE_IMPORT_NS(NTEVENT)
 * (MODULE_IMPORT_NS("NTEVENT") from Linux 6.13).
 */
#ifndef _NTEVENT_KEVENT_H
#define _NTEVENT_KEVENT_H

#include <linux/irq_work.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/time.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/wait.h>

struct ntevent_domain;

/**
 * struct ntevent - an event object
 * @lock:        protects @signaled, @all_waiters and @waiters; a raw
 *               spinlock taken with IRQs off, because set, reset, clear
 *               and pulse may be called from hard IRQ context, on
 *               PREEMPT_RT kernels too
 * @auto_reset:  true for a synchronization (auto-reset) event; set once
 * @signaled:    the state; written under @lock (and read locklessly only
 *               by poll, ntevent_read() and the wait-all pre-check, which
 *               need no consistency with anything else)
 * @all_waiters: number of wait-all waits queued here; changed under both
 *               @lock and @domain's wait-all lock, so either one is
 *               enough to read it
 * @watchers:    number of wait set entries on this event (they stay on
 *               @waiters; one per time a wait set names it), at most
 *               %NTEVENT_MAX_WATCHERS; @lock
 * @waiters:     queued waits, in arrival order (FIFO release); @lock
 * @domain:      the IPC namespace's wait-all lock domain; constant
 * @poll_wq:     poll/select/epoll waiters of event descriptors; its own
 *               (sleeping on PREEMPT_RT) lock, never taken under @lock
 * @poll_work:   wakes @poll_wq after a set in a context that may not
 *               take that lock (hard IRQ, IRQs off)
 *
 * Treat the fields as private: use the functions below.
 */
struct ntevent {
	raw_spinlock_t lock;	/* see the kernel-doc above */
	bool auto_reset;
	bool signaled;
	unsigned int all_waiters;
	unsigned int watchers;
	struct list_head waiters;
	struct ntevent_domain *domain;
	wait_queue_head_t poll_wq;
	struct irq_work poll_work;
};

/* Most events one wait may name. */
#define NTEVENT_MAX_WAIT	64

/*
 * Most wait set entries that one event may have: a set walks them with
 * IRQs off, so their number is bounded (ntevent_waitset_new()).
 */
#define NTEVENT_MAX_WATCHERS	128

/* Deadline of a wait that never times out. */
#define NTEVENT_INFINITE	KTIME_MAX
/* Deadline of a wait that only polls (any past time does the same). */
#define NTEVENT_POLL		((ktime_t)0)

/* ntevent_wait_multiple() flags */
#define NTEVENT_KWAIT_ALL		0x1u /* all objects at once, else any */
#define NTEVENT_KWAIT_INTERRUPTIBLE	0x2u /* any signal ends the wait */
#define NTEVENT_KWAIT_KILLABLE		0x4u /* a fatal signal ends the wait */

/* ntevent_open_named() flags */
#define NTEVENT_KOPEN_CREATE	0x1u /* create the event if the name is free */
#define NTEVENT_KOPEN_EXCL	0x2u /* with CREATE: fail if it is taken */

void ntevent_init(struct ntevent *ev, bool auto_reset, bool signaled);
int ntevent_set(struct ntevent *ev);
int ntevent_reset(struct ntevent *ev);
void ntevent_clear(struct ntevent *ev);
int ntevent_pulse(struct ntevent *ev);
int ntevent_wait(struct ntevent *ev, unsigned int flags, clockid_t clock,
		 ktime_t deadline);
int ntevent_wait_multiple(unsigned int count, struct ntevent *const *evs,
			  unsigned int flags, clockid_t clock,
			  ktime_t deadline, struct ntevent *signal);
struct ntevent_waitset;
struct ntevent_waitset *ntevent_waitset_new(unsigned int count,
					    struct ntevent *const *evs,
					    gfp_t gfp);
int ntevent_waitset_wait(struct ntevent_waitset *ws, unsigned int flags,
			 clockid_t clock, ktime_t deadline);
void ntevent_waitset_free(struct ntevent_waitset *ws);
struct ntevent *ntevent_open_named(const char *name, unsigned int flags,
				   bool auto_reset, bool signaled,
				   umode_t mode, bool *created);
void ntevent_put_named(struct ntevent *ev);
struct ntevent *ntevent_io_create_event(const u16 *name, size_t len_bytes,
					bool auto_reset);

/* Network events of sockets (WSAEventSelect); NTEVENT_FD_* bits. */
struct socket;
int ntevent_sock_select(struct socket *sock, struct ntevent *ev, u32 mask);
int ntevent_sock_enum(struct socket *sock, struct ntevent *reset, bool peek,
		      u32 *events, u32 *mask, int *errors);
int ntevent_sock_enable(struct socket *sock, u32 events,
			struct socket *listener);

/**
 * ntevent_read() - the state of an event (KeReadStateEvent)
 * @ev: the event
 *
 * A lockless snapshot: the state may change as soon as it is read.
 *
 * Context: any; never sleeps.
 * Return: 1 if signaled, 0 if not.
 */
static inline int ntevent_read(const struct ntevent *ev)
{
	return READ_ONCE(ev->signaled);
}

/**
 * ntevent_is_auto_reset() - the type of an event
 * @ev: the event
 *
 * Context: any.
 * Return: true for a synchronization (auto-reset) event.
 */
static inline bool ntevent_is_auto_reset(const struct ntevent *ev)
{
	return ev->auto_reset;
}

#endif /* _NTEVENT_KEVENT_H */
