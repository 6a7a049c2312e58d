// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Two processes share named events, the second a new program (fork and
 * exec of this one) that knows only the names: it opens them with
 * NtOpenEvent, waits on "go" (set by the first, an auto-reset event), then
 * sets "done", which releases the first. Handles do not survive exec
 * unless inheritable: an OBJ_INHERIT duplicate does (its value is passed
 * on the command line), a plain handle does not. Once both processes
 * closed their handles the names are gone.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

#define SELF NtCurrentProcess()

static void names(UNICODE_STRING *go, WCHAR *gobuf, UNICODE_STRING *done,
		  WCHAR *donebuf, int pid)
{
	char ascii[128];

	snprintf(ascii, sizeof(ascii), "\\BaseNamedObjects\\lt-exec-%d-go", pid);
	t_unicode(go, gobuf, 128, ascii);
	snprintf(ascii, sizeof(ascii), "\\BaseNamedObjects\\lt-exec-%d-done", pid);
	t_unicode(done, donebuf, 128, ascii);
}

/* The new program: argv = self "child" PARENT-PID INHERITED CLOSED */
static int child(char **argv)
{
	LARGE_INTEGER ten_s = { .QuadPart = -100000000LL };
	UNICODE_STRING go_name, done_name;
	WCHAR gobuf[128], donebuf[128];
	OBJECT_ATTRIBUTES oa;
	HANDLE go, done, inherited, closed;

	t_watchdog(T_WATCHDOG_S);
	names(&go_name, gobuf, &done_name, donebuf, atoi(argv[2]));
	inherited = (HANDLE)(uintptr_t)strtoull(argv[3], NULL, 0);
	closed = (HANDLE)(uintptr_t)strtoull(argv[4], NULL, 0);

	/* the inheritable handle came across exec, the other did not */
	CHECK_EQ(t_nt_state(inherited), 0);
	CHECK_ST(NtSetEvent(closed, NULL), STATUS_INVALID_HANDLE);

	InitializeObjectAttributes(&oa, &go_name, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&go, SYNCHRONIZE, &oa), STATUS_SUCCESS);
	InitializeObjectAttributes(&oa, &done_name, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&done, EVENT_MODIFY_STATE, &oa), STATUS_SUCCESS);

	CHECK_ST(NtWaitForSingleObject(go, FALSE, &ten_s), STATUS_WAIT_0);
	/* auto-reset: the wait consumed it */
	CHECK_ST(NtWaitForSingleObject(go, FALSE, &(LARGE_INTEGER){ .QuadPart = 0 }),
		 STATUS_TIMEOUT);
	CHECK_ST(NtSetEvent(inherited, NULL), STATUS_SUCCESS);
	CHECK_ST(NtSetEvent(done, NULL), STATUS_SUCCESS);
	CHECK_ST(NtClose(go), STATUS_SUCCESS);
	CHECK_ST(NtClose(done), STATUS_SUCCESS);
	CHECK_ST(NtClose(inherited), STATUS_SUCCESS);
	return T_PASS;
}

int main(int argc, char **argv)
{
	LARGE_INTEGER ten_s = { .QuadPart = -100000000LL };
	UNICODE_STRING go_name, done_name;
	WCHAR gobuf[128], donebuf[128];
	char pidarg[16], inharg[32], closedarg[32];
	HANDLE go, done, inherited, h;
	OBJECT_ATTRIBUTES oa;
	pid_t pid;

	if (argc == 5 && !strcmp(argv[1], "child"))
		return child(argv);

	t_require_device();
	names(&go_name, gobuf, &done_name, donebuf, (int)getpid());
	InitializeObjectAttributes(&oa, &go_name, 0, NULL, NULL);
	CHECK_ST(NtCreateEvent(&go, EVENT_ALL_ACCESS, &oa, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	InitializeObjectAttributes(&oa, &done_name, 0, NULL, NULL);
	CHECK_ST(NtCreateEvent(&done, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, NotificationEvent, FALSE),
		 STATUS_SUCCESS);
	CHECK_ST(NtDuplicateObject(SELF, h, SELF, &inherited, 0, OBJ_INHERIT,
				   DUPLICATE_SAME_ACCESS), STATUS_SUCCESS);

	snprintf(pidarg, sizeof(pidarg), "%d", (int)getpid());
	snprintf(inharg, sizeof(inharg), "%#llx",
		 (unsigned long long)(uintptr_t)inherited);
	snprintf(closedarg, sizeof(closedarg), "%#llx",
		 (unsigned long long)(uintptr_t)go);
	pid = t_fork();
	if (pid == 0) {
		char *args[] = { argv[0], "child", pidarg, inharg, closedarg, NULL };

		execv("/proc/self/exe", args);
		T_FAILF("exec /proc/self/exe: %s", strerror(errno));
	}
	/* the child waits for go; give it time to block, then set */
	t_sleep_ms(200);
	CHECK_ST(NtSetEvent(go, NULL), STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(done, FALSE, &ten_s), STATUS_WAIT_0);
	t_reap_ok(pid);
	CHECK_EQ(t_nt_state(h), 1);	/* set through the inherited handle */

	CHECK_ST(NtClose(go), STATUS_SUCCESS);
	CHECK_ST(NtClose(done), STATUS_SUCCESS);
	CHECK_ST(NtClose(inherited), STATUS_SUCCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	/* every handle is closed: the names are gone */
	InitializeObjectAttributes(&oa, &go_name, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h, SYNCHRONIZE, &oa), STATUS_OBJECT_NAME_NOT_FOUND);
	InitializeObjectAttributes(&oa, &done_name, 0, NULL, NULL);
	CHECK_ST(NtOpenEvent(&h, SYNCHRONIZE, &oa), STATUS_OBJECT_NAME_NOT_FOUND);
	return T_PASS;
}
