// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark's reference: the echo server of test/demo/wsa_echo_server.c
 * written the Linux way, with epoll (level-triggered, non-blocking
 * sockets), doing the same work per message.
 *
 *   epoll_echo_server PORT MAX-CONNECTIONS
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE	4096

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 7008;
	int max = argc > 2 ? atoi(argv[2]) : 0, served = 0, open_conns = 0;
	struct epoll_event ev, evs[64];
	struct sockaddr_in addr;
	char buf[BUF_SIZE];
	int ls, ep, i, n;

	ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((unsigned short)port);
	if (ls < 0 || bind(ls, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(ls, SOMAXCONN)) {
		perror("epoll server: listen");
		return 1;
	}
	ep = epoll_create1(0);
	ev.events = EPOLLIN;
	ev.data.fd = ls;
	epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
	while (!max || served < max || open_conns) {
		n = epoll_wait(ep, evs, 64, -1);
		for (i = 0; i < n; i++) {
			int fd = evs[i].data.fd;
			ssize_t got;

			if (fd == ls) {
				int a = accept4(ls, NULL, NULL, SOCK_NONBLOCK);

				if (a < 0)
					continue;
				ev.events = EPOLLIN;
				ev.data.fd = a;
				epoll_ctl(ep, EPOLL_CTL_ADD, a, &ev);
				open_conns++;
				continue;
			}
			got = recv(fd, buf, sizeof(buf), 0);
			if (got > 0) {
				/* Small echoes fit the socket buffer. */
				if (send(fd, buf, got, MSG_NOSIGNAL) == got)
					continue;
			} else if (got < 0 && errno == EAGAIN) {
				continue;
			}
			close(fd);
			open_conns--;
			served++;
		}
	}
	printf("epoll server: served %d connections\n", served);
	return 0;
}
