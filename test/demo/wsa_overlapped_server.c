// SPDX-License-Identifier: MIT
/*
 * A Winsock echo server with overlapped I/O, the shape Microsoft's
 * Winsock pages teach: one WSARecv with a WSAOVERLAPPED per connection,
 * WSAWaitForMultipleEvents on the operations' events, WSAGetOverlappedResult
 * to learn what completed, the echo sent back, the next WSARecv posted.
 * The listening socket's FD_ACCEPT (WSAEventSelect) takes a slot too: with
 * 64 events in the set, a new connection takes the listener's slot and
 * the listener waits for a connection to go.
 * Nothing here is Linux-specific: built against <ntevent/winsock.h>.
 *
 *   wsa_overlapped_server PORT [MAX-CONNECTIONS]
 *
 * It exits once MAX-CONNECTIONS connections (default: never) have come
 * and gone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ntevent/winsock.h>

#define BUF_SIZE	4096

struct conn {
	SOCKET s;
	WSAOVERLAPPED ov;
	WSABUF wb;
	char buf[BUF_SIZE];
};

static WSAEVENT events[WSA_MAXIMUM_WAIT_EVENTS];
static struct conn *conns[WSA_MAXIMUM_WAIT_EVENTS];	/* NULL: listener */
static DWORD total;
static WSAEVENT ls_event;

/* Post the connection's next receive; FALSE if the connection failed. */
static BOOL post_recv(struct conn *c)
{
	DWORD got, flags = 0;

	c->wb.buf = c->buf;
	c->wb.len = BUF_SIZE;
	if (WSARecv(c->s, &c->wb, 1, &got, &flags, &c->ov, NULL) ==
	    SOCKET_ERROR && WSAGetLastError() != WSA_IO_PENDING)
		return FALSE;
	return TRUE;	/* done at once or pending: the event tells */
}

/* Send all of it back, overlapped, and wait for that. */
static BOOL echo(struct conn *c, DWORD n)
{
	WSAOVERLAPPED sov;
	DWORD sent, flags;
	WSABUF wb;

	memset(&sov, 0, sizeof(sov));
	sov.hEvent = WSACreateEvent();
	wb.buf = c->buf;
	wb.len = n;
	if (WSASend(c->s, &wb, 1, &sent, 0, &sov, NULL) == SOCKET_ERROR &&
	    WSAGetLastError() != WSA_IO_PENDING) {
		WSACloseEvent(sov.hEvent);
		return FALSE;
	}
	if (!WSAGetOverlappedResult(c->s, &sov, &sent, TRUE, &flags)) {
		WSACloseEvent(sov.hEvent);
		return FALSE;
	}
	WSACloseEvent(sov.hEvent);
	return sent == n;
}

static void drop(DWORD i)
{
	BOOL listening = FALSE;
	DWORD k;

	closesocket(conns[i]->s);
	WSACloseEvent(events[i]);
	free(conns[i]);
	total--;
	events[i] = events[total];
	conns[i] = conns[total];
	for (k = 0; k < total; k++)
		listening |= conns[k] == NULL;
	if (!listening) {		/* a slot is free again */
		events[total] = ls_event;
		conns[total++] = NULL;
	}
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 7009;
	int max = argc > 2 ? atoi(argv[2]) : 0, served = 0;
	struct sockaddr_in addr;
	WSANETWORKEVENTS ne;
	SOCKET ls;
	WSADATA wsa;

	if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
		return 1;
	ls = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((unsigned short)port);
	if (ls == INVALID_SOCKET ||
	    bind(ls, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR ||
	    listen(ls, SOMAXCONN) == SOCKET_ERROR) {
		printf("server: cannot listen on port %d\n", port);
		return 1;
	}
	events[0] = ls_event = WSACreateEvent();
	conns[0] = NULL;
	total = 1;
	WSAEventSelect(ls, ls_event, FD_ACCEPT);
	printf("server: listening on 127.0.0.1:%d (overlapped I/O)\n", port);
	fflush(stdout);

	while (!max || served < max || total > 1) {
		DWORD r = WSAWaitForMultipleEvents(total, events, FALSE,
						   WSA_INFINITE, FALSE);
		DWORD i = r - WSA_WAIT_EVENT_0, n, flags;
		struct conn *c;

		if (r == WSA_WAIT_FAILED) {
			printf("server: wait failed: %d\n", WSAGetLastError());
			return 1;
		}
		if (!conns[i]) {
			SOCKET a;

			WSAEnumNetworkEvents(ls, ls_event, &ne);
			if (!(ne.lNetworkEvents & FD_ACCEPT))
				continue;
			a = accept(ls, NULL, NULL);
			if (a == INVALID_SOCKET)
				continue;
			/* Its own I/O only: not the listener's FD_ACCEPT. */
			WSAEventSelect(a, NULL, 0);
			c = calloc(1, sizeof(*c));
			c->s = a;
			if (total == WSA_MAXIMUM_WAIT_EVENTS) {
				/* Full: it takes the listener's slot. */
				total--;
				events[i] = events[total];
				conns[i] = conns[total];
			}
			c->ov.hEvent = events[total] = WSACreateEvent();
			conns[total++] = c;
			if (!post_recv(c)) {
				drop(total - 1);
				served++;
			}
			continue;
		}
		c = conns[i];
		WSAResetEvent(events[i]);
		if (!WSAGetOverlappedResult(c->s, &c->ov, &n, FALSE, &flags) ||
		    n == 0 || !echo(c, n) || !post_recv(c)) {
			drop(i);	/* closed, reset, or failed */
			served++;
		}
	}
	printf("server: served %d connections\n", served);
	closesocket(ls);
	WSACloseEvent(events[0]);
	WSACleanup();
	return 0;
}
