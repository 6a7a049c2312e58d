// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Only a signal handler is an APC: a process stopped (SIGSTOP) and
 * continued (SIGCONT) while in an alertable NtWaitForSingleObject() or
 * WSAWaitForMultipleEvents() keeps waiting, no STATUS_USER_APC or
 * WSA_WAIT_IO_COMPLETION, and is then released by the set.
 */
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

static void stop_and_continue(pid_t pid)
{
	int status;

	t_await_blocked(pid, SYS_ioctl);
	CHECK_OK(kill(pid, SIGSTOP));
	CHECK_EQ(CHECK_OK(waitpid(pid, &status, WUNTRACED)), pid);
	CHECK(WIFSTOPPED(status));
	CHECK_OK(kill(pid, SIGCONT));
	t_await_blocked(pid, SYS_ioctl);
	t_sleep_ms(100);
}

int main(void)
{
	LARGE_INTEGER t = { .QuadPart = -200000000 };	/* 20 s */
	HANDLE h;
	pid_t pid;
	int face;

	t_require_device();
	for (face = 0; face < 2; face++) {
		CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL,
				       SynchronizationEvent, FALSE), STATUS_SUCCESS);
		pid = t_fork();
		if (pid == 0) {
			if (face == 0) {
				NTSTATUS st = NtWaitForSingleObject(h, TRUE, &t);

				if (st != STATUS_WAIT_0)
					T_FAILF("NtWaitForSingleObject: %#x", (unsigned)st);
			} else {
				DWORD r = WSAWaitForMultipleEvents(1, &h, FALSE, 20000,
								   TRUE);

				if (r != WSA_WAIT_EVENT_0)
					T_FAILF("WSAWaitForMultipleEvents: %#x", (unsigned)r);
			}
			_exit(0);
		}
		stop_and_continue(pid);
		CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
		t_reap_ok(pid);
		CHECK_EQ(t_nt_state(h), 0);
		CHECK_ST(NtClose(h), STATUS_SUCCESS);
	}
	return T_PASS;
}
