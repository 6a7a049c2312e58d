/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent: the Winsock 2 event face (winsock2.h) and its service
 * provider face (ws2spi.h).
 *
 * The names, types and numeric values are Windows' own. A WSAEVENT is a
 * HANDLE, that is an event file descriptor (see ntevent_fd_to_handle(3)),
 * and may be passed to the <ntevent/nt.h> calls too. ntevent(7) maps every
 * call to the ioctl under it.
 */
#ifndef NTEVENT_WINSOCK_H
#define NTEVENT_WINSOCK_H

#include <ntevent/wintypes.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef HANDLE WSAEVENT;
typedef WSAEVENT *LPWSAEVENT;

#ifndef MAXIMUM_WAIT_OBJECTS
#define MAXIMUM_WAIT_OBJECTS		64
#endif

#define WSA_INVALID_EVENT		((WSAEVENT)NULL)
#define WSA_MAXIMUM_WAIT_EVENTS		MAXIMUM_WAIT_OBJECTS
#define WSA_INFINITE			((DWORD)0xFFFFFFFF)
#define WSA_WAIT_EVENT_0		((DWORD)0x00000000)
#define WSA_WAIT_IO_COMPLETION		((DWORD)0x000000C0)
#define WSA_WAIT_TIMEOUT		((DWORD)0x00000102)
#define WSA_WAIT_FAILED			((DWORD)0xFFFFFFFF)

#define SOCKET_ERROR			(-1)

/* Error codes (winsock2.h; the WSA_ ones are Win32 errors). */
#define WSA_INVALID_HANDLE		ERROR_INVALID_HANDLE	/* 6 */
#define WSA_NOT_ENOUGH_MEMORY		ERROR_NOT_ENOUGH_MEMORY	/* 8 */
#define WSA_INVALID_PARAMETER		ERROR_INVALID_PARAMETER	/* 87 */
#define WSA_OPERATION_ABORTED		995
#define WSA_IO_INCOMPLETE		996
#define WSA_IO_PENDING			997
#define WSABASEERR			10000
#define WSAEINTR			10004
#define WSAEBADF			10009
#define WSAEACCES			10013
#define WSAEFAULT			10014
#define WSAEINVAL			10022
#define WSAEMFILE			10024
#define WSAEINPROGRESS			10036
#define WSAENOTSOCK			10038
#define WSAEOPNOTSUPP			10045
#define WSAENETDOWN			10050
#define WSASYSNOTREADY			10091
#define WSAVERNOTSUPPORTED		10092
#define WSANOTINITIALISED		10093
#define WSASYSCALLFAILURE		10107

#ifndef MAKEWORD
#define MAKEWORD(a, b)	((WORD)(((BYTE)((a) & 0xff)) | ((WORD)((BYTE)((b) & 0xff))) << 8))
#endif
#ifndef LOBYTE
#define LOBYTE(w)	((BYTE)((w) & 0xff))
#endif
#ifndef HIBYTE
#define HIBYTE(w)	((BYTE)(((w) >> 8) & 0xff))
#endif

#define WSADESCRIPTION_LEN		256
#define WSASYS_STATUS_LEN		128

/* The field order differs between 32- and 64-bit Windows; so it does here. */
typedef struct WSAData {
	WORD wVersion;
	WORD wHighVersion;
#if UINTPTR_MAX > 0xffffffffu
	unsigned short iMaxSockets;
	unsigned short iMaxUdpDg;
	char *lpVendorInfo;
	char szDescription[WSADESCRIPTION_LEN + 1];
	char szSystemStatus[WSASYS_STATUS_LEN + 1];
#else
	char szDescription[WSADESCRIPTION_LEN + 1];
	char szSystemStatus[WSASYS_STATUS_LEN + 1];
	unsigned short iMaxSockets;
	unsigned short iMaxUdpDg;
	char *lpVendorInfo;
#endif
} WSADATA, *LPWSADATA;

int WSAAPI WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData);
int WSAAPI WSACleanup(void);
int WSAAPI WSAGetLastError(void);
void WSAAPI WSASetLastError(int iError);

WSAEVENT WSAAPI WSACreateEvent(void);
BOOL WSAAPI WSACloseEvent(WSAEVENT hEvent);
BOOL WSAAPI WSASetEvent(WSAEVENT hEvent);
BOOL WSAAPI WSAResetEvent(WSAEVENT hEvent);
DWORD WSAAPI WSAWaitForMultipleEvents(DWORD cEvents, const WSAEVENT *lphEvents,
				      BOOL fWaitAll, DWORD dwTimeout,
				      BOOL fAlertable);

/* Service provider face (ws2spi.h): no WSAStartup needed. */
WSAEVENT WSPAPI WPUCreateEvent(LPINT lpErrno);
BOOL WSPAPI WPUCloseEvent(WSAEVENT hEvent, LPINT lpErrno);
BOOL WSPAPI WPUSetEvent(WSAEVENT hEvent, LPINT lpErrno);
BOOL WSPAPI WPUResetEvent(WSAEVENT hEvent, LPINT lpErrno);

#ifdef __cplusplus
}
#endif

#endif /* NTEVENT_WINSOCK_H */
