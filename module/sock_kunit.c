// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the in-kernel face of network events (sock.c):
 * ntevent_sock_select(), ntevent_sock_enum() and ntevent_sock_enable() on
 * kernel sockets over loopback (the test VM brings lo up before it loads
 * the tests).
 */

#include <linux/delay.h>
#include <linux/in.h>
#include <linux/module.h>
#include <linux/net.h>
#include <linux/uio.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include <linux/ntevent.h>
#include <ntevent/kevent.h>

#include "ntevent_kunit.h"

/* How long a network event may take to come. */
#define T_SOCK_MS	3000

static const u32 every = NTEVENT_FD_READ | NTEVENT_FD_WRITE |
			 NTEVENT_FD_ACCEPT | NTEVENT_FD_CONNECT |
			 NTEVENT_FD_CLOSE;

/* A kernel TCP socket bound to 127.0.0.1:0; its address in *addr. */
static struct socket *bound_tcp(struct kunit *test, struct sockaddr_in *addr)
{
	struct socket *sock;
	int ret;

	ret = sock_create_kern(&init_net, AF_INET, SOCK_STREAM, IPPROTO_TCP,
			       &sock);
	KUNIT_ASSERT_EQ(test, ret, 0);
	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	KUNIT_ASSERT_EQ(test, kernel_bind(sock, (struct sockaddr *)addr,
					  sizeof(*addr)), 0);
	KUNIT_ASSERT_EQ(test, kernel_getsockname(sock,
						 (struct sockaddr *)addr),
			(int)sizeof(*addr));
	return sock;
}

/* ev is set within T_SOCK_MS; enumerating sock (resetting ev) gives want. */
static void expect(struct kunit *test, struct socket *sock,
		   struct ntevent *ev, u32 want)
{
	int errors[NTEVENT_FD_MAX_EVENTS];
	u32 events, mask;

	KUNIT_EXPECT_EQ(test, ntevent_wait(ev, 0, CLOCK_MONOTONIC,
					   ktime_add_ms(ktime_get(),
							T_SOCK_MS)), 0);
	msleep(50);		/* a second wake-up */
	KUNIT_EXPECT_EQ(test, ntevent_sock_enum(sock, ev, false, &events,
						&mask, errors), 0);
	KUNIT_EXPECT_EQ(test, events, want);
	KUNIT_EXPECT_EQ(test, ntevent_read(ev), 0);
}

/*
 * A driver's loop: a listener records FD_ACCEPT, the accepted socket
 * inherits the listener's event with FD_WRITE, data is FD_READ, the
 * peer's release FD_CLOSE.
 */
static void kernel_sockets_set_events(struct kunit *test)
{
	struct socket *l, *c, *a = NULL;
	struct sockaddr_in addr, caddr;
	struct ntevent ev;
	struct kvec vec = { .iov_base = "hi", .iov_len = 2 };
	struct msghdr msg = { };

	ntevent_init(&ev, false, false);
	l = bound_tcp(test, &addr);
	KUNIT_ASSERT_EQ(test, kernel_listen(l, 4), 0);
	KUNIT_ASSERT_EQ(test, ntevent_sock_select(l, &ev, every), 0);
	c = bound_tcp(test, &caddr);
	KUNIT_ASSERT_EQ(test, kernel_connect(c, (struct sockaddr *)&addr,
					     sizeof(addr), 0), 0);
	expect(test, l, &ev, NTEVENT_FD_ACCEPT);
	KUNIT_ASSERT_EQ(test, kernel_accept(l, &a, 0), 0);
	KUNIT_EXPECT_EQ(test, ntevent_sock_enable(l, NTEVENT_FD_ACCEPT, NULL),
			0);
	KUNIT_EXPECT_EQ(test, ntevent_sock_enable(a, 0, l), 0);
	expect(test, a, &ev, NTEVENT_FD_WRITE);
	KUNIT_EXPECT_EQ(test, kernel_sendmsg(c, &msg, &vec, 1, 2), 2);
	expect(test, a, &ev, NTEVENT_FD_READ);
	sock_release(c);
	expect(test, a, &ev, NTEVENT_FD_CLOSE);
	/* Done with ev: after these, the sockets no longer touch it. */
	KUNIT_EXPECT_EQ(test, ntevent_sock_select(a, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, ntevent_sock_select(l, NULL, 0), 0);
	sock_release(a);
	sock_release(l);
}

static void select_checks_its_arguments(struct kunit *test)
{
	struct sockaddr_in addr;
	struct socket *s = bound_tcp(test, &addr), *raw;
	struct ntevent ev;

	ntevent_init(&ev, false, false);
	KUNIT_EXPECT_EQ(test, ntevent_sock_select(s, &ev, 0x400), -EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_sock_select(s, &ev, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_sock_select(s, NULL, NTEVENT_FD_READ),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ntevent_sock_enable(s, NTEVENT_FD_CONNECT,
						  NULL), -EINVAL);
	if (!sock_create_kern(&init_net, AF_INET, SOCK_RAW, IPPROTO_ICMP,
			      &raw)) {
		KUNIT_EXPECT_EQ(test, ntevent_sock_select(raw, &ev,
							  NTEVENT_FD_READ),
				-EOPNOTSUPP);
		sock_release(raw);
	}
	sock_release(s);
}

static struct kunit_case ntevent_sock_cases[] = {
	KUNIT_CASE(kernel_sockets_set_events),
	KUNIT_CASE(select_checks_its_arguments),
	{}
};

NTEVENT_KUNIT_SUITE(sock);

kunit_test_suite(ntevent_sock_suite);
