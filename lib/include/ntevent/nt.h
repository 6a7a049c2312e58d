/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent: the NT native API face (Nt* and Zw* event services).
 *
 * The names, types and numeric values are Windows' own, so that code
 * written for Windows compiles unchanged; LONG and ULONG are 32 bits as on
 * 64-bit Windows. Zw* are the same entry points as Nt*. A HANDLE is an
 * event file descriptor (see ntevent_fd_to_handle(3)). ntevent(7) maps
 * every call to the ioctl under it.
 */
#ifndef NTEVENT_NT_H
#define NTEVENT_NT_H

#include <ntevent/wintypes.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef LONG NTSTATUS;
typedef NTSTATUS *PNTSTATUS;

#define NT_SUCCESS(Status)		(((NTSTATUS)(Status)) >= 0)

/* Status values (ntstatus.h). */
#define STATUS_SUCCESS			((NTSTATUS)0x00000000L)
#define STATUS_WAIT_0			((NTSTATUS)0x00000000L)
#define STATUS_WAIT_1			((NTSTATUS)0x00000001L)
#define STATUS_WAIT_2			((NTSTATUS)0x00000002L)
#define STATUS_WAIT_3			((NTSTATUS)0x00000003L)
#define STATUS_WAIT_63			((NTSTATUS)0x0000003FL)
#define STATUS_ABANDONED_WAIT_0		((NTSTATUS)0x00000080L)
#define STATUS_USER_APC			((NTSTATUS)0x000000C0L)
#define STATUS_ALERTED			((NTSTATUS)0x00000101L)
#define STATUS_TIMEOUT			((NTSTATUS)0x00000102L)
#define STATUS_PENDING			((NTSTATUS)0x00000103L)
#define STATUS_OBJECT_NAME_EXISTS	((NTSTATUS)0x40000000L)
#define STATUS_UNSUCCESSFUL		((NTSTATUS)0xC0000001L)
#define STATUS_NOT_IMPLEMENTED		((NTSTATUS)0xC0000002L)
#define STATUS_INVALID_INFO_CLASS	((NTSTATUS)0xC0000003L)
#define STATUS_INFO_LENGTH_MISMATCH	((NTSTATUS)0xC0000004L)
#define STATUS_ACCESS_VIOLATION		((NTSTATUS)0xC0000005L)
#define STATUS_INVALID_HANDLE		((NTSTATUS)0xC0000008L)
#define STATUS_INVALID_PARAMETER	((NTSTATUS)0xC000000DL)
#define STATUS_NO_SUCH_DEVICE		((NTSTATUS)0xC000000EL)
#define STATUS_NO_MEMORY		((NTSTATUS)0xC0000017L)
#define STATUS_ACCESS_DENIED		((NTSTATUS)0xC0000022L)
#define STATUS_OBJECT_TYPE_MISMATCH	((NTSTATUS)0xC0000024L)
#define STATUS_INVALID_PARAMETER_MIX	((NTSTATUS)0xC0000030L)
#define STATUS_OBJECT_NAME_INVALID	((NTSTATUS)0xC0000033L)
#define STATUS_OBJECT_NAME_NOT_FOUND	((NTSTATUS)0xC0000034L)
#define STATUS_OBJECT_NAME_COLLISION	((NTSTATUS)0xC0000035L)
#define STATUS_OBJECT_PATH_INVALID	((NTSTATUS)0xC0000039L)
#define STATUS_OBJECT_PATH_NOT_FOUND	((NTSTATUS)0xC000003AL)
#define STATUS_OBJECT_PATH_SYNTAX_BAD	((NTSTATUS)0xC000003BL)
#define STATUS_INSUFFICIENT_RESOURCES	((NTSTATUS)0xC000009AL)
#define STATUS_NOT_SUPPORTED		((NTSTATUS)0xC00000BBL)
#define STATUS_INVALID_PARAMETER_1	((NTSTATUS)0xC00000EFL)
#define STATUS_INVALID_PARAMETER_2	((NTSTATUS)0xC00000F0L)
#define STATUS_INVALID_PARAMETER_3	((NTSTATUS)0xC00000F1L)
#define STATUS_INVALID_PARAMETER_4	((NTSTATUS)0xC00000F2L)

/* Most handles one wait may name. */
#ifndef MAXIMUM_WAIT_OBJECTS
#define MAXIMUM_WAIT_OBJECTS		64
#endif

/* Access rights (winnt.h). */
#define DELETE				0x00010000u
#define READ_CONTROL			0x00020000u
#define WRITE_DAC			0x00040000u
#define WRITE_OWNER			0x00080000u
#define SYNCHRONIZE			0x00100000u
#define STANDARD_RIGHTS_REQUIRED	0x000F0000u
#define STANDARD_RIGHTS_READ		READ_CONTROL
#define STANDARD_RIGHTS_WRITE		READ_CONTROL
#define STANDARD_RIGHTS_EXECUTE		READ_CONTROL
#define STANDARD_RIGHTS_ALL		0x001F0000u
#define SPECIFIC_RIGHTS_ALL		0x0000FFFFu
#define ACCESS_SYSTEM_SECURITY		0x01000000u
#define MAXIMUM_ALLOWED			0x02000000u
#define GENERIC_READ			0x80000000u
#define GENERIC_WRITE			0x40000000u
#define GENERIC_EXECUTE			0x20000000u
#define GENERIC_ALL			0x10000000u
#define EVENT_QUERY_STATE		0x0001u
#define EVENT_MODIFY_STATE		0x0002u
#define EVENT_ALL_ACCESS		(STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x3u)

/* OBJECT_ATTRIBUTES.Attributes */
#define OBJ_INHERIT			0x00000002
#define OBJ_PERMANENT			0x00000010
#define OBJ_EXCLUSIVE			0x00000020
#define OBJ_CASE_INSENSITIVE		0x00000040
#define OBJ_OPENIF			0x00000080
#define OBJ_OPENLINK			0x00000100
#define OBJ_KERNEL_HANDLE		0x00000200
#define OBJ_FORCE_ACCESS_CHECK		0x00000400
#define OBJ_IGNORE_IMPERSONATED_DEVICEMAP 0x00000800
#define OBJ_DONT_REPARSE		0x00001000
#define OBJ_VALID_ATTRIBUTES		0x00001FF2

/* NtDuplicateObject() Options (winnt.h). */
#define DUPLICATE_CLOSE_SOURCE		0x00000001
#define DUPLICATE_SAME_ACCESS		0x00000002
#define DUPLICATE_SAME_ATTRIBUTES	0x00000004

/* Pseudo-handles: never events. */
#define NtCurrentProcess()		((HANDLE)(intptr_t)-1)
#define ZwCurrentProcess()		NtCurrentProcess()
#define NtCurrentThread()		((HANDLE)(intptr_t)-2)
#define ZwCurrentThread()		NtCurrentThread()

typedef union _LARGE_INTEGER {
	__extension__ struct {
		ULONG LowPart;
		LONG HighPart;
	};
	struct {
		ULONG LowPart;
		LONG HighPart;
	} u;
	LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef struct _UNICODE_STRING {
	USHORT Length;		/* bytes, without a terminating NUL */
	USHORT MaximumLength;	/* bytes of Buffer */
	PWSTR Buffer;		/* UTF-16 */
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

typedef struct _OBJECT_ATTRIBUTES {
	ULONG Length;
	HANDLE RootDirectory;
	PUNICODE_STRING ObjectName;
	ULONG Attributes;
	PVOID SecurityDescriptor;
	PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
typedef const OBJECT_ATTRIBUTES *PCOBJECT_ATTRIBUTES;

#define InitializeObjectAttributes(p, n, a, r, s) do {	\
	(p)->Length = sizeof(OBJECT_ATTRIBUTES);	\
	(p)->RootDirectory = (r);			\
	(p)->Attributes = (a);				\
	(p)->ObjectName = (n);				\
	(p)->SecurityDescriptor = (s);			\
	(p)->SecurityQualityOfService = NULL;		\
} while (0)

typedef enum _EVENT_TYPE {
	NotificationEvent,
	SynchronizationEvent
} EVENT_TYPE;

typedef enum _WAIT_TYPE {
	WaitAll,
	WaitAny,
	WaitNotification,
	WaitDequeue,
	WaitDpc
} WAIT_TYPE;

typedef enum _EVENT_INFORMATION_CLASS {
	EventBasicInformation
} EVENT_INFORMATION_CLASS;

typedef struct _EVENT_BASIC_INFORMATION {
	EVENT_TYPE EventType;
	LONG EventState;
} EVENT_BASIC_INFORMATION, *PEVENT_BASIC_INFORMATION;

NTSTATUS NTAPI NtCreateEvent(PHANDLE EventHandle, ACCESS_MASK DesiredAccess,
			     POBJECT_ATTRIBUTES ObjectAttributes,
			     EVENT_TYPE EventType, BOOLEAN InitialState);
NTSTATUS NTAPI NtOpenEvent(PHANDLE EventHandle, ACCESS_MASK DesiredAccess,
			   POBJECT_ATTRIBUTES ObjectAttributes);
NTSTATUS NTAPI NtSetEvent(HANDLE EventHandle, PLONG PreviousState);
NTSTATUS NTAPI NtResetEvent(HANDLE EventHandle, PLONG PreviousState);
NTSTATUS NTAPI NtClearEvent(HANDLE EventHandle);
NTSTATUS NTAPI NtPulseEvent(HANDLE EventHandle, PLONG PreviousState);
NTSTATUS NTAPI NtQueryEvent(HANDLE EventHandle,
			    EVENT_INFORMATION_CLASS EventInformationClass,
			    PVOID EventInformation,
			    ULONG EventInformationLength, PULONG ReturnLength);
NTSTATUS NTAPI NtWaitForSingleObject(HANDLE Handle, BOOLEAN Alertable,
				     PLARGE_INTEGER Timeout);
NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG Count, HANDLE Handles[],
					WAIT_TYPE WaitType, BOOLEAN Alertable,
					PLARGE_INTEGER Timeout);
NTSTATUS NTAPI NtSignalAndWaitForSingleObject(HANDLE SignalHandle,
					      HANDLE WaitHandle,
					      BOOLEAN Alertable,
					      PLARGE_INTEGER Timeout);
NTSTATUS NTAPI NtDuplicateObject(HANDLE SourceProcessHandle,
				 HANDLE SourceHandle,
				 HANDLE TargetProcessHandle, PHANDLE TargetHandle,
				 ACCESS_MASK DesiredAccess, ULONG HandleAttributes,
				 ULONG Options);
NTSTATUS NTAPI NtClose(HANDLE Handle);

NTSTATUS NTAPI ZwCreateEvent(PHANDLE EventHandle, ACCESS_MASK DesiredAccess,
			     POBJECT_ATTRIBUTES ObjectAttributes,
			     EVENT_TYPE EventType, BOOLEAN InitialState);
NTSTATUS NTAPI ZwOpenEvent(PHANDLE EventHandle, ACCESS_MASK DesiredAccess,
			   POBJECT_ATTRIBUTES ObjectAttributes);
NTSTATUS NTAPI ZwSetEvent(HANDLE EventHandle, PLONG PreviousState);
NTSTATUS NTAPI ZwResetEvent(HANDLE EventHandle, PLONG PreviousState);
NTSTATUS NTAPI ZwClearEvent(HANDLE EventHandle);
NTSTATUS NTAPI ZwPulseEvent(HANDLE EventHandle, PLONG PreviousState);
NTSTATUS NTAPI ZwQueryEvent(HANDLE EventHandle,
			    EVENT_INFORMATION_CLASS EventInformationClass,
			    PVOID EventInformation,
			    ULONG EventInformationLength, PULONG ReturnLength);
NTSTATUS NTAPI ZwWaitForSingleObject(HANDLE Handle, BOOLEAN Alertable,
				     PLARGE_INTEGER Timeout);
NTSTATUS NTAPI ZwWaitForMultipleObjects(ULONG Count, HANDLE Handles[],
					WAIT_TYPE WaitType, BOOLEAN Alertable,
					PLARGE_INTEGER Timeout);
NTSTATUS NTAPI ZwSignalAndWaitForSingleObject(HANDLE SignalHandle,
					      HANDLE WaitHandle,
					      BOOLEAN Alertable,
					      PLARGE_INTEGER Timeout);
NTSTATUS NTAPI ZwDuplicateObject(HANDLE SourceProcessHandle,
				 HANDLE SourceHandle,
				 HANDLE TargetProcessHandle, PHANDLE TargetHandle,
				 ACCESS_MASK DesiredAccess, ULONG HandleAttributes,
				 ULONG Options);
NTSTATUS NTAPI ZwClose(HANDLE Handle);

VOID NTAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString,
				PCWSTR SourceString);

#ifdef __cplusplus
}
#endif

#endif /* NTEVENT_NT_H */
