// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: the Winsock 2 event face and the service provider (WPU)
 * face. Failures go through the one table (errmap.c) to a Winsock error,
 * kept per thread for WSAGetLastError() or stored in *lpErrno.
 *
 * Only WSACreateEvent() needs WSAStartup(), as SPEC §4 says. The other
 * event calls are, as on Windows, the kernel's event calls under another
 * name ("directly mapped to the corresponding native Windows functions")
 * and work on any event handle, before WSAStartup and after WSACleanup.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <ntevent/winsock.h>

#include "internal.h"

_Static_assert(sizeof(DWORD) == 4 && sizeof(WORD) == 2, "LLP64 DWORD");
_Static_assert(WSA_MAXIMUM_WAIT_EVENTS == NTEVENT_MAX_WAIT_COUNT, "wait count");

/* Successful WSAStartup() calls not yet matched by WSACleanup(). */
static unsigned int wsa_startups;

/* WSAGetLastError(): one per thread. */
static _Thread_local int wsa_last_error;

#define WSA_HIGH_VERSION	MAKEWORD(2, 2)

NTEVENT_EXPORT int WSAAPI WSAStartup(WORD wVersionRequested,
				     LPWSADATA lpWSAData)
{
	BYTE major = LOBYTE(wVersionRequested);
	BYTE minor = HIBYTE(wVersionRequested);
	WORD version;

	if (!lpWSAData)
		return WSAEFAULT;
	if (major < 1)
		version = 0;
	else if (major == 1)
		version = minor <= 1 ? wVersionRequested : MAKEWORD(1, 1);
	else if (major == 2 && minor <= 2)
		version = wVersionRequested;
	else
		version = WSA_HIGH_VERSION;

	memset(lpWSAData, 0, sizeof(*lpWSAData));
	lpWSAData->wVersion = version ? version : WSA_HIGH_VERSION;
	lpWSAData->wHighVersion = WSA_HIGH_VERSION;
	strcpy(lpWSAData->szDescription, "libntevent Winsock 2 events");
	strcpy(lpWSAData->szSystemStatus, "Running");
	if (!version)
		return WSAVERNOTSUPPORTED;

	__atomic_add_fetch(&wsa_startups, 1, __ATOMIC_ACQ_REL);
	return 0;
}

NTEVENT_EXPORT int WSAAPI WSACleanup(void)
{
	unsigned int n = __atomic_load_n(&wsa_startups, __ATOMIC_ACQUIRE);

	do {
		if (!n) {
			wsa_last_error = WSANOTINITIALISED;
			return SOCKET_ERROR;
		}
	} while (!__atomic_compare_exchange_n(&wsa_startups, &n, n - 1, 0,
					      __ATOMIC_ACQ_REL,
					      __ATOMIC_ACQUIRE));
	return 0;
}

NTEVENT_EXPORT int WSAAPI WSAGetLastError(void)
{
	return wsa_last_error;
}

NTEVENT_EXPORT void WSAAPI WSASetLastError(int iError)
{
	wsa_last_error = iError;
}

/* A manual-reset, non-signaled event with every right; NULL and *error. */
static WSAEVENT wsa_create(int *error)
{
	WSAEVENT h;
	int fd;

	/* A missing device is ENODEV (WSAENETDOWN), see ntevent__device_enodev. */
	fd = ntevent__device_enodev();
	if (fd >= 0)
		fd = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 0,
				    NTEVENT_ALL_ACCESS);
	if (fd < 0) {
		*error = ntevent_errno_to_wsa(fd);
		return WSA_INVALID_EVENT;
	}
	h = ntevent_fd_to_handle(fd);
	if (!h) {
		ntevent_close(fd);
		*error = ntevent_errno_to_wsa(-EMFILE);
	}
	return h;
}

NTEVENT_EXPORT WSAEVENT WSAAPI WSACreateEvent(void)
{
	if (!__atomic_load_n(&wsa_startups, __ATOMIC_ACQUIRE)) {
		wsa_last_error = WSANOTINITIALISED;
		return WSA_INVALID_EVENT;
	}
	return wsa_create(&wsa_last_error);
}

/* TRUE, or FALSE with the error in WSAGetLastError(). */
static BOOL wsa_result(int ret)
{
	if (ret < 0) {
		wsa_last_error = ntevent_errno_to_wsa(ret);
		return FALSE;
	}
	return TRUE;
}

NTEVENT_EXPORT BOOL WSAAPI WSACloseEvent(WSAEVENT hEvent)
{
	return wsa_result(ntevent__handle_close(hEvent));
}

NTEVENT_EXPORT BOOL WSAAPI WSASetEvent(WSAEVENT hEvent)
{
	return wsa_result(ntevent__handle_op(hEvent, NTEVENT_IOC_SET, NULL));
}

NTEVENT_EXPORT BOOL WSAAPI WSAResetEvent(WSAEVENT hEvent)
{
	return wsa_result(ntevent__handle_op(hEvent, NTEVENT_IOC_RESET, NULL));
}

NTEVENT_EXPORT DWORD WSAAPI WSAWaitForMultipleEvents(DWORD cEvents,
						     const WSAEVENT *lphEvents,
						     BOOL fWaitAll,
						     DWORD dwTimeout,
						     BOOL fAlertable)
{
	unsigned int flags = fAlertable ? NTEVENT_WAIT_ALERTABLE : 0;
	int fds[WSA_MAXIMUM_WAIT_EVENTS];
	uint64_t deadline;
	int ret;

	/* Checked here: the kernel would see no events to count or read. */
	if (!cEvents || cEvents > WSA_MAXIMUM_WAIT_EVENTS)
		ret = -EINVAL;
	else if (!lphEvents)
		ret = -EFAULT;
	else
		ret = ntevent__wait_fds(lphEvents, cEvents, fds);
	if (ret < 0) {
		wsa_last_error = ntevent_errno_to_wsa(ret);
		return WSA_WAIT_FAILED;
	}

	/* Milliseconds, converted once: a signal handler does not restart it. */
	if (dwTimeout == WSA_INFINITE)
		deadline = NTEVENT_INFINITE;
	else if (dwTimeout == 0)
		deadline = 0;
	else
		deadline = ntevent_deadline_after((uint64_t)dwTimeout * 1000000u);

	if (fWaitAll)
		ret = ntevent_wait_all(fds, cEvents, deadline, flags);
	else
		ret = ntevent_wait_any(fds, cEvents, deadline, flags);
	if (ret >= 0)
		return WSA_WAIT_EVENT_0 + (DWORD)ret;
	if (ret == -ETIMEDOUT || ret == -EINTR)
		/* WSA_WAIT_TIMEOUT, WSA_WAIT_IO_COMPLETION: not failures */
		return (DWORD)ntevent_errno_to_wsa(ret);
	wsa_last_error = ntevent_errno_to_wsa(ret);
	return WSA_WAIT_FAILED;
}

/* The service provider face: the error goes to *lpErrno only. */
static void wpu_error(LPINT lpErrno, int error)
{
	if (lpErrno)
		*lpErrno = error;
}

static BOOL wpu_result(int ret, LPINT lpErrno)
{
	if (ret < 0) {
		wpu_error(lpErrno, ntevent_errno_to_wsa(ret));
		return FALSE;
	}
	return TRUE;
}

NTEVENT_EXPORT WSAEVENT WSPAPI WPUCreateEvent(LPINT lpErrno)
{
	int error = 0;
	WSAEVENT h = wsa_create(&error);

	if (!h)
		wpu_error(lpErrno, error);
	return h;
}

NTEVENT_EXPORT BOOL WSPAPI WPUCloseEvent(WSAEVENT hEvent, LPINT lpErrno)
{
	return wpu_result(ntevent__handle_close(hEvent), lpErrno);
}

NTEVENT_EXPORT BOOL WSPAPI WPUSetEvent(WSAEVENT hEvent, LPINT lpErrno)
{
	return wpu_result(ntevent__handle_op(hEvent, NTEVENT_IOC_SET, NULL),
			  lpErrno);
}

NTEVENT_EXPORT BOOL WSPAPI WPUResetEvent(WSAEVENT hEvent, LPINT lpErrno)
{
	return wpu_result(ntevent__handle_op(hEvent, NTEVENT_IOC_RESET, NULL),
			  lpErrno);
}
