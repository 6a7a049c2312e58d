// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Stress: the Winsock echo server of the demo (test/demo/wsa_echo_server.c,
 * driven only by the events its sockets set) serves 300 connections that
 * come and go, up to 48 at once, each exchanging 1..10 messages of 1..4096
 * bytes; every byte must come back whole and in order, and the server
 * must see every connection go. A lost network event shows as a client
 * that waits 10 s for its echo, or as a server that does not exit.
 *
 * The whole run took 41-56 s in the TCG guest of the debug kernel (KASAN,
 * lockdep) with up to 20 messages a connection; with 10 it is half that,
 * and the watchdog allows twice the default, under run-tests' 120 s.
 */
#include <poll.h>

#define T_WATCHDOG_S	110

#include "api.h"

#define main wsa_echo_server_main
#include "../demo/wsa_echo_server.c"
#undef main

#define CONNS		300
#define AT_ONCE		48
#define MAX_MSG		4096

struct client {
	int fd;
	int rounds;		/* left */
	int size, got;
	char msg[MAX_MSG];
};

static unsigned int seed = 12345;

static unsigned int rnd(unsigned int n)
{
	seed = seed * 1103515245 + 12345;
	return (seed >> 8) % n;
}

static void next_message(struct client *c)
{
	int k;

	c->size = 1 + (int)rnd(MAX_MSG);
	c->got = 0;
	for (k = 0; k < c->size; k++)
		c->msg[k] = (char)rnd(256);
	/* Small enough for the socket buffer: sent whole. */
	CHECK_EQ(send(c->fd, c->msg, c->size, MSG_NOSIGNAL), c->size);
}

static void start(struct client *c, const struct sockaddr_in *addr)
{
	c->fd = t_connect(addr, false);
	c->rounds = 1 + (int)rnd(10);
	next_message(c);
}

int main(void)
{
	struct client clients[AT_ONCE];
	struct pollfd pfd[AT_ONCE];
	struct sockaddr_in addr;
	int opened = 0, done = 0, i, tries, probe;
	char port[16], max[16];
	char buf[MAX_MSG];
	pid_t pid;

	t_require_device();
	/* A free port: bind one, note it, let it go. */
	probe = t_bound(SOCK_STREAM, &addr);
	close(probe);
	snprintf(port, sizeof(port), "%d", ntohs(addr.sin_port));
	snprintf(max, sizeof(max), "%d", CONNS);
	pid = t_fork();
	if (pid == 0) {
		char *argv[] = { "wsa_echo_server", port, max, NULL };

		exit(wsa_echo_server_main(3, argv));
	}
	for (tries = 0; ; tries++) {	/* until the server listens */
		int s = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));

		if (!connect(s, (struct sockaddr *)&addr, sizeof(addr))) {
			close(s);
			break;
		}
		close(s);
		CHECK_MSG(tries < 200, "the server did not listen");
		t_sleep_ms(20);
	}
	/* The probe above was a connection too. */
	opened = 1;
	done = 1;

	for (i = 0; i < AT_ONCE; i++) {
		start(&clients[i], &addr);
		opened++;
		pfd[i].fd = clients[i].fd;
		pfd[i].events = POLLIN;
	}
	while (done < CONNS) {
		int r = poll(pfd, AT_ONCE, 10000);

		CHECK_MSG(r > 0, "no echo for 10 s: a network event was lost (%d of %d connections done)",
			  done, CONNS);
		for (i = 0; i < AT_ONCE; i++) {
			struct client *c = &clients[i];
			ssize_t got;

			if (pfd[i].fd < 0 || !(pfd[i].revents & POLLIN))
				continue;
			got = recv(c->fd, buf, c->size - c->got, 0);
			CHECK_MSG(got > 0, "connection lost: %s", t_errname(errno));
			CHECK(!memcmp(buf, c->msg + c->got, got));
			c->got += got;
			if (c->got < c->size)
				continue;
			if (--c->rounds) {
				next_message(c);
				continue;
			}
			close(c->fd);
			done++;
			if (opened < CONNS) {
				start(c, &addr);
				opened++;
				pfd[i].fd = c->fd;
			} else {
				pfd[i].fd = -1;
			}
		}
	}
	t_reap_ok(pid);
	printf("%d connections came and went, every byte echoed\n", CONNS);
	return T_PASS;
}
