/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent: the Windows base types shared by <ntevent/nt.h> and
 * <ntevent/winsock.h>, with the sizes they have on 64-bit Windows (LLP64):
 * LONG, ULONG and DWORD are 32 bits, HANDLE is a pointer, WCHAR is a
 * UTF-16 code unit (write wide literals as u"...", not L"...").
 *
 * Included by both faces; each definition is made once.
 */
#ifndef NTEVENT_WINTYPES_H
#define NTEVENT_WINTYPES_H

#include <stdint.h>
#include <stddef.h>
#ifndef __cplusplus
#include <uchar.h>
#endif

/* Calling conventions mean nothing on Linux. */
#ifndef NTAPI
#define NTAPI
#endif
#ifndef WINAPI
#define WINAPI
#endif
#ifndef WSAAPI
#define WSAAPI
#endif
#ifndef WSPAPI
#define WSPAPI
#endif
#ifndef CALLBACK
#define CALLBACK
#endif

/* SAL annotations that Windows code writes in its declarations. */
#ifndef _In_
#define _In_
#endif
#ifndef _In_opt_
#define _In_opt_
#endif
#ifndef _Out_
#define _Out_
#endif
#ifndef _Out_opt_
#define _Out_opt_
#endif
#ifndef _Inout_
#define _Inout_
#endif

#ifndef VOID
#define VOID void
#endif
#ifndef CONST
#define CONST const
#endif

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

typedef void *PVOID;
typedef void *HANDLE;
typedef HANDLE *PHANDLE;
typedef char CHAR;
typedef unsigned char UCHAR;
typedef unsigned char BYTE;
typedef unsigned char BOOLEAN;
typedef BOOLEAN *PBOOLEAN;
typedef int16_t SHORT;
typedef uint16_t USHORT;
typedef uint16_t WORD;
typedef int32_t LONG;
typedef LONG *PLONG;
typedef uint32_t ULONG;
typedef ULONG *PULONG;
typedef uint32_t DWORD;
typedef DWORD *LPDWORD;
typedef int INT;
typedef INT *LPINT;
typedef int BOOL;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef uintptr_t ULONG_PTR;
typedef ULONG ACCESS_MASK;
typedef ACCESS_MASK *PACCESS_MASK;
typedef char16_t WCHAR;
typedef WCHAR *PWSTR;
typedef WCHAR *PWCH;
typedef const WCHAR *PCWSTR;

/* INVALID_HANDLE_VALUE is also NtCurrentProcess(): never an event. */
#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#endif

/*
 * An overlapped operation (minwinbase.h): Internal is STATUS_PENDING
 * (0x103) until it completes, then its status; InternalHigh the bytes it
 * transferred. WSAOVERLAPPED is the same structure.
 */
#if defined(__GNUC__)
#define NTEVENT_ANONYMOUS __extension__	/* for C99 and C++ too */
#else
#define NTEVENT_ANONYMOUS
#endif
typedef struct _OVERLAPPED {
	ULONG_PTR Internal;
	ULONG_PTR InternalHigh;
	NTEVENT_ANONYMOUS union {
		NTEVENT_ANONYMOUS struct {
			DWORD Offset;
			DWORD OffsetHigh;
		};
		PVOID Pointer;
	};
	HANDLE hEvent;
} OVERLAPPED, *LPOVERLAPPED;

#ifndef HasOverlappedIoCompleted
#define HasOverlappedIoCompleted(lpOverlapped) \
	((lpOverlapped)->Internal != 0x103 /* STATUS_PENDING */)
#endif

/*
 * Win32 error codes; WSAGetLastError() shares their space, as on Windows
 * (WSA_INVALID_HANDLE is ERROR_INVALID_HANDLE, and so on).
 */
#ifndef ERROR_SUCCESS
#define ERROR_SUCCESS			0
#endif
#ifndef ERROR_FILE_NOT_FOUND
#define ERROR_FILE_NOT_FOUND		2
#endif
#ifndef ERROR_ACCESS_DENIED
#define ERROR_ACCESS_DENIED		5
#endif
#ifndef ERROR_INVALID_HANDLE
#define ERROR_INVALID_HANDLE		6
#endif
#ifndef ERROR_NOT_ENOUGH_MEMORY
#define ERROR_NOT_ENOUGH_MEMORY		8
#endif
#ifndef ERROR_INVALID_PARAMETER
#define ERROR_INVALID_PARAMETER		87
#endif
#ifndef ERROR_INVALID_NAME
#define ERROR_INVALID_NAME		123
#endif
#ifndef ERROR_ALREADY_EXISTS
#define ERROR_ALREADY_EXISTS		183
#endif

#endif /* NTEVENT_WINTYPES_H */
