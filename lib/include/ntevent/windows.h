/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent: kernel32's event API (windows.h, synchapi.h, handleapi.h,
 * errhandlingapi.h), the calls ported Windows code makes: CreateEvent,
 * SetEvent, WaitForMultipleObjects, CloseHandle, GetLastError...
 *
 * The names, types and numeric values are Windows' own. Each call is
 * kernel32's over the NT face of <ntevent/nt.h>, as on Windows: a HANDLE is
 * an event file descriptor (ntevent_fd_to_handle(3)), and a failure sets
 * the thread's last error from the NTSTATUS (RtlNtStatusToDosError). That
 * last error is the one WSAGetLastError() reads, as on Windows. May be
 * included with <ntevent/nt.h> and <ntevent/winsock.h> in one file.
 * ntevent-kernel32(3) tells where ntevent differs from Windows.
 */
#ifndef NTEVENT_WINDOWS_H
#define NTEVENT_WINDOWS_H

#include <ntevent/nt.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef const CHAR *LPCSTR;
typedef const WCHAR *LPCWSTR;
typedef void *LPVOID;
typedef HANDLE *LPHANDLE;
typedef const HANDLE *LPCHANDLE;
typedef void (WINAPI *PAPCFUNC)(ULONG_PTR Parameter);

typedef struct _SECURITY_ATTRIBUTES {
	DWORD nLength;
	LPVOID lpSecurityDescriptor;
	BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

/* Timeouts and the wait functions' results (winbase.h, synchapi.h). */
#define INFINITE			((DWORD)0xFFFFFFFF)
#define WAIT_OBJECT_0			((DWORD)0x00000000)
#define WAIT_ABANDONED_0		((DWORD)0x00000080)
#define WAIT_IO_COMPLETION		((DWORD)0x000000C0)
#define WAIT_TIMEOUT			((DWORD)0x00000102)
#define WAIT_FAILED			((DWORD)0xFFFFFFFF)

/* CreateEventEx() dwFlags. */
#define CREATE_EVENT_MANUAL_RESET	0x00000001
#define CREATE_EVENT_INITIAL_SET	0x00000002

/* The Win32 errors the calls below set, beyond <ntevent/wintypes.h>'s. */
#ifndef ERROR_INVALID_FUNCTION
#define ERROR_INVALID_FUNCTION		1
#endif
#ifndef ERROR_PATH_NOT_FOUND
#define ERROR_PATH_NOT_FOUND		3
#endif
#ifndef ERROR_BAD_LENGTH
#define ERROR_BAD_LENGTH		24
#endif
#ifndef ERROR_GEN_FAILURE
#define ERROR_GEN_FAILURE		31
#endif
#ifndef ERROR_NOT_SUPPORTED
#define ERROR_NOT_SUPPORTED		50
#endif
#ifndef ERROR_BAD_PATHNAME
#define ERROR_BAD_PATHNAME		161
#endif
#ifndef ERROR_FILENAME_EXCED_RANGE
#define ERROR_FILENAME_EXCED_RANGE	206
#endif
#ifndef ERROR_MR_MID_NOT_FOUND
#define ERROR_MR_MID_NOT_FOUND		317
#endif
#ifndef ERROR_OPERATION_ABORTED
#define ERROR_OPERATION_ABORTED		995
#endif
#ifndef ERROR_IO_INCOMPLETE
#define ERROR_IO_INCOMPLETE		996
#endif
#ifndef ERROR_IO_PENDING
#define ERROR_IO_PENDING		997
#endif
#ifndef ERROR_NOACCESS
#define ERROR_NOACCESS			998
#endif
#ifndef ERROR_NOT_FOUND
#define ERROR_NOT_FOUND			1168
#endif
#ifndef ERROR_NO_SYSTEM_RESOURCES
#define ERROR_NO_SYSTEM_RESOURCES	1450
#endif

/* The Win32 error of an NTSTATUS (ntdll's, as kernel32 uses it). */
ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status);

DWORD WINAPI GetLastError(void);
void WINAPI SetLastError(DWORD dwErrCode);
HANDLE WINAPI GetCurrentProcess(void);
HANDLE WINAPI GetCurrentThread(void);
DWORD WINAPI QueueUserAPC(PAPCFUNC pfnAPC, HANDLE hThread, ULONG_PTR dwData);
DWORD WINAPI SleepEx(DWORD dwMilliseconds, BOOL bAlertable);

HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES lpEventAttributes,
			   BOOL bManualReset, BOOL bInitialState,
			   LPCSTR lpName);
HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes,
			   BOOL bManualReset, BOOL bInitialState,
			   LPCWSTR lpName);
HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES lpEventAttributes,
			     LPCSTR lpName, DWORD dwFlags,
			     DWORD dwDesiredAccess);
HANDLE WINAPI CreateEventExW(LPSECURITY_ATTRIBUTES lpEventAttributes,
			     LPCWSTR lpName, DWORD dwFlags,
			     DWORD dwDesiredAccess);
HANDLE WINAPI OpenEventA(DWORD dwDesiredAccess, BOOL bInheritHandle,
			 LPCSTR lpName);
HANDLE WINAPI OpenEventW(DWORD dwDesiredAccess, BOOL bInheritHandle,
			 LPCWSTR lpName);
BOOL WINAPI SetEvent(HANDLE hEvent);
BOOL WINAPI ResetEvent(HANDLE hEvent);
BOOL WINAPI PulseEvent(HANDLE hEvent);

DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds);
DWORD WINAPI WaitForSingleObjectEx(HANDLE hHandle, DWORD dwMilliseconds,
				   BOOL bAlertable);
DWORD WINAPI WaitForMultipleObjects(DWORD nCount, const HANDLE *lpHandles,
				    BOOL bWaitAll, DWORD dwMilliseconds);
DWORD WINAPI WaitForMultipleObjectsEx(DWORD nCount, const HANDLE *lpHandles,
				      BOOL bWaitAll, DWORD dwMilliseconds,
				      BOOL bAlertable);
DWORD WINAPI SignalObjectAndWait(HANDLE hObjectToSignal,
				 HANDLE hObjectToWaitOn,
				 DWORD dwMilliseconds, BOOL bAlertable);

BOOL WINAPI CloseHandle(HANDLE hObject);
BOOL WINAPI DuplicateHandle(HANDLE hSourceProcessHandle,
			    HANDLE hSourceHandle,
			    HANDLE hTargetProcessHandle,
			    LPHANDLE lpTargetHandle, DWORD dwDesiredAccess,
			    BOOL bInheritHandle, DWORD dwOptions);

/*
 * Cancel the pending overlapped operations of a socket (a SOCKET cast to
 * HANDLE): CancelIo() those the calling thread posted, CancelIoEx() the
 * one lpOverlapped names, or all of them.
 */
BOOL WINAPI CancelIo(HANDLE hFile);
BOOL WINAPI CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped);

/* The A or W name, as Windows' UNICODE chooses it. */
#ifdef UNICODE
#define CreateEvent	CreateEventW
#define CreateEventEx	CreateEventExW
#define OpenEvent	OpenEventW
#else
#define CreateEvent	CreateEventA
#define CreateEventEx	CreateEventExA
#define OpenEvent	OpenEventA
#endif

#ifdef __cplusplus
}
#endif

#endif /* NTEVENT_WINDOWS_H */
