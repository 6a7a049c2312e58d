// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSAEventSelect and WSAEnumNetworkEvents through the Winsock face, with
 * the socket calls of <ntevent/winsock.h>: the rules the Winsock event
 * loop relies on (non-blocking, FIONBIO refused while selected, accept
 * inheriting the listener's event, FD_READ re-enabled by recv, FD_WRITE by
 * a send that would block, FD_CLOSE's and FD_CONNECT's errors in
 * Winsock's codes), the errors of both calls, and 64 sockets on 64 events
 * in one WSAWaitForMultipleEvents.
 */
#include <fcntl.h>

#include <ntevent.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>

#include "api.h"

/* The event must be set within 3 s (or stay unset for 200 ms). */
static void expect(SOCKET s, WSAEVENT ev, long want, int connect_err,
		   int close_err)
{
	WSANETWORKEVENTS ne;
	int i;

	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, want ? 3000 : 200,
					  FALSE),
		 want ? WSA_WAIT_EVENT_0 : WSA_WAIT_TIMEOUT);
	if (want)
		t_sleep_ms(50);		/* let a second wake-up land */
	memset(&ne, 0xab, sizeof(ne));
	CHECK_EQ(WSAEnumNetworkEvents(s, ev, &ne), 0);
	CHECK_EQ(ne.lNetworkEvents, want);
	for (i = 0; i < FD_MAX_EVENTS; i++) {
		int err = i == FD_CONNECT_BIT ? connect_err :
			  i == FD_CLOSE_BIT ? close_err : 0;

		CHECK_EQ(ne.iErrorCode[i], want & (1 << i) ? err :
			 (int)0xabababab);
	}
	CHECK_EQ(t_nt_state(ev), 0);
}

static SOCKET listener(struct sockaddr_in *addr)
{
	return (SOCKET)t_listener(addr);
}

/* The Winsock event loop's rules on one connection. */
static void connection(void)
{
	WSAEVENT el = WSACreateEvent(), ec = WSACreateEvent();
	struct sockaddr_in addr;
	SOCKET l = listener(&addr), c, a;
	u_long arg = 0;
	char buf[64 * 1024];
	int n, total = 0;

	t_case = "connect and accept";
	CHECK_EQ(WSAEventSelect(l, el, FD_ACCEPT | FD_READ | FD_WRITE |
				FD_CLOSE), 0);
	CHECK((fcntl((int)l, F_GETFL) & O_NONBLOCK) != 0);
	CHECK_EQ(ioctlsocket(l, FIONBIO, &arg), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEINVAL);
	c = (SOCKET)CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	CHECK_EQ(WSAEventSelect(c, ec, FD_CONNECT | FD_READ | FD_WRITE |
				FD_CLOSE), 0);
	CHECK_EQ(connect(c, (struct sockaddr *)&addr, sizeof(addr)),
		 SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEWOULDBLOCK);
	expect(c, ec, FD_CONNECT | FD_WRITE, 0, 0);
	expect(l, el, FD_ACCEPT, 0, 0);
	a = accept(l, NULL, NULL);
	CHECK(a != INVALID_SOCKET);
	expect(a, el, FD_WRITE, 0, 0);		/* the listener's, no CONNECT */
	CHECK((fcntl((int)a, F_GETFL) & O_NONBLOCK) != 0);
	expect(l, el, 0, 0, 0);

	t_case = "recv re-enables FD_READ";
	CHECK_EQ(send(a, "hello", 5, 0), 5);
	expect(c, ec, FD_READ, 0, 0);
	CHECK_EQ(ioctlsocket(c, FIONREAD, &arg), 0);
	CHECK_EQ(arg, 5);
	CHECK_EQ(recv(c, buf, 2, 0), 2);
	expect(c, ec, FD_READ, 0, 0);		/* 3 bytes left */
	CHECK_EQ(recv(c, buf, sizeof(buf), 0), 3);
	expect(c, ec, 0, 0, 0);
	CHECK_EQ(recv(c, buf, sizeof(buf), 0), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEWOULDBLOCK);

	t_case = "a send that would block re-enables FD_WRITE";
	while ((n = send(c, buf, sizeof(buf), 0)) > 0)
		total += n;
	CHECK_EQ(n, SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEWOULDBLOCK);
	CHECK(total > 0);
	expect(c, ec, 0, 0, 0);
	while (total > 0) {			/* drain it on the other side */
		n = recv(a, buf, sizeof(buf), 0);
		if (n == SOCKET_ERROR) {
			CHECK_EQ(WSAGetLastError(), WSAEWOULDBLOCK);
			t_sleep_ms(5);
			continue;
		}
		total -= n;
	}
	expect(c, ec, FD_WRITE, 0, 0);

	t_case = "a reset is FD_CLOSE with WSAECONNABORTED";
	{
		struct linger lg = { .l_onoff = 1, .l_linger = 0 };

		CHECK_OK(setsockopt((int)a, SOL_SOCKET, SO_LINGER, &lg,
				    sizeof(lg)));
	}
	CHECK_EQ(closesocket(a), 0);
	expect(c, ec, FD_CLOSE, 0, WSAECONNABORTED);
	CHECK_EQ(recv(c, buf, sizeof(buf), 0), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAECONNRESET);
	CHECK_EQ(send(c, "x", 1, 0), SOCKET_ERROR);	/* no SIGPIPE */

	t_case = "a refused connect is FD_CONNECT with WSAECONNREFUSED";
	CHECK_EQ(closesocket(c), 0);
	CHECK_EQ(closesocket(l), 0);		/* nobody listens there now */
	c = (SOCKET)CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	CHECK_EQ(WSAEventSelect(c, ec, FD_CONNECT), 0);
	if (connect(c, (struct sockaddr *)&addr, sizeof(addr)))
		CHECK_EQ(WSAGetLastError(), WSAEWOULDBLOCK);
	expect(c, ec, FD_CONNECT, WSAECONNREFUSED, 0);
	CHECK_EQ(WSAEventSelect(c, NULL, 0), 0);
	arg = 0;
	CHECK_EQ(ioctlsocket(c, FIONBIO, &arg), 0);	/* mask 0: allowed */
	CHECK_EQ(closesocket(c), 0);
	CHECK(WSACloseEvent(el));
	CHECK(WSACloseEvent(ec));
	t_case = NULL;
}

/* The errors of WSAEventSelect and WSAEnumNetworkEvents. */
static void errors(void)
{
	WSAEVENT ev = WSACreateEvent();
	SOCKET s = (SOCKET)CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	SOCKET p = (SOCKET)t_pipe_fd();
	WSANETWORKEVENTS ne;

	t_case = "errors";
	CHECK_EQ(WSAEventSelect(p, ev, FD_READ), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAENOTSOCK);
	CHECK_EQ(WSAEventSelect(INVALID_SOCKET, ev, FD_READ), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAENOTSOCK);
	CHECK_EQ(WSAEventSelect(s, (WSAEVENT)(intptr_t)12345, FD_READ),
		 SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEINVAL);
	CHECK_EQ(WSAEventSelect(s, ev, 0x400), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEINVAL);
	CHECK_EQ(WSAEventSelect(s, ev, FD_QOS | FD_ADDRESS_LIST_CHANGE), 0);
	CHECK_EQ(WSAEnumNetworkEvents(s, ev, NULL), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEFAULT);
	CHECK_EQ(WSAEnumNetworkEvents(p, ev, &ne), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAENOTSOCK);
	CHECK_EQ(WSAEnumNetworkEvents(s, (WSAEVENT)(intptr_t)12345, &ne),
		 SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	CHECK(WSASetEvent(ev));
	CHECK_EQ(WSAEnumNetworkEvents(s, ev, &ne), 0);	/* resets anyway */
	CHECK_EQ(ne.lNetworkEvents, 0);
	CHECK_EQ(t_nt_state(ev), 0);
	CHECK_EQ(WSAEnumNetworkEvents(s, NULL, &ne), 0);
	CHECK_EQ(closesocket(p), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAENOTSOCK);
	close((int)p);
	CHECK_EQ(closesocket(s), 0);
	CHECK(WSACloseEvent(ev));
	t_case = NULL;
}

/* 64 sockets on 64 events: the one that gets data is the one reported. */
static void sixty_four(void)
{
	WSAEVENT evs[WSA_MAXIMUM_WAIT_EVENTS];
	SOCKET rx[WSA_MAXIMUM_WAIT_EVENTS];
	struct sockaddr_in addr[WSA_MAXIMUM_WAIT_EVENTS];
	SOCKET tx = (SOCKET)CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
	WSANETWORKEVENTS ne;
	int i, k;
	char b;

	t_case = "64 sockets";
	for (i = 0; i < WSA_MAXIMUM_WAIT_EVENTS; i++) {
		evs[i] = WSACreateEvent();
		CHECK(evs[i] != WSA_INVALID_EVENT);
		rx[i] = (SOCKET)t_bound(SOCK_DGRAM, &addr[i]);
		CHECK_EQ(WSAEventSelect(rx[i], evs[i], FD_READ), 0);
	}
	for (k = 0; k < WSA_MAXIMUM_WAIT_EVENTS; k += 9) {
		CHECK_EQ(WSAWaitForMultipleEvents(WSA_MAXIMUM_WAIT_EVENTS, evs,
						  FALSE, 0, FALSE),
			 WSA_WAIT_TIMEOUT);
		CHECK_EQ(sendto(tx, "x", 1, 0, (struct sockaddr *)&addr[k],
				sizeof(addr[k])), 1);
		CHECK_EQ(WSAWaitForMultipleEvents(WSA_MAXIMUM_WAIT_EVENTS, evs,
						  FALSE, 3000, FALSE),
			 WSA_WAIT_EVENT_0 + k);
		CHECK_EQ(WSAEnumNetworkEvents(rx[k], evs[k], &ne), 0);
		CHECK_EQ(ne.lNetworkEvents, FD_READ);
		CHECK_EQ(recvfrom(rx[k], &b, 1, 0, NULL, NULL), 1);
	}
	t_case = "udp connect: FD_CONNECT and FD_WRITE";
	CHECK_EQ(closesocket(tx), 0);
	tx = (SOCKET)CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));
	CHECK_EQ(WSAEventSelect(tx, evs[0], FD_CONNECT | FD_WRITE | FD_READ),
		 0);
	CHECK_EQ(WSAEnumNetworkEvents(tx, evs[0], &ne), 0);
	CHECK_EQ(ne.lNetworkEvents, 0);		/* unbound: nothing */
	CHECK_EQ(connect(tx, (struct sockaddr *)&addr[0], sizeof(addr[0])), 0);
	expect(tx, evs[0], FD_CONNECT | FD_WRITE, 0, 0);
	for (i = 0; i < WSA_MAXIMUM_WAIT_EVENTS; i++) {
		CHECK_EQ(closesocket(rx[i]), 0);
		CHECK(WSACloseEvent(evs[i]));
	}
	CHECK_EQ(closesocket(tx), 0);
	t_case = NULL;
}

int main(void)
{
	WSADATA d;
	SOCKET s;

	t_require_device();
	s = (SOCKET)CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	CHECK_EQ(WSAEventSelect(s, NULL, 0), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);
	CHECK_EQ(closesocket(s), 0);
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	connection();
	errors();
	sixty_four();
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
