// SPDX-License-Identifier: GPL-2.0
/*
 * The echo server of the benchmark written with io_uring used directly
 * (liburing): an accept, then per connection a receive, its echo sent
 * back, the next receive; every operation a submission, every result a
 * completion. What the overlapped Winsock server is measured beside.
 *
 *   uring_echo_server PORT [MAX-CONNECTIONS]
 */
#include <arpa/inet.h>
#include <liburing.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE	4096

struct conn {
	int fd;
	int sending;
	char buf[BUF_SIZE];
};

static struct io_uring ring;

static void post(struct io_uring_sqe *sqe, void *data)
{
	io_uring_sqe_set_data(sqe, data);
}

static void post_accept(int ls)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);

	io_uring_prep_accept(sqe, ls, NULL, NULL, 0);
	post(sqe, NULL);
}

static void post_recv(struct conn *c)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);

	c->sending = 0;
	io_uring_prep_recv(sqe, c->fd, c->buf, BUF_SIZE, 0);
	post(sqe, c);
}

static void post_send(struct conn *c, int n)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);

	c->sending = 1;
	io_uring_prep_send(sqe, c->fd, c->buf, (size_t)n, MSG_NOSIGNAL);
	post(sqe, c);
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 7010;
	int max = argc > 2 ? atoi(argv[2]) : 0, served = 0, open_conns = 0;
	struct sockaddr_in addr;
	struct io_uring_cqe *cqe;
	int ls, one = 1;

	ls = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons((unsigned short)port);
	if (ls < 0 || bind(ls, (struct sockaddr *)&addr, sizeof(addr)) ||
	    listen(ls, SOMAXCONN) || io_uring_queue_init(256, &ring, 0)) {
		perror("uring server");
		return 1;
	}
	post_accept(ls);
	io_uring_submit(&ring);
	while (!max || served < max || open_conns) {
		struct conn *c;
		int res;

		if (io_uring_wait_cqe(&ring, &cqe))
			return 1;
		c = io_uring_cqe_get_data(cqe);
		res = cqe->res;
		io_uring_cqe_seen(&ring, cqe);
		if (!c) {
			if (res >= 0) {
				c = calloc(1, sizeof(*c));
				c->fd = res;
				open_conns++;
				post_recv(c);
			}
			post_accept(ls);
		} else if (!c->sending && res > 0) {
			post_send(c, res);
		} else if (c->sending && res >= 0) {
			post_recv(c);	/* small echoes go out whole */
		} else {
			close(c->fd);
			free(c);
			open_conns--;
			served++;
		}
		io_uring_submit(&ring);
	}
	printf("uring server: served %d connections\n", served);
	io_uring_queue_exit(&ring);
	return 0;
}
