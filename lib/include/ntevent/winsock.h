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

/*
 * The socket calls of a Winsock program are the system's, with Winsock's
 * behaviour for the ones it names below: their declarations come first,
 * so that the macros that follow rename only this program's calls.
 */
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

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

/* A SOCKET holds the Linux socket descriptor. */
typedef ULONG_PTR SOCKET;
#define INVALID_SOCKET			((SOCKET)~(ULONG_PTR)0)
typedef unsigned long u_long;

/* Network events (WSAEventSelect). */
#define FD_READ_BIT			0
#define FD_WRITE_BIT			1
#define FD_OOB_BIT			2
#define FD_ACCEPT_BIT			3
#define FD_CONNECT_BIT			4
#define FD_CLOSE_BIT			5
#define FD_QOS_BIT			6
#define FD_GROUP_QOS_BIT		7
#define FD_ROUTING_INTERFACE_CHANGE_BIT	8
#define FD_ADDRESS_LIST_CHANGE_BIT	9
#define FD_MAX_EVENTS			10
#define FD_READ				(1 << FD_READ_BIT)
#define FD_WRITE			(1 << FD_WRITE_BIT)
#define FD_OOB				(1 << FD_OOB_BIT)
#define FD_ACCEPT			(1 << FD_ACCEPT_BIT)
#define FD_CONNECT			(1 << FD_CONNECT_BIT)
#define FD_CLOSE			(1 << FD_CLOSE_BIT)
#define FD_QOS				(1 << FD_QOS_BIT)
#define FD_GROUP_QOS			(1 << FD_GROUP_QOS_BIT)
#define FD_ROUTING_INTERFACE_CHANGE	(1 << FD_ROUTING_INTERFACE_CHANGE_BIT)
#define FD_ADDRESS_LIST_CHANGE		(1 << FD_ADDRESS_LIST_CHANGE_BIT)
#define FD_ALL_EVENTS			((1 << FD_MAX_EVENTS) - 1)

typedef struct _WSANETWORKEVENTS {
	long lNetworkEvents;
	int iErrorCode[FD_MAX_EVENTS];
} WSANETWORKEVENTS, *LPWSANETWORKEVENTS;

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
#define WSAEWOULDBLOCK			10035
#define WSAEINPROGRESS			10036
#define WSAEALREADY			10037
#define WSAENOTSOCK			10038
#define WSAEDESTADDRREQ			10039
#define WSAEMSGSIZE			10040
#define WSAEPROTOTYPE			10041
#define WSAENOPROTOOPT			10042
#define WSAEPROTONOSUPPORT		10043
#define WSAEOPNOTSUPP			10045
#define WSAEAFNOSUPPORT			10047
#define WSAEADDRINUSE			10048
#define WSAEADDRNOTAVAIL		10049
#define WSAENETDOWN			10050
#define WSAENETUNREACH			10051
#define WSAENETRESET			10052
#define WSAECONNABORTED			10053
#define WSAECONNRESET			10054
#define WSAENOBUFS			10055
#define WSAEISCONN			10056
#define WSAENOTCONN			10057
#define WSAESHUTDOWN			10058
#define WSAETIMEDOUT			10060
#define WSAECONNREFUSED			10061
#define WSAEHOSTUNREACH			10065
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

int WSAAPI WSAEventSelect(SOCKET s, WSAEVENT hEventObject, long lNetworkEvents);
int WSAAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT hEventObject,
				LPWSANETWORKEVENTS lpNetworkEvents);

/*
 * The socket calls with Winsock's behaviour: errors in WSAGetLastError()
 * (WSAEWOULDBLOCK, WSAECONNRESET...), no SIGPIPE, and the re-enabling of
 * network events (a receive re-enables FD_READ, an accept FD_ACCEPT and
 * gives the new socket the listener's event and mask, a send that would
 * block FD_WRITE). closesocket() and ioctlsocket() are Winsock's names;
 * the others are macros over ntevent_ws_*(), so that only the program
 * that includes this header, and not the rest of the process, gets them.
 */
int WSAAPI closesocket(SOCKET s);
int WSAAPI ioctlsocket(SOCKET s, long cmd, u_long *argp);
SOCKET WSAAPI ntevent_ws_accept(SOCKET s, struct sockaddr *addr, int *addrlen);
int WSAAPI ntevent_ws_connect(SOCKET s, const struct sockaddr *name,
			      int namelen);
int WSAAPI ntevent_ws_recv(SOCKET s, char *buf, int len, int flags);
int WSAAPI ntevent_ws_recvfrom(SOCKET s, char *buf, int len, int flags,
			       struct sockaddr *from, int *fromlen);
int WSAAPI ntevent_ws_send(SOCKET s, const char *buf, int len, int flags);
int WSAAPI ntevent_ws_sendto(SOCKET s, const char *buf, int len, int flags,
			     const struct sockaddr *to, int tolen);

#ifndef NTEVENT_WS_NO_MACROS
#define accept(s, a, l)			ntevent_ws_accept(s, a, l)
#define connect(s, a, l)		ntevent_ws_connect(s, a, l)
#define recv(s, b, l, f)		ntevent_ws_recv(s, b, l, f)
#define recvfrom(s, b, l, f, a, al)	ntevent_ws_recvfrom(s, b, l, f, a, al)
#define send(s, b, l, f)		ntevent_ws_send(s, b, l, f)
#define sendto(s, b, l, f, a, al)	ntevent_ws_sendto(s, b, l, f, a, al)
#endif

/*
 * Overlapped I/O: an operation that cannot finish at once is pending
 * (SOCKET_ERROR, WSA_IO_PENDING) until the library's completion thread
 * finishes it, writes the WSAOVERLAPPED (Internal, InternalHigh, the
 * flags in Offset, the WSA error in OffsetHigh) and then sets hEvent, or
 * queues the completion routine to the posting thread, which runs it in
 * an alertable wait. Operations of one direction on one socket complete
 * in the order they were posted. WSAOverlapped(3) has the rules.
 */
typedef OVERLAPPED WSAOVERLAPPED, *LPWSAOVERLAPPED;

typedef struct _WSABUF {
	ULONG len;
	CHAR *buf;
} WSABUF, *LPWSABUF;

typedef void (CALLBACK *LPWSAOVERLAPPED_COMPLETION_ROUTINE)(
	DWORD dwError, DWORD cbTransferred, LPWSAOVERLAPPED lpOverlapped,
	DWORD dwFlags);

int WSAAPI WSARecv(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
		   LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags,
		   LPWSAOVERLAPPED lpOverlapped,
		   LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);
int WSAAPI WSARecvFrom(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
		       LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags,
		       struct sockaddr *lpFrom, LPINT lpFromlen,
		       LPWSAOVERLAPPED lpOverlapped,
		       LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);
int WSAAPI WSASend(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
		   LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
		   LPWSAOVERLAPPED lpOverlapped,
		   LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);
int WSAAPI WSASendTo(SOCKET s, LPWSABUF lpBuffers, DWORD dwBufferCount,
		     LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
		     const struct sockaddr *lpTo, int iTolen,
		     LPWSAOVERLAPPED lpOverlapped,
		     LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine);
BOOL WSAAPI WSAGetOverlappedResult(SOCKET s, LPWSAOVERLAPPED lpOverlapped,
				   LPDWORD lpcbTransfer, BOOL fWait,
				   LPDWORD lpdwFlags);

/* Service provider face (ws2spi.h): no WSAStartup needed. */
WSAEVENT WSPAPI WPUCreateEvent(LPINT lpErrno);
BOOL WSPAPI WPUCloseEvent(WSAEVENT hEvent, LPINT lpErrno);
BOOL WSPAPI WPUSetEvent(WSAEVENT hEvent, LPINT lpErrno);
BOOL WSPAPI WPUResetEvent(WSAEVENT hEvent, LPINT lpErrno);

#ifdef __cplusplus
}
#endif

#endif /* NTEVENT_WINSOCK_H */
