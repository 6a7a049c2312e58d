// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Overlapped socket I/O over loopback TCP and UDP, by Windows' rules:
 * an operation that cannot finish at once is SOCKET_ERROR/WSA_IO_PENDING,
 * leaves its outputs alone and resets its event; on completion the count,
 * flags and status are in the WSAOVERLAPPED before the event is set. One
 * that finishes at once returns 0 with the count and sets the event too.
 * Operations of one socket complete in posting order; several sockets
 * have operations pending at once. WSAGetOverlappedResult: fWait FALSE on
 * a pending one is WSA_IO_INCOMPLETE, TRUE waits. closesocket and
 * CancelIo(Ex) end pending ones with WSA_OPERATION_ABORTED and touch no
 * buffer after. A completion routine runs only in an alertable wait of the
 * posting thread. The event is the kernel's: another process waiting on it
 * sees the completion. WSARecv re-enables FD_READ.
 */
#include <ntevent/windows.h>
#include <ntevent/winsock.h>
#include "api.h"


/* A connected TCP pair: a (the test's side) and b (the peer). */
static void tcp_pair(SOCKET *a, int *b)
{
	struct sockaddr_in addr;
	int l = t_listener(&addr);

	*b = t_connect(&addr, false);
	*a = (SOCKET)CHECK_OK(accept(l, NULL, NULL));
	close(l);
}

static void pending_then_done(void)
{
	char buf[16] = "untouched";
	WSABUF wb = { sizeof(buf), buf };
	DWORD got = 12345, flags = 0, cb, fl;
	WSAOVERLAPPED ov;
	SOCKET a;
	int b;

	t_case = "pending_then_done";
	tcp_pair(&a, &b);
	memset(&ov, 0, sizeof(ov));
	ov.hEvent = WSACreateEvent();
	CHECK(WSASetEvent(ov.hEvent));
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, NULL), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSA_IO_PENDING);
	CHECK_EQ(got, 12345);			/* untouched */
	CHECK(!HasOverlappedIoCompleted(&ov));
	CHECK_EQ(WaitForSingleObject(ov.hEvent, 0), WAIT_TIMEOUT); /* reset */
	CHECK(!WSAGetOverlappedResult(a, &ov, &cb, FALSE, &fl));
	CHECK_EQ(WSAGetLastError(), WSA_IO_INCOMPLETE);
	CHECK_EQ(memcmp(buf, "untouched", 10), 0);

	CHECK_EQ(write(b, "hello", 5), 5);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ov.hEvent, FALSE, 5000, FALSE),
		 WSA_WAIT_EVENT_0);
	/* The event is set after the results are written. */
	CHECK(HasOverlappedIoCompleted(&ov));
	CHECK_EQ(ov.InternalHigh, 5);
	CHECK(WSAGetOverlappedResult(a, &ov, &cb, FALSE, &fl));
	CHECK_EQ(cb, 5);
	CHECK_EQ(fl, 0);
	CHECK_EQ(memcmp(buf, "hello", 5), 0);

	/* Data waiting: done at once, count filled, the event set. */
	CHECK_EQ(write(b, "again", 5), 5);
	t_sleep_ms(50);
	CHECK(WSAResetEvent(ov.hEvent));
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, NULL), 0);
	CHECK_EQ(got, 5);
	CHECK_EQ(WaitForSingleObject(ov.hEvent, 0), WAIT_OBJECT_0);
	CHECK(WSAGetOverlappedResult(a, &ov, &cb, TRUE, &fl));
	CHECK_EQ(cb, 5);

	/* fWait TRUE waits for the event. */
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, NULL), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSA_IO_PENDING);
	CHECK_EQ(write(b, "x", 1), 1);
	CHECK(WSAGetOverlappedResult(a, &ov, &cb, TRUE, &fl));
	CHECK_EQ(cb, 1);

	/* The peer closes: a pending receive completes with 0 bytes. */
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, NULL), SOCKET_ERROR);
	close(b);
	CHECK(WSAGetOverlappedResult(a, &ov, &cb, TRUE, &fl));
	CHECK_EQ(cb, 0);
	CHECK_EQ(closesocket(a), 0);
	CHECK(WSACloseEvent(ov.hEvent));
}

static void order_and_many(void)
{
	char bufs[3][4], other[8];
	WSABUF wb[3], wo = { sizeof(other), other };
	WSAOVERLAPPED ov[3], oo;
	WSAEVENT evs[4];
	DWORD got, flags = 0, cb, fl;
	SOCKET a, c;
	int b, d, i;

	t_case = "order_and_many";
	tcp_pair(&a, &b);
	tcp_pair(&c, &d);
	for (i = 0; i < 3; i++) {
		wb[i].buf = bufs[i];
		wb[i].len = 4;
		memset(&ov[i], 0, sizeof(ov[i]));
		ov[i].hEvent = evs[i] = WSACreateEvent();
		CHECK_EQ(WSARecv(a, &wb[i], 1, &got, &flags, &ov[i], NULL),
			 SOCKET_ERROR);
		CHECK_EQ(WSAGetLastError(), WSA_IO_PENDING);
	}
	memset(&oo, 0, sizeof(oo));
	oo.hEvent = evs[3] = WSACreateEvent();
	CHECK_EQ(WSARecv(c, &wo, 1, &got, &flags, &oo, NULL), SOCKET_ERROR);

	/* The other socket first: only its event. */
	CHECK_EQ(write(d, "other", 5), 5);
	CHECK_EQ(WSAWaitForMultipleEvents(4, evs, FALSE, 5000, FALSE),
		 WSA_WAIT_EVENT_0 + 3);
	CHECK_EQ(WSAWaitForMultipleEvents(3, evs, FALSE, 0, FALSE),
		 WSA_WAIT_TIMEOUT);
	/* Twelve bytes: posting order. */
	CHECK_EQ(write(b, "AAAABBBBCCCC", 12), 12);
	CHECK_EQ(WSAWaitForMultipleEvents(3, evs, TRUE, 5000, FALSE),
		 WSA_WAIT_EVENT_0);
	for (i = 0; i < 3; i++) {
		CHECK(WSAGetOverlappedResult(a, &ov[i], &cb, FALSE, &fl));
		CHECK_EQ(cb, 4);
		CHECK_EQ(bufs[i][0], "ABC"[i]);
		CHECK_EQ(bufs[i][3], "ABC"[i]);
	}
	for (i = 0; i < 4; i++)
		CHECK(WSACloseEvent(evs[i]));
	closesocket(a);
	closesocket(c);
	close(b);
	close(d);
}

static void sends(void)
{
	static char big[4 << 20], sink[65536];
	WSABUF wb[2] = { { 1 << 20, big }, { 3 << 20, big + (1 << 20) } };
	DWORD sent = 777, cb, fl;
	WSAOVERLAPPED ov;
	size_t total = 0;
	SOCKET a;
	ssize_t n;
	int b;

	t_case = "sends";
	tcp_pair(&a, &b);
	memset(&ov, 0, sizeof(ov));
	ov.hEvent = WSACreateEvent();
	/* More than the socket buffers hold: pending until the peer reads. */
	CHECK_EQ(WSASend(a, wb, 2, &sent, 0, &ov, NULL), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSA_IO_PENDING);
	CHECK_EQ(sent, 777);
	while (total < sizeof(big)) {
		n = read(b, sink, sizeof(sink));
		CHECK(n > 0);
		total += (size_t)n;
	}
	CHECK(WSAGetOverlappedResult(a, &ov, &cb, TRUE, &fl));
	CHECK_EQ(cb, sizeof(big));
	/* WSASend is a re-enabling call: FD_WRITE after one that would block. */
	{
		WSAEVENT sel = WSACreateEvent();
		WSANETWORKEVENTS ne;
		int sent_nb = 0;

		CHECK_EQ(WSAEventSelect(a, sel, FD_WRITE), 0);
		CHECK_EQ(WSAEnumNetworkEvents(a, sel, &ne), 0);
		CHECK_EQ(ne.lNetworkEvents, FD_WRITE);	/* connected: room */
		while (WSASend(a, wb, 1, &sent, 0, NULL, NULL) == 0)
			sent_nb += (int)sent;
		CHECK_EQ(WSAGetLastError(), WSAEWOULDBLOCK);
		CHECK_EQ(WSAEnumNetworkEvents(a, sel, &ne), 0);
		CHECK_EQ(ne.lNetworkEvents, 0);
		while (sent_nb > 0) {
			n = read(b, sink, sizeof(sink));
			CHECK(n > 0);
			sent_nb -= (int)n;
		}
		CHECK_EQ(WSAWaitForMultipleEvents(1, &sel, FALSE, 5000, FALSE),
			 WSA_WAIT_EVENT_0);
		CHECK_EQ(WSAEnumNetworkEvents(a, sel, &ne), 0);
		CHECK_EQ(ne.lNetworkEvents, FD_WRITE);
		CHECK_EQ(WSAEventSelect(a, NULL, 0), 0);
		WSACloseEvent(sel);
	}
	/* Small: done at once. */
	wb[0].len = 10;
	CHECK_EQ(WSASend(a, wb, 1, &sent, 0, &ov, NULL), 0);
	CHECK_EQ(sent, 10);
	CHECK_EQ(WaitForSingleObject(ov.hEvent, 0), WAIT_OBJECT_0);
	closesocket(a);
	close(b);
	WSACloseEvent(ov.hEvent);
}

static void cancel(void)
{
	char buf[3][8];
	WSABUF wb[3];
	WSAOVERLAPPED ov[3];
	DWORD got, flags = 0, cb, fl;
	SOCKET a;
	int b, i;

	t_case = "cancel";
	tcp_pair(&a, &b);
	for (i = 0; i < 3; i++) {
		wb[i].buf = buf[i];
		wb[i].len = 8;
		memset(buf[i], '.', 8);
		memset(&ov[i], 0, sizeof(ov[i]));
		ov[i].hEvent = WSACreateEvent();
		CHECK_EQ(WSARecv(a, &wb[i], 1, &got, &flags, &ov[i], NULL),
			 SOCKET_ERROR);
	}
	/* One by its WSAOVERLAPPED; again: ERROR_NOT_FOUND. */
	CHECK(CancelIoEx((HANDLE)a, &ov[1]));
	CHECK(!WSAGetOverlappedResult(a, &ov[1], &cb, FALSE, &fl));
	CHECK_EQ(WSAGetLastError(), WSA_OPERATION_ABORTED);
	CHECK_EQ(WaitForSingleObject(ov[1].hEvent, 0), WAIT_OBJECT_0);
	CHECK(!CancelIoEx((HANDLE)a, &ov[1]));
	CHECK_EQ(GetLastError(), ERROR_NOT_FOUND);
	/* The others stay pending, in order. */
	CHECK_EQ(write(b, "12345678", 8), 8);
	CHECK(WSAGetOverlappedResult(a, &ov[0], &cb, TRUE, &fl));
	CHECK_EQ(cb, 8);
	CHECK(!WSAGetOverlappedResult(a, &ov[2], &cb, FALSE, &fl));
	CHECK_EQ(WSAGetLastError(), WSA_IO_INCOMPLETE);
	/* closesocket ends the last; its buffer is not touched after. */
	CHECK_EQ(closesocket(a), 0);
	CHECK(!WSAGetOverlappedResult(a, &ov[2], &cb, TRUE, &fl));
	CHECK_EQ(WSAGetLastError(), WSA_OPERATION_ABORTED);
	CHECK_EQ(memcmp(buf[2], "........", 8), 0);
	CHECK_EQ(memcmp(buf[1], "........", 8), 0);
	close(b);
	for (i = 0; i < 3; i++)
		WSACloseEvent(ov[i].hEvent);

	/* CancelIo: the calling thread's operations. */
	tcp_pair(&a, &b);
	memset(&ov[0], 0, sizeof(ov[0]));
	ov[0].hEvent = WSACreateEvent();
	CHECK_EQ(WSARecv(a, &wb[0], 1, &got, &flags, &ov[0], NULL),
		 SOCKET_ERROR);
	CHECK(CancelIo((HANDLE)a));
	CHECK(!WSAGetOverlappedResult(a, &ov[0], &cb, TRUE, &fl));
	CHECK_EQ(WSAGetLastError(), WSA_OPERATION_ABORTED);
	closesocket(a);
	close(b);
	WSACloseEvent(ov[0].hEvent);
}

static pid_t routine_tid;
static int routine_calls;
static DWORD routine_err, routine_bytes;

static void CALLBACK done(DWORD err, DWORD bytes, LPWSAOVERLAPPED ov,
			  DWORD flags)
{
	(void)ov;
	(void)flags;
	routine_tid = t_gettid();
	routine_calls++;
	routine_err = err;
	routine_bytes = bytes;
}

static void *sleeper(void *arg)
{
	/* Another thread's alertable wait does not run it. */
	CHECK_EQ(SleepEx(300, TRUE), 0);
	(void)arg;
	return NULL;
}

static void routines(void)
{
	char buf[8];
	WSABUF wb = { sizeof(buf), buf };
	DWORD got, flags = 0;
	WSAOVERLAPPED ov;
	WSAEVENT other;
	pthread_t th;
	SOCKET a;
	int b;

	t_case = "routines";
	tcp_pair(&a, &b);
	memset(&ov, 0, sizeof(ov));
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, done), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSA_IO_PENDING);
	CHECK_EQ(write(b, "abc", 3), 3);
	t_thread(&th, sleeper, NULL);
	t_join(th);
	CHECK_EQ(routine_calls, 0);
	CHECK_EQ(SleepEx(100, FALSE), 0);	/* not alertable */
	CHECK_EQ(routine_calls, 0);
	CHECK_EQ(SleepEx(INFINITE, TRUE), WAIT_IO_COMPLETION);
	CHECK_EQ(routine_calls, 1);
	CHECK_EQ(routine_tid, t_gettid());
	CHECK_EQ(routine_err, 0);
	CHECK_EQ(routine_bytes, 3);

	/* Done at once: the routine still comes, in an alertable wait. */
	CHECK_EQ(write(b, "de", 2), 2);
	t_sleep_ms(50);
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, done), 0);
	CHECK_EQ(got, 2);
	CHECK_EQ(routine_calls, 1);
	other = WSACreateEvent();
	CHECK_EQ(WSAWaitForMultipleEvents(1, &other, FALSE, 0, TRUE),
		 WSA_WAIT_IO_COMPLETION);
	CHECK_EQ(routine_calls, 2);
	WSACloseEvent(other);

	/* Aborted by closesocket: the routine gets the error. */
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, done), SOCKET_ERROR);
	closesocket(a);
	CHECK_EQ(SleepEx(INFINITE, TRUE), WAIT_IO_COMPLETION);
	CHECK_EQ(routine_calls, 3);
	CHECK_EQ(routine_err, WSA_OPERATION_ABORTED);
	close(b);
}

static void other_process_and_select(void)
{
	char buf[8];
	WSABUF wb = { sizeof(buf), buf };
	DWORD got, flags = 0, cb, fl;
	WSANETWORKEVENTS ne;
	WSAOVERLAPPED ov;
	WSAEVENT sel;
	SOCKET a;
	pid_t pid;
	int b;

	t_case = "other_process_and_select";
	tcp_pair(&a, &b);
	memset(&ov, 0, sizeof(ov));
	ov.hEvent = WSACreateEvent();
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, &ov, NULL), SOCKET_ERROR);
	pid = t_fork();
	if (pid == 0) {
		/* The child waits on the parent's event: the kernel's object. */
		CHECK_EQ(WaitForSingleObject(ov.hEvent, 10000), WAIT_OBJECT_0);
		exit(0);
	}
	t_sleep_ms(100);
	CHECK_EQ(write(b, "xyz", 3), 3);
	t_reap_ok(pid);
	CHECK(WSAGetOverlappedResult(a, &ov, &cb, TRUE, &fl));
	CHECK_EQ(cb, 3);

	/* WSARecv is a re-enabling call of WSAEventSelect's FD_READ. */
	sel = WSACreateEvent();
	CHECK_EQ(write(b, "1234", 4), 4);
	t_sleep_ms(50);
	CHECK_EQ(WSAEventSelect(a, sel, FD_READ), 0);
	CHECK_EQ(WSAEnumNetworkEvents(a, sel, &ne), 0);
	CHECK_EQ(ne.lNetworkEvents, FD_READ);
	wb.len = 2;
	CHECK_EQ(WSARecv(a, &wb, 1, &got, &flags, NULL, NULL), 0);
	CHECK_EQ(got, 2);
	/* Data is left: FD_READ again at once. */
	CHECK_EQ(WSAEnumNetworkEvents(a, sel, &ne), 0);
	CHECK_EQ(ne.lNetworkEvents, FD_READ);
	closesocket(a);
	close(b);
	WSACloseEvent(sel);
	WSACloseEvent(ov.hEvent);
}

static void udp_and_errors(void)
{
	struct sockaddr_in ra, sa;
	char buf[16];
	WSABUF wb = { sizeof(buf), buf };
	DWORD got, flags = 0, cb, fl, sent;
	WSAOVERLAPPED ov;
	int rl = sizeof(sa), r, s;

	t_case = "udp_and_errors";
	r = t_bound(SOCK_DGRAM, &ra);
	s = t_bound(SOCK_DGRAM, &sa);
	memset(&ov, 0, sizeof(ov));
	ov.hEvent = WSACreateEvent();
	memset(&sa, 0, sizeof(sa));
	CHECK_EQ(WSARecvFrom((SOCKET)r, &wb, 1, &got, &flags,
			     (struct sockaddr *)&sa, &rl, &ov, NULL),
		 SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSA_IO_PENDING);
	wb.len = 4;
	CHECK_EQ(WSASendTo((SOCKET)s, &wb, 1, &sent, 0,
			   (struct sockaddr *)&ra, sizeof(ra), NULL, NULL), 0);
	CHECK_EQ(sent, 4);
	CHECK(WSAGetOverlappedResult((SOCKET)r, &ov, &cb, TRUE, &fl));
	CHECK_EQ(cb, 4);
	CHECK_EQ(rl, (int)sizeof(struct sockaddr_in));
	CHECK_EQ(sa.sin_family, AF_INET);

	/* Errors. */
	CHECK_EQ(WSARecv((SOCKET)r, NULL, 1, &got, &flags, &ov, NULL),
		 SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEFAULT);
	CHECK_EQ(WSARecv((SOCKET)r, &wb, 1, &got, NULL, &ov, NULL),
		 SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAEFAULT);
	CHECK_EQ(WSARecv(INVALID_SOCKET, &wb, 1, &got, &flags, &ov, NULL),
		 SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAENOTSOCK);
	CHECK_EQ(WSARecv((SOCKET)ov.hEvent, &wb, 1, &got, &flags, NULL,
			 NULL), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSAENOTSOCK);
	CHECK(!WSAGetOverlappedResult((SOCKET)r, NULL, &cb, TRUE, &fl));
	CHECK_EQ(WSAGetLastError(), WSAEFAULT);
	close(r);
	close(s);
	WSACloseEvent(ov.hEvent);
}

int main(void)
{
	WSADATA wsa;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &wsa), 0);
	pending_then_done();
	order_and_many();
	sends();
	cancel();
	routines();
	other_process_and_select();
	udp_and_errors();
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
