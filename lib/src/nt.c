// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: the NT native face. Each call decodes its handles, converts
 * its timeout once into an absolute deadline and its UTF-16 names into
 * UTF-8, calls the native API and turns a failure into an NTSTATUS
 * through the one table (errmap.c). Calls that need /dev/ntevent ask for
 * it first, so that its absence is ENODEV (STATUS_NO_SUCH_DEVICE) and
 * ENOENT always means a name that does not exist.
 */
#include <limits.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

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

/* The one errno table, but success (the hot path) without a lookup. */
static inline NTSTATUS nt_status(int err)
{
	return err ? ntevent_errno_to_ntstatus(err) : STATUS_SUCCESS;
}

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
	__u64 ns;
	int kind;

	if (!timeout) {
		*deadline = NTEVENT_INFINITE;
		return;
	}
	kind = ntevent_nt_timeout_ns(timeout->QuadPart, &ns);
	if (kind > 0)
		*flags |= NTEVENT_WAIT_REALTIME;
	*deadline = kind < 0 && ns != NTEVENT_NO_TIMEOUT ?
		    ntevent_deadline_after(ns) : ns;
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


/*
 * The mode of a named event NtCreateEvent() creates: its creator's user
 * only, as the default DACL of a Windows token grants (the umask applies).
 */
#define NT_NAMED_MODE	0600

#define NT_PREFIX_LEN	(sizeof(NTEVENT_NAME_PREFIX) - 1)

/* An object name in UTF-8: the longest valid one and a character more. */
struct nt_name {
	size_t len;		/* 0: no name */
	char buf[NT_PREFIX_LEN + NTEVENT_NAME_MAX + 4];
};

static int nt_ascii_caseeq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char x = a[i], y = b[i];

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return 0;
	}
	return 1;
}

/*
 * Check OBJECT_ATTRIBUTES and convert its name from UTF-16 to the UTF-8
 * the kernel takes (name->len 0: no name, NULL or empty). -EINVAL for a
 * wrong Length or an unknown attribute, -EOPNOTSUPP for a RootDirectory,
 * -EILSEQ for a name that is not UTF-16 (odd length, unpaired surrogate)
 * or holds a NUL, -ENAMETOOLONG for one too long to be valid, -EFAULT for
 * a NULL Buffer. The kernel checks the rest: the prefix, no backslash, no
 * control character.
 */
static int nt_attributes(const OBJECT_ATTRIBUTES *oa, struct nt_name *name)
{
	const UNICODE_STRING *us = oa->ObjectName;
	size_t i, n, o = 0;

	name->len = 0;
	if (oa->Length != sizeof(OBJECT_ATTRIBUTES) ||
	    (oa->Attributes & ~OBJ_VALID_ATTRIBUTES))
		return -EINVAL;
	if (oa->RootDirectory)
		return -EOPNOTSUPP;
	if (!us || !us->Length)
		return 0;
	if (us->Length & 1)
		return -EILSEQ;
	if (!us->Buffer)
		return -EFAULT;
	n = us->Length / sizeof(WCHAR);
	for (i = 0; i < n; i++) {
		uint32_t c = us->Buffer[i];
		char *p = name->buf + o;

		if (c >= 0xd800 && c <= 0xdbff && i + 1 < n &&
		    us->Buffer[i + 1] >= 0xdc00 && us->Buffer[i + 1] <= 0xdfff)
			c = 0x10000 + ((c - 0xd800) << 10) +
			    (us->Buffer[++i] - 0xdc00u);
		else if ((c >= 0xd800 && c <= 0xdfff) || !c)
			return -EILSEQ;
		if (o + 4 > sizeof(name->buf))
			return -ENAMETOOLONG;
		if (c < 0x80) {
			p[0] = (char)c;
			o += 1;
		} else if (c < 0x800) {
			p[0] = (char)(0xc0 | c >> 6);
			p[1] = (char)(0x80 | (c & 0x3f));
			o += 2;
		} else if (c < 0x10000) {
			p[0] = (char)(0xe0 | c >> 12);
			p[1] = (char)(0x80 | ((c >> 6) & 0x3f));
			p[2] = (char)(0x80 | (c & 0x3f));
			o += 3;
		} else {
			p[0] = (char)(0xf0 | c >> 18);
			p[1] = (char)(0x80 | ((c >> 12) & 0x3f));
			p[2] = (char)(0x80 | ((c >> 6) & 0x3f));
			p[3] = (char)(0x80 | (c & 0x3f));
			o += 4;
		}
	}
	/*
	 * Event names are case-sensitive (the kernel compares bytes); with
	 * OBJ_CASE_INSENSITIVE the directory part is not, as on Windows.
	 */
	if ((oa->Attributes & OBJ_CASE_INSENSITIVE) && o > NT_PREFIX_LEN &&
	    nt_ascii_caseeq(name->buf, NTEVENT_NAME_PREFIX, NT_PREFIX_LEN))
		memcpy(name->buf, NTEVENT_NAME_PREFIX, NT_PREFIX_LEN);
	name->len = o;
	return 0;
}

/*
 * Open (or, per flags, create) a named event with the rights DesiredAccess
 * maps to. MAXIMUM_ALLOWED asks for the most the event's mode grants the
 * caller: all rights, else a read or a write bit's with SYNCHRONIZE (one of
 * them grants it, by the event's type), else a read bit's, else a write
 * bit's, each with the rights asked for besides.
 */
static int nt_open(const struct nt_name *name, unsigned int flags,
		   ACCESS_MASK desired, unsigned int type, unsigned int state,
		   int *created)
{
	uint32_t want = nt_event_access(desired & ~MAXIMUM_ALLOWED);
	const uint32_t tries[] = {
		EVENT_ALL_ACCESS,
		NTEVENT_MODE_READ_RIGHTS | SYNCHRONIZE | want,
		NTEVENT_MODE_WRITE_RIGHTS | SYNCHRONIZE | want,
		NTEVENT_MODE_READ_RIGHTS | want,
		NTEVENT_MODE_WRITE_RIGHTS | want,
	};
	size_t i;
	int fd = -EACCES;

	if (!(desired & MAXIMUM_ALLOWED))
		return ntevent_open_named(name->buf, name->len, flags, want,
					  type, state, NT_NAMED_MODE, created);
	for (i = 0; i < sizeof(tries) / sizeof(tries[0]) && fd == -EACCES; i++)
		fd = ntevent_open_named(name->buf, name->len, flags, tries[i],
					type, state, NT_NAMED_MODE, created);
	return fd;
}

/*
 * Store the handle of a new descriptor in *out and return status; on a
 * failure close the descriptor and return the error. Handles are not
 * inherited by a new program unless asked for (OBJ_INHERIT).
 */
static NTSTATUS nt_handle_out(int fd, int inherit, PHANDLE out,
			      NTSTATUS status)
{
	HANDLE h;
	int ret;

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
	*out = h;
	return status;
}

NTEVENT_EXPORT NTSTATUS NTAPI NtCreateEvent(PHANDLE EventHandle,
					    ACCESS_MASK DesiredAccess,
					    POBJECT_ATTRIBUTES ObjectAttributes,
					    EVENT_TYPE EventType,
					    BOOLEAN InitialState)
{
	unsigned int flags = NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL;
	int inherit = 0, created = 1, fd, ret;
	struct nt_name name;

	if (!EventHandle)
		return nt_status(-EFAULT);
	name.len = 0;
	if (ObjectAttributes) {
		ret = nt_attributes(ObjectAttributes, &name);
		if (ret < 0)
			return nt_status(ret);
		/*
		 * A security descriptor would decide who may open the name;
		 * the library cannot honour one, so it does not pretend to.
		 */
		if (name.len && ObjectAttributes->SecurityDescriptor)
			return nt_status(-EOPNOTSUPP);
		if (ObjectAttributes->Attributes & OBJ_OPENIF)
			flags = NTEVENT_OPEN_CREATE;
		inherit = ObjectAttributes->Attributes & OBJ_INHERIT;
	}
	if (EventType != NotificationEvent && EventType != SynchronizationEvent)
		return nt_status(-EINVAL);
	ret = ntevent__device_enodev();
	if (ret < 0)
		return nt_status(ret);
	if (name.len)
		fd = nt_open(&name, flags, DesiredAccess, (unsigned int)EventType,
			     InitialState ? 1 : 0, &created);
	else
		fd = ntevent_create((unsigned int)EventType, InitialState ? 1 : 0,
				    nt_event_access(DesiredAccess));
	if (fd < 0)
		return nt_status(fd);
	/* OBJ_OPENIF and the name existed: a handle and a success code. */
	return nt_handle_out(fd, inherit, EventHandle,
			     created ? STATUS_SUCCESS : STATUS_OBJECT_NAME_EXISTS);
}
NTEVENT_ALIAS(NtCreateEvent, ZwCreateEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtOpenEvent(PHANDLE EventHandle,
					  ACCESS_MASK DesiredAccess,
					  POBJECT_ATTRIBUTES ObjectAttributes)
{
	struct nt_name name;
	int fd, ret;

	if (!EventHandle)
		return nt_status(-EFAULT);
	if (!ObjectAttributes)
		return STATUS_INVALID_PARAMETER;	/* Windows' answer */
	ret = nt_attributes(ObjectAttributes, &name);
	if (ret < 0)
		return nt_status(ret);
	if (!name.len)
		return STATUS_OBJECT_PATH_SYNTAX_BAD;	/* no name: Windows' too */
	fd = nt_open(&name, 0, DesiredAccess, NotificationEvent, 0, NULL);
	if (fd < 0)
		return nt_status(fd);	/* a missing device is ENODEV here */
	return nt_handle_out(fd, ObjectAttributes->Attributes & OBJ_INHERIT,
			     EventHandle, STATUS_SUCCESS);
}
NTEVENT_ALIAS(NtOpenEvent, ZwOpenEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtSetEvent(HANDLE EventHandle,
					 PLONG PreviousState)
{
	return nt_status(ntevent__handle_op(EventHandle, NTEVENT_IOC_SET,
					       (int *)PreviousState));
}
NTEVENT_ALIAS(NtSetEvent, ZwSetEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtResetEvent(HANDLE EventHandle,
					   PLONG PreviousState)
{
	return nt_status(ntevent__handle_op(EventHandle, NTEVENT_IOC_RESET,
					       (int *)PreviousState));
}
NTEVENT_ALIAS(NtResetEvent, ZwResetEvent);

NTEVENT_EXPORT NTSTATUS NTAPI NtPulseEvent(HANDLE EventHandle,
					   PLONG PreviousState)
{
	return nt_status(ntevent__handle_op(EventHandle, NTEVENT_IOC_PULSE,
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
	int fd = ntevent__handle_fd(Handle);
	uint64_t deadline;
	int dev, ret;

	if (fd < 0)
		return nt_status(fd);
	dev = ntevent__device_enodev();
	if (dev < 0)
		return nt_status(dev);
	nt_deadline(Timeout, &deadline, &flags);
	ret = ntevent__wait_on(dev, NTEVENT_IOC_WAIT_ANY, &fd, 1, deadline,
			       flags);
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
	int ret;

	/* Windows' own statuses, which no errno of the kernel's gives. */
	if (!Count || Count > MAXIMUM_WAIT_OBJECTS)
		return STATUS_INVALID_PARAMETER_1;
	if (WaitType != WaitAll && WaitType != WaitAny)
		return STATUS_INVALID_PARAMETER_3;
	if (!Handles)
		return nt_status(-EFAULT);
	if (WaitType == WaitAll) {
		ret = ntevent__wait_fds(Handles, Count, fds);
		if (ret < 0)
			return nt_status(ret);
	}
	nt_deadline(Timeout, &deadline, &flags);
	if (WaitType == WaitAny)
		ret = ntevent__wait_any_handles(Handles, Count, deadline,
						flags);
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
	ret = ntevent__device_enodev();
	if (ret < 0)
		return nt_status(ret);
	nt_deadline(Timeout, &deadline, &flags);
	ret = ntevent_signal_and_wait(sfd, wfd, deadline, flags);
	if (ret < 0)
		return nt_status(ret);
	return STATUS_WAIT_0;
}
NTEVENT_ALIAS(NtSignalAndWaitForSingleObject, ZwSignalAndWaitForSingleObject);

/*
 * Within the current process only: this library has no other process
 * handles. DUPLICATE_CLOSE_SOURCE closes the source whatever the outcome,
 * as on Windows; with a NULL TargetProcessHandle that is all it does.
 */
NTEVENT_EXPORT NTSTATUS NTAPI NtDuplicateObject(HANDLE SourceProcessHandle,
						HANDLE SourceHandle,
						HANDLE TargetProcessHandle,
						PHANDLE TargetHandle,
						ACCESS_MASK DesiredAccess,
						ULONG HandleAttributes,
						ULONG Options)
{
	const ULONG known = DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS |
			    DUPLICATE_SAME_ATTRIBUTES;
	unsigned int flags = 0;
	uint32_t access = 0;
	int src, fd, inherit;
	NTSTATUS status;

	if (SourceProcessHandle != NtCurrentProcess())
		return STATUS_INVALID_HANDLE;
	if ((Options & ~known) || (HandleAttributes & ~OBJ_VALID_ATTRIBUTES))
		return STATUS_INVALID_PARAMETER;
	src = ntevent_handle_to_fd(SourceHandle);
	if (src < 0)
		return nt_status(src);
	if (!TargetProcessHandle && (Options & DUPLICATE_CLOSE_SOURCE))
		return nt_status(ntevent_close(src));
	if (TargetProcessHandle != NtCurrentProcess()) {
		status = STATUS_INVALID_HANDLE;
		goto out;
	}

	inherit = HandleAttributes & OBJ_INHERIT;
	if (Options & DUPLICATE_SAME_ATTRIBUTES) {
		int fdflags = ntevent__fcntl(src, F_GETFD, 0);

		if (fdflags < 0) {
			status = nt_status(fdflags);
			goto out;
		}
		inherit = !(fdflags & FD_CLOEXEC);
	}
	/* MAXIMUM_ALLOWED: a duplicate can have at most the source's rights */
	if ((Options & DUPLICATE_SAME_ACCESS) || (DesiredAccess & MAXIMUM_ALLOWED))
		flags = NTEVENT_DUP_SAME_ACCESS;
	else
		access = nt_event_access(DesiredAccess);
	fd = ntevent_dup(src, access, flags);	/* more rights: -EACCES */
	if (fd < 0) {
		status = nt_status(fd);
	} else if (TargetHandle) {
		status = nt_handle_out(fd, inherit, TargetHandle, STATUS_SUCCESS);
	} else {
		/* Made, as on Windows, but nowhere to return it: closed. */
		ntevent_close(fd);
		status = STATUS_SUCCESS;
	}
out:
	if (Options & DUPLICATE_CLOSE_SOURCE)
		ntevent_close(src);
	return status;
}
NTEVENT_ALIAS(NtDuplicateObject, ZwDuplicateObject);

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
