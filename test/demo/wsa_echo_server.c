// SPDX-License-Identifier: MIT
/*
 * A Winsock echo server of the classic shape, as a Windows programmer
 * writes it: one thread, WSAEventSelect on every socket,
 * WSAWaitForMultipleEvents on up to 64 events, WSAEnumNetworkEvents to ask
 * what happened. Nothing here is Linux-specific: built against
 * <ntevent/winsock.h>, the same source runs on Linux, where the kernel
 * sets the events when the sockets' states change.
 *
 *   wsa_echo_server PORT [MAX-CONNECTIONS]
 *
 * It echoes every byte it receives, and exits once MAX-CONNECTIONS
 * connections (default: never) have come and gone. One wait serves 64
 * events: with 64 clients the listener leaves the set (connections wait
 * in its backlog) until a client goes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ntevent/winsock.h>

#define BUF_SIZE	4096

struct conn {
	SOCKET s;
	char buf[BUF_SIZE];	/* received, not yet echoed */
	int len;
};

static SOCKET socks[WSA_MAXIMUM_WAIT_EVENTS];
static WSAEVENT events[WSA_MAXIMUM_WAIT_EVENTS];
static struct conn *conns[WSA_MAXIMUM_WAIT_EVENTS];
static DWORD total;
static SOCKET ls;
static WSAEVENT ls_event;

static void add(SOCKET s, WSAEVENT ev, struct conn *c)
{
	socks[total] = s;
	events[total] = ev;
	conns[total] = c;
	total++;
}

static void drop(DWORD i)
{
	BOOL listening = FALSE;
	DWORD k;

	closesocket(socks[i]);
	WSACloseEvent(events[i]);
	free(conns[i]);
	total--;
	socks[i] = socks[total];
	events[i] = events[total];
	conns[i] = conns[total];
	for (k = 0; k < total; k++)
		listening |= socks[k] == ls;
	if (!listening)
		add(ls, ls_event, NULL);	/* a slot is free again */
}

/* Echo what is pending; FALSE if the connection failed. */
static BOOL flush(struct conn *c)
{
	while (c->len > 0) {
		int n = send(c->s, c->buf, c->len, 0);

		if (n == SOCKET_ERROR)
			return WSAGetLastError() == WSAEWOULDBLOCK;
		memmove(c->buf, c->buf + n, c->len - n);
		c->len -= n;
	}
	return TRUE;
}

/*
 * On FD_READ or FD_WRITE: echo what is pending, then one recv, as
 * Winsock's pages advise (if data is left, the recv records FD_READ again
 * at once), unless the buffer is full: then FD_WRITE comes first. FALSE if
 * the connection failed.
 */
static BOOL echo(struct conn *c)
{
	int n;

	if (!flush(c))
		return FALSE;
	if (c->len == BUF_SIZE)
		return TRUE;	/* FD_WRITE comes when the peer reads */
	n = recv(c->s, c->buf + c->len, BUF_SIZE - c->len, 0);
	if (n == SOCKET_ERROR)
		return WSAGetLastError() == WSAEWOULDBLOCK;
	c->len += n;
	return flush(c);
}

/* On FD_CLOSE: echo what came before the FIN, as far as it goes. */
static void drain(struct conn *c)
{
	int n;

	while (flush(c) && c->len < BUF_SIZE &&
	       (n = recv(c->s, c->buf + c->len, BUF_SIZE - c->len, 0)) > 0)
		c->len += n;
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 7007;
	int max = argc > 2 ? atoi(argv[2]) : 0, served = 0;
	struct sockaddr_in addr;
	WSANETWORKEVENTS ne;
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
	ls_event = WSACreateEvent();
	add(ls, ls_event, NULL);
	WSAEventSelect(ls, ls_event, FD_ACCEPT);
	printf("server: listening on 127.0.0.1:%d\n", port);
	fflush(stdout);

	while (!max || served < max || total > 1) {
		DWORD r = WSAWaitForMultipleEvents(total, events, FALSE,
						   WSA_INFINITE, FALSE);
		DWORD i = r - WSA_WAIT_EVENT_0;

		if (r == WSA_WAIT_FAILED) {
			printf("server: wait failed: %d\n", WSAGetLastError());
			return 1;
		}
		if (WSAEnumNetworkEvents(socks[i], events[i], &ne) ==
		    SOCKET_ERROR) {
			printf("server: enum failed: %d\n", WSAGetLastError());
			return 1;
		}
		if (ne.lNetworkEvents & FD_ACCEPT) {
			SOCKET a = accept(ls, NULL, NULL);
			struct conn *c;

			if (a == INVALID_SOCKET)
				continue;
			c = calloc(1, sizeof(*c));
			c->s = a;
			if (total == WSA_MAXIMUM_WAIT_EVENTS) {
				/* Full: the new client takes the listener's slot. */
				total--;
				socks[i] = socks[total];
				events[i] = events[total];
				conns[i] = conns[total];
			}
			add(a, WSACreateEvent(), c);
			WSAEventSelect(a, events[total - 1],
				       FD_READ | FD_WRITE | FD_CLOSE);
			continue;
		}
		if (ne.lNetworkEvents & (FD_READ | FD_WRITE) &&
		    !echo(conns[i])) {
			drop(i);
			served++;
			continue;
		}
		if (ne.lNetworkEvents & FD_CLOSE) {
			drain(conns[i]);
			drop(i);
			served++;
		}
	}
	printf("server: served %d connections\n", served);
	closesocket(ls);
	WSACloseEvent(ls_event);
	WSACleanup();
	return 0;
}
