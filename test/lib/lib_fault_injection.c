// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Every allocation failing, seen through the library (fail-nth with
 * failslab, debug kernel): each kernel allocation that a call of the
 * Windows faces reaches fails it with the library's own code for ENOMEM
 * and changes nothing. NtCreateEvent of a name and NtWaitForMultipleObjects
 * (a wait-all on 8): STATUS_INSUFFICIENT_RESOURCES. CreateEventW of a name:
 * NULL and ERROR_NO_SYSTEM_RESOURCES (what Windows' RtlNtStatusToDosError
 * makes of it). WSACreateEvent: WSA_NOT_ENOUGH_MEMORY. WSAEventSelect:
 * WSAENOBUFS (Winsock's socket calls have no WSA_NOT_ENOUGH_MEMORY). Each
 * row a t_failnth_sweep() operation: the code is turned into -ENOMEM only
 * when it is the right one, so any other answer fails the sweep.
 */
#include <ntevent/windows.h>
#include <ntevent/winsock.h>
#include <ntevent.h>
#include "api.h"

#include <sys/socket.h>

struct ctx {
	HANDLE evs[8];		/* manual, signaled: a wait-all takes none */
	HANDLE ev;
	char name[128];
	SOCKET sock;
};

static int nt_create_call(void *arg)
{
	struct ctx *c = arg;
	WCHAR buf[160];
	UNICODE_STRING us;
	OBJECT_ATTRIBUTES oa;
	HANDLE h;
	NTSTATUS st;

	t_unicode(&us, buf, 160, c->name);
	InitializeObjectAttributes(&oa, &us, OBJ_OPENIF, NULL, NULL);
	st = NtCreateEvent(&h, EVENT_ALL_ACCESS, &oa, NotificationEvent, FALSE);
	if (st == STATUS_INSUFFICIENT_RESOURCES)
		return -ENOMEM;
	if (st != STATUS_SUCCESS)
		return -EIO;
	return ntevent_handle_to_fd(h);
}

static void handle_close(void *arg, int fd)
{
	(void)arg;
	CHECK_EQ(NtClose(ntevent_fd_to_handle(fd)), STATUS_SUCCESS);
}

/* No event of that name was left behind. */
static void no_name(void *arg)
{
	struct ctx *c = arg;

	CHECK(OpenEventA(SYNCHRONIZE, FALSE, c->name +
			 strlen("\\BaseNamedObjects\\")) == NULL);
	CHECK_EQ(GetLastError(), ERROR_FILE_NOT_FOUND);
}

static int k32_create_call(void *arg)
{
	struct ctx *c = arg;
	HANDLE h;

	SetLastError(0);
	h = CreateEventA(NULL, TRUE, FALSE,
			 c->name + strlen("\\BaseNamedObjects\\"));
	if (h)
		return ntevent_handle_to_fd(h);
	return GetLastError() == ERROR_NO_SYSTEM_RESOURCES ? -ENOMEM : -EIO;
}

static int wsa_create_call(void *arg)
{
	WSAEVENT e = WSACreateEvent();

	(void)arg;
	if (e)
		return ntevent_handle_to_fd(e);
	return WSAGetLastError() == WSA_NOT_ENOUGH_MEMORY ? -ENOMEM : -EIO;
}

static int wait_all_call(void *arg)
{
	struct ctx *c = arg;
	LARGE_INTEGER zero = { .QuadPart = 0 };
	NTSTATUS st = NtWaitForMultipleObjects(8, c->evs, WaitAll, FALSE,
					       &zero);

	if (st == STATUS_INSUFFICIENT_RESOURCES)
		return -ENOMEM;
	return st == STATUS_WAIT_0 ? 0 : -EIO;
}

static void all_signaled(void *arg)
{
	struct ctx *c = arg;
	int i;

	for (i = 0; i < 8; i++)
		CHECK_EQ(t_nt_state(c->evs[i]), 1);
}

static int select_call(void *arg)
{
	struct ctx *c = arg;

	if (WSAEventSelect(c->sock, c->ev, FD_READ) == 0)
		return 0;
	return WSAGetLastError() == WSAENOBUFS ? -ENOMEM : -EIO;
}

static void deselect(void *arg, int ret)
{
	struct ctx *c = arg;

	(void)ret;
	CHECK_EQ(WSAEventSelect(c->sock, NULL, 0), 0);
}

/* Not selected: WSAEnumNetworkEvents reports nothing, resets nothing. */
static void unselected(void *arg)
{
	struct ctx *c = arg;
	WSANETWORKEVENTS ne;

	CHECK_EQ(ntevent_sock_mask((int)c->sock), 0);
	CHECK_EQ(WSAEnumNetworkEvents(c->sock, NULL, &ne), 0);
	CHECK_EQ(ne.lNetworkEvents, 0);
}

static const struct t_nth_op ops[] = {
	{ "NtCreateEvent of a name", NULL, nt_create_call, handle_close,
	  no_name },
	{ "CreateEventA of a name", NULL, k32_create_call, handle_close,
	  no_name },
	{ "WSACreateEvent", NULL, wsa_create_call, handle_close, NULL },
	{ "NtWaitForMultipleObjects, all of 8", NULL, wait_all_call, NULL,
	  all_signaled },
	{ "WSAEventSelect", NULL, select_call, deselect, unselected },
};

int main(void)
{
	struct ctx c;
	WSADATA wsa;
	int i;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &wsa), 0);
	for (i = 0; i < 8; i++)
		c.evs[i] = CreateEventW(NULL, TRUE, TRUE, NULL);
	c.ev = WSACreateEvent();
	c.sock = (SOCKET)CHECK_OK(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC,
					 0));
	t_name(c.name, sizeof(c.name), "lib-fault");

	t_failnth_sweep_all(ops, T_ARRAY_SIZE(ops), &c);
	return T_PASS;
}
