// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The Winsock event calls and their service provider twins.
 *
 * The service provider face needs no WSAStartup: WPUCreateEvent() makes a
 * manual-reset, non-signaled event; WPUSetEvent(), WPUResetEvent() and
 * WPUCloseEvent() return TRUE and do not write *lpErrno on success.
 *
 * WSACreateEvent() (after WSAStartup; before it, WSANOTINITIALISED) makes
 * a manual-reset, non-signaled event with every right, not inherited by a
 * new program (O_CLOEXEC); WSASetEvent() and WSAResetEvent() return TRUE
 * and change the state; success leaves WSAGetLastError() alone;
 * WSACloseEvent() closes it.
 *
 * Every call given something that is not an open event handle -- a table
 * of them: WSA_INVALID_EVENT (NULL), INVALID_HANDLE_VALUE, a closed
 * handle, a non-handle value, a pipe, a socket -- fails with FALSE (or
 * WSA_WAIT_FAILED) and WSA_INVALID_HANDLE (Winsock has no type-mismatch
 * error): in WSAGetLastError() for the WSA calls, in *lpErrno for the WPU
 * ones, which leave WSAGetLastError() alone. The good event in the same
 * wait is not consumed. (The close calls are tried only on the handles
 * that are no open descriptor: closing a pipe would succeed.)
 */
#include <sys/socket.h>
#include <ntevent.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

/* ---- the good calls ---- */

/* The type, state and rights of an event handle. */
static struct ntevent_state state_of(WSAEVENT ev)
{
	struct ntevent_state st;

	CHECK_RET(ntevent_read(ntevent_handle_to_fd(ev), &st), 0);
	return st;
}

static void wpu_without_startup(void)
{
	WSAEVENT ev;
	int err;

	t_case = "WPU without WSAStartup";
	CHECK(WSACreateEvent() == WSA_INVALID_EVENT);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);

	err = 99;
	ev = WPUCreateEvent(&err);
	CHECK(ev != WSA_INVALID_EVENT);
	CHECK_EQ(err, 99);
	CHECK_EQ(state_of(ev).type, NTEVENT_TYPE_NOTIFICATION);
	CHECK_EQ(state_of(ev).state, 0);

	CHECK_EQ(WPUSetEvent(ev, &err), TRUE);
	CHECK_EQ(state_of(ev).state, 1);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0);
	CHECK_EQ(WPUResetEvent(ev, &err), TRUE);
	CHECK_EQ(state_of(ev).state, 0);
	CHECK_EQ(err, 99);
	CHECK_EQ(WPUCloseEvent(ev, &err), TRUE);
	CHECK_EQ(err, 99);
	t_case = NULL;
}

static void wsa_event_ops(void)
{
	struct ntevent_state st;
	WSAEVENT ev;
	int fd;

	t_case = "WSA event";
	ev = WSACreateEvent();
	CHECK(ev != WSA_INVALID_EVENT);
	fd = ntevent_handle_to_fd(ev);
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	st = state_of(ev);
	CHECK_EQ(st.type, NTEVENT_TYPE_NOTIFICATION);
	CHECK_EQ(st.state, 0);
	CHECK_EQ(st.access, EVENT_ALL_ACCESS);

	WSASetLastError(4321);
	CHECK_EQ(WSASetEvent(ev), TRUE);
	CHECK_EQ(state_of(ev).state, 1);
	CHECK_EQ(WSASetEvent(ev), TRUE);
	/* manual-reset: a wait does not consume it */
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0);
	CHECK_EQ(WSAWaitForMultipleEvents(1, &ev, TRUE, 0, FALSE),
		 WSA_WAIT_EVENT_0);
	CHECK_EQ(WSAResetEvent(ev), TRUE);
	CHECK_EQ(state_of(ev).state, 0);
	CHECK_EQ(WSAResetEvent(ev), TRUE);
	CHECK_EQ(WSAGetLastError(), 4321);

	CHECK_EQ(WSACloseEvent(ev), TRUE);
	CHECK_EQ(WSAGetLastError(), 4321);
	t_case = NULL;
}

/* ---- every call x every bad handle ---- */

/* good: a signaled event, the other of a two-event wait */
struct call {
	const char *name;
	DWORD (*fn)(WSAEVENT bad, WSAEVENT good, int *err);
	DWORD fail;		/* FALSE, or WSA_WAIT_FAILED */
	bool wpu;		/* the error in *lpErrno, not WSAGetLastError */
	bool no_errno;		/* a WPU call given lpErrno = NULL */
	bool closes;		/* only for handles that are no descriptor */
};

static DWORD wsa_set(WSAEVENT bad, WSAEVENT good, int *err)
{
	(void)good, (void)err;
	return WSASetEvent(bad);
}

static DWORD wsa_reset(WSAEVENT bad, WSAEVENT good, int *err)
{
	(void)good, (void)err;
	return WSAResetEvent(bad);
}

static DWORD wsa_close(WSAEVENT bad, WSAEVENT good, int *err)
{
	(void)good, (void)err;
	return WSACloseEvent(bad);
}

static DWORD wsa_wait_one(WSAEVENT bad, WSAEVENT good, int *err)
{
	(void)good, (void)err;
	return WSAWaitForMultipleEvents(1, &bad, FALSE, 0, FALSE);
}

static DWORD wsa_wait_any(WSAEVENT bad, WSAEVENT good, int *err)
{
	WSAEVENT both[2] = { good, bad };

	(void)err;
	return WSAWaitForMultipleEvents(2, both, FALSE, WSA_INFINITE, TRUE);
}

static DWORD wsa_wait_all(WSAEVENT bad, WSAEVENT good, int *err)
{
	WSAEVENT both[2] = { good, bad };

	(void)err;
	return WSAWaitForMultipleEvents(2, both, TRUE, 0, FALSE);
}

static DWORD wpu_set(WSAEVENT bad, WSAEVENT good, int *err)
{
	(void)good;
	return WPUSetEvent(bad, err);
}

static DWORD wpu_reset(WSAEVENT bad, WSAEVENT good, int *err)
{
	(void)good;
	return WPUResetEvent(bad, err);
}

static DWORD wpu_close(WSAEVENT bad, WSAEVENT good, int *err)
{
	(void)good;
	return WPUCloseEvent(bad, err);
}

static const struct call calls[] = {
	{ "WSASetEvent", wsa_set, FALSE, false, false, false },
	{ "WSAResetEvent", wsa_reset, FALSE, false, false, false },
	{ "WSAWaitForMultipleEvents one", wsa_wait_one, WSA_WAIT_FAILED,
	  false, false, false },
	{ "WSAWaitForMultipleEvents any, alertable", wsa_wait_any,
	  WSA_WAIT_FAILED, false, false, false },
	{ "WSAWaitForMultipleEvents all", wsa_wait_all, WSA_WAIT_FAILED,
	  false, false, false },
	{ "WSACloseEvent", wsa_close, FALSE, false, false, true },
	{ "WPUSetEvent", wpu_set, FALSE, true, false, false },
	{ "WPUSetEvent, lpErrno NULL", wpu_set, FALSE, true, true, false },
	{ "WPUResetEvent", wpu_reset, FALSE, true, false, false },
	{ "WPUCloseEvent", wpu_close, FALSE, true, false, true },
};

enum bad_kind { NUL, INVALID, CLOSED, VALUE, PIPE, A_SOCKET, BAD_KINDS };

static const struct {
	const char *name;
	bool descriptor;	/* an open descriptor: closing it works */
} bad_kinds[BAD_KINDS] = {
	[NUL] = { "WSA_INVALID_EVENT", false },
	[INVALID] = { "INVALID_HANDLE_VALUE", false },
	[CLOSED] = { "closed", false },
	[VALUE] = { "0x1233", false },
	[PIPE] = { "pipe", true },
	[A_SOCKET] = { "socket", true },
};

static void bad_call(const struct call *c, WSAEVENT bad, WSAEVENT good)
{
	int err = 0;

	WSASetLastError(c->wpu ? 7 : 0);
	CHECK_EQ(c->fn(bad, good, c->no_errno ? NULL : &err), c->fail);
	if (!c->wpu) {
		CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
		return;
	}
	if (!c->no_errno)
		CHECK_EQ(err, WSA_INVALID_HANDLE);
	CHECK_EQ(WSAGetLastError(), 7);
}

static void bad_handles(void)
{
	WSAEVENT good, bad[BAD_KINDS];
	char where[128];
	size_t i, k;
	int sv[2], err;

	good = WSACreateEvent();
	bad[CLOSED] = WSACreateEvent();
	CHECK(good && bad[CLOSED]);
	CHECK_EQ(WSASetEvent(good), TRUE);
	bad[NUL] = WSA_INVALID_EVENT;
	bad[INVALID] = INVALID_HANDLE_VALUE;
	bad[VALUE] = (WSAEVENT)(uintptr_t)0x1233;
	bad[PIPE] = ntevent_fd_to_handle(t_pipe_fd());
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	bad[A_SOCKET] = ntevent_fd_to_handle(sv[0]);
	/* closed last, so that no later descriptor reuses its number */
	CHECK_EQ(WSACloseEvent(bad[CLOSED]), TRUE);

	for (k = 0; k < BAD_KINDS; k++) {
		for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
			if (calls[i].closes && bad_kinds[k].descriptor)
				continue;
			snprintf(where, sizeof(where), "%s, %s",
				 calls[i].name, bad_kinds[k].name);
			t_case = where;
			bad_call(&calls[i], bad[k], good);
		}
		/* the good event was not consumed */
		CHECK_EQ(WSAWaitForMultipleEvents(1, &good, FALSE, 0, FALSE),
			 WSA_WAIT_EVENT_0);
	}
	t_case = NULL;
	CHECK_EQ(WSACloseEvent(good), TRUE);
	CHECK_EQ(WPUCloseEvent(bad[PIPE], &err), TRUE);
	close(sv[0]);
	close(sv[1]);
}

int main(void)
{
	WSADATA d;

	t_require_device();
	/* no WSAStartup in this process yet */
	wpu_without_startup();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	wsa_event_ops();
	bad_handles();
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
