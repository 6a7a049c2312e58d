/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * ntevent: Windows NT event objects for Linux, user-space ABI.
 *
 * /dev/ntevent is a misc device. NTEVENT_IOC_CREATE on it returns a new
 * file descriptor for one event object; the event ioctls below act on that
 * descriptor. Waits are issued on the device descriptor and name the
 * events by their descriptors. Documentation/ntevent-abi.rst is the full
 * description of every structure, ioctl and errno.
 */
#ifndef _UAPI_LINUX_NTEVENT_H
#define _UAPI_LINUX_NTEVENT_H

#include <linux/types.h>
#include <linux/ioctl.h>

/* Most objects one wait may name (MAXIMUM_WAIT_OBJECTS). */
#define NTEVENT_MAX_WAIT_COUNT		64

/* Event types; the values are NT's EVENT_TYPE. */
#define NTEVENT_TYPE_NOTIFICATION	0	/* manual-reset */
#define NTEVENT_TYPE_SYNCHRONIZATION	1	/* auto-reset */

/* Access rights carried by an event descriptor; NT's values. */
#define NTEVENT_QUERY_STATE		0x00000001u
#define NTEVENT_MODIFY_STATE		0x00000002u
#define NTEVENT_DELETE			0x00010000u
#define NTEVENT_READ_CONTROL		0x00020000u
#define NTEVENT_WRITE_DAC		0x00040000u
#define NTEVENT_WRITE_OWNER		0x00080000u
#define NTEVENT_SYNCHRONIZE		0x00100000u
#define NTEVENT_ALL_ACCESS		0x001f0003u

/*
 * The rights a named event's read and write mode bits grant (see
 * %NTEVENT_IOC_OPEN). %NTEVENT_SYNCHRONIZE comes with the read bit of a
 * notification event and with the write bit of a synchronization event,
 * since a wait consumes the latter.
 */
#define NTEVENT_MODE_READ_RIGHTS	(NTEVENT_QUERY_STATE | NTEVENT_READ_CONTROL)
#define NTEVENT_MODE_WRITE_RIGHTS	(NTEVENT_MODIFY_STATE | NTEVENT_DELETE | \
					 NTEVENT_WRITE_DAC | NTEVENT_WRITE_OWNER)

/**
 * struct ntevent_create_args - argument of %NTEVENT_IOC_CREATE
 * @type:   %NTEVENT_TYPE_NOTIFICATION or %NTEVENT_TYPE_SYNCHRONIZATION
 * @state:  initial state, 0 (non-signaled) or 1 (signaled)
 * @access: rights of the new descriptor, a subset of %NTEVENT_ALL_ACCESS
 * @flags:  must be 0
 * @fd:     out: the new event descriptor (opened O_CLOEXEC)
 * @pad:    must be 0
 */
struct ntevent_create_args {
	__u32 type;
	__u32 state;
	__u32 access;
	__u32 flags;
	__u32 fd;
	__u32 pad;
};

/**
 * struct ntevent_state - result of %NTEVENT_IOC_READ
 * @type:   %NTEVENT_TYPE_NOTIFICATION or %NTEVENT_TYPE_SYNCHRONIZATION
 * @state:  0 (non-signaled) or 1 (signaled)
 * @access: the rights of the descriptor that was read
 * @pad:    always written as 0
 */
struct ntevent_state {
	__u32 type;
	__u32 state;
	__u32 access;
	__u32 pad;
};

/* ntevent_wait_args.flags */
#define NTEVENT_WAIT_REALTIME	0x1u /* timeout is CLOCK_REALTIME */
#define NTEVENT_WAIT_ALERTABLE	0x2u /* a signal ends the wait: EINTR */
#define NTEVENT_WAIT_SIGNAL	0x4u /* set @signal_fd, then wait */
#define NTEVENT_WAIT_FLAGS	(NTEVENT_WAIT_REALTIME | NTEVENT_WAIT_ALERTABLE | \
				 NTEVENT_WAIT_SIGNAL)

/* ntevent_wait_args.timeout: wait without a deadline */
#define NTEVENT_NO_TIMEOUT	(~(__u64)0)

/* 100 ns intervals from 1601-01-01 (NT's epoch) to 1970-01-01 */
#define NTEVENT_NT_EPOCH_DELTA	116444736000000000LL

/**
 * ntevent_nt_timeout_ns() - an NT timeout in nanoseconds, for the NT faces
 * (the library's Nt* calls, <ntevent/wdm.h>'s Ke* calls): the one place
 * that reads NT's timeout format.
 * @t:  LARGE_INTEGER.QuadPart: 100 ns units; 0 polls, negative is an
 *      interval, positive a time since 1601 (on the realtime clock)
 * @ns: out: the interval, or the time since 1970 (0 for an earlier one), in
 *      ns; %NTEVENT_NO_TIMEOUT where that is 2^63 ns or more (forever)
 *
 * Return: 0 for a poll (*@ns = 0), -1 for an interval, 1 for a time of day.
 */
static inline int ntevent_nt_timeout_ns(__s64 t, __u64 *ns)
{
	__u64 u = t < 0 ? (__u64)(-(t + 1)) + 1 : (__u64)t; /* |t|, no overflow */

	*ns = 0;
	if (t == 0)
		return 0;
	if (t > 0) {
		if (u <= NTEVENT_NT_EPOCH_DELTA)
			return 1;
		u -= NTEVENT_NT_EPOCH_DELTA;
	}
	*ns = u > 0x7fffffffffffffffULL / 100 ? NTEVENT_NO_TIMEOUT : u * 100;
	return t < 0 ? -1 : 1;
}

/**
 * struct ntevent_wait_args - argument of %NTEVENT_IOC_WAIT_ANY/_ALL
 * @timeout:   absolute deadline in ns on CLOCK_MONOTONIC (or CLOCK_REALTIME
 *             with %NTEVENT_WAIT_REALTIME); %NTEVENT_NO_TIMEOUT (and any
 *             value from 2^63 - 1 up) waits forever; a deadline already
 *             past (0, say) only polls
 * @fds:       user pointer to an array of @count __u32 event descriptors
 * @count:     1..%NTEVENT_MAX_WAIT_COUNT
 * @flags:     %NTEVENT_WAIT_* bits; others must be 0
 * @index:     out: index in @fds of the event that satisfied a wait-any;
 *             0 for a wait-all
 * @signal_fd: with %NTEVENT_WAIT_SIGNAL, an event set once the waiter is
 *             queued (NtSignalAndWaitForSingleObject); otherwise must be 0.
 *             When a signal interrupts such a wait after the set, the
 *             kernel clears %NTEVENT_WAIT_SIGNAL in @flags and @signal_fd
 *             before restarting, so that the event is set only once.
 */
struct ntevent_wait_args {
	__u64 timeout;
	__u64 fds;
	__u32 count;
	__u32 flags;
	__u32 index;
	__u32 signal_fd;
};

/**
 * struct ntevent_wait_alert_args - argument of %NTEVENT_IOC_WAIT_ANY_ALERT
 * and %NTEVENT_IOC_WAIT_ALL_ALERT
 * @wait:  as for %NTEVENT_IOC_WAIT_ANY and %NTEVENT_IOC_WAIT_ALL
 * @alert: user pointer to the calling thread's alert word, a __u32 read
 *         once when an alertable wait (%NTEVENT_WAIT_ALERTABLE) starts:
 *         nonzero ends it at once with EINTR, nothing set or consumed (a
 *         user APC queued before the wait). Whoever sets the word then
 *         sends the thread a signal with a handler, which ends the wait
 *         if it sleeps already. Not read for a wait that is not alertable;
 *         0 is EINVAL.
 */
struct ntevent_wait_alert_args {
	struct ntevent_wait_args wait;
	__u64 alert;
};

/**
 * struct ntevent_waitset_args - argument of %NTEVENT_IOC_WAITSET_CREATE
 * @fds:   user pointer to an array of @count __u32 event descriptors, each
 *         with %NTEVENT_SYNCHRONIZE; one may appear more than once
 * @count: 1..%NTEVENT_MAX_WAIT_COUNT
 * @flags: must be 0
 * @fd:    out: the wait set's descriptor (close-on-exec)
 * @pad:   must be 0
 *
 * A wait set is a wait-any on @fds made once and waited on many times
 * (%NTEVENT_IOC_WAITSET_WAIT): what a server that waits on the same 64
 * events in a loop needs, without 64 descriptors looked up and 64 entries
 * queued and dequeued every time. It holds the events, not the
 * descriptors: closing one of @fds or replacing it with dup2() changes
 * nothing in the wait set, whose events live as long as it does. An
 * event accepts at most 128 wait set entries (one named twice in a wait
 * set counts twice; ENOSPC): wait with %NTEVENT_IOC_WAIT_ANY then.
 */
struct ntevent_waitset_args {
	__u64 fds;
	__u32 count;
	__u32 flags;
	__u32 fd;
	__u32 pad;
};

/**
 * struct ntevent_waitset_wait_args - argument of %NTEVENT_IOC_WAITSET_WAIT
 * @timeout: as in struct ntevent_wait_args
 * @alert:   0, or with %NTEVENT_WAIT_ALERTABLE a user pointer to the
 *           thread's alert word, as in struct ntevent_wait_alert_args
 * @flags:   %NTEVENT_WAIT_REALTIME, %NTEVENT_WAIT_ALERTABLE; others must
 *           be 0
 * @index:   out: the index, in the wait set's array, of the event that
 *           satisfied the wait
 *
 * The wait is a wait-any on the wait set's events, with every rule of
 * %NTEVENT_IOC_WAIT_ANY: the lowest-indexed signaled event satisfies it
 * and only that one is consumed; waiters on an auto-reset event are
 * released first come, first served, whichever ioctl they wait with. One
 * wait at a time per wait set: EBUSY while another is in progress, also
 * for a wait restarted after a signal handler if another thread's wait
 * on the same wait set started meanwhile.
 */
struct ntevent_waitset_wait_args {
	__u64 timeout;
	__u64 alert;
	__u32 flags;
	__u32 index;
};

/* ntevent_dup_args.flags */
#define NTEVENT_DUP_SAME_ACCESS	0x1u	/* ignore @access, keep the source's */
#define NTEVENT_DUP_FLAGS	NTEVENT_DUP_SAME_ACCESS

/**
 * struct ntevent_dup_args - argument of %NTEVENT_IOC_DUP
 * @access: rights of the new descriptor; must be a subset of the rights
 *          of the descriptor duplicated (a duplicate never gains a right)
 * @flags:  %NTEVENT_DUP_SAME_ACCESS or 0
 * @fd:     out: the new descriptor (opened O_CLOEXEC), same event
 * @pad:    must be 0
 */
struct ntevent_dup_args {
	__u32 access;
	__u32 flags;
	__u32 fd;
	__u32 pad;
};

/*
 * Named events. A name is an NT object path in UTF-8, not NUL-terminated:
 * NTEVENT_NAME_PREFIX followed by 1..NTEVENT_NAME_MAX bytes that contain
 * neither a backslash nor a control character (0x00-0x1f, 0x7f). Names
 * compare byte for byte (case sensitive, as Win32 event names are). Each
 * IPC namespace has its own set of names.
 */
#define NTEVENT_NAME_PREFIX	"\\BaseNamedObjects\\"
#define NTEVENT_NAME_MAX	255

/* ntevent_open_args.flags */
#define NTEVENT_OPEN_CREATE	0x1u	/* create the event if the name is free */
#define NTEVENT_OPEN_EXCL	0x2u	/* with CREATE: fail if the name is taken */
#define NTEVENT_OPEN_FLAGS	(NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL)

/**
 * struct ntevent_open_args - argument of %NTEVENT_IOC_OPEN
 * @name:     user pointer to the name (see %NTEVENT_NAME_PREFIX)
 * @name_len: length of the name in bytes
 * @flags:    %NTEVENT_OPEN_CREATE, %NTEVENT_OPEN_EXCL; 0 opens an existing
 *            event only
 * @access:   rights of the new descriptor, a subset of
 *            %NTEVENT_ALL_ACCESS; opening an existing event needs the mode
 *            to grant them
 * @type:     type of a new event (ignored when the name exists)
 * @state:    initial state of a new event, 0 or 1 (ignored likewise)
 * @mode:     permission bits of a new event (0..0777, less the umask):
 *            read grants QUERY_STATE and READ_CONTROL, write grants
 *            MODIFY_STATE, DELETE, WRITE_DAC and WRITE_OWNER; SYNCHRONIZE
 *            comes with read on a notification event, with write on a
 *            synchronization event (a wait consumes it)
 * @fd:       out: the new descriptor (opened O_CLOEXEC)
 * @created:  out: 1 if this call created the event, 0 if the name existed
 */
struct ntevent_open_args {
	__u64 name;
	__u32 name_len;
	__u32 flags;
	__u32 access;
	__u32 type;
	__u32 state;
	__u32 mode;
	__u32 fd;
	__u32 created;
};

/*
 * Network events of a socket (WSAEventSelect): the bits have Winsock's
 * values, and NTEVENT_FD_*_BIT index ntevent_sock_enum_args.errors. Only
 * the first six are ever recorded; the other four are accepted in a mask.
 */
#define NTEVENT_FD_READ_BIT		0
#define NTEVENT_FD_WRITE_BIT		1
#define NTEVENT_FD_OOB_BIT		2
#define NTEVENT_FD_ACCEPT_BIT		3
#define NTEVENT_FD_CONNECT_BIT		4
#define NTEVENT_FD_CLOSE_BIT		5
#define NTEVENT_FD_MAX_EVENTS		10
#define NTEVENT_FD_READ		0x01u
#define NTEVENT_FD_WRITE	0x02u
#define NTEVENT_FD_OOB		0x04u
#define NTEVENT_FD_ACCEPT	0x08u
#define NTEVENT_FD_CONNECT	0x10u
#define NTEVENT_FD_CLOSE	0x20u
#define NTEVENT_FD_RECORDED	0x3fu	/* the events ever recorded */
#define NTEVENT_FD_ALL		0x3ffu	/* and QOS, GROUP_QOS, ROUTING_..., ADDRESS_LIST_CHANGE */

/**
 * struct ntevent_sock_select_args - argument of %NTEVENT_IOC_SOCK_SELECT
 * @sock_fd:  a socket descriptor (TCP or UDP, IPv4 or IPv6)
 * @event_fd: the event the socket sets (needs %NTEVENT_MODIFY_STATE); must
 *            be 0 when @mask is 0
 * @mask:     the %NTEVENT_FD_* events that set it; 0 cancels, and a new
 *            call replaces event and mask; recorded events stay
 * @flags:    must be 0
 */
struct ntevent_sock_select_args {
	__u32 sock_fd;
	__u32 event_fd;
	__u32 mask;
	__u32 flags;
};

/* ntevent_sock_enum_args.flags */
#define NTEVENT_SOCK_RESET	0x1u	/* reset @event_fd atomically */
#define NTEVENT_SOCK_PEEK	0x2u	/* clear nothing, reset nothing */
#define NTEVENT_SOCK_ENUM_FLAGS	(NTEVENT_SOCK_RESET | NTEVENT_SOCK_PEEK)

/**
 * struct ntevent_sock_enum_args - argument of %NTEVENT_IOC_SOCK_ENUM
 * @sock_fd:  a socket descriptor
 * @event_fd: with %NTEVENT_SOCK_RESET, an event to reset (needs
 *            %NTEVENT_MODIFY_STATE); otherwise must be 0
 * @flags:    %NTEVENT_SOCK_RESET, %NTEVENT_SOCK_PEEK
 * @events:   out: the recorded events of the current mask, now cleared
 * @mask:     out: the current mask (0 if the socket is not selected)
 * @pad:      must be 0
 * @errors:   out: for each bit i of @events, the error of that event (a
 *            positive errno, 0 for none); the others are not written
 */
struct ntevent_sock_enum_args {
	__u32 sock_fd;
	__u32 event_fd;
	__u32 flags;
	__u32 events;
	__u32 mask;
	__u32 pad;
	__s32 errors[NTEVENT_FD_MAX_EVENTS];
};

/**
 * struct ntevent_sock_enable_args - argument of %NTEVENT_IOC_SOCK_ENABLE
 * @sock_fd: a socket descriptor
 * @from_fd: with %NTEVENT_SOCK_INHERIT, the listening socket; otherwise 0
 * @events:  the events a Winsock call re-enables: %NTEVENT_FD_READ after a
 *           receive, %NTEVENT_FD_OOB after an MSG_OOB receive,
 *           %NTEVENT_FD_ACCEPT after an accept, %NTEVENT_FD_WRITE after a
 *           send that failed with EAGAIN
 * @flags:   %NTEVENT_SOCK_INHERIT: @sock_fd was accepted from the listening
 *           socket @from_fd and takes its event and mask (and never gets
 *           %NTEVENT_FD_CONNECT); otherwise must be 0
 */
struct ntevent_sock_enable_args {
	__u32 sock_fd;
	__u32 from_fd;
	__u32 events;
	__u32 flags;
};

/* ntevent_sock_enable_args.flags */
#define NTEVENT_SOCK_INHERIT	0x1u

/*
 * The version of this header, and of the module and the library that come
 * with it: code can test for a feature at compile time (network events of
 * sockets came with 1.2). The loaded module's is in
 * /sys/module/ntevent/version.
 */
#define NTEVENT_VERSION_MAJOR	1
#define NTEVENT_VERSION_MINOR	2
#define NTEVENT_VERSION_PATCH	0

#define NTEVENT_IOC_MAGIC	0xE7

/* On the /dev/ntevent descriptor. */
#define NTEVENT_IOC_CREATE	_IOWR(NTEVENT_IOC_MAGIC, 0x00, struct ntevent_create_args)
#define NTEVENT_IOC_WAIT_ANY	_IOWR(NTEVENT_IOC_MAGIC, 0x01, struct ntevent_wait_args)
#define NTEVENT_IOC_WAIT_ALL	_IOWR(NTEVENT_IOC_MAGIC, 0x02, struct ntevent_wait_args)
#define NTEVENT_IOC_OPEN	_IOWR(NTEVENT_IOC_MAGIC, 0x03, struct ntevent_open_args)
#define NTEVENT_IOC_SOCK_SELECT	_IOW(NTEVENT_IOC_MAGIC, 0x04, struct ntevent_sock_select_args)
#define NTEVENT_IOC_SOCK_ENUM	_IOWR(NTEVENT_IOC_MAGIC, 0x05, struct ntevent_sock_enum_args)
#define NTEVENT_IOC_SOCK_ENABLE	_IOW(NTEVENT_IOC_MAGIC, 0x06, struct ntevent_sock_enable_args)
#define NTEVENT_IOC_WAIT_ANY_ALERT \
	_IOWR(NTEVENT_IOC_MAGIC, 0x07, struct ntevent_wait_alert_args)
#define NTEVENT_IOC_WAIT_ALL_ALERT \
	_IOWR(NTEVENT_IOC_MAGIC, 0x08, struct ntevent_wait_alert_args)
#define NTEVENT_IOC_WAITSET_CREATE \
	_IOWR(NTEVENT_IOC_MAGIC, 0x09, struct ntevent_waitset_args)

/*
 * On an event descriptor. SET, RESET and PULSE store the previous state
 * (0 or 1) in the __u32 their argument points to; a NULL argument skips
 * the store.
 */
#define NTEVENT_IOC_SET		_IOR(NTEVENT_IOC_MAGIC, 0x10, __u32)
#define NTEVENT_IOC_RESET	_IOR(NTEVENT_IOC_MAGIC, 0x11, __u32)
#define NTEVENT_IOC_PULSE	_IOR(NTEVENT_IOC_MAGIC, 0x12, __u32)
#define NTEVENT_IOC_CLEAR	_IO(NTEVENT_IOC_MAGIC, 0x13)
#define NTEVENT_IOC_READ	_IOR(NTEVENT_IOC_MAGIC, 0x14, struct ntevent_state)
#define NTEVENT_IOC_DUP		_IOWR(NTEVENT_IOC_MAGIC, 0x15, struct ntevent_dup_args)

/* On a wait set descriptor. */
#define NTEVENT_IOC_WAITSET_WAIT \
	_IOWR(NTEVENT_IOC_MAGIC, 0x20, struct ntevent_waitset_wait_args)

#endif /* _UAPI_LINUX_NTEVENT_H */
