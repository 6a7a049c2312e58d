// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * <ntevent/windows.h>, kernel32's event API, by Windows' rules:
 * CreateEvent on a fresh name clears the last error, on an existing event
 * returns a new handle to it with ERROR_ALREADY_EXISTS and ignores type and
 * state; Local\ and Global\ name one namespace; names are case-sensitive;
 * OpenEvent of a missing name is ERROR_FILE_NOT_FOUND, without the right
 * ERROR_ACCESS_DENIED; bInheritHandle decides close-on-exec. The waits
 * return WAIT_OBJECT_0 + the lowest signaled index, WAIT_TIMEOUT,
 * WAIT_IO_COMPLETION after a handler ran in an alertable wait, WAIT_FAILED
 * with ERROR_INVALID_PARAMETER for a count of 0 or 65 and for the same
 * event twice in a wait-all; a successful wait leaves the last error alone.
 * Each thread has its own last error, and WSAGetLastError() reads it.
 */
#include <ntevent/windows.h>
#include <ntevent/winsock.h>
#include <ntevent.h>
#include "api.h"

#define NAME	"k32-events"

static void on_usr1(int sig)
{
	(void)sig;
}

static int cloexec(HANDLE h)
{
	int flags = fcntl(ntevent_handle_to_fd(h), F_GETFD);

	CHECK(flags >= 0);
	return (flags & FD_CLOEXEC) != 0;
}

/* Whether descriptor fd is still open in a program exec'd from here. */
static int open_after_exec(int fd)
{
	char cmd[64];
	pid_t pid;
	int status;

	snprintf(cmd, sizeof(cmd), "[ -e /proc/self/fd/%d ]", fd);
	pid = t_fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	status = t_reap(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) != 127);
	return WEXITSTATUS(status) == 0;
}

static void names(void)
{
	SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
	char longname[300];
	HANDLE a, b, c;

	t_case = "names";
	SetLastError(1234);
	a = CreateEventA(NULL, TRUE, TRUE, "Local\\" NAME);
	CHECK(a != NULL);
	CHECK_EQ(GetLastError(), ERROR_SUCCESS);
	CHECK_EQ(cloexec(a), 1);

	/* The same event: a new handle; type and state ignored. */
	b = CreateEventA(&sa, FALSE, FALSE, "Global\\" NAME);
	CHECK(b != NULL && b != a);
	CHECK_EQ(GetLastError(), ERROR_ALREADY_EXISTS);
	CHECK_EQ(cloexec(b), 0);
	/* bInheritHandle decides whether a new program has the handle. */
	CHECK_EQ(open_after_exec(ntevent_handle_to_fd(b)), 1);
	CHECK_EQ(open_after_exec(ntevent_handle_to_fd(a)), 0);
	CHECK_EQ(WaitForSingleObject(b, 0), WAIT_OBJECT_0);
	CHECK_EQ(WaitForSingleObject(b, 0), WAIT_OBJECT_0);	/* manual */
	CHECK(ResetEvent(a));
	CHECK_EQ(WaitForSingleObject(b, 0), WAIT_TIMEOUT);
	CHECK(CloseHandle(b));

	/* No prefix is the same namespace; W names too. */
	c = OpenEventW(SYNCHRONIZE | EVENT_MODIFY_STATE, FALSE, u"" NAME);
	CHECK(c != NULL);
	CHECK(SetEvent(c));
	CHECK_EQ(WaitForSingleObject(a, 0), WAIT_OBJECT_0);
	CHECK(CloseHandle(c));
	c = OpenEventA(SYNCHRONIZE, TRUE, NAME);
	CHECK(c != NULL);
	CHECK_EQ(cloexec(c), 0);
	CHECK(CloseHandle(c));

	/* Case-sensitive; missing; no name; a directory that is not there. */
	SetLastError(0);
	CHECK(OpenEventA(SYNCHRONIZE, FALSE, "K32-EVENTS") == NULL);
	CHECK_EQ(GetLastError(), ERROR_FILE_NOT_FOUND);
	CHECK(OpenEventA(SYNCHRONIZE, FALSE, "k32-missing") == NULL);
	CHECK_EQ(GetLastError(), ERROR_FILE_NOT_FOUND);
	CHECK(OpenEventA(SYNCHRONIZE, FALSE, NULL) == NULL);
	CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER);
	CHECK(OpenEventA(SYNCHRONIZE, FALSE, "dir\\" NAME) == NULL);
	CHECK_EQ(GetLastError(), ERROR_PATH_NOT_FOUND);
	CHECK(CreateEventA(NULL, FALSE, FALSE, "Session\\1\\x") == NULL);
	CHECK_EQ(GetLastError(), ERROR_PATH_NOT_FOUND);

	/* An A name of MAX_PATH characters; bytes that are not UTF-8. */
	memset(longname, 'n', sizeof(longname));
	longname[260] = 0;
	CHECK(CreateEventA(NULL, FALSE, FALSE, longname) == NULL);
	CHECK_EQ(GetLastError(), ERROR_FILENAME_EXCED_RANGE);
	CHECK(CreateEventA(NULL, FALSE, FALSE, "bad\xff") == NULL);
	CHECK_EQ(GetLastError(), ERROR_INVALID_NAME);
	/* UTF-8 names are the W name's characters. */
	c = CreateEventA(NULL, FALSE, FALSE, "k32-\xc3\xa9t\xc3\xa9");
	CHECK(c != NULL);
	b = OpenEventW(SYNCHRONIZE, FALSE, u"k32-\u00e9t\u00e9");
	CHECK(b != NULL);
	CHECK(CloseHandle(b));
	CHECK(CloseHandle(c));
	CHECK(CloseHandle(a));
	CHECK(OpenEventA(SYNCHRONIZE, FALSE, NAME) == NULL);
	CHECK_EQ(GetLastError(), ERROR_FILE_NOT_FOUND);
}

static void open_as_nobody(void *arg)
{
	(void)arg;
	SetLastError(0);
	CHECK(OpenEventA(SYNCHRONIZE, FALSE, NAME "-root") == NULL);
	CHECK_EQ(GetLastError(), ERROR_ACCESS_DENIED);
}

static void rights(void)
{
	HANDLE a, s;

	t_case = "rights";
	a = CreateEventA(NULL, FALSE, FALSE, NAME "-root");
	CHECK(a != NULL);
	t_as_nobody(open_as_nobody, NULL);
	CHECK(CloseHandle(a));

	/* CreateEventEx: the flags, and only the rights asked for. */
	CHECK(CreateEventExA(NULL, NULL, 4, EVENT_ALL_ACCESS) == NULL);
	CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER);
	s = CreateEventExW(NULL, NULL, CREATE_EVENT_MANUAL_RESET |
			   CREATE_EVENT_INITIAL_SET, SYNCHRONIZE);
	CHECK(s != NULL);
	CHECK_EQ(WaitForSingleObject(s, 0), WAIT_OBJECT_0);
	CHECK_EQ(WaitForSingleObject(s, 0), WAIT_OBJECT_0);
	CHECK(!SetEvent(s));
	CHECK_EQ(GetLastError(), ERROR_ACCESS_DENIED);
	CHECK(CloseHandle(s));
}

static void states_and_handles(void)
{
	HANDLE a, d;

	t_case = "states_and_handles";
	a = CreateEventW(NULL, FALSE, FALSE, NULL);
	CHECK(a != NULL);
	CHECK(PulseEvent(a));
	CHECK_EQ(WaitForSingleObject(a, 0), WAIT_TIMEOUT);
	CHECK(SetEvent(a));
	CHECK_EQ(WaitForSingleObject(a, 10), WAIT_OBJECT_0);
	CHECK_EQ(WaitForSingleObject(a, 0), WAIT_TIMEOUT);	/* auto */

	/* Duplicates name the same event; CLOSE_SOURCE closes the source. */
	CHECK(DuplicateHandle(GetCurrentProcess(), a, GetCurrentProcess(), &d,
			      0, FALSE, DUPLICATE_SAME_ACCESS));
	CHECK(SetEvent(d));
	CHECK_EQ(WaitForSingleObject(a, 0), WAIT_OBJECT_0);
	CHECK(DuplicateHandle(GetCurrentProcess(), d, GetCurrentProcess(), &d,
			      SYNCHRONIZE, FALSE, DUPLICATE_CLOSE_SOURCE));
	CHECK(!SetEvent(d));
	CHECK_EQ(GetLastError(), ERROR_ACCESS_DENIED);
	CHECK(CloseHandle(d));

	/* Bad handles: NULL, closed, a pseudo-handle. */
	CHECK(!SetEvent(NULL));
	CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	CHECK(!ResetEvent(d));
	CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	CHECK(!CloseHandle(d));
	CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	CHECK_EQ(WaitForSingleObject(GetCurrentProcess(), 0), WAIT_FAILED);
	CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	CHECK(CloseHandle(a));
}

static void waits(void)
{
	HANDLE h[MAXIMUM_WAIT_OBJECTS + 1], twice[2];
	struct sigaction sa;
	struct t_signaller sig;
	int i;

	t_case = "waits";
	for (i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++)
		CHECK((h[i] = CreateEvent(NULL, i == 5, FALSE, NULL)) != NULL);
	CHECK(SetEvent(h[9]));
	CHECK(SetEvent(h[5]));
	SetLastError(4242);
	CHECK_EQ(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, h, FALSE, 0),
		 WAIT_OBJECT_0 + 5);
	CHECK_EQ(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS, h, FALSE,
					INFINITE), WAIT_OBJECT_0 + 5);
	CHECK(ResetEvent(h[5]));
	CHECK_EQ(WaitForMultipleObjectsEx(10, h, FALSE, 100, TRUE),
		 WAIT_OBJECT_0 + 9);
	CHECK_EQ(WaitForMultipleObjects(10, h, FALSE, 20), WAIT_TIMEOUT);
	CHECK_EQ(GetLastError(), 4242);	/* successes leave it alone */

	/* Wait-all: all or nothing. */
	CHECK(SetEvent(h[0]));
	CHECK_EQ(WaitForMultipleObjects(2, h, TRUE, 0), WAIT_TIMEOUT);
	CHECK(SetEvent(h[1]));
	CHECK_EQ(WaitForMultipleObjects(2, h, TRUE, 0), WAIT_OBJECT_0);
	CHECK_EQ(WaitForSingleObject(h[0], 0), WAIT_TIMEOUT);

	/* Failures. */
	CHECK_EQ(WaitForMultipleObjects(0, h, FALSE, 0), WAIT_FAILED);
	CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER);
	CHECK_EQ(WaitForMultipleObjects(MAXIMUM_WAIT_OBJECTS + 1, h, FALSE, 0),
		 WAIT_FAILED);
	CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER);
	twice[0] = twice[1] = h[2];
	CHECK_EQ(WaitForMultipleObjects(2, twice, TRUE, 0), WAIT_FAILED);
	CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER);
	twice[1] = NULL;
	CHECK_EQ(WaitForMultipleObjects(2, twice, FALSE, 0), WAIT_FAILED);
	CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE);

	/* SignalObjectAndWait: the first set, then the wait. */
	CHECK(SetEvent(h[4]));
	CHECK_EQ(SignalObjectAndWait(h[3], h[4], INFINITE, FALSE),
		 WAIT_OBJECT_0);
	CHECK_EQ(WaitForSingleObject(h[3], 0), WAIT_OBJECT_0);
	CHECK_EQ(SignalObjectAndWait(h[3], h[4], 0, FALSE), WAIT_TIMEOUT);

	/* A handler that runs ends an alertable wait, not another one. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	SetLastError(4242);
	t_signaller_start(&sig, 1, 10, 5000);
	CHECK_EQ(WaitForSingleObjectEx(h[6], 10000, TRUE), WAIT_IO_COMPLETION);
	t_signaller_stop(&sig);
	t_signaller_start(&sig, 1, 10, 5000);
	CHECK_EQ(WaitForMultipleObjectsEx(3, &h[6], FALSE, 300, FALSE),
		 WAIT_TIMEOUT);
	t_signaller_stop(&sig);
	CHECK_EQ(GetLastError(), 4242);

	for (i = 0; i <= MAXIMUM_WAIT_OBJECTS; i++)
		CHECK(CloseHandle(h[i]));
}

static void *other_thread(void *arg)
{
	(void)arg;
	CHECK_EQ(GetLastError(), 0);
	SetLastError(7);
	CHECK_EQ(WSAGetLastError(), 7);
	return NULL;
}

static void last_error(void)
{
	pthread_t th;

	t_case = "last_error";
	SetLastError(ERROR_ALREADY_EXISTS);
	t_thread(&th, other_thread, NULL);
	t_join(th);
	CHECK_EQ(GetLastError(), ERROR_ALREADY_EXISTS);
	/* One slot with Winsock's, as on Windows. */
	WSASetLastError(WSAEWOULDBLOCK);
	CHECK_EQ(GetLastError(), WSAEWOULDBLOCK);
	CHECK_EQ(RtlNtStatusToDosError(STATUS_OBJECT_NAME_NOT_FOUND),
		 ERROR_FILE_NOT_FOUND);
	CHECK_EQ(RtlNtStatusToDosError(STATUS_OBJECT_TYPE_MISMATCH),
		 ERROR_INVALID_HANDLE);
	CHECK_EQ(RtlNtStatusToDosError(STATUS_INSUFFICIENT_RESOURCES),
		 ERROR_NO_SYSTEM_RESOURCES);
	CHECK_EQ(RtlNtStatusToDosError(STATUS_SUCCESS), ERROR_SUCCESS);
	CHECK_EQ(RtlNtStatusToDosError((NTSTATUS)0xC0FFEE00),
		 ERROR_MR_MID_NOT_FOUND);
}

int main(void)
{
	t_require_device();
	names();
	rights();
	states_and_handles();
	waits();
	last_error();
	return T_PASS;
}
