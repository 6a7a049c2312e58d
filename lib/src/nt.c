// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: the NT native face. Each call decodes its handles, converts
 * its timeout once into an absolute deadline, calls the native API and
 * turns a failure into an NTSTATUS through the one table (errmap.c).
 */
#include <limits.h>
#include <errno.h>
#include <stdint.h>

#include <ntevent/nt.h>

#include "internal.h"
#include "sys.h"

_Static_assert(sizeof(LONG) == 4 && sizeof(ULONG) == 4, "LLP64 LONG");
_Static_assert(sizeof(LONG) == sizeof(int), "PLONG is passed as int *");
_Static_assert(sizeof(LARGE_INTEGER) == 8, "LARGE_INTEGER");
_Static_assert(sizeof(EVENT_BASIC_INFORMATION) == 8, "EVENT_BASIC_INFORMATION");
_Static_assert(sizeof(WCHAR) == 2, "UTF-16 WCHAR");
_Static_assert(EVENT_ALL_ACCESS == NTEVENT_ALL_ACCESS, "access rights");
_Static_assert(SYNCHRONIZE == NTEVENT_SYNCHRONIZE, "access rights");
_Static_assert(EVENT_QUERY_STATE == NTEVENT_QUERY_STATE, "access rights");
_Static_assert(EVENT_MODIFY_STATE == NTEVENT_MODIFY_STATE, "access rights");
_Static_assert(NotificationEvent == NTEVENT_TYPE_NOTIFICATION, "event type");
_Static_assert(SynchronizationEvent == NTEVENT_TYPE_SYNCHRONIZATION, "event type");
_Static_assert(MAXIMUM_WAIT_OBJECTS == NTEVENT_MAX_WAIT_COUNT, "wait count");

static NTSTATUS nt_status(int err)
{
	return ntevent_errno_to_ntstatus(err);
}

/* 100 ns intervals from 1601-01-01 to 1970-01-01, both UTC. */
#define NT_EPOCH_1970	116444736000000000LL

/*
 * An NT timeout as an absolute deadline for the kernel, computed once so
 * that a wait restarted after a signal handler keeps it: NULL waits
 * forever, zero polls, a negative value is relative (monotonic clock), a
 * positive one absolute since 1601 (realtime clock, so it follows changes
 * of the system time). Past or overflowing values saturate.
 */
static void nt_deadline(const LARGE_INTEGER *timeout, uint64_t *deadline,
			unsigned int *flags)
{
	LONGLONG q;
	uint64_t u;

	if (!timeout) {
		*deadline = NTEVENT_INFINITE;
		return;
	}
	q = timeout->QuadPart;
	if (q == 0) {
		*deadline = 0;		/* already past: poll */
	} else if (q < 0) {
		u = (uint64_t)(-(q + 1)) + 1;	/* |q| without overflow */
		if (u > (uint64_t)INT64_MAX / 100)
			*deadline = NTEVENT_INFINITE;
		else
			*deadline = ntevent_deadline_after(u * 100);
	} else {
		*flags |= NTEVENT_WAIT_REALTIME;
		if (q <= NT_EPOCH_1970) {
			*deadline = 0;	/* before 1970: long past */
		} else {
			u = (uint64_t)(q - NT_EPOCH_1970);
			*deadline = u > (uint64_t)INT64_MAX / 100 ?
				    NTEVENT_INFINITE : u * 100;
		}
	}
}

/* GENERIC_* through the event object's generic mapping. */
static uint32_t nt_event_access(ACCESS_MASK desired)
{
	uint32_t access = desired;

	if (desired & GENERIC_READ)
		access |= STANDARD_RIGHTS_READ | EVENT_QUERY_STATE;
	if (desired & GENERIC_WRITE)
		access |= STANDARD_RIGHTS_WRITE | EVENT_MODIFY_STATE;
	if (desired & GENERIC_EXECUTE)
		access |= STANDARD_RIGHTS_EXECUTE | SYNCHRONIZE;
	if (desired & (GENERIC_ALL | MAXIMUM_ALLOWED))
		access |= EVENT_ALL_ACCESS;
	/* Rights an event does not have (and ACCESS_SYSTEM_SECURITY) go. */
	return access & EVENT_ALL_ACCESS;
}

NTEVENT_EXPORT NTSTATUS NTAPI NtCreateEvent(PHANDLE EventHandle,
					    ACCESS_MASK DesiredAccess,
					    POBJECT_ATTRIBUTES ObjectAttributes,
					    EVENT_TYPE EventType,
					    BOOLEAN InitialState)
{
	int inherit = 0, fd, ret;
	HANDLE h;

	if (!EventHandle)
		return nt_status(-EFAULT);
	if (ObjectAttributes) {
		if (ObjectAttributes->Length != sizeof(OBJECT_ATTRIBUTES) ||
		    (ObjectAttributes->Attributes & ~OBJ_VALID_ATTRIBUTES))
			return nt_status(-EINVAL);
		/*
		 * Named events come with NtOpenEvent; until then a name (or a
		 * root directory) is refused, never silently ignored. An
		 * empty name means "unnamed", as on Windows.
		 */
		if ((ObjectAttributes->ObjectName &&
		     ObjectAttributes->ObjectName->Length) ||
		    ObjectAttributes->RootDirectory)
			return nt_status(-EOPNOTSUPP);
		inherit = ObjectAttributes->Attributes & OBJ_INHERIT;
	}
	fd = ntevent_create((unsigned int)EventType, InitialState ? 1 : 0,
			    nt_event_access(DesiredAccess));
	if (fd < 0)
		return nt_status(fd);
	/* Handles are not inherited by a new program unless asked for. */
	if (inherit) {
		ret = ntevent__fcntl(fd, F_SETFD, 0);
		if (ret < 0) {
			ntevent_close(fd);
			return nt_status(ret);
		}
	}
	h = ntevent_fd_to_handle(fd);
	if (!h) {
		ntevent_close(fd);
		return nt_status(-EMFILE);
	}
	*EventHandle = h;
	return STATUS_SUCCESS;
}
NTEVENT_ALIAS(NtCreateEvent, ZwCreateEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtSetEvent(HANDLE EventHandle,
					 PLONG PreviousState)
{
	return nt_status(ntevent__handle_op(EventHandle, ntevent_set,
					       (int *)PreviousState));
}
NTEVENT_ALIAS(NtSetEvent, ZwSetEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtResetEvent(HANDLE EventHandle,
					   PLONG PreviousState)
{
	return nt_status(ntevent__handle_op(EventHandle, ntevent_reset,
					       (int *)PreviousState));
}
NTEVENT_ALIAS(NtResetEvent, ZwResetEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtPulseEvent(HANDLE EventHandle,
					   PLONG PreviousState)
{
	return nt_status(ntevent__handle_op(EventHandle, ntevent_pulse,
					       (int *)PreviousState));
}
NTEVENT_ALIAS(NtPulseEvent, ZwPulseEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtClearEvent(HANDLE EventHandle)
{
	int fd = ntevent_handle_to_fd(EventHandle);

	if (fd < 0)
		return nt_status(fd);
	return nt_status(ntevent_clear(fd));
}
NTEVENT_ALIAS(NtClearEvent, ZwClearEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtQueryEvent(HANDLE EventHandle,
					   EVENT_INFORMATION_CLASS EventInformationClass,
					   PVOID EventInformation,
					   ULONG EventInformationLength,
					   PULONG ReturnLength)
{
	PEVENT_BASIC_INFORMATION info = EventInformation;
	struct ntevent_state st;
	int fd, ret;

	if (EventInformationClass != EventBasicInformation)
		return STATUS_INVALID_INFO_CLASS;
	if (EventInformationLength != sizeof(EVENT_BASIC_INFORMATION))
		return STATUS_INFO_LENGTH_MISMATCH;
	if (!info)
		return nt_status(-EFAULT);
	fd = ntevent_handle_to_fd(EventHandle);
	if (fd < 0)
		return nt_status(fd);
	ret = ntevent_read(fd, &st);
	if (ret < 0)
		return nt_status(ret);
	info->EventType = st.type == NTEVENT_TYPE_SYNCHRONIZATION ?
			  SynchronizationEvent : NotificationEvent;
	info->EventState = (LONG)st.state;
	if (ReturnLength)
		*ReturnLength = sizeof(EVENT_BASIC_INFORMATION);
	return STATUS_SUCCESS;
}
NTEVENT_ALIAS(NtQueryEvent, ZwQueryEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtWaitForSingleObject(HANDLE Handle,
						    BOOLEAN Alertable,
						    PLARGE_INTEGER Timeout)
{
	unsigned int flags = Alertable ? NTEVENT_WAIT_ALERTABLE : 0;
	int fd = ntevent_handle_to_fd(Handle);
	uint64_t deadline;
	int ret;

	if (fd < 0)
		return nt_status(fd);
	nt_deadline(Timeout, &deadline, &flags);
	ret = ntevent_wait(fd, deadline, flags);
	if (ret < 0)
		return nt_status(ret);	/* STATUS_TIMEOUT, STATUS_USER_APC... */
	return STATUS_WAIT_0;
}
NTEVENT_ALIAS(NtWaitForSingleObject, ZwWaitForSingleObject);

NTEVENT_EXPORT NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG Count,
						       HANDLE Handles[],
						       WAIT_TYPE WaitType,
						       BOOLEAN Alertable,
						       PLARGE_INTEGER Timeout)
{
	unsigned int flags = Alertable ? NTEVENT_WAIT_ALERTABLE : 0;
	int fds[MAXIMUM_WAIT_OBJECTS];
	uint64_t deadline;
	ULONG i;
	int ret;

	if (!Count || Count > MAXIMUM_WAIT_OBJECTS)
		return STATUS_INVALID_PARAMETER_1;
	if (WaitType != WaitAll && WaitType != WaitAny)
		return STATUS_INVALID_PARAMETER_3;
	if (!Handles)
		return nt_status(-EFAULT);
	for (i = 0; i < Count; i++) {
		fds[i] = ntevent_handle_to_fd(Handles[i]);
		if (fds[i] < 0)
			return nt_status(fds[i]);
	}
	nt_deadline(Timeout, &deadline, &flags);
	if (WaitType == WaitAny)
		ret = ntevent_wait_any(fds, Count, deadline, flags);
	else
		ret = ntevent_wait_all(fds, Count, deadline, flags);
	if (ret < 0)
		return nt_status(ret);
	return STATUS_WAIT_0 + ret;
}
NTEVENT_ALIAS(NtWaitForMultipleObjects, ZwWaitForMultipleObjects);

NTEVENT_EXPORT NTSTATUS NTAPI NtSignalAndWaitForSingleObject(HANDLE SignalHandle,
							     HANDLE WaitHandle,
							     BOOLEAN Alertable,
							     PLARGE_INTEGER Timeout)
{
	unsigned int flags = Alertable ? NTEVENT_WAIT_ALERTABLE : 0;
	int sfd = ntevent_handle_to_fd(SignalHandle);
	int wfd = ntevent_handle_to_fd(WaitHandle);
	uint64_t deadline;
	int ret;

	if (sfd < 0)
		return nt_status(sfd);
	if (wfd < 0)
		return nt_status(wfd);
	nt_deadline(Timeout, &deadline, &flags);
	ret = ntevent_signal_and_wait(sfd, wfd, deadline, flags);
	if (ret < 0)
		return nt_status(ret);
	return STATUS_WAIT_0;
}
NTEVENT_ALIAS(NtSignalAndWaitForSingleObject, ZwSignalAndWaitForSingleObject);

NTEVENT_EXPORT NTSTATUS NTAPI NtClose(HANDLE Handle)
{
	return nt_status(ntevent__handle_close(Handle));
}
NTEVENT_ALIAS(NtClose, ZwClose);

NTEVENT_EXPORT VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString,
					       PCWSTR SourceString)
{
	/* Longest length a USHORT byte count can hold with room for a NUL. */
	const size_t max = (USHRT_MAX & ~1u) - sizeof(WCHAR);
	size_t len = 0;

	DestinationString->Buffer = (PWSTR)SourceString;
	if (!SourceString) {
		DestinationString->Length = 0;
		DestinationString->MaximumLength = 0;
		return;
	}
	while (SourceString[len])
		len++;
	len *= sizeof(WCHAR);
	if (len > max)
		len = max;
	DestinationString->Length = (USHORT)len;
	DestinationString->MaximumLength = (USHORT)(len + sizeof(WCHAR));
}
