// SPDX-License-Identifier: GPL-2.0
/*
 * The client that drives an echo server (the Winsock one of
 * wsa_echo_server.c, or the epoll one the benchmark sets beside it):
 * CONNS connections, each sending ROUNDS messages of SIZE bytes, one at a
 * time, checking that each comes back whole before sending the next; all
 * connections at once, driven by poll(2).
 *
 *   echo_client PORT CONNS ROUNDS SIZE
 *
 * Prints the round trips and the time they took; exits 1 if a byte was
 * lost, changed or late (10 s without progress).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS	64
#define MAX_SIZE	4096

struct conn {
	int fd;
	long round;		/* messages echoed whole */
	int got;		/* bytes of the current echo */
	char msg[MAX_SIZE];
};

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void fill(struct conn *c, int i, int size)
{
	int k;

	for (k = 0; k < size; k++)
		c->msg[k] = (char)('a' + (i * 7 + c->round + k) % 26);
}

int main(int argc, char **argv)
{
	struct pollfd pfd[MAX_CONNS];
	struct conn conns[MAX_CONNS];
	struct sockaddr_in addr;
	int port, n, size, i, one = 1, tries;
	long rounds, left;
	long long t0, t1;
	char buf[MAX_SIZE];

	if (argc != 5) {
		fprintf(stderr, "usage: echo_client PORT CONNS ROUNDS SIZE\n");
		return 2;
	}
	port = atoi(argv[1]);
	n = atoi(argv[2]);
	rounds = atol(argv[3]);
	size = atoi(argv[4]);
	if (n < 1 || n > MAX_CONNS || size < 1 || size > MAX_SIZE) {
		fprintf(stderr, "echo_client: 1..64 connections, 1..4096 bytes\n");
		return 2;
	}
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((unsigned short)port);
	for (i = 0; i < n; i++) {
		conns[i].fd = socket(AF_INET, SOCK_STREAM, 0);
		for (tries = 0; connect(conns[i].fd, (struct sockaddr *)&addr,
					sizeof(addr)); tries++) {
			if (tries == 100) {
				perror("echo_client: connect");
				return 1;
			}
			close(conns[i].fd);	/* the server is starting */
			usleep(50000);
			conns[i].fd = socket(AF_INET, SOCK_STREAM, 0);
		}
		setsockopt(conns[i].fd, IPPROTO_TCP, TCP_NODELAY, &one,
			   sizeof(one));
		conns[i].round = 0;
		conns[i].got = 0;
		pfd[i].fd = conns[i].fd;
		pfd[i].events = POLLIN;
	}
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		fill(&conns[i], i, size);
		if (send(conns[i].fd, conns[i].msg, size, 0) != size)
			return perror("echo_client: send"), 1;
	}
	left = (long)n * rounds;
	while (left > 0) {
		int r = poll(pfd, n, 10000);

		if (r <= 0) {
			fprintf(stderr, "echo_client: no echo for 10 s\n");
			return 1;
		}
		for (i = 0; i < n; i++) {
			struct conn *c = &conns[i];
			ssize_t got;

			if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			got = recv(c->fd, buf, size - c->got, 0);
			if (got <= 0) {
				fprintf(stderr, "echo_client: connection %d lost\n", i);
				return 1;
			}
			if (memcmp(buf, c->msg + c->got, got)) {
				fprintf(stderr, "echo_client: connection %d: wrong bytes\n", i);
				return 1;
			}
			c->got += got;
			if (c->got < size)
				continue;
			c->got = 0;
			left--;
			if (++c->round == rounds) {
				pfd[i].fd = -1;
				continue;
			}
			fill(c, i, size);
			if (send(c->fd, c->msg, size, 0) != size)
				return perror("echo_client: send"), 1;
		}
	}
	t1 = now_ns();
	for (i = 0; i < n; i++)
		close(conns[i].fd);
	printf("client: %d connections x %ld round trips of %d bytes, all echoed whole: %.1f us per round trip, %.0f round trips/s\n",
	       n, rounds, size, (t1 - t0) / 1e3 / rounds,
	       (double)n * rounds * 1e9 / (t1 - t0));
	return 0;
}
