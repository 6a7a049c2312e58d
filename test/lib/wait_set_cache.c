// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The library's wait sets (lib/src/waitset.c): a thread that waits twice
 * in a row on the same three or more handles waits through a wait set of
 * them from then on, with the results of the plain wait-any:
 *   - the lowest signaled index, auto-reset events consumed, timeouts;
 *   - a handle closed and its number reused by another event: the wait
 *     sees the new event, never the old one;
 *   - a closed handle in the array fails the wait (WSA_INVALID_HANDLE);
 *   - alertable waits run the thread's APCs (WSA_WAIT_IO_COMPLETION);
 *   - a child of fork() and its parent wait on the same handles at once;
 *   - an event named by 128 wait sets already: the plain wait serves;
 *   - a thread's wait set goes with the thread, and with a handle that
 *     the thread closes (a named event's name goes with its last handle).
 * The wait set's descriptor shows in /proc/self/fd, which tells whether
 * the path under test was taken.
 */
#include <dirent.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#include <ntevent.h>
#include <ntevent/windows.h>
#include <ntevent/winsock.h>
#include "api.h"

#define N	5

/* How many wait set descriptors this process has open. */
static int waitsets_open(void)
{
	char path[300], target[64];
	struct dirent *d;
	DIR *dir = opendir("/proc/self/fd");
	int n = 0;
	ssize_t len;

	CHECK(dir != NULL);
	while ((d = readdir(dir))) {
		snprintf(path, sizeof(path), "/proc/self/fd/%s", d->d_name);
		len = readlink(path, target, sizeof(target) - 1);
		if (len <= 0)
			continue;
		target[len] = 0;
		n += !strcmp(target, "anon_inode:[ntevent-waitset]");
	}
	closedir(dir);
	return n;
}

static void apc(ULONG_PTR arg)
{
	*(int *)arg += 1;
}

static void *thread_waits(void *arg)
{
	WSAEVENT *ev = arg;

	CHECK_EQ(WSASetEvent(ev[3]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0 + 3);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0 + 3);
	CHECK_EQ(waitsets_open(), 2);	/* the main thread's and this one's */
	CHECK_EQ(WSAResetEvent(ev[3]), TRUE);
	return NULL;
}

int main(void)
{
	WSAEVENT ev[N];
	HANDLE aev[N];
	pthread_t th;
	WSADATA d;
	int i, ran = 0, fds[N];
	pid_t pid;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	for (i = 0; i < N; i++) {
		ev[i] = WSACreateEvent();
		CHECK(ev[i] != WSA_INVALID_EVENT);
	}
	CHECK_EQ(waitsets_open(), 0);

	/* The first wait remembers the handles, the second makes the set. */
	CHECK_EQ(WSASetEvent(ev[4]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0 + 4);
	CHECK_EQ(waitsets_open(), 0);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0 + 4);
	CHECK_EQ(waitsets_open(), 1);
	/* Two handles: the plain wait, and the set stays for the five. */
	CHECK_EQ(WSAWaitForMultipleEvents(2, ev, FALSE, 0, FALSE),
		 WSA_WAIT_TIMEOUT);
	CHECK_EQ(WSAWaitForMultipleEvents(2, ev, FALSE, 0, FALSE),
		 WSA_WAIT_TIMEOUT);
	CHECK_EQ(waitsets_open(), 1);

	/* Lowest index first; manual-reset events stay signaled. */
	CHECK_EQ(WSASetEvent(ev[2]), TRUE);
	for (i = 0; i < 3; i++)
		CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
			 WSA_WAIT_EVENT_0 + 2);
	CHECK_EQ(WSAResetEvent(ev[2]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0 + 4);
	CHECK_EQ(WSAResetEvent(ev[4]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 50, FALSE),
		 WSA_WAIT_TIMEOUT);

	/* Alertable: an APC queued before the wait ends it, nothing taken. */
	CHECK_EQ(WSASetEvent(ev[1]), TRUE);
	CHECK(QueueUserAPC(apc, GetCurrentThread(), (ULONG_PTR)&ran));
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 1000, TRUE),
		 WSA_WAIT_IO_COMPLETION);
	CHECK_EQ(ran, 1);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, TRUE),
		 WSA_WAIT_EVENT_0 + 1);
	CHECK_EQ(WSAResetEvent(ev[1]), TRUE);

	/* Another thread has a wait set of its own, gone with it. */
	CHECK_EQ(pthread_create(&th, NULL, thread_waits, ev), 0);
	CHECK_EQ(pthread_join(th, NULL), 0);
	CHECK_EQ(waitsets_open(), 1);

	/* Parent and child wait on the same handles at once. */
	pid = t_fork();
	if (pid == 0) {
		CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 5000, FALSE),
			 WSA_WAIT_EVENT_0 + 0);
		CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 5000, FALSE),
			 WSA_WAIT_EVENT_0 + 0);
		exit(T_PASS);
	}
	t_sleep_ms(100);
	CHECK_EQ(WSASetEvent(ev[0]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 5000, FALSE),
		 WSA_WAIT_EVENT_0 + 0);
	t_reap_ok(pid);
	CHECK_EQ(WSAResetEvent(ev[0]), TRUE);

	/*
	 * A handle closed, its number taken by a new event: the wait sees
	 * the new one. Setting it must end the wait; the old one is gone.
	 */
	CHECK_EQ(WSACloseEvent(ev[2]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_FAILED);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	ev[2] = WSACreateEvent();
	CHECK(ev[2] != WSA_INVALID_EVENT);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_TIMEOUT);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_TIMEOUT);
	CHECK_EQ(WSASetEvent(ev[2]), TRUE);
	CHECK_EQ(WSAWaitForMultipleEvents(N, ev, FALSE, 0, FALSE),
		 WSA_WAIT_EVENT_0 + 2);
	CHECK_EQ(WSAResetEvent(ev[2]), TRUE);

	/* kernel32's face: auto-reset events are consumed, one a wait. */
	for (i = 0; i < N; i++) {
		aev[i] = CreateEventA(NULL, FALSE, FALSE, NULL);
		CHECK(aev[i] != NULL);
		fds[i] = ntevent_handle_to_fd(aev[i]);
		CHECK(fds[i] >= 0);
	}
	CHECK_EQ(SetEvent(aev[3]), TRUE);
	CHECK_EQ(SetEvent(aev[1]), TRUE);
	CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_OBJECT_0 + 1);
	CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_OBJECT_0 + 3);
	CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_TIMEOUT);
	CHECK_EQ(waitsets_open(), 1);	/* these five's; the WSA one went */

	/*
	 * New handles, so the library's wait set goes at the next wait;
	 * then 128 wait sets on aev[0]: the library's is refused, and the
	 * plain wait serves.
	 */
	CHECK_EQ(CloseHandle(aev[4]), TRUE);
	aev[4] = CreateEventA(NULL, FALSE, FALSE, NULL);
	CHECK(aev[4] != NULL);
	CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_TIMEOUT);
	CHECK_EQ(waitsets_open(), 0);
	{
		struct ntevent_waitset_args a;
		__u32 fd0 = (__u32)fds[0];
		int dev = open("/dev/ntevent", O_RDWR | O_CLOEXEC);
		int made[128], k;

		CHECK(dev >= 0);
		for (k = 0; k <= 128; k++) {
			memset(&a, 0, sizeof(a));
			a.fds = (uintptr_t)&fd0;
			a.count = 1;
			if (ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, &a)) {
				CHECK_EQ(errno, ENOSPC);
				break;
			}
			CHECK(k < 128);
			made[k] = (int)a.fd;
		}
		CHECK_EQ(k, 128);
		CHECK_EQ(SetEvent(aev[4]), TRUE);
		CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_OBJECT_0 + 4);
		CHECK_EQ(SetEvent(aev[2]), TRUE);
		CHECK_EQ(SetEvent(aev[0]), TRUE);
		CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_OBJECT_0);
		CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_OBJECT_0 + 2);
		CHECK_EQ(WaitForMultipleObjects(N, aev, FALSE, 0), WAIT_TIMEOUT);
		CHECK_EQ(waitsets_open(), 128);
		for (i = 0; i < k; i++)
			close(made[i]);
		close(dev);
	}
	CHECK_EQ(waitsets_open(), 0);

	/* A named event in the thread's wait set goes with its last handle. */
	{
		static const char name[] = "ntevent-wait-set-cache";
		HANDLE h[3];

		h[0] = CreateEventA(NULL, TRUE, FALSE, name);
		h[1] = CreateEventA(NULL, TRUE, FALSE, NULL);
		h[2] = CreateEventA(NULL, TRUE, FALSE, NULL);
		CHECK(h[0] && h[1] && h[2]);
		CHECK_EQ(WaitForMultipleObjects(3, h, FALSE, 0), WAIT_TIMEOUT);
		CHECK_EQ(WaitForMultipleObjects(3, h, FALSE, 0), WAIT_TIMEOUT);
		CHECK_EQ(waitsets_open(), 1);
		CHECK_EQ(CloseHandle(h[0]), TRUE);
		CHECK_EQ(waitsets_open(), 0);
		CHECK(OpenEventA(SYNCHRONIZE, FALSE, name) == NULL);
		CHECK_EQ(GetLastError(), ERROR_FILE_NOT_FOUND);
		CHECK_EQ(CloseHandle(h[1]), TRUE);
		CHECK_EQ(CloseHandle(h[2]), TRUE);
	}

	for (i = 0; i < N; i++) {
		CHECK_EQ(WSACloseEvent(ev[i]), TRUE);
		CHECK_EQ(CloseHandle(aev[i]), TRUE);
	}
	/* Nothing waits through a wait set of closed handles. */
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
