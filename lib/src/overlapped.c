// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: overlapped socket I/O (WSARecv, WSARecvFrom, WSASend,
 * WSASendTo with a WSAOVERLAPPED, WSAGetOverlappedResult, CancelIo(Ex)).
 *
 * An operation is tried at once when its socket has none of its direction
 * pending; one that would block is queued on the socket, and the socket is
 * watched by the library's completion thread (one per process, started on
 * first use, all signals blocked) through epoll. When the socket is ready
 * that thread does the I/O into the caller's buffers under the socket's
 * lock, writes the WSAOVERLAPPED (InternalHigh: bytes, Offset: flags,
 * OffsetHigh: the WSA error, then Internal: the status), and then sets the
 * event (an ntevent object: a waiter in another process sees it), or
 * queues the completion routine as an APC to the thread that posted it.
 * closesocket() and CancelIo(Ex) end pending operations with
 * WSA_OPERATION_ABORTED under the same lock, so no buffer is touched
 * after they return.
 */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>

#include <ntevent/windows.h>
#include <ntevent/winsock.h>

#include "internal.h"

#define OV_STATUS_PENDING	((ULONG_PTR)0x00000103)
#define OV_STATUS_CANCELLED	((ULONG_PTR)0xC0000120)
#define OV_STATUS_RESET		((ULONG_PTR)0xC000020D)
#define OV_STATUS_ABORTED	((ULONG_PTR)0xC0000241)
#define OV_STATUS_FAILED	((ULONG_PTR)0xC0000001)

struct ov_op {
	struct ov_op *next;
	LPWSAOVERLAPPED ov;
	LPWSAOVERLAPPED_COMPLETION_ROUTINE routine;
	struct ntevent__thread *poster;	/* a reference */
	int send;
	int flags;			/* MSG_ flags of the call */
	struct sockaddr *from;		/* WSARecvFrom */
	LPINT fromlen;
	struct sockaddr_storage to;	/* WSASendTo: a copy */
	socklen_t tolen;
	size_t done;			/* a send's bytes so far */
	DWORD error, bytes, outflags;	/* the result, for the routine */
	unsigned int niov, cur;		/* cur: the first iov not sent */
	struct iovec iov[];
};

/*
 * One per socket descriptor number, made on first use and never freed
 * (closesocket empties it). @lock guards the queues and @watched.
 */
struct ov_sock {
	pthread_mutex_t lock;
	struct ov_op *rq, *rq_tail;	/* receives, in posting order */
	struct ov_op *sq, *sq_tail;	/* sends, in posting order */
	uint32_t watched;		/* the epoll events registered */
};

static pthread_mutex_t ov_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ov_sock **ov_socks;	/* by descriptor; ov_lock */
static size_t ov_nsocks;		/* ov_lock */
static int ov_ep = -1;			/* the completion thread's epoll */
static pthread_once_t ov_once = PTHREAD_ONCE_INIT;
static int ov_once_error;

/* The socket's record, made if need be; NULL if out of memory. */
static struct ov_sock *ov_sock(int fd, int make)
{
	struct ov_sock *s = NULL;

	pthread_mutex_lock(&ov_lock);
	if ((size_t)fd >= ov_nsocks && make) {
		size_t n = ov_nsocks ? ov_nsocks : 64;
		struct ov_sock **p;

		while (n <= (size_t)fd)
			n *= 2;
		p = realloc(ov_socks, n * sizeof(*p));
		if (p) {
			memset(p + ov_nsocks, 0, (n - ov_nsocks) * sizeof(*p));
			ov_socks = p;
			ov_nsocks = n;
		}
	}
	if ((size_t)fd < ov_nsocks) {
		s = ov_socks[fd];
		if (!s && make) {
			s = calloc(1, sizeof(*s));
			if (s) {
				pthread_mutex_init(&s->lock, NULL);
				ov_socks[fd] = s;
			}
		}
	}
	pthread_mutex_unlock(&ov_lock);
	return s;
}

/* ---- completing ---- */

static ULONG_PTR ov_status(DWORD error)
{
	switch (error) {
	case 0:
		return 0;
	case WSA_OPERATION_ABORTED:
		return OV_STATUS_CANCELLED;
	case WSAECONNRESET:
		return OV_STATUS_RESET;
	case WSAECONNABORTED:
		return OV_STATUS_ABORTED;
	default:
		return OV_STATUS_FAILED;
	}
}

static void ov_free(struct ov_op *op)
{
	if (op->poster)
		ntevent__thread_put(op->poster);
	free(op);
}

/* The completion routine, run as an APC in the posting thread. */
static void ov_routine(uintptr_t p)
{
	struct ov_op *op = (struct ov_op *)p;

	op->routine(op->error, op->bytes, op->ov, op->outflags);
	ov_free(op);
}

/*
 * Write the result into the WSAOVERLAPPED, then tell: the event, or the
 * routine. The operation is off its queue; this frees it.
 */
static void ov_complete(struct ov_op *op, DWORD error, DWORD bytes,
			DWORD outflags)
{
	LPWSAOVERLAPPED ov = op->ov;

	ov->InternalHigh = bytes;
	ov->Offset = outflags;
	ov->OffsetHigh = error;
	__atomic_store_n(&ov->Internal, ov_status(error), __ATOMIC_RELEASE);
	if (op->routine) {
		op->error = error;
		op->bytes = bytes;
		op->outflags = outflags;
		if (ntevent__queue_apc(op->poster, ov_routine,
				       (uintptr_t)op) == 0)
			return;
	} else if (ov->hEvent) {
		NtSetEvent(ov->hEvent, NULL);
	}
	ov_free(op);
}

/* The iovecs an operation has left. */
static void ov_msg(struct ov_op *op, struct msghdr *m)
{
	memset(m, 0, sizeof(*m));
	m->msg_iov = op->iov + op->cur;
	m->msg_iovlen = op->niov - op->cur;
}

/* A receive's source address, cut to the caller's room; its length. */
static void ov_store_from(struct sockaddr *from, LPINT fromlen,
			  const struct sockaddr_storage *ss, socklen_t len)
{
	memcpy(from, ss, len < (socklen_t)*fromlen ? len : (socklen_t)*fromlen);
	*fromlen = (int)len;
}

/* A receive's result, its address and flags; re-enables FD_READ/FD_OOB. */
static int ov_recv_once(int fd, struct ov_op *op, DWORD *error, DWORD *bytes,
			DWORD *outflags)
{
	struct sockaddr_storage ss;
	struct msghdr m;
	ssize_t n;

	ov_msg(op, &m);
	if (op->from) {
		m.msg_name = &ss;
		m.msg_namelen = sizeof(ss);
	}
	n = recvmsg(fd, &m, op->flags | MSG_DONTWAIT);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	ntevent__ws_received(fd, op->flags);
	*outflags = 0;
	if (n < 0) {
		*error = (DWORD)ntevent__sock_errno_to_wsa(-errno);
		*bytes = 0;
		return 1;
	}
	*error = m.msg_flags & MSG_TRUNC ? WSAEMSGSIZE : 0;
	*bytes = (DWORD)n;
	if (m.msg_flags & MSG_TRUNC)
		*outflags |= MSG_TRUNC;
	if (op->from)
		ov_store_from(op->from, op->fromlen, &ss, m.msg_namelen);
	return 1;
}

/* A send's progress: 1 once done (all sent, or failed), 0 to wait. */
static int ov_send_once(int fd, struct ov_op *op, DWORD *error)
{
	struct msghdr m;
	ssize_t n;

	for (;;) {
		ov_msg(op, &m);
		if (op->tolen) {
			m.msg_name = &op->to;
			m.msg_namelen = op->tolen;
		}
		n = sendmsg(fd, &m, op->flags | MSG_DONTWAIT | MSG_NOSIGNAL);
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			ntevent__ws_would_block(fd);
			return 0;
		}
		if (n < 0) {
			*error = (DWORD)ntevent__sock_errno_to_wsa(-errno);
			return 1;
		}
		op->done += (size_t)n;
		while (op->cur < op->niov && (size_t)n >= op->iov[op->cur].iov_len) {
			n -= (ssize_t)op->iov[op->cur].iov_len;
			op->cur++;
		}
		if (op->cur == op->niov) {
			*error = 0;
			return 1;
		}
		op->iov[op->cur].iov_base = (char *)op->iov[op->cur].iov_base + n;
		op->iov[op->cur].iov_len -= (size_t)n;
	}
}

/* Watch the socket for what its queues wait for; its lock is held. */
static void ov_watch(int fd, struct ov_sock *s)
{
	uint32_t want = (s->rq ? EPOLLIN : 0) | (s->sq ? EPOLLOUT : 0);
	struct epoll_event e = { .events = want, .data.u64 = (uint64_t)fd };

	if (want == s->watched)
		return;
	if (!want)
		epoll_ctl(ov_ep, EPOLL_CTL_DEL, fd, NULL);
	else
		epoll_ctl(ov_ep, s->watched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD,
			  fd, &e);
	s->watched = want;
}

/* Do what the socket's queues can do now; its lock is held. */
static void ov_progress(int fd, struct ov_sock *s)
{
	DWORD error, bytes, outflags;

	while (s->rq && ov_recv_once(fd, s->rq, &error, &bytes, &outflags)) {
		struct ov_op *op = s->rq;

		s->rq = op->next;
		if (!s->rq)
			s->rq_tail = NULL;
		ov_complete(op, error, bytes, outflags);
	}
	while (s->sq && ov_send_once(fd, s->sq, &error)) {
		struct ov_op *op = s->sq;

		s->sq = op->next;
		if (!s->sq)
			s->sq_tail = NULL;
		ov_complete(op, error, (DWORD)op->done, 0);
	}
	ov_watch(fd, s);
}

static void *ov_thread(void *arg)
{
	struct epoll_event evs[64];
	int i, n;

	(void)arg;
	for (;;) {
		n = epoll_wait(ov_ep, evs, 64, -1);
		for (i = 0; i < n; i++) {
			int fd = (int)evs[i].data.u64;
			struct ov_sock *s = ov_sock(fd, 0);

			if (!s)
				continue;
			pthread_mutex_lock(&s->lock);
			ov_progress(fd, s);
			pthread_mutex_unlock(&s->lock);
		}
	}
	return NULL;
}

static void ov_start(void)
{
	sigset_t all, old;
	pthread_attr_t attr;
	pthread_t th;

	ov_ep = epoll_create1(EPOLL_CLOEXEC);
	if (ov_ep < 0) {
		ov_once_error = -errno;
		return;
	}
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&th, &attr, ov_thread, NULL))
		ov_once_error = -ENOMEM;
	pthread_attr_destroy(&attr);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* ---- posting ---- */

/* SOCKET_ERROR and the WSA error. */
static int ov_fail(DWORD error)
{
	WSASetLastError((int)error);
	return SOCKET_ERROR;
}

/*
 * Post one operation (or, without lpOverlapped, do it as a plain call):
 * 0 with the count (and flags) stored when it finished at once, or
 * SOCKET_ERROR with WSA_IO_PENDING, or with the error of one that failed.
 */
static int ov_post(SOCKET s, LPWSABUF bufs, DWORD nbufs, LPDWORD count,
		   LPDWORD lpflags, int send, int flags, struct sockaddr *from,
		   LPINT fromlen, const struct sockaddr *to, int tolen,
		   LPWSAOVERLAPPED ov,
		   LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
	int fd = s > (SOCKET)INT32_MAX ? -1 : (int)s, err = 0, done;
	DWORD error = 0, bytes = 0, outflags = 0, i;
	struct ov_sock *sk;
	struct ov_op *op;

	if (fd < 0)
		return ov_fail(WSAENOTSOCK);
	if (!bufs)
		return ov_fail(WSAEFAULT);
	if (!nbufs)
		return ov_fail(WSAEINVAL);
	if (tolen < 0 || (from && !fromlen))
		return ov_fail(WSAEFAULT);
	op = calloc(1, sizeof(*op) + nbufs * sizeof(op->iov[0]));
	if (!op)
		return ov_fail(WSAENOBUFS);
	for (i = 0; i < nbufs; i++) {
		op->iov[i].iov_base = bufs[i].buf;
		op->iov[i].iov_len = bufs[i].len;
	}
	op->niov = nbufs;
	op->send = send;
	op->flags = flags;
	op->from = from;
	op->fromlen = fromlen;
	if (to && tolen) {
		if ((size_t)tolen > sizeof(op->to)) {
			free(op);
			return ov_fail(WSAEFAULT);
		}
		memcpy(&op->to, to, (size_t)tolen);
		op->tolen = (socklen_t)tolen;
	}
	op->ov = ov;
	op->routine = ov ? routine : NULL;

	if (!ov) {
		/* A plain call: the socket's own blocking mode. */
		struct msghdr m;
		ssize_t n;

		ov_msg(op, &m);
		if (send) {
			m.msg_name = op->tolen ? &op->to : NULL;
			m.msg_namelen = op->tolen;
			n = sendmsg(fd, &m, flags | MSG_NOSIGNAL);
			err = n < 0 ? errno : 0;
			if (n < 0 && (err == EAGAIN || err == EWOULDBLOCK))
				ntevent__ws_would_block(fd);
		} else {
			struct sockaddr_storage ss;

			m.msg_name = from ? &ss : NULL;
			m.msg_namelen = from ? sizeof(ss) : 0;
			n = recvmsg(fd, &m, flags);
			err = n < 0 ? errno : 0;
			ntevent__ws_received(fd, flags);
			if (n >= 0 && from)
				ov_store_from(from, fromlen, &ss, m.msg_namelen);
			if (n >= 0 && lpflags)
				*lpflags = 0;
			if (n >= 0 && (m.msg_flags & MSG_TRUNC)) {
				free(op);
				return ov_fail(WSAEMSGSIZE);
			}
		}
		free(op);
		if (n < 0)
			return ov_fail((DWORD)ntevent__sock_errno_to_wsa(-err));
		if (count)
			*count = (DWORD)n;
		return 0;
	}

	/* The poster: where the routine runs, whose CancelIo() cancels it. */
	op->poster = ntevent__thread_self(&err);
	if (op->poster) {
		ntevent__thread_get(op->poster);
	} else if (routine) {
		free(op);
		return ov_fail(WSAENOBUFS);
	}
	if (!routine && ov->hEvent)
		NtResetEvent(ov->hEvent, NULL);
	sk = ov_sock(fd, 1);
	if (!sk) {
		ov_free(op);
		return ov_fail(WSAENOBUFS);
	}
	pthread_mutex_lock(&sk->lock);
	/* Nothing of its direction queued: try it now. */
	if (send ? !sk->sq : !sk->rq) {
		done = send ? ov_send_once(fd, op, &error) :
			      ov_recv_once(fd, op, &error, &bytes, &outflags);
		if (send)
			bytes = (DWORD)op->done;
		if (done && error && error != WSAEMSGSIZE) {
			/* Failed at once: no completion is posted. */
			pthread_mutex_unlock(&sk->lock);
			ov_free(op);
			return ov_fail(error);
		}
		if (done) {
			pthread_mutex_unlock(&sk->lock);
			if (count)
				*count = bytes;
			if (lpflags && !send)
				*lpflags = outflags;
			ov_complete(op, error, bytes, outflags);
			return error ? ov_fail(error) : 0;
		}
	}
	pthread_once(&ov_once, ov_start);
	if (ov_once_error) {
		pthread_mutex_unlock(&sk->lock);
		ov_free(op);
		return ov_fail(WSAENOBUFS);
	}
	ov->InternalHigh = 0;
	__atomic_store_n(&ov->Internal, OV_STATUS_PENDING, __ATOMIC_RELEASE);
	if (send) {
		if (sk->sq_tail)
			sk->sq_tail->next = op;
		else
			sk->sq = op;
		sk->sq_tail = op;
	} else {
		if (sk->rq_tail)
			sk->rq_tail->next = op;
		else
			sk->rq = op;
		sk->rq_tail = op;
	}
	ov_watch(fd, sk);
	pthread_mutex_unlock(&sk->lock);
	return ov_fail(WSA_IO_PENDING);
}

NTEVENT_EXPORT int WSAAPI WSARecv(SOCKET s, LPWSABUF lpBuffers,
				  DWORD dwBufferCount,
				  LPDWORD lpNumberOfBytesRecvd, LPDWORD lpFlags,
				  LPWSAOVERLAPPED lpOverlapped,
				  LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
	return WSARecvFrom(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd,
			   lpFlags, NULL, NULL, lpOverlapped,
			   lpCompletionRoutine);
}

NTEVENT_EXPORT int WSAAPI WSARecvFrom(SOCKET s, LPWSABUF lpBuffers,
				      DWORD dwBufferCount,
				      LPDWORD lpNumberOfBytesRecvd,
				      LPDWORD lpFlags, struct sockaddr *lpFrom,
				      LPINT lpFromlen,
				      LPWSAOVERLAPPED lpOverlapped,
				      LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
	if (!lpFlags)
		return ov_fail(WSAEFAULT);
	if (*lpFlags & ~(DWORD)(MSG_PEEK | MSG_OOB))
		return ov_fail(WSAEOPNOTSUPP);
	return ov_post(s, lpBuffers, dwBufferCount, lpNumberOfBytesRecvd,
		       lpFlags, 0, (int)*lpFlags, lpFrom, lpFromlen, NULL, 0,
		       lpOverlapped, lpCompletionRoutine);
}

NTEVENT_EXPORT int WSAAPI WSASend(SOCKET s, LPWSABUF lpBuffers,
				  DWORD dwBufferCount,
				  LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
				  LPWSAOVERLAPPED lpOverlapped,
				  LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
	return WSASendTo(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent,
			 dwFlags, NULL, 0, lpOverlapped, lpCompletionRoutine);
}

NTEVENT_EXPORT int WSAAPI WSASendTo(SOCKET s, LPWSABUF lpBuffers,
				    DWORD dwBufferCount,
				    LPDWORD lpNumberOfBytesSent, DWORD dwFlags,
				    const struct sockaddr *lpTo, int iTolen,
				    LPWSAOVERLAPPED lpOverlapped,
				    LPWSAOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
	if (dwFlags & ~(DWORD)(MSG_OOB | MSG_DONTROUTE))
		return ov_fail(WSAEOPNOTSUPP);
	return ov_post(s, lpBuffers, dwBufferCount, lpNumberOfBytesSent, NULL,
		       1, (int)dwFlags, NULL, NULL, lpTo, lpTo ? iTolen : 0,
		       lpOverlapped, lpCompletionRoutine);
}

NTEVENT_EXPORT BOOL WSAAPI WSAGetOverlappedResult(SOCKET s,
						  LPWSAOVERLAPPED lpOverlapped,
						  LPDWORD lpcbTransfer,
						  BOOL fWait,
						  LPDWORD lpdwFlags)
{
	(void)s;
	if (!lpOverlapped || !lpcbTransfer || !lpdwFlags) {
		WSASetLastError(WSAEFAULT);
		return FALSE;
	}
	while (__atomic_load_n(&lpOverlapped->Internal, __ATOMIC_ACQUIRE) ==
	       OV_STATUS_PENDING) {
		struct timespec ms = { 0, 1000000 };

		if (!fWait) {
			WSASetLastError(WSA_IO_INCOMPLETE);
			return FALSE;
		}
		if (!lpOverlapped->hEvent ||
		    WaitForSingleObject(lpOverlapped->hEvent, INFINITE) ==
		    WAIT_FAILED)
			nanosleep(&ms, NULL);	/* no event to wait on */
	}
	*lpcbTransfer = (DWORD)lpOverlapped->InternalHigh;
	*lpdwFlags = lpOverlapped->Offset;
	if (lpOverlapped->OffsetHigh) {
		WSASetLastError((int)lpOverlapped->OffsetHigh);
		return FALSE;
	}
	return TRUE;
}

/* ---- cancelling ---- */

/*
 * End the pending operations of fd that match (all, those of a poster,
 * or one WSAOVERLAPPED) with WSA_OPERATION_ABORTED; how many.
 */
static int ov_cancel(int fd, struct ntevent__thread *poster,
		     LPOVERLAPPED ov)
{
	struct ov_sock *s = ov_sock(fd, 0);
	struct ov_op **qs[2], **pp, *op, *gone = NULL;
	int q, n = 0;

	if (!s)
		return 0;
	pthread_mutex_lock(&s->lock);
	qs[0] = &s->rq;
	qs[1] = &s->sq;
	for (q = 0; q < 2; q++) {
		struct ov_op *last = NULL;

		for (pp = qs[q]; (op = *pp);) {
			if ((!poster || op->poster == poster) &&
			    (!ov || op->ov == ov)) {
				*pp = op->next;
				op->next = gone;
				gone = op;
				n++;
			} else {
				last = op;
				pp = &op->next;
			}
		}
		if (q == 0)
			s->rq_tail = last;
		else
			s->sq_tail = last;
	}
	ov_watch(fd, s);
	/* Completed under the lock: after this returns, no buffer is used. */
	while (gone) {
		op = gone;
		gone = op->next;
		ov_complete(op, WSA_OPERATION_ABORTED,
			    op->send ? (DWORD)op->done : 0, 0);
	}
	pthread_mutex_unlock(&s->lock);
	return n;
}

void ntevent__ov_close(int fd)
{
	ov_cancel(fd, NULL, NULL);
}

/* A SOCKET cast to HANDLE: the descriptor. */
static int ov_handle_fd(HANDLE h)
{
	uintptr_t u = (uintptr_t)h;

	return u > (uintptr_t)INT32_MAX ? -1 : (int)u;
}

NTEVENT_EXPORT BOOL WINAPI CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped)
{
	int fd = ov_handle_fd(hFile);

	if (fd < 0) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	if (!ov_cancel(fd, NULL, lpOverlapped)) {
		SetLastError(ERROR_NOT_FOUND);
		return FALSE;
	}
	return TRUE;
}

NTEVENT_EXPORT BOOL WINAPI CancelIo(HANDLE hFile)
{
	int fd = ov_handle_fd(hFile), err = 0;
	struct ntevent__thread *self;

	if (fd < 0) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	self = ntevent__thread_self(&err);
	if (self)
		ov_cancel(fd, self, NULL);
	return TRUE;
}
