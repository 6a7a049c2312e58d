// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Closing a handle while another thread waits on it never crashes: the
 * wait holds its own reference and finishes normally when the event is
 * set through another handle to it; the closed handle is then
 * STATUS_INVALID_HANDLE.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

static HANDLE h;
static atomic_int tid;
static NTSTATUS result = -1;

static void *waiter(void *arg)
{
	LARGE_INTEGER t = { .QuadPart = -200000000 };	/* 20 s */

	(void)arg;
	atomic_store(&tid, t_gettid());
	result = NtWaitForSingleObject(h, FALSE, &t);
	return NULL;
}

int main(void)
{
	pthread_t th;
	HANDLE other;

	t_require_device();
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	other = ntevent_fd_to_handle(CHECK_OK(fcntl(ntevent_handle_to_fd(h),
						     F_DUPFD_CLOEXEC, 0)));
	t_thread(&th, waiter, NULL);
	while (!atomic_load(&tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&tid), SYS_ioctl);

	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	t_sleep_ms(100);
	CHECK_ST(NtSetEvent(other, NULL), STATUS_SUCCESS);
	t_join(th);
	CHECK_ST(result, STATUS_WAIT_0);
	CHECK_ST(NtSetEvent(h, NULL), STATUS_INVALID_HANDLE);
	CHECK_ST(NtClose(other), STATUS_SUCCESS);
	return T_PASS;
}
