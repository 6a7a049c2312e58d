// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: kernel32's event API over the NT face, as kernel32 sits on
 * ntdll on Windows: a name gains the \BaseNamedObjects\ directory, a
 * timeout in milliseconds becomes a relative NT timeout, and a failure's
 * NTSTATUS becomes the thread's last error (RtlNtStatusToDosError()).
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <ntevent/windows.h>

#include "internal.h"

/* The thread's last error: GetLastError()'s and WSAGetLastError()'s. */
_Thread_local int ntevent__last_error;

NTEVENT_EXPORT DWORD WINAPI GetLastError(void)
{
	return (DWORD)ntevent__last_error;
}

NTEVENT_EXPORT void WINAPI SetLastError(DWORD dwErrCode)
{
	ntevent__last_error = (int)dwErrCode;
}

NTEVENT_EXPORT HANDLE WINAPI GetCurrentProcess(void)
{
	return NtCurrentProcess();
}

NTEVENT_EXPORT HANDLE WINAPI GetCurrentThread(void)
{
	return (HANDLE)(intptr_t)-2;	/* NtCurrentThread() */
}

/* FALSE with the last error of a failed NT call; TRUE for a success. */
static BOOL k32_result(NTSTATUS status)
{
	if (NT_SUCCESS(status))
		return TRUE;
	SetLastError(RtlNtStatusToDosError(status));
	return FALSE;
}

/* ---- names ---- */

#define K32_DIR		u"\\BaseNamedObjects\\"
#define K32_DIR_LEN	(sizeof(K32_DIR) / sizeof(WCHAR) - 1)
#define K32_MAX_PATH	260

/* An object name as kernel32 builds it: \BaseNamedObjects\ and the name. */
struct k32_name {
	UNICODE_STRING us;
	WCHAR buf[K32_DIR_LEN + NTEVENT_NAME_MAX + 1];
};

static int k32_prefix(const WCHAR *name, const char *prefix)
{
	size_t i;

	for (i = 0; prefix[i]; i++)
		if (name[i] != (WCHAR)prefix[i])
			return 0;
	return (int)i;
}

/*
 * Build the NT name of lpName: 0 with us.Length 0 for no name (NULL or
 * empty, an unnamed event), or a Win32 error. Local\ and Global\ name the
 * one namespace there is (the IPC namespace's); any other backslash names
 * a directory that does not exist. Too long for a name: ERROR_INVALID_NAME,
 * as the NT face says.
 */
static DWORD k32_name(LPCWSTR lpName, struct k32_name *n)
{
	size_t len = 0, skip;

	n->us.Buffer = n->buf;
	n->us.Length = 0;
	n->us.MaximumLength = sizeof(n->buf);
	if (!lpName || !lpName[0])
		return 0;
	skip = k32_prefix(lpName, "Global\\");
	if (!skip)
		skip = k32_prefix(lpName, "Local\\");
	lpName += skip;
	for (len = 0; lpName[len]; len++) {
		if (lpName[len] == u'\\')
			return ERROR_PATH_NOT_FOUND;
		if (len >= NTEVENT_NAME_MAX)
			return ERROR_INVALID_NAME;
		n->buf[K32_DIR_LEN + len] = lpName[len];
	}
	memcpy(n->buf, K32_DIR, K32_DIR_LEN * sizeof(WCHAR));
	n->us.Length = (USHORT)((K32_DIR_LEN + len) * sizeof(WCHAR));
	return 0;
}

/*
 * An A name (the process's code page: UTF-8 on Linux) as a W name: 0, or
 * ERROR_FILENAME_EXCED_RANGE from MAX_PATH characters up (kernel32's own
 * limit for the A calls), or ERROR_INVALID_NAME for bytes that are not
 * UTF-8.
 */
static DWORD k32_widen(LPCSTR a, WCHAR *w, size_t size)
{
	const unsigned char *s = (const unsigned char *)a;
	size_t o = 0;

	while (*s) {
		uint32_t c = *s++;
		int more = c < 0x80 ? 0 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 :
			   c >= 0xc2 ? 1 : -1;

		if (more < 0 || c > 0xf4)
			return ERROR_INVALID_NAME;
		if (more)
			c &= 0x3f >> more;
		while (more--) {
			if ((*s & 0xc0) != 0x80)
				return ERROR_INVALID_NAME;
			c = c << 6 | (*s++ & 0x3f);
		}
		if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
			return ERROR_INVALID_NAME;
		if (o + 2 >= size)
			return ERROR_FILENAME_EXCED_RANGE;
		if (c >= 0x10000) {
			c -= 0x10000;
			w[o++] = (WCHAR)(0xd800 + (c >> 10));
			w[o++] = (WCHAR)(0xdc00 + (c & 0x3ff));
		} else {
			w[o++] = (WCHAR)c;
		}
	}
	w[o] = 0;
	return 0;
}

/* ---- creating and opening ---- */

NTEVENT_EXPORT HANDLE WINAPI CreateEventExW(LPSECURITY_ATTRIBUTES lpEventAttributes,
					    LPCWSTR lpName, DWORD dwFlags,
					    DWORD dwDesiredAccess)
{
	const DWORD known = CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET;
	OBJECT_ATTRIBUTES oa;
	struct k32_name name;
	NTSTATUS status;
	HANDLE h = NULL;
	DWORD error;

	if (dwFlags & ~known) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	error = k32_name(lpName, &name);
	if (error) {
		SetLastError(error);
		return NULL;
	}
	InitializeObjectAttributes(&oa, name.us.Length ? &name.us : NULL,
				   OBJ_OPENIF, NULL,
				   lpEventAttributes ?
				   lpEventAttributes->lpSecurityDescriptor :
				   NULL);
	if (lpEventAttributes && lpEventAttributes->bInheritHandle)
		oa.Attributes |= OBJ_INHERIT;
	status = NtCreateEvent(&h, dwDesiredAccess, &oa,
			       dwFlags & CREATE_EVENT_MANUAL_RESET ?
			       NotificationEvent : SynchronizationEvent,
			       (dwFlags & CREATE_EVENT_INITIAL_SET) != 0);
	if (!k32_result(status))
		return NULL;
	/* A fresh event clears the last error; an existing one says so. */
	SetLastError(status == STATUS_OBJECT_NAME_EXISTS ?
		     ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
	return h;
}

/* CreateEventEx()'s flags for CreateEvent()'s two BOOLs. */
static DWORD k32_flags(BOOL bManualReset, BOOL bInitialState)
{
	return (bManualReset ? CREATE_EVENT_MANUAL_RESET : 0) |
	       (bInitialState ? CREATE_EVENT_INITIAL_SET : 0);
}

NTEVENT_EXPORT HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES lpEventAttributes,
					  BOOL bManualReset, BOOL bInitialState,
					  LPCWSTR lpName)
{
	return CreateEventExW(lpEventAttributes, lpName,
			      k32_flags(bManualReset, bInitialState),
			      EVENT_ALL_ACCESS);
}

NTEVENT_EXPORT HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES lpEventAttributes,
					    LPCSTR lpName, DWORD dwFlags,
					    DWORD dwDesiredAccess)
{
	WCHAR w[K32_MAX_PATH];
	DWORD error;

	if (!lpName)
		return CreateEventExW(lpEventAttributes, NULL, dwFlags,
				      dwDesiredAccess);
	error = k32_widen(lpName, w, K32_MAX_PATH);
	if (error) {
		SetLastError(error);
		return NULL;
	}
	return CreateEventExW(lpEventAttributes, w, dwFlags, dwDesiredAccess);
}

NTEVENT_EXPORT HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES lpEventAttributes,
					  BOOL bManualReset, BOOL bInitialState,
					  LPCSTR lpName)
{
	return CreateEventExA(lpEventAttributes, lpName,
			      k32_flags(bManualReset, bInitialState),
			      EVENT_ALL_ACCESS);
}

NTEVENT_EXPORT HANDLE WINAPI OpenEventW(DWORD dwDesiredAccess,
					BOOL bInheritHandle, LPCWSTR lpName)
{
	OBJECT_ATTRIBUTES oa;
	struct k32_name name;
	HANDLE h = NULL;
	DWORD error;

	if (!lpName) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	error = k32_name(lpName, &name);
	if (!error && !name.us.Length)
		error = ERROR_FILE_NOT_FOUND;	/* "": no such name */
	if (error) {
		SetLastError(error);
		return NULL;
	}
	InitializeObjectAttributes(&oa, &name.us,
				   bInheritHandle ? OBJ_INHERIT : 0, NULL,
				   NULL);
	if (!k32_result(NtOpenEvent(&h, dwDesiredAccess, &oa)))
		return NULL;
	return h;
}

NTEVENT_EXPORT HANDLE WINAPI OpenEventA(DWORD dwDesiredAccess,
					BOOL bInheritHandle, LPCSTR lpName)
{
	WCHAR w[K32_MAX_PATH];
	DWORD error;

	if (!lpName)
		return OpenEventW(dwDesiredAccess, bInheritHandle, NULL);
	error = k32_widen(lpName, w, K32_MAX_PATH);
	if (error) {
		SetLastError(error);
		return NULL;
	}
	return OpenEventW(dwDesiredAccess, bInheritHandle, w);
}

/* ---- states ---- */

NTEVENT_EXPORT BOOL WINAPI SetEvent(HANDLE hEvent)
{
	return k32_result(NtSetEvent(hEvent, NULL));
}

NTEVENT_EXPORT BOOL WINAPI ResetEvent(HANDLE hEvent)
{
	return k32_result(NtResetEvent(hEvent, NULL));
}

NTEVENT_EXPORT BOOL WINAPI PulseEvent(HANDLE hEvent)
{
	return k32_result(NtPulseEvent(hEvent, NULL));
}

/* ---- waits ---- */

/* Milliseconds as an NT timeout: relative, in 100 ns; INFINITE is none. */
static PLARGE_INTEGER k32_timeout(DWORD ms, PLARGE_INTEGER li)
{
	if (ms == INFINITE)
		return NULL;
	li->QuadPart = -(LONGLONG)ms * 10000;
	return li;
}

/*
 * A wait's NTSTATUS as the wait functions return it; a failure sets the
 * last error, a success leaves it alone.
 */
static DWORD k32_wait_result(NTSTATUS status)
{
	if (status == STATUS_USER_APC || status == STATUS_ALERTED)
		return WAIT_IO_COMPLETION;
	if (NT_SUCCESS(status))
		return (DWORD)status;	/* WAIT_OBJECT_0 + i, WAIT_TIMEOUT */
	SetLastError(RtlNtStatusToDosError(status));
	return WAIT_FAILED;
}

NTEVENT_EXPORT DWORD WINAPI WaitForSingleObjectEx(HANDLE hHandle,
						  DWORD dwMilliseconds,
						  BOOL bAlertable)
{
	LARGE_INTEGER li;

	return k32_wait_result(NtWaitForSingleObject(hHandle, bAlertable != 0,
						     k32_timeout(dwMilliseconds,
								 &li)));
}

NTEVENT_EXPORT DWORD WINAPI WaitForSingleObject(HANDLE hHandle,
						DWORD dwMilliseconds)
{
	return WaitForSingleObjectEx(hHandle, dwMilliseconds, FALSE);
}

NTEVENT_EXPORT DWORD WINAPI WaitForMultipleObjectsEx(DWORD nCount,
						     const HANDLE *lpHandles,
						     BOOL bWaitAll,
						     DWORD dwMilliseconds,
						     BOOL bAlertable)
{
	LARGE_INTEGER li;

	if (!nCount || nCount > MAXIMUM_WAIT_OBJECTS) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return WAIT_FAILED;
	}
	return k32_wait_result(NtWaitForMultipleObjects(nCount,
							(HANDLE *)lpHandles,
							bWaitAll ? WaitAll :
								   WaitAny,
							bAlertable != 0,
							k32_timeout(dwMilliseconds,
								    &li)));
}

NTEVENT_EXPORT DWORD WINAPI WaitForMultipleObjects(DWORD nCount,
						   const HANDLE *lpHandles,
						   BOOL bWaitAll,
						   DWORD dwMilliseconds)
{
	return WaitForMultipleObjectsEx(nCount, lpHandles, bWaitAll,
					dwMilliseconds, FALSE);
}

NTEVENT_EXPORT DWORD WINAPI SignalObjectAndWait(HANDLE hObjectToSignal,
						HANDLE hObjectToWaitOn,
						DWORD dwMilliseconds,
						BOOL bAlertable)
{
	LARGE_INTEGER li;

	return k32_wait_result(NtSignalAndWaitForSingleObject(hObjectToSignal,
							      hObjectToWaitOn,
							      bAlertable != 0,
							      k32_timeout(dwMilliseconds,
									  &li)));
}

/* ---- threads: their handles and APCs ---- */

/*
 * A thread handle is a thread's record (apc.c) tagged with 1, which no
 * event handle (a multiple of 4) or pseudo-handle can be; the record has
 * one reference per handle. GetCurrentThread() is the calling thread.
 */
#define K32_THREAD_TAG	((uintptr_t)1)

static int k32_is_thread(HANDLE h)
{
	uintptr_t u = (uintptr_t)h;

	return (u & 3) == K32_THREAD_TAG && (intptr_t)u > 0;
}

/* The record a thread handle names, or NULL and the last error. */
static struct ntevent__thread *k32_thread(HANDLE h)
{
	struct ntevent__thread *t;
	int err = 0;

	if (k32_is_thread(h))
		return (struct ntevent__thread *)((uintptr_t)h & ~(uintptr_t)3);
	if (h != GetCurrentThread()) {
		SetLastError(ERROR_INVALID_HANDLE);
		return NULL;
	}
	t = ntevent__thread_self(&err);
	if (!t)
		SetLastError(RtlNtStatusToDosError(ntevent_errno_to_ntstatus(err)));
	return t;
}

NTEVENT_EXPORT DWORD WINAPI QueueUserAPC(PAPCFUNC pfnAPC, HANDLE hThread,
					 ULONG_PTR dwData)
{
	struct ntevent__thread *t;
	int ret;

	if (!pfnAPC) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return 0;
	}
	t = k32_thread(hThread);
	if (!t)
		return 0;
	ret = ntevent__queue_apc(t, pfnAPC, dwData);
	if (ret == -ESRCH) {
		SetLastError(ERROR_GEN_FAILURE);	/* the thread has exited */
		return 0;
	}
	if (ret < 0) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return 0;
	}
	return 1;
}

/* An event nobody sets: what an alertable sleep waits on. */
static HANDLE k32_sleep_event;
static pthread_once_t k32_sleep_once = PTHREAD_ONCE_INIT;

static void k32_sleep_init(void)
{
	if (!NT_SUCCESS(NtCreateEvent(&k32_sleep_event, SYNCHRONIZE, NULL,
				      NotificationEvent, FALSE)))
		k32_sleep_event = NULL;
}

NTEVENT_EXPORT DWORD WINAPI SleepEx(DWORD dwMilliseconds, BOOL bAlertable)
{
	struct timespec end;

	if (bAlertable) {
		pthread_once(&k32_sleep_once, k32_sleep_init);
		if (k32_sleep_event) {
			DWORD r = WaitForSingleObjectEx(k32_sleep_event,
							dwMilliseconds, TRUE);

			return r == WAIT_IO_COMPLETION ? r : 0;
		}
		/* No /dev/ntevent: APCs cannot be waited for; a plain sleep. */
	}
	if (dwMilliseconds == 0) {
		sched_yield();
		return 0;
	}
	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += dwMilliseconds / 1000;
	end.tv_nsec += (long)(dwMilliseconds % 1000) * 1000000;
	if (end.tv_nsec >= 1000000000) {
		end.tv_sec++;
		end.tv_nsec -= 1000000000;
	}
	/* A handler that runs does not shorten it; INFINITE never ends. */
	while (dwMilliseconds == INFINITE ||
	       clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &end, NULL))
		if (dwMilliseconds == INFINITE)
			pause();
	return 0;
}

/* ---- handles ---- */

NTEVENT_EXPORT BOOL WINAPI CloseHandle(HANDLE hObject)
{
	if (k32_is_thread(hObject)) {
		ntevent__thread_put(k32_thread(hObject));
		return TRUE;
	}
	return k32_result(NtClose(hObject));
}

NTEVENT_EXPORT BOOL WINAPI DuplicateHandle(HANDLE hSourceProcessHandle,
					   HANDLE hSourceHandle,
					   HANDLE hTargetProcessHandle,
					   LPHANDLE lpTargetHandle,
					   DWORD dwDesiredAccess,
					   BOOL bInheritHandle, DWORD dwOptions)
{
	struct ntevent__thread *t;

	/* A thread: a new handle to it (the only right it has is APCs). */
	if (k32_is_thread(hSourceHandle) ||
	    hSourceHandle == GetCurrentThread()) {
		if (hSourceProcessHandle != GetCurrentProcess() ||
		    hTargetProcessHandle != GetCurrentProcess() ||
		    (dwOptions & ~(DWORD)(DUPLICATE_CLOSE_SOURCE |
					  DUPLICATE_SAME_ACCESS))) {
			SetLastError(ERROR_INVALID_PARAMETER);
			return FALSE;
		}
		if (!lpTargetHandle) {
			SetLastError(ERROR_NOACCESS);
			return FALSE;
		}
		t = k32_thread(hSourceHandle);
		if (!t)
			return FALSE;
		if (!(dwOptions & DUPLICATE_CLOSE_SOURCE) ||
		    !k32_is_thread(hSourceHandle))
			ntevent__thread_get(t);
		*lpTargetHandle = (HANDLE)((uintptr_t)t | K32_THREAD_TAG);
		return TRUE;
	}
	return k32_result(NtDuplicateObject(hSourceProcessHandle, hSourceHandle,
					    hTargetProcessHandle,
					    lpTargetHandle, dwDesiredAccess,
					    bInheritHandle ? OBJ_INHERIT : 0,
					    dwOptions));
}
