// SPDX-License-Identifier: GPL-2.0
/*
 * Network events of sockets through the raw ioctls (what WSAEventSelect
 * and WSAEnumNetworkEvents are made of), over loopback TCP and UDP, by
 * Windows' rules: the kernel sets the event from the socket's own wake-up;
 * conditions already true are recorded at once; an event is recorded once
 * until its re-enabling call or a new arrival; FD_CONNECT and FD_CLOSE
 * carry their errors; an accepted socket inherits the listener's event
 * and mask with FD_WRITE and never FD_CONNECT; enumerating clears only
 * what it reports and resets the event; the record belongs to the socket
 * (a forked child sees it) and goes with it.
 */
#include "abi.h"

static int dev;

/*
 * The event must be set within 3 s (or, if want is 0, stay unset for
 * 200 ms); enumerating (and resetting it) must then report exactly want,
 * with FD_CONNECT's and FD_CLOSE's errors as given, and write no other
 * error slot.
 */
static void expect(int sock, int ev, uint32_t want, int connect_err,
		   int close_err)
{
	struct ntevent_sock_enum_args a;
	int i;

	if (want) {
		CHECK_RET(t_wait1(dev, ev, t_after_ms(3000)), 0);
		t_sleep_ms(50);		/* let a second wake-up land */
	} else {
		CHECK_RET(t_wait1(dev, ev, t_after_ms(200)), -ETIMEDOUT);
	}
	CHECK_RET(t_sock_enum(dev, sock, ev, 0, &a), 0);
	CHECK_EQ(a.events, want);
	for (i = 0; i < NTEVENT_FD_MAX_EVENTS; i++) {
		int err = i == NTEVENT_FD_CONNECT_BIT ? connect_err :
			  i == NTEVENT_FD_CLOSE_BIT ? close_err : 0;

		CHECK_EQ(a.errors[i], want & (1u << i) ? err : 0x5a5a5a5a);
	}
	CHECK_STATE(ev, 0);
}

static int accept1(int l)
{
	int s = CHECK_OK(accept4(l, NULL, NULL, SOCK_CLOEXEC));

	return s;
}

static const uint32_t every = NTEVENT_FD_READ | NTEVENT_FD_WRITE |
			      NTEVENT_FD_OOB | NTEVENT_FD_ACCEPT |
			      NTEVENT_FD_CONNECT | NTEVENT_FD_CLOSE;

/* Connecting, accepting, inheriting; then data, then a graceful close. */
static void tcp_flow(void)
{
	int el = t_create(dev, T_MANUAL, 0), ec = t_create(dev, T_MANUAL, 0);
	struct sockaddr_in addr;
	int l = t_listener(&addr), c, a, c2, a2;
	char buf[16];

	t_case = "listener and connect";
	CHECK_RET(t_sock_select(dev, l, el, every), 0);
	expect(l, el, 0, 0, 0);			/* nothing queued yet */
	c = CHECK_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	CHECK_RET(t_sock_select(dev, c, ec, every), 0);
	expect(c, ec, 0, 0, 0);			/* unconnected: nothing */
	CHECK_ERR(connect(c, (struct sockaddr *)&addr, sizeof(addr)),
		  EINPROGRESS);
	expect(c, ec, NTEVENT_FD_CONNECT | NTEVENT_FD_WRITE, 0, 0);
	expect(l, el, NTEVENT_FD_ACCEPT, 0, 0);
	expect(l, el, 0, 0, 0);			/* once, until accept */

	t_case = "accept re-enables, a new connection records again";
	c2 = t_connect(&addr, false);
	expect(l, el, NTEVENT_FD_ACCEPT, 0, 0);	/* a new arrival */
	a = accept1(l);
	CHECK_RET(t_sock_enable(dev, l, NTEVENT_FD_ACCEPT, -1), 0);
	expect(l, el, NTEVENT_FD_ACCEPT, 0, 0);	/* c2's is still queued */
	a2 = accept1(l);
	CHECK_RET(t_sock_enable(dev, l, NTEVENT_FD_ACCEPT, -1), 0);
	expect(l, el, 0, 0, 0);

	t_case = "the accepted socket inherits event and mask";
	CHECK_RET(t_sock_enable(dev, a, 0, l), 0);
	expect(a, el, NTEVENT_FD_WRITE, 0, 0);	/* never FD_CONNECT */
	expect(a, el, 0, 0, 0);

	t_case = "data";
	CHECK_EQ(CHECK_OK(send(a, "hello", 5, 0)), 5);
	expect(c, ec, NTEVENT_FD_READ, 0, 0);
	expect(c, ec, 0, 0, 0);			/* not again without recv */
	CHECK_EQ(CHECK_OK(send(a, "!", 1, 0)), 1);
	expect(c, ec, NTEVENT_FD_READ, 0, 0);	/* new data: again */
	CHECK_EQ(CHECK_OK(recv(c, buf, 3, 0)), 3);
	CHECK_RET(t_sock_enable(dev, c, NTEVENT_FD_READ, -1), 0);
	expect(c, ec, NTEVENT_FD_READ, 0, 0);	/* data left: at once */
	CHECK_EQ(CHECK_OK(recv(c, buf, sizeof(buf), 0)), 3);
	CHECK_RET(t_sock_enable(dev, c, NTEVENT_FD_READ, -1), 0);
	expect(c, ec, 0, 0, 0);

	t_case = "graceful close with unread data";
	CHECK_EQ(CHECK_OK(send(a, "bye", 3, 0)), 3);
	close(a);
	expect(c, ec, NTEVENT_FD_READ | NTEVENT_FD_CLOSE, 0, 0);
	CHECK_EQ(CHECK_OK(recv(c, buf, sizeof(buf), 0)), 3);
	CHECK_RET(t_sock_enable(dev, c, NTEVENT_FD_READ, -1), 0);
	CHECK_EQ(CHECK_OK(recv(c, buf, sizeof(buf), 0)), 0);
	CHECK_RET(t_sock_enable(dev, c, NTEVENT_FD_READ, -1), 0);
	expect(c, ec, 0, 0, 0);			/* FD_CLOSE once */

	close(c);
	close(c2);
	close(a2);
	close(l);
	close(el);
	close(ec);
	t_case = NULL;
}

/* A reset gives FD_CLOSE with ECONNRESET; a refused connect FD_CONNECT. */
static void tcp_errors(void)
{
	int ev = t_create(dev, T_MANUAL, 0);
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	struct sockaddr_in addr;
	int l = t_listener(&addr), c, a;

	t_case = "reset";
	c = t_connect(&addr, false);
	a = accept1(l);
	CHECK_RET(t_sock_select(dev, c, ev, NTEVENT_FD_CLOSE), 0);
	expect(c, ev, 0, 0, 0);
	CHECK_OK(setsockopt(a, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
	close(a);
	expect(c, ev, NTEVENT_FD_CLOSE, 0, ECONNRESET);
	close(c);

	t_case = "refused";
	close(l);			/* nobody listens there now */
	c = CHECK_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
	CHECK_RET(t_sock_select(dev, c, ev, NTEVENT_FD_CONNECT), 0);
	if (connect(c, (struct sockaddr *)&addr, sizeof(addr)))
		CHECK(errno == EINPROGRESS || errno == ECONNREFUSED);
	expect(c, ev, NTEVENT_FD_CONNECT, ECONNREFUSED, 0);
	close(c);
	close(ev);
	t_case = NULL;
}

/* UDP: a bound socket is writable once; a datagram records FD_READ. */
static void udp(void)
{
	int ev = t_create(dev, T_MANUAL, 0);
	struct sockaddr_in a1, a2;
	int u1 = t_bound(SOCK_DGRAM, &a1), u2 = t_bound(SOCK_DGRAM, &a2);
	int unbound = CHECK_OK(socket(AF_INET, SOCK_DGRAM, 0));

	t_case = "udp";
	CHECK_RET(t_sock_select(dev, unbound, ev, every), 0);
	expect(unbound, ev, 0, 0, 0);
	CHECK_RET(t_sock_select(dev, u1, ev, every), 0);
	expect(u1, ev, NTEVENT_FD_WRITE, 0, 0);
	CHECK_EQ(CHECK_OK(sendto(u2, "x", 1, 0, (struct sockaddr *)&a1,
				 sizeof(a1))), 1);
	expect(u1, ev, NTEVENT_FD_READ, 0, 0);

	t_case = "udp connect";
	CHECK_RET(t_sock_select(dev, unbound, ev, every), 0);
	CHECK_OK(connect(unbound, (struct sockaddr *)&a1, sizeof(a1)));
	expect(unbound, ev, 0, 0, 0);		/* it woke nobody... */
	CHECK_RET(t_sock_enable(dev, unbound, 0, -1), 0);	/* ...until told */
	expect(unbound, ev, NTEVENT_FD_CONNECT | NTEVENT_FD_WRITE, 0, 0);
	close(u1);
	close(u2);
	close(unbound);
	close(ev);
	t_case = NULL;
}

/*
 * Re-selecting, a mask that leaves a recorded event out, urgent data, a
 * local shutdown, and the record seen through a descriptor passed over
 * SCM_RIGHTS.
 */
static void more_rules(void)
{
	int ev = t_create(dev, T_MANUAL, 0);
	struct ntevent_sock_enum_args r;
	struct sockaddr_in addr;
	int l = t_listener(&addr), c = t_connect(&addr, false);
	int a = accept1(l), sv[2], c2;
	char b;

	t_case = "re-selecting reports nothing already reported";
	CHECK_RET(t_sock_select(dev, c, ev, every), 0);
	expect(c, ev, NTEVENT_FD_CONNECT | NTEVENT_FD_WRITE, 0, 0);
	CHECK_RET(t_sock_select(dev, c, ev, every), 0);
	expect(c, ev, 0, 0, 0);
	CHECK_RET(t_sock_select(dev, c, 0, 0), 0);
	CHECK_RET(t_sock_select(dev, c, ev, every), 0);
	expect(c, ev, 0, 0, 0);

	t_case = "a recorded event outside the mask waits for it";
	CHECK_RET(t_sock_select(dev, c, ev, NTEVENT_FD_CLOSE), 0);
	CHECK_EQ(CHECK_OK(send(a, "x", 1, 0)), 1);
	expect(c, ev, 0, 0, 0);			/* recorded, not reported */
	CHECK_RET(t_sock_select(dev, c, ev, every), 0);
	expect(c, ev, NTEVENT_FD_READ, 0, 0);	/* set at once */
	CHECK_EQ(CHECK_OK(recv(c, &b, 1, 0)), 1);
	CHECK_RET(t_sock_enable(dev, c, NTEVENT_FD_READ, -1), 0);

	t_case = "urgent data";
	CHECK_EQ(CHECK_OK(send(a, "!", 1, MSG_OOB)), 1);
	expect(c, ev, NTEVENT_FD_OOB, 0, 0);	/* not FD_READ */
	CHECK_EQ(CHECK_OK(recv(c, &b, 1, MSG_OOB)), 1);
	CHECK_EQ(b, '!');
	CHECK_RET(t_sock_enable(dev, c, NTEVENT_FD_OOB, -1), 0);
	expect(c, ev, 0, 0, 0);

	t_case = "the record is the socket's, whatever the descriptor";
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	t_send_fd(sv[0], c);
	c2 = t_recv_fd(sv[1]);
	CHECK_RET(t_sock_enum(dev, c2, -1, NTEVENT_SOCK_PEEK, &r), 0);
	CHECK_EQ(r.mask, every);
	CHECK_EQ(CHECK_OK(send(a, "y", 1, 0)), 1);
	expect(c2, ev, NTEVENT_FD_READ, 0, 0);
	CHECK_EQ(CHECK_OK(recv(c2, &b, 1, 0)), 1);
	CHECK_RET(t_sock_enable(dev, c2, NTEVENT_FD_READ, -1), 0);
	close(c2);
	close(sv[0]);
	close(sv[1]);

	t_case = "the peer's FIN after data already reported: FD_CLOSE only";
	{
		int c3 = t_connect(&addr, false), a3 = accept1(l);

		CHECK_RET(t_sock_select(dev, c3, ev, NTEVENT_FD_READ |
					NTEVENT_FD_CLOSE), 0);
		CHECK_EQ(CHECK_OK(send(a3, "z", 1, 0)), 1);
		expect(c3, ev, NTEVENT_FD_READ, 0, 0);
		close(a3);			/* "z" still unread */
		expect(c3, ev, NTEVENT_FD_CLOSE, 0, 0);
		close(c3);
	}

	t_case = "a local shutdown records nothing; the peer's close does";
	CHECK_OK(shutdown(c, SHUT_RDWR));
	expect(c, ev, 0, 0, 0);
	close(a);
	expect(c, ev, NTEVENT_FD_CLOSE, 0, 0);
	close(c);
	close(l);
	close(ev);
	t_case = NULL;
}

/* Selecting, enumerating and re-enabling: their arguments. */
static void arguments(void)
{
	int ev = t_create(dev, T_MANUAL, 1);
	int ro = t_dup(ev, NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE);
	int s = CHECK_OK(socket(AF_INET, SOCK_STREAM, 0));
	int un = CHECK_OK(socket(AF_UNIX, SOCK_STREAM, 0));
	struct ntevent_sock_enum_args a;
	int p = t_pipe_fd();

	t_case = "arguments";
	CHECK_RET(t_sock_select(dev, p, ev, NTEVENT_FD_READ), -ENOTSOCK);
	CHECK_RET(t_sock_select(dev, t_closed_fd(), ev, NTEVENT_FD_READ),
		  -EBADF);
	CHECK_RET(t_sock_select(dev, un, ev, NTEVENT_FD_READ), -EOPNOTSUPP);
	CHECK_RET(t_sock_select(dev, s, ro, NTEVENT_FD_READ), -EACCES);
	CHECK_RET(t_sock_select(dev, s, p, NTEVENT_FD_READ), -EBADFD);
	CHECK_RET(t_sock_select(dev, s, ev, 0x400), -EINVAL);
	CHECK_RET(t_sock_select(dev, s, ev, 0), -EINVAL);	/* fd with 0 */
	CHECK_RET(t_sock_select(dev, s, 0, 0), 0);	/* nothing to cancel */
	/* FD_QOS and the like are accepted, and never recorded. */
	CHECK_RET(t_sock_select(dev, s, ev, 0x3c0), 0);
	CHECK_RET(t_sock_enum(dev, s, -1, NTEVENT_SOCK_PEEK, &a), 0);
	CHECK_EQ(a.mask, 0x3c0);
	CHECK_EQ(a.events, 0);
	CHECK_STATE(ev, 1);		/* selecting never resets */
	CHECK_RET(t_sock_enum(dev, s, ev, 0, &a), 0);
	CHECK_STATE(ev, 0);		/* enumerating resets, even for nothing */
	CHECK_RET(t_sock_enum(dev, s, -1, 0x4, &a), -EINVAL);
	CHECK_RET(t_sock_enum(dev, s, ro, 0, &a), -EACCES);
	CHECK_RET(t_sock_enum(dev, p, -1, 0, &a), -ENOTSOCK);
	CHECK_RET(t_sock_enable(dev, s, NTEVENT_FD_CONNECT, -1), -EINVAL);
	CHECK_RET(t_sock_enable(dev, s, NTEVENT_FD_READ, p), -ENOTSOCK);
	CHECK_RET(t_sock_select(dev, s, 0, 0), 0);
	CHECK_RET(t_sock_enum(dev, s, -1, NTEVENT_SOCK_PEEK, &a), 0);
	CHECK_EQ(a.mask, 0);
	close(s);
	close(un);
	close(p);
	close(ro);
	close(ev);
	t_case = NULL;
}

/*
 * The record belongs to the socket: a forked child enumerates what the
 * parent selected. Closing the event while selected is harmless, and so
 * is closing the socket (the record goes with it: kmemleak checks).
 */
static void lifetime(void)
{
	int ev = t_create(dev, T_MANUAL, 0);
	struct sockaddr_in addr;
	int l = t_listener(&addr), c = t_connect(&addr, false);
	int a = accept1(l);
	pid_t pid;

	t_case = "shared with a child";
	CHECK_RET(t_sock_select(dev, c, ev, NTEVENT_FD_READ), 0);
	CHECK_EQ(CHECK_OK(send(a, "x", 1, 0)), 1);
	CHECK_RET(t_wait1(dev, ev, t_after_ms(3000)), 0);
	pid = t_fork();
	if (pid == 0) {
		expect(c, ev, NTEVENT_FD_READ, 0, 0);
		exit(0);
	}
	t_reap_ok(pid);
	expect(c, ev, 0, 0, 0);		/* the child took it */

	t_case = "event closed while selected";
	close(ev);
	CHECK_EQ(CHECK_OK(send(a, "y", 1, 0)), 1);
	t_sleep_ms(50);

	t_case = "socket closed while selected";
	ev = t_create(dev, T_MANUAL, 0);
	CHECK_RET(t_sock_select(dev, a, ev, every), 0);
	close(a);
	close(c);
	close(l);
	close(ev);
	t_case = NULL;
}

int main(void)
{
	dev = t_open_dev();
	tcp_flow();
	tcp_errors();
	udp();
	more_rules();
	arguments();
	lifetime();
	return T_PASS;
}
