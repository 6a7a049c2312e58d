// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Only a signal handler is an APC: a process stopped (SIGSTOP) and
 * continued (SIGCONT) while in an alertable NtWaitForSingleObject() or
 * WSAWaitForMultipleEvents() keeps waiting, no STATUS_USER_APC or
 * WSA_WAIT_IO_COMPLETION, and is then released by the set.
 */
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "lt.h"

static void stop_and_continue(pid_t pid)
{
	int status;

	lt_await_blocked(pid);
	CHECK_SYS(kill(pid, SIGSTOP));
	CHECK_EQ(CHECK_SYS(waitpid(pid, &status, WUNTRACED)), pid);
	CHECK(WIFSTOPPED(status));
	CHECK_SYS(kill(pid, SIGCONT));
	lt_await_blocked(pid);
	lt_sleep_ms(100);
}

int main(void)
{
	LARGE_INTEGER t = { .QuadPart = -200000000 };	/* 20 s */
	HANDLE h;
	pid_t pid;
	int face;

	lt_require_device();
	for (face = 0; face < 2; face++) {
		CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL,
				       SynchronizationEvent, FALSE), STATUS_SUCCESS);
		pid = lt_fork();
		if (pid == 0) {
			if (face == 0) {
				NTSTATUS st = NtWaitForSingleObject(h, TRUE, &t);

				if (st != STATUS_WAIT_0)
					LT_FAILF("NtWaitForSingleObject: %#x", (unsigned)st);
			} else {
				DWORD r = WSAWaitForMultipleEvents(1, &h, FALSE, 20000,
								   TRUE);

				if (r != WSA_WAIT_EVENT_0)
					LT_FAILF("WSAWaitForMultipleEvents: %#x", (unsigned)r);
			}
			_exit(0);
		}
		stop_and_continue(pid);
		CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
		lt_reap_ok(pid);
		CHECK_EQ(lt_nt_state(h), 0);
		CHECK_ST(NtClose(h), STATUS_SUCCESS);
	}
	return LT_PASS;
}
