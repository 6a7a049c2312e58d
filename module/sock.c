// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: network events of sockets (WSAEventSelect).
 *
 * A selected socket has one record, struct ntevent_sock, found by its
 * struct socket. The record's wait-queue entry sits on the socket's own
 * wait queue (sock->wq.wait), as epoll's and KVM's irqfd entries do: every
 * state change the protocol reports (data, room to write, a connection
 * completed, reset or shut down, an error) calls ntevent_sock_wake() in
 * the waker's context (softirq, process or a thread on PREEMPT_RT), which
 * records network events by Winsock's rules and sets the event there.
 *
 * Lifetime. The record holds a reference on the socket's inode, which
 * keeps struct socket and its wait queue in memory, and nothing else:
 * not the file (a close() closes the connection, as with epoll) and not
 * the sock. Once the user's last close() (or a kernel user's
 * sock_release()) has released the socket (__sock_release() sets
 * sock->ops to NULL), the protocol no longer wakes the queue and the
 * record is inert; it is reaped by a delayed work within about a second
 * (which runs while records exist, a bounded batch of records per run),
 * or when the module unloads. A record is
 * found from its socket by walking that socket's wait queue (a few
 * entries), never the table, so one user's many sockets slow nobody
 * else's calls; the table (a list) only lets the reaper and the unload
 * find every record. No
 * protocol callback is replaced, so an accepted socket inherits nothing
 * behind our back and the module may unload whenever no descriptor of it
 * is open.
 *
 * Locking. The socket's wait-queue lock (a spinlock_t taken with IRQs
 * off, the lock the waker holds while calling ntevent_sock_wake()) guards
 * what the record records and which event it sets; the event's raw
 * spinlock nests inside it, never the reverse. ntevent_socks_lock (a
 * mutex) guards the table of records and serializes the calls that make a
 * record (a select, an accept's inheritance) against each other and the
 * reaper; it is never taken by the waker, by WSAEnumNetworkEvents or by a
 * re-enabling call, which only take the socket's wait-queue lock.
 */

#include <linux/fs.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/net.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/workqueue.h>
#include <net/inet_connection_sock.h>
#include <net/sock.h>
#include <net/tcp.h>

#include <linux/ntevent.h>
#include <ntevent/kevent.h>

#include "ntevent_internal.h"

/* Events that a new arrival records again, re-enabled or not. */
#define NTEVENT_FD_ARRIVALS	(NTEVENT_FD_READ | NTEVENT_FD_OOB | \
				 NTEVENT_FD_ACCEPT)
/* Events that a Winsock call re-enables. */
#define NTEVENT_FD_REENABLED	(NTEVENT_FD_ARRIVALS | NTEVENT_FD_WRITE)

/**
 * struct ntevent_sock - the network events of one selected socket
 * @wait:     entry on @sock's wait queue; that queue's lock guards the
 *            fields below it
 * @sock:     the socket; its inode is referenced; constant
 * @node:     link in ntevent_socks; ntevent_socks_lock
 * @ev:       the event to set, or NULL
 * @obj:      the object that holds @ev for a descriptor's event (a
 *            reference), or NULL for an in-kernel caller's event
 * @mask:     the selected events
 * @recorded: events recorded and not yet enumerated
 * @disabled: events recorded and not re-enabled since (FD_CONNECT and
 *            FD_CLOSE for good)
 * @errors:   the error of each recorded event (positive errno or 0)
 * @data_end: TCP: the end of the data when FD_READ was last recorded (new
 *            data records it again without a receive, a FIN does not)
 * @urg_seq:  TCP: the urgent byte when FD_OOB was last recorded
 */
struct ntevent_sock {
	wait_queue_entry_t wait;
	struct socket *sock;
	struct list_head node;
	struct ntevent *ev;
	struct ntevent_obj *obj;
	u32 mask;
	u32 recorded;
	u32 disabled;
	int errors[NTEVENT_FD_MAX_EVENTS];
	u32 data_end;
	u32 urg_seq;
};

/*
 * Records the reaper looks at per run, with ntevent_socks_lock held: a
 * select waits at most that long for it, however many records every user
 * together has.
 */
#define NTEVENT_REAP_BATCH	256
static DEFINE_MUTEX(ntevent_socks_lock);
/* Every record, looked at from the head, put back at the tail: its lock. */
static LIST_HEAD(ntevent_socks);
static unsigned int ntevent_socks_count;			/* its lock */

static void ntevent_socks_reap_work(struct work_struct *work);
static DECLARE_DELAYED_WORK(ntevent_socks_reaper, ntevent_socks_reap_work);

/* Sockets whose events we know how to read: TCP and UDP over IP. */
static int ntevent_sock_check(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (!sk || (sk->sk_family != AF_INET && sk->sk_family != AF_INET6))
		return -EOPNOTSUPP;
	if (sk->sk_type == SOCK_STREAM && sk->sk_protocol == IPPROTO_TCP)
		return 0;
	if (sk->sk_type == SOCK_DGRAM && sk->sk_protocol == IPPROTO_UDP)
		return 0;
	return -EOPNOTSUPP;
}

/*
 * The end of a TCP socket's received data: not counting the peer's FIN
 * (SOCK_DONE), whose sequence number stays unread until a receive returns
 * 0, since the end of the stream is FD_CLOSE, not FD_READ.
 */
static u32 ntevent_tcp_data_end(struct sock *sk)
{
	return READ_ONCE(tcp_sk(sk)->rcv_nxt) - sock_flag(sk, SOCK_DONE);
}

/*
 * Data to read on a TCP socket, not counting an urgent byte that a normal
 * receive skips (what tcp_poll() does with its target).
 */
static bool ntevent_tcp_readable(struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	int avail = ntevent_tcp_data_end(sk) - READ_ONCE(tp->copied_seq);

	if (READ_ONCE(tp->urg_data) &&
	    READ_ONCE(tp->urg_seq) == READ_ONCE(tp->copied_seq) &&
	    !sock_flag(sk, SOCK_URGINLINE))
		avail--;
	return avail > 0;
}

/*
 * The network events true of sk now, and their errors. Lockless reads, as
 * tcp_poll() and udp_poll() make them.
 */
static u32 ntevent_sock_now(struct ntevent_sock *rec, struct sock *sk,
			    int *errors)
{
	u32 now = 0;
	int state, err;

	if (sk->sk_type == SOCK_DGRAM) {
		if (!skb_queue_empty_lockless(&sk->sk_receive_queue) ||
		    !skb_queue_empty_lockless(&udp_sk(sk)->reader_queue))
			now |= NTEVENT_FD_READ;
		if (inet_sk(sk)->inet_num && sock_writeable(sk))
			now |= NTEVENT_FD_WRITE;
		/* connect() on UDP wakes nobody: Winsock's calls tell us. */
		if (READ_ONCE(sk->sk_state) == TCP_ESTABLISHED) {
			now |= NTEVENT_FD_CONNECT;
			errors[NTEVENT_FD_CONNECT_BIT] = 0;
		}
		return now;
	}

	state = READ_ONCE(sk->sk_state);
	if (state == TCP_LISTEN) {
		if (!reqsk_queue_empty(&inet_csk(sk)->icsk_accept_queue))
			now |= NTEVENT_FD_ACCEPT;
		return now;
	}
	if (ntevent_tcp_readable(sk))
		now |= NTEVENT_FD_READ;
	if (READ_ONCE(tcp_sk(sk)->urg_data) & TCP_URG_VALID)
		now |= NTEVENT_FD_OOB;
	if ((1 << state) & (TCPF_ESTABLISHED | TCPF_CLOSE_WAIT)) {
		now |= NTEVENT_FD_CONNECT;
		errors[NTEVENT_FD_CONNECT_BIT] = 0;
		if (sk_stream_is_writeable(sk))
			now |= NTEVENT_FD_WRITE;
	}
	/* The peer's FIN: a local shutdown changes no state. */
	if ((1 << state) & (TCPF_CLOSE_WAIT | TCPF_LAST_ACK | TCPF_CLOSING)) {
		now |= NTEVENT_FD_CLOSE;
		errors[NTEVENT_FD_CLOSE_BIT] = 0;
	}
	if (state == TCP_CLOSE) {
		err = READ_ONCE(sk->sk_err);
		if (!(rec->disabled & NTEVENT_FD_CONNECT)) {
			/* A connect that failed; a fresh socket has no error. */
			if (err) {
				now |= NTEVENT_FD_CONNECT;
				errors[NTEVENT_FD_CONNECT_BIT] = err;
			}
		} else if (err || (READ_ONCE(sk->sk_shutdown) & RCV_SHUTDOWN)) {
			/* Reset, or closed by both sides (TIME_WAIT). */
			now |= NTEVENT_FD_CLOSE;
			errors[NTEVENT_FD_CLOSE_BIT] = err;
		}
	}
	return now;
}

/*
 * Record what is true now and was not recorded since its re-enabling call
 * (or what arrived anew, for the events in @arrived), and set the event if
 * a selected event was recorded. Caller holds the wait-queue lock.
 */
static void ntevent_sock_note(struct ntevent_sock *rec, struct sock *sk,
			      u32 arrived)
{
	int errors[NTEVENT_FD_MAX_EVENTS];
	u32 add, data_end = 0, urg_seq = 0;
	int i;

	/* TCP: only a byte or an urgent byte not seen before is new. */
	if (sk->sk_type == SOCK_STREAM) {
		data_end = ntevent_tcp_data_end(sk);
		urg_seq = READ_ONCE(tcp_sk(sk)->urg_seq);
		if (data_end == rec->data_end)
			arrived &= ~NTEVENT_FD_READ;
		if (urg_seq == rec->urg_seq)
			arrived &= ~NTEVENT_FD_OOB;
	}
	add = ntevent_sock_now(rec, sk, errors);
	add &= ~rec->disabled | (arrived & NTEVENT_FD_ARRIVALS);
	if (!add)
		return;
	if (add & NTEVENT_FD_READ)
		rec->data_end = data_end;
	if (add & NTEVENT_FD_OOB)
		rec->urg_seq = urg_seq;
	for (i = 0; i < NTEVENT_FD_MAX_EVENTS; i++)
		if (add & (1u << i) & (NTEVENT_FD_CONNECT | NTEVENT_FD_CLOSE))
			rec->errors[i] = errors[i];
		else if (add & (1u << i))
			rec->errors[i] = 0;
	rec->recorded |= add;
	rec->disabled |= add;
	if (rec->ev && (add & rec->mask))
		ntevent_set(rec->ev);
}

/* Record what is true of the record's socket now (a select, a re-enable). */
static void ntevent_sock_note_now(struct ntevent_sock *rec)
{
	struct sock *sk = READ_ONCE(rec->sock->sk);

	if (sk)
		ntevent_sock_note(rec, sk, 0);
}

/*
 * The socket's wait queue woke: its lock is held, in the waker's context.
 * Data, a connection or urgent data arriving wakes with EPOLLIN
 * (sock_def_readable()); a state change wakes with no key.
 */
static int ntevent_sock_wake(wait_queue_entry_t *wait, unsigned int mode,
			     int sync, void *key)
{
	struct ntevent_sock *rec = container_of(wait, struct ntevent_sock,
						wait);
	struct sock *sk = READ_ONCE(rec->sock->sk);

	if (sk)
		ntevent_sock_note(rec, sk, key_to_poll(key) & EPOLLIN ?
				  NTEVENT_FD_ARRIVALS : 0);
	return 0;
}

/*
 * The record of sock, found on the socket's own wait queue, whose lock the
 * caller holds: a lookup walks the few entries of that one queue (ours,
 * and those of the socket's pollers), never a table that every user's
 * sockets fill. A record found there lives until that lock is dropped:
 * ntevent_sock_free() takes it off the queue before it frees it.
 */
static struct ntevent_sock *ntevent_sock_on_queue(struct socket *sock)
{
	wait_queue_entry_t *w;

	lockdep_assert_held(&sock->wq.wait.lock);
	list_for_each_entry(w, &sock->wq.wait.head, entry)
		if (w->func == ntevent_sock_wake)
			return container_of(w, struct ntevent_sock, wait);
	return NULL;
}

/* Lock sock's wait queue (what the waker holds) and find its record. */
static struct ntevent_sock *ntevent_sock_lock_find(struct socket *sock,
						   unsigned long *flags)
	__acquires(&sock->wq.wait.lock)
{
	spin_lock_irqsave(&sock->wq.wait.lock, *flags);
	return ntevent_sock_on_queue(sock);
}

/* The record of sock, or NULL; the table locked, which keeps it alive. */
static struct ntevent_sock *ntevent_sock_find(struct socket *sock)
{
	struct ntevent_sock *rec;
	unsigned long flags;

	lockdep_assert_held(&ntevent_socks_lock);
	rec = ntevent_sock_lock_find(sock, &flags);
	spin_unlock_irqrestore(&sock->wq.wait.lock, flags);
	return rec;
}

/* Take the record off the socket and free it; process context. */
static void ntevent_sock_free(struct ntevent_sock *rec)
{
	/* Once this returns, no ntevent_sock_wake() runs on rec. */
	remove_wait_queue(&rec->sock->wq.wait, &rec->wait);
	if (rec->obj)
		ntevent_obj_put(rec->obj);
	iput(SOCK_INODE(rec->sock));
	kfree(rec);
}

/*
 * Look at the first @batch records and reap those of released sockets (or
 * every one looked at, if @all); the others go to the tail, so that the next call
 * looks at the next ones. Returns how many records remain; *@reaped gets
 * how many went.
 */
static unsigned int ntevent_socks_reap(unsigned int batch, bool all,
				       unsigned int *reaped)
{
	struct ntevent_sock *rec, *tmp;
	unsigned int left;
	LIST_HEAD(dead);

	*reaped = 0;

	mutex_lock(&ntevent_socks_lock);
	batch = min(batch, ntevent_socks_count);
	while (batch--) {
		rec = list_first_entry(&ntevent_socks, struct ntevent_sock,
				       node);
		if (!all && READ_ONCE(rec->sock->ops)) {
			list_move_tail(&rec->node, &ntevent_socks);
			continue;
		}
		list_move(&rec->node, &dead);
		ntevent_socks_count--;
		(*reaped)++;
	}
	left = ntevent_socks_count;
	mutex_unlock(&ntevent_socks_lock);
	list_for_each_entry_safe(rec, tmp, &dead, node)
		ntevent_sock_free(rec);
	return left;
}

/*
 * A released socket's record goes within about a second: each run looks at
 * NTEVENT_REAP_BATCH records, holding the mutex for that batch only; runs
 * come as often as it takes to look at every record each second, and at
 * once after a run that reaped (sockets are closed in bursts).
 */
static void ntevent_socks_reap_work(struct work_struct *work)
{
	unsigned int reaped;
	unsigned int left = ntevent_socks_reap(NTEVENT_REAP_BATCH, false,
					       &reaped);

	if (left)
		schedule_delayed_work(&ntevent_socks_reaper, reaped ? 1 :
				      clamp_t(unsigned long,
					      HZ * NTEVENT_REAP_BATCH / left,
					      1, HZ));
}

/* The record of sock, made if absent (and @create); the table locked. */
static struct ntevent_sock *ntevent_sock_get(struct socket *sock,
					     bool create, gfp_t gfp)
{
	struct ntevent_sock *rec = ntevent_sock_find(sock);

	if (rec || !create)
		return rec;
	rec = kzalloc(sizeof(*rec), gfp);
	if (!rec)
		return ERR_PTR(-ENOMEM);
	rec->sock = sock;
	ihold(SOCK_INODE(sock));
	init_waitqueue_func_entry(&rec->wait, ntevent_sock_wake);
	add_wait_queue(&sock->wq.wait, &rec->wait);
	list_add_tail(&rec->node, &ntevent_socks);
	if (!ntevent_socks_count++)
		schedule_delayed_work(&ntevent_socks_reaper, HZ);
	return rec;
}

/*
 * With the table locked: sock's record, made if absent (and @create). If
 * there is none, or no memory for one, the table is unlocked and the
 * reference @obj (if any) dropped: NULL or an ERR_PTR.
 */
static struct ntevent_sock *ntevent_sock_get_or_unlock(struct socket *sock,
						       bool create, gfp_t gfp,
						       struct ntevent_obj *obj)
{
	struct ntevent_sock *rec = ntevent_sock_get(sock, create, gfp);

	if (IS_ERR_OR_NULL(rec)) {
		mutex_unlock(&ntevent_socks_lock);
		if (obj)
			ntevent_obj_put(obj);
	}
	return rec;
}

/* Lock the record's wait queue: what the waker holds. */
static unsigned long ntevent_sock_lock(struct ntevent_sock *rec)
	__acquires(&rec->sock->wq.wait.lock)
{
	unsigned long flags;

	spin_lock_irqsave(&rec->sock->wq.wait.lock, flags);
	return flags;
}

static void ntevent_sock_unlock(struct ntevent_sock *rec, unsigned long flags)
	__releases(&rec->sock->wq.wait.lock)
{
	spin_unlock_irqrestore(&rec->sock->wq.wait.lock, flags);
}

/**
 * __ntevent_sock_select() - WSAEventSelect: sock sets ev on the events of mask
 * @sock: a TCP or UDP socket
 * @ev:   the event, or NULL with @mask 0
 * @obj:  the object holding @ev, whose reference passes to the record (and
 *        is dropped on failure), or NULL
 * @mask: %NTEVENT_FD_* bits; 0 cancels
 * @gfp:  for the record
 *
 * Records at once what is already true, and sets @ev if an event of @mask
 * is recorded and not yet enumerated. Never resets @ev.
 *
 * Context: process.
 * Return: 0, -EINVAL, -EOPNOTSUPP (not TCP or UDP), -ENOMEM.
 */
int __ntevent_sock_select(struct socket *sock, struct ntevent *ev,
			  struct ntevent_obj *obj, u32 mask, gfp_t gfp)
{
	struct ntevent_obj *old = NULL;
	struct ntevent_sock *rec;
	unsigned long flags;
	int ret;

	ret = ntevent_sock_check(sock);
	if (!ret && ((mask & ~NTEVENT_FD_ALL) || !mask != !ev))
		ret = -EINVAL;
	if (ret) {
		if (obj)
			ntevent_obj_put(obj);
		return ret;
	}
	mutex_lock(&ntevent_socks_lock);
	rec = ntevent_sock_get_or_unlock(sock, mask, gfp, obj);
	if (IS_ERR_OR_NULL(rec))
		return PTR_ERR_OR_ZERO(rec);
	flags = ntevent_sock_lock(rec);
	old = rec->obj;
	rec->ev = ev;
	rec->obj = obj;
	rec->mask = mask;
	ntevent_sock_note_now(rec);
	if (ev && (rec->recorded & mask))
		ntevent_set(ev);
	ntevent_sock_unlock(rec, flags);
	mutex_unlock(&ntevent_socks_lock);
	if (old)
		ntevent_obj_put(old);
	return 0;
}

/**
 * ntevent_sock_select() - WSAEventSelect for a kernel caller
 * @sock: a TCP or UDP socket
 * @ev:   the event, or NULL with @mask 0
 * @mask: %NTEVENT_FD_* bits; 0 cancels
 *
 * The caller keeps @ev alive until it selects @sock again (with another
 * event, or @mask 0); after that call returns, @sock no longer touches
 * @ev.
 *
 * Context: process.
 * Return: 0, -EINVAL, -EOPNOTSUPP, -ENOMEM.
 */
int ntevent_sock_select(struct socket *sock, struct ntevent *ev, u32 mask)
{
	return __ntevent_sock_select(sock, ev, NULL, mask, GFP_KERNEL);
}
EXPORT_SYMBOL_NS_GPL(ntevent_sock_select, NTEVENT_NS);

/**
 * ntevent_sock_enum() - WSAEnumNetworkEvents
 * @sock:   a TCP or UDP socket
 * @reset:  an event to reset in the same step, or NULL
 * @peek:   copy only: clear nothing, reset nothing
 * @events: out: the recorded events of the current mask, now cleared
 * @mask:   out: the current mask (0: not selected)
 * @errors: out: the error of each event in @events (positive errno or 0);
 *          the others are not written
 *
 * Copying, clearing and resetting are one step for every process that
 * shares the socket: a network event recorded meanwhile is either
 * reported or left recorded with the event set again.
 *
 * Context: process.
 * Return: 0 or -EOPNOTSUPP.
 */
int ntevent_sock_enum(struct socket *sock, struct ntevent *reset, bool peek,
		      u32 *events, u32 *mask, int *errors)
{
	struct ntevent_sock *rec;
	unsigned long flags;
	int ret, i;

	ret = ntevent_sock_check(sock);
	if (ret)
		return ret;
	*events = 0;
	*mask = 0;
	rec = ntevent_sock_lock_find(sock, &flags);
	if (rec) {
		*mask = rec->mask;
		*events = rec->recorded & rec->mask & NTEVENT_FD_RECORDED;
		for (i = 0; i < NTEVENT_FD_MAX_EVENTS; i++)
			if (*events & (1u << i))
				errors[i] = rec->errors[i];
		if (!peek)
			rec->recorded &= ~*events;
	}
	if (reset && !peek)
		ntevent_reset(reset);
	spin_unlock_irqrestore(&sock->wq.wait.lock, flags);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(ntevent_sock_enum, NTEVENT_NS);

/**
 * ntevent_sock_unenum() - put back what a failed WSAEnumNetworkEvents took
 * @sock:   the socket
 * @events: what ntevent_sock_enum() reported
 *
 * The events are recorded again (their errors were kept) and the event is
 * set, as if the enumeration had not happened.
 *
 * Context: process.
 */
void ntevent_sock_unenum(struct socket *sock, u32 events)
{
	struct ntevent_sock *rec;
	unsigned long flags;

	rec = ntevent_sock_lock_find(sock, &flags);
	if (rec) {
		rec->recorded |= events;
		if (rec->ev && (rec->recorded & rec->mask))
			ntevent_set(rec->ev);
	}
	spin_unlock_irqrestore(&sock->wq.wait.lock, flags);
}

/**
 * ntevent_sock_enable() - a Winsock call re-enables network events
 * @sock:     the socket
 * @events:   %NTEVENT_FD_READ (a receive), %NTEVENT_FD_OOB (an MSG_OOB
 *            receive), %NTEVENT_FD_ACCEPT (an accept),
 *            %NTEVENT_FD_WRITE (a send that failed with EAGAIN), or 0
 *            (a connect() on UDP, which wakes nobody)
 * @listener: for a socket just accepted, the listening socket whose event
 *            and mask it takes (it never gets FD_CONNECT); or NULL
 *
 * What is true now of a re-enabled event is recorded at once (data left
 * after a receive, another connection queued).
 *
 * Context: process.
 * Return: 0, -EINVAL, -EOPNOTSUPP, -ENOMEM.
 */
int ntevent_sock_enable(struct socket *sock, u32 events,
			struct socket *listener)
{
	struct ntevent_sock *rec, *from = NULL;
	struct ntevent_obj *obj = NULL;
	struct ntevent *ev = NULL;
	unsigned long flags;
	u32 mask = 0;
	int ret;

	ret = ntevent_sock_check(sock);
	if (!ret && listener)
		ret = ntevent_sock_check(listener);
	if (!ret && (events & ~NTEVENT_FD_REENABLED))
		ret = -EINVAL;
	if (ret)
		return ret;
	if (!listener) {
		/* A receive, an accept, a send: the hot path takes no mutex. */
		rec = ntevent_sock_lock_find(sock, &flags);
		if (rec) {
			rec->disabled &= ~events;
			ntevent_sock_note_now(rec);
		}
		spin_unlock_irqrestore(&sock->wq.wait.lock, flags);
		return 0;
	}
	/* A socket just accepted: it may get a record, the table's. */
	mutex_lock(&ntevent_socks_lock);
	from = ntevent_sock_lock_find(listener, &flags);
	if (from) {
		ev = from->ev;
		obj = from->obj;
		if (obj)
			kref_get(&obj->ref);
		mask = from->mask;
	}
	spin_unlock_irqrestore(&listener->wq.wait.lock, flags);
	rec = ntevent_sock_get_or_unlock(sock, mask, GFP_KERNEL_ACCOUNT, obj);
	if (IS_ERR_OR_NULL(rec))
		return PTR_ERR_OR_ZERO(rec);
	flags = ntevent_sock_lock(rec);
	swap(rec->obj, obj);
	rec->ev = ev;
	rec->mask = mask;
	rec->disabled |= NTEVENT_FD_CONNECT;
	rec->disabled &= ~events;
	ntevent_sock_note_now(rec);
	ntevent_sock_unlock(rec, flags);
	mutex_unlock(&ntevent_socks_lock);
	if (obj)
		ntevent_obj_put(obj);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(ntevent_sock_enable, NTEVENT_NS);

/* Module unload: no descriptor is open; let every socket go. */
void ntevent_socks_exit(void)
{
	unsigned int reaped;

	cancel_delayed_work_sync(&ntevent_socks_reaper);
	ntevent_socks_reap(UINT_MAX, true, &reaped);
}
