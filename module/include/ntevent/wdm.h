/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntevent/wdm.h - the Windows driver spellings of the ntevent kernel API
 *
 * A ported Windows driver includes this header and reads as it did:
 * KEVENT, KeInitializeEvent, KeSetEvent, KeResetEvent, KeClearEvent,
 * KePulseEvent, KeReadStateEvent, KeWaitForSingleObject and
 * KeWaitForMultipleObjects, with NTSTATUS results and timeouts in NT's
 * 100 ns units (NULL: none; negative: relative, on CLOCK_MONOTONIC;
 * positive: absolute, since 1601-01-01 UTC, on CLOCK_REALTIME; zero: poll).
 *
 * Mapping of waits: Alertable waits are interruptible by any signal and
 * return STATUS_ALERTED (KernelMode) or STATUS_USER_APC (UserMode) when one
 * arrives; non-alertable UserMode waits are killable; non-alertable
 * KernelMode waits ignore signals. The Increment and Wait arguments of
 * KeSetEvent/KePulseEvent and the WaitReason and WaitBlockArray arguments
 * of the waits are accepted and ignored: Linux has no priority boost, and
 * the wait blocks are allocated internally (a wait on more than two
 * objects allocates).
 *
 * Named events: IoCreateNotificationEvent and IoCreateSynchronizationEvent
 * take a UNICODE_STRING (UTF-16, write literals as u"...") holding an NT
 * path "\\BaseNamedObjects\\<name>", and return the event and a handle that
 * ZwClose() releases.
 *
 * The names are macros and inline functions over <ntevent/kevent.h>.
 */
#ifndef _NTEVENT_WDM_H
#define _NTEVENT_WDM_H

#include <linux/errno.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/ntevent.h>
#include <ntevent/kevent.h>

typedef s32 NTSTATUS;
typedef s32 LONG;
typedef u32 ULONG;
typedef u8 BOOLEAN;
typedef s32 KPRIORITY;
typedef s8 KPROCESSOR_MODE;

#ifndef TRUE
#define TRUE	1
#endif
#ifndef FALSE
#define FALSE	0
#endif

#define STATUS_SUCCESS			((NTSTATUS)0x00000000)
#define STATUS_WAIT_0			((NTSTATUS)0x00000000)
#define STATUS_USER_APC			((NTSTATUS)0x000000C0)
#define STATUS_ALERTED			((NTSTATUS)0x00000101)
#define STATUS_TIMEOUT			((NTSTATUS)0x00000102)
#define STATUS_INVALID_HANDLE		((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER	((NTSTATUS)0xC000000D)
#define STATUS_INVALID_PARAMETER_MIX	((NTSTATUS)0xC0000030)
#define STATUS_INSUFFICIENT_RESOURCES	((NTSTATUS)0xC000009A)
#define NT_SUCCESS(status)		((NTSTATUS)(status) >= 0)

#define MAXIMUM_WAIT_OBJECTS		NTEVENT_MAX_WAIT

/*
 * KEVENT is the ntevent object itself. Pointer types are __typeof__ so
 * that "PKEVENT a, b;" declares two pointers, as Windows' typedefs do.
 */
#define KEVENT		struct ntevent
#define PKEVENT		__typeof__(struct ntevent *)
#define PRKEVENT	__typeof__(struct ntevent *)
#define PVOID		__typeof__(void *)

enum ntevent_event_type {
	NotificationEvent = 0,
	SynchronizationEvent = 1,
};

#define EVENT_TYPE	enum ntevent_event_type

enum ntevent_wait_type {
	WaitAll = 0,
	WaitAny = 1,
};

#define WAIT_TYPE	enum ntevent_wait_type

/* Accepted and ignored: Linux keeps no per-wait reason. */
enum ntevent_kwait_reason {
	Executive = 0,
	FreePage,
	PageIn,
	PoolAllocation,
	DelayExecution,
	Suspended,
	UserRequest,
};

#define KWAIT_REASON	enum ntevent_kwait_reason

#define KernelMode	((KPROCESSOR_MODE)0)
#define UserMode	((KPROCESSOR_MODE)1)

/* Accepted and ignored: the wait blocks are ntevent's own. */
struct ntevent_kwait_block;
#define PKWAIT_BLOCK	__typeof__(struct ntevent_kwait_block *)

union ntevent_large_integer {
	struct {
		u32 LowPart;
		s32 HighPart;
	};
	struct {
		u32 LowPart;
		s32 HighPart;
	} u;
	s64 QuadPart;
};

#define LARGE_INTEGER	union ntevent_large_integer
#define PLARGE_INTEGER	__typeof__(union ntevent_large_integer *)

/**
 * ntevent_nt_deadline() - turn an NT timeout into a clock and deadline
 * @timeout:  NULL (infinite), 0 (poll), negative (relative, 100 ns units)
 *            or positive (absolute, 100 ns units since 1601); read by
 *            ntevent_nt_timeout_ns() of <linux/ntevent.h>
 * @clock:    out: the clock of @deadline
 * @deadline: out: absolute deadline for ntevent_wait_multiple()
 */
static inline void ntevent_nt_deadline(const union ntevent_large_integer *timeout,
				       clockid_t *clock, ktime_t *deadline)
{
	int kind;
	u64 ns;

	*clock = CLOCK_MONOTONIC;
	if (!timeout) {
		*deadline = NTEVENT_INFINITE;
		return;
	}
	kind = ntevent_nt_timeout_ns(timeout->QuadPart, &ns);
	if (kind > 0)
		*clock = CLOCK_REALTIME;
	if (ns == NTEVENT_NO_TIMEOUT)
		*deadline = NTEVENT_INFINITE;
	else if (kind < 0)
		*deadline = ktime_add_safe(ktime_get(), ns);
	else
		*deadline = ns;		/* a poll, or a time of day */
}

/**
 * ntevent_errno_to_ntstatus() - the NTSTATUS of a wait's result
 * @ret:       result of ntevent_wait_multiple()
 * @wait_mode: KernelMode or UserMode, which decides the alert status
 *
 * Return: STATUS_WAIT_0 + index, STATUS_TIMEOUT, STATUS_ALERTED or
 * STATUS_USER_APC, STATUS_INVALID_PARAMETER_MIX,
 * STATUS_INSUFFICIENT_RESOURCES or STATUS_INVALID_PARAMETER.
 */
static inline NTSTATUS ntevent_errno_to_ntstatus(int ret,
						 KPROCESSOR_MODE wait_mode)
{
	if (ret >= 0)
		return STATUS_WAIT_0 + ret;
	switch (ret) {
	case -ETIMEDOUT:
		return STATUS_TIMEOUT;
	case -EINTR:
		return wait_mode == UserMode ? STATUS_USER_APC : STATUS_ALERTED;
	case -ENOTUNIQ:
		return STATUS_INVALID_PARAMETER_MIX;
	case -ENOMEM:
		return STATUS_INSUFFICIENT_RESOURCES;
	default:
		return STATUS_INVALID_PARAMETER;
	}
}

static inline unsigned int ntevent_nt_wait_flags(KPROCESSOR_MODE wait_mode,
						 BOOLEAN alertable)
{
	if (alertable)
		return NTEVENT_KWAIT_INTERRUPTIBLE;
	return wait_mode == UserMode ? NTEVENT_KWAIT_KILLABLE : 0;
}

static inline void KeInitializeEvent(PRKEVENT event, EVENT_TYPE type,
				     BOOLEAN state)
{
	ntevent_init(event, type == SynchronizationEvent, state);
}

static inline LONG KeSetEvent(PRKEVENT event, KPRIORITY increment,
			      BOOLEAN wait)
{
	return ntevent_set(event);
}

static inline LONG KeResetEvent(PRKEVENT event)
{
	return ntevent_reset(event);
}

static inline void KeClearEvent(PRKEVENT event)
{
	ntevent_clear(event);
}

static inline LONG KePulseEvent(PRKEVENT event, KPRIORITY increment,
				BOOLEAN wait)
{
	return ntevent_pulse(event);
}

static inline LONG KeReadStateEvent(PRKEVENT event)
{
	return ntevent_read(event);
}

static inline NTSTATUS KeWaitForMultipleObjects(ULONG count, PVOID object[],
						WAIT_TYPE wait_type,
						KWAIT_REASON wait_reason,
						KPROCESSOR_MODE wait_mode,
						BOOLEAN alertable,
						PLARGE_INTEGER timeout,
						PKWAIT_BLOCK wait_blocks)
{
	unsigned int flags = ntevent_nt_wait_flags(wait_mode, alertable);
	ktime_t deadline;
	clockid_t clock;

	if (wait_type == WaitAll)
		flags |= NTEVENT_KWAIT_ALL;
	else if (wait_type != WaitAny)
		return STATUS_INVALID_PARAMETER;
	ntevent_nt_deadline(timeout, &clock, &deadline);
	return ntevent_errno_to_ntstatus(ntevent_wait_multiple(count,
				(struct ntevent *const *)object, flags, clock,
				deadline, NULL), wait_mode);
}

static inline NTSTATUS KeWaitForSingleObject(PVOID object,
					     KWAIT_REASON wait_reason,
					     KPROCESSOR_MODE wait_mode,
					     BOOLEAN alertable,
					     PLARGE_INTEGER timeout)
{
	ktime_t deadline;
	clockid_t clock;

	ntevent_nt_deadline(timeout, &clock, &deadline);
	return ntevent_errno_to_ntstatus(ntevent_wait(object,
				ntevent_nt_wait_flags(wait_mode, alertable),
				clock, deadline), wait_mode);
}

/* Named events: UNICODE_STRING names and kernel handles. */
typedef u16 WCHAR;
typedef u16 USHORT;

struct ntevent_unicode_string {
	USHORT Length;		/* bytes, without a terminating NUL */
	USHORT MaximumLength;	/* bytes */
	WCHAR *Buffer;
};

#define UNICODE_STRING	struct ntevent_unicode_string
#define PUNICODE_STRING	__typeof__(struct ntevent_unicode_string *)
/* A kernel handle of a named event is the event itself. */
#define HANDLE		__typeof__(void *)
#define PHANDLE		__typeof__(void **)

/* RtlInitUnicodeString(&s, u"\\BaseNamedObjects\\name") */
static inline void RtlInitUnicodeString(PUNICODE_STRING dest,
					const WCHAR *source)
{
	size_t n = 0;

	if (source)
		while (source[n] && n < 0x7ffe)
			n++;
	dest->Buffer = (WCHAR *)source;
	dest->Length = n * sizeof(WCHAR);
	dest->MaximumLength = source ? dest->Length + sizeof(WCHAR) : 0;
}

static inline PKEVENT ntevent_io_create(PUNICODE_STRING name, PHANDLE handle,
					bool auto_reset)
{
	struct ntevent *ev;

	if (!name || !handle)
		return NULL;
	ev = ntevent_io_create_event(name->Buffer, name->Length, auto_reset);
	*handle = ev;
	return ev;
}

/*
 * IoCreateNotificationEvent(), IoCreateSynchronizationEvent(): open the
 * named event a kernel caller made with this type, or create it signaled,
 * mode 0644 for user space (anyone may query it, and wait on a
 * notification event; root may set it). NULL on failure, also when a user
 * or a kernel event of the other type holds the name. ZwClose() the handle
 * when done.
 */
static inline PKEVENT IoCreateNotificationEvent(PUNICODE_STRING name,
						PHANDLE handle)
{
	return ntevent_io_create(name, handle, false);
}

static inline PKEVENT IoCreateSynchronizationEvent(PUNICODE_STRING name,
						   PHANDLE handle)
{
	return ntevent_io_create(name, handle, true);
}

/* Only the handles of Io*Event are kernel handles here. */
static inline NTSTATUS ZwClose(HANDLE handle)
{
	if (!handle)
		return STATUS_INVALID_HANDLE;
	ntevent_put_named(handle);
	return STATUS_SUCCESS;
}

#endif /* _NTEVENT_WDM_H */
