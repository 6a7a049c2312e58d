// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: the Winsock 2 event face and the service provider (WPU)
 * face. Failures go through the one table (errmap.c) to a Winsock error,
 * kept per thread for WSAGetLastError() or stored in *lpErrno.
 *
 * Only WSACreateEvent(), WSAEventSelect() and WSAEnumNetworkEvents() need
 * WSAStartup(), as on Windows. The other
 * event calls are, as on Windows, the kernel's event calls under another
 * name ("directly mapped to the corresponding native Windows functions")
 * and work on any event handle, before WSAStartup and after WSACleanup.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* This file defines the calls the macros rename. */
#define NTEVENT_WS_NO_MACROS
#include <ntevent/winsock.h>

#include "internal.h"

_Static_assert(sizeof(DWORD) == 4 && sizeof(WORD) == 2, "LLP64 DWORD");
_Static_assert(WSA_MAXIMUM_WAIT_EVENTS == NTEVENT_MAX_WAIT_COUNT, "wait count");
_Static_assert(FD_READ == NTEVENT_FD_READ && FD_WRITE == NTEVENT_FD_WRITE &&
	       FD_OOB == NTEVENT_FD_OOB && FD_ACCEPT == NTEVENT_FD_ACCEPT &&
	       FD_CONNECT == NTEVENT_FD_CONNECT && FD_CLOSE == NTEVENT_FD_CLOSE &&
	       FD_ALL_EVENTS == NTEVENT_FD_ALL &&
	       FD_MAX_EVENTS == NTEVENT_FD_MAX_EVENTS, "network events");

/* Successful WSAStartup() calls not yet matched by WSACleanup(). */
static unsigned int wsa_startups;

/* WSAGetLastError(): one per thread. */

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
			ntevent__last_error = WSANOTINITIALISED;
			return SOCKET_ERROR;
		}
	} while (!__atomic_compare_exchange_n(&wsa_startups, &n, n - 1, 0,
					      __ATOMIC_ACQ_REL,
					      __ATOMIC_ACQUIRE));
	return 0;
}

NTEVENT_EXPORT int WSAAPI WSAGetLastError(void)
{
	return ntevent__last_error;
}

NTEVENT_EXPORT void WSAAPI WSASetLastError(int iError)
{
	ntevent__last_error = iError;
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
		ntevent__last_error = WSANOTINITIALISED;
		return WSA_INVALID_EVENT;
	}
	return wsa_create(&ntevent__last_error);
}

/* TRUE, or FALSE with the error in WSAGetLastError(). */
static BOOL wsa_result(int ret)
{
	if (ret < 0) {
		ntevent__last_error = ntevent_errno_to_wsa(ret);
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
	else if (fWaitAll)
		ret = ntevent__wait_fds(lphEvents, cEvents, fds);
	else
		ret = 0;	/* ntevent__wait_any_handles() checks them */
	if (ret < 0) {
		ntevent__last_error = ntevent_errno_to_wsa(ret);
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
		ret = ntevent__wait_any_handles(lphEvents, cEvents, deadline,
						flags);
	if (ret >= 0)
		return WSA_WAIT_EVENT_0 + (DWORD)ret;
	if (ret == -ETIMEDOUT || ret == -EINTR)
		/* WSA_WAIT_TIMEOUT, WSA_WAIT_IO_COMPLETION: not failures */
		return (DWORD)ntevent_errno_to_wsa(ret);
	ntevent__last_error = ntevent_errno_to_wsa(ret);
	return WSA_WAIT_FAILED;
}

/* ---- network events of sockets ---- */

/* SOCKET_ERROR with a socket call's error in WSAGetLastError(). */
static int wsa_sock_error(int err)
{
	ntevent__last_error = ntevent__sock_errno_to_wsa(err);
	return SOCKET_ERROR;
}

/* Windows' socket descriptors fit an int; others are WSAENOTSOCK. */
static int wsa_sock_fd(SOCKET s)
{
	return s > (SOCKET)INT32_MAX ? -1 : (int)s;
}

/* Make fd non-blocking (or blocking): 0 or -errno. */
static int wsa_nonblock(int fd, int on)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return -errno;
	fl = on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
	return fcntl(fd, F_SETFL, fl) < 0 ? -errno : 0;
}

NTEVENT_EXPORT int WSAAPI WSAEventSelect(SOCKET s, WSAEVENT hEventObject,
					 long lNetworkEvents)
{
	int fd = wsa_sock_fd(s), ev = 0, saved = errno, ret;

	if (!__atomic_load_n(&wsa_startups, __ATOMIC_ACQUIRE)) {
		ntevent__last_error = WSANOTINITIALISED;
		return SOCKET_ERROR;
	}
	/* Even with no events: Winsock's socket is non-blocking from now. */
	ret = fd < 0 ? -ENOTSOCK : wsa_nonblock(fd, 1);
	errno = saved;
	if (ret < 0)
		return wsa_sock_error(ret);
	if ((unsigned long)lNetworkEvents & ~(unsigned long)FD_ALL_EVENTS) {
		ntevent__last_error = WSAEINVAL;
		return SOCKET_ERROR;
	}
	if (lNetworkEvents) {
		ev = ntevent_handle_to_fd(hEventObject);
		if (ev < 0) {
			ntevent__last_error = WSAEINVAL;	/* not an event */
			return SOCKET_ERROR;
		}
	}
	ret = ntevent_sock_select(fd, ev, (uint32_t)lNetworkEvents);
	if (ret == -EBADF || ret == -EBADFD || ret == -EACCES)
		ret = -EINVAL;		/* the socket was fine: the event */
	return ret < 0 ? wsa_sock_error(ret) : 0;
}

/*
 * The Winsock error of a network event. A reset connection's FD_CLOSE
 * carries WSAECONNABORTED on Windows (Wine's tests check it there), not
 * the WSAECONNRESET its documentation names.
 */
static int wsa_event_error(int bit, int err)
{
	if (!err)
		return 0;
	if (bit == FD_CLOSE_BIT && err == ECONNRESET)
		return WSAECONNABORTED;
	return ntevent__sock_errno_to_wsa(err);
}

NTEVENT_EXPORT int WSAAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT hEventObject,
					       LPWSANETWORKEVENTS lpNetworkEvents)
{
	int errors[FD_MAX_EVENTS], reset = -1, fd = wsa_sock_fd(s), ret, i;
	uint32_t events;

	if (!__atomic_load_n(&wsa_startups, __ATOMIC_ACQUIRE)) {
		ntevent__last_error = WSANOTINITIALISED;
		return SOCKET_ERROR;
	}
	if (fd < 0)
		return wsa_sock_error(-ENOTSOCK);
	if (!lpNetworkEvents) {
		ntevent__last_error = WSAEFAULT;
		return SOCKET_ERROR;
	}
	if (hEventObject) {
		reset = ntevent_handle_to_fd(hEventObject);
		if (reset < 0) {
			ntevent__last_error = WSA_INVALID_HANDLE;
			return SOCKET_ERROR;
		}
	}
	ret = ntevent_sock_enum(fd, reset, &events, errors);
	if (ret == -EBADFD || ret == -EACCES || (ret == -EBADF && reset >= 0 &&
						 fcntl(fd, F_GETFD) >= 0)) {
		ntevent__last_error = WSA_INVALID_HANDLE;	/* the event's fault */
		return SOCKET_ERROR;
	}
	if (ret < 0)
		return wsa_sock_error(ret);
	lpNetworkEvents->lNetworkEvents = (long)events;
	for (i = 0; i < FD_MAX_EVENTS; i++)
		if (events & (1u << i))
			lpNetworkEvents->iErrorCode[i] =
				wsa_event_error(i, errors[i]);
	return 0;
}

NTEVENT_EXPORT int WSAAPI closesocket(SOCKET s)
{
	int fd = wsa_sock_fd(s), saved = errno, ret;
	struct stat st;

	/* A descriptor that is not a socket is not Winsock's to close. */
	if (fd < 0 || fstat(fd, &st) || !S_ISSOCK(st.st_mode)) {
		errno = saved;
		return wsa_sock_error(-ENOTSOCK);
	}
	/* Pending overlapped operations end first, aborted. */
	ntevent__ov_close(fd);
	ret = close(fd) ? -errno : 0;
	errno = saved;
	return ret < 0 && ret != -EINTR ? wsa_sock_error(ret) : 0;
}

/* FIONBIO and FIONREAD as Windows' headers number them, too. */
#define WSA_FIONBIO	((long)0x8004667e)
#define WSA_FIONREAD	((long)0x4004667f)

NTEVENT_EXPORT int WSAAPI ioctlsocket(SOCKET s, long cmd, u_long *argp)
{
	int fd = wsa_sock_fd(s), saved = errno, n, ret;

	if (fd < 0)
		return wsa_sock_error(-ENOTSOCK);
	if (!argp)
		return wsa_sock_error(-EFAULT);
	if (cmd == FIONBIO || cmd == WSA_FIONBIO) {
		/* A selected socket stays non-blocking (WSAEventSelect(3)). */
		ret = ntevent_sock_mask(fd);
		if (ret > 0 && !*argp)
			ret = -EINVAL;
		else if (ret >= 0 || ret == -EOPNOTSUPP)
			ret = wsa_nonblock(fd, *argp != 0);
	} else if (cmd == FIONREAD || cmd == WSA_FIONREAD) {
		ret = ioctl(fd, FIONREAD, &n) ? -errno : 0;
		if (!ret)
			*argp = (u_long)n;
	} else {
		ret = -EINVAL;
	}
	errno = saved;
	return ret < 0 ? wsa_sock_error(ret) : 0;
}

/* The result of a socket call: r, or SOCKET_ERROR and its error. */
static int wsa_sock_result(long r, int err, int saved)
{
	errno = saved;
	return r < 0 ? wsa_sock_error(err) : (int)r;
}

NTEVENT_EXPORT SOCKET WSAAPI ntevent_ws_accept(SOCKET s, struct sockaddr *addr,
					       int *addrlen)
{
	int fd = wsa_sock_fd(s), saved = errno, nfd, err;
	socklen_t len = addrlen ? (socklen_t)*addrlen : 0;

	if (fd < 0) {
		wsa_sock_error(-ENOTSOCK);
		return INVALID_SOCKET;
	}
	nfd = accept4(fd, addr, addrlen ? &len : NULL, 0);
	err = errno;
	/* Another connection queued records FD_ACCEPT again at once. */
	ntevent_sock_enable(fd, NTEVENT_FD_ACCEPT, -1);
	if (nfd < 0) {
		wsa_sock_result(-1, err, saved);
		return INVALID_SOCKET;
	}
	if (addrlen)
		*addrlen = (int)len;
	/* The new socket takes the listener's event and mask, if any. */
	if (ntevent_sock_enable(nfd, 0, fd) == 0 && ntevent_sock_mask(nfd) > 0)
		wsa_nonblock(nfd, 1);
	errno = saved;
	return (SOCKET)nfd;
}

NTEVENT_EXPORT int WSAAPI ntevent_ws_connect(SOCKET s,
					     const struct sockaddr *name,
					     int namelen)
{
	int fd = wsa_sock_fd(s), saved = errno, r;

	if (fd < 0)
		return wsa_sock_error(-ENOTSOCK);
	r = connect(fd, name, (socklen_t)namelen);
	/* A UDP connect wakes nobody: have FD_CONNECT and FD_WRITE noted. */
	if (!r)
		ntevent_sock_enable(fd, 0, -1);
	return wsa_sock_result(r, errno, saved);
}

/* After a receive: FD_READ (or FD_OOB) again if data is left. */
static int wsa_received(int fd, long r, int flags, int saved)
{
	int err = errno;

	if (r >= 0)
		ntevent__ws_received(fd, flags);
	return wsa_sock_result(r, err, saved);
}

NTEVENT_EXPORT int WSAAPI ntevent_ws_recvfrom(SOCKET s, char *buf, int len,
					      int flags, struct sockaddr *from,
					      int *fromlen)
{
	int fd = wsa_sock_fd(s), saved = errno, ret;
	socklen_t flen = fromlen ? (socklen_t)*fromlen : 0;

	if (fd < 0)
		return wsa_sock_error(-ENOTSOCK);
	if (len < 0)
		return wsa_sock_error(-EFAULT);
	ret = wsa_received(fd, recvfrom(fd, buf, (size_t)len, flags, from,
					fromlen ? &flen : NULL), flags, saved);
	if (ret >= 0 && fromlen)
		*fromlen = (int)flen;
	return ret;
}

/* After a send: one that would block re-enables FD_WRITE. */
static int wsa_sent(int fd, long r, int saved)
{
	int err = errno;

	if (r < 0 && (err == EAGAIN || err == EWOULDBLOCK))
		ntevent__ws_would_block(fd);
	return wsa_sock_result(r, err, saved);
}

NTEVENT_EXPORT int WSAAPI ntevent_ws_sendto(SOCKET s, const char *buf, int len,
					    int flags,
					    const struct sockaddr *to,
					    int tolen)
{
	int fd = wsa_sock_fd(s), saved = errno;

	if (fd < 0)
		return wsa_sock_error(-ENOTSOCK);
	if (len < 0)
		return wsa_sock_error(-EFAULT);
	/* Winsock has no SIGPIPE: a closed connection is an error. */
	return wsa_sent(fd, sendto(fd, buf, (size_t)len, flags | MSG_NOSIGNAL,
				   to, (socklen_t)tolen), saved);
}

/* recv and send are recvfrom and sendto without an address. */
NTEVENT_EXPORT int WSAAPI ntevent_ws_recv(SOCKET s, char *buf, int len,
					  int flags)
{
	return ntevent_ws_recvfrom(s, buf, len, flags, NULL, NULL);
}

NTEVENT_EXPORT int WSAAPI ntevent_ws_send(SOCKET s, const char *buf, int len,
					  int flags)
{
	return ntevent_ws_sendto(s, buf, len, flags, NULL, 0);
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
