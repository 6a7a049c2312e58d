// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * User APCs (QueueUserAPC, SleepEx): an APC runs only in an alertable wait
 * of the thread it was queued to, in that thread, in queue order, and the
 * wait returns WAIT_IO_COMPLETION. One queued before the wait runs at once
 * and the wait consumes nothing; one queued while the thread sleeps ends
 * the sleep; a wait that is not alertable leaves APCs queued. Every face's
 * alertable wait delivers them. None is lost when many threads queue many
 * APCs to one thread. A thread that exited takes no more (ERROR_GEN_FAILURE).
 */
#include <ntevent/windows.h>
#include <ntevent/winsock.h>
#include "api.h"

static _Thread_local int ran_here;
static atomic_int ran_total;
static int order[8], norder;

static void WINAPI apc(ULONG_PTR data)
{
	ran_here++;
	atomic_fetch_add(&ran_total, 1);
	if (norder < 8)
		order[norder++] = (int)data;
}

static void WINAPI apc_queues_another(ULONG_PTR data)
{
	(void)data;
	CHECK(QueueUserAPC(apc, GetCurrentThread(), 99));
}

static void own_thread(void)
{
	HANDLE ev, evs[2];
	int64_t t0;

	t_case = "own_thread";
	ev = CreateEventW(NULL, FALSE, TRUE, NULL);
	CHECK(ev != NULL);
	/* Not alertable: stays queued; the wait takes the event. */
	CHECK(QueueUserAPC(apc, GetCurrentThread(), 1));
	CHECK(QueueUserAPC(apc, GetCurrentThread(), 2));
	CHECK_EQ(WaitForSingleObject(ev, 0), WAIT_OBJECT_0);
	CHECK_EQ(SleepEx(10, FALSE), 0);
	CHECK_EQ(ran_here, 0);
	/* Alertable: both run, in order, and the event is not consumed. */
	CHECK(SetEvent(ev));
	CHECK_EQ(WaitForSingleObjectEx(ev, INFINITE, TRUE), WAIT_IO_COMPLETION);
	CHECK_EQ(ran_here, 2);
	CHECK_EQ(order[0], 1);
	CHECK_EQ(order[1], 2);
	CHECK_EQ(WaitForSingleObjectEx(ev, 0, TRUE), WAIT_OBJECT_0);
	/* An APC that queues another: both run before the wait returns. */
	CHECK(QueueUserAPC(apc_queues_another, GetCurrentThread(), 0));
	CHECK_EQ(SleepEx(INFINITE, TRUE), WAIT_IO_COMPLETION);
	CHECK_EQ(ran_here, 3);
	CHECK_EQ(order[2], 99);
	/* Nothing queued: an alertable sleep runs its time. */
	t0 = t_mono();
	CHECK_EQ(SleepEx(50, TRUE), 0);
	CHECK_MS(t_ms_since(t0), 50, 5000);
	CHECK_EQ(SleepEx(0, TRUE), 0);
	/* Each face's alertable wait. */
	evs[0] = ev;
	evs[1] = WSACreateEvent();
	CHECK(QueueUserAPC(apc, GetCurrentThread(), 3));
	CHECK_EQ(WaitForMultipleObjectsEx(2, evs, TRUE, 0, TRUE),
		 WAIT_IO_COMPLETION);
	CHECK(QueueUserAPC(apc, GetCurrentThread(), 4));
	CHECK_EQ(WSAWaitForMultipleEvents(2, evs, FALSE, WSA_INFINITE, TRUE),
		 WSA_WAIT_IO_COMPLETION);
	CHECK(QueueUserAPC(apc, GetCurrentThread(), 5));
	CHECK_EQ(SignalObjectAndWait(evs[1], ev, 0, TRUE), WAIT_IO_COMPLETION);
	CHECK_EQ(WaitForSingleObject(evs[1], 0), WAIT_TIMEOUT);	/* not set */
	CHECK_EQ(ran_here, 6);
	CHECK(CloseHandle(ev));
	CHECK(WSACloseEvent(evs[1]));

	CHECK(!QueueUserAPC(NULL, GetCurrentThread(), 0));
	CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER);
	CHECK(!QueueUserAPC(apc, GetCurrentProcess(), 0));
	CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE);
	CHECK(!QueueUserAPC(apc, NULL, 0));
	CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE);
}

/* ---- from other threads ---- */

#define QUEUERS		4
#define PER_QUEUER	500

struct target {
	HANDLE thread;		/* a real handle to the waiting thread */
	HANDLE never;		/* an event nobody sets */
	atomic_int ready;
	pid_t tid;
	int completions;
};

static void *waiter(void *p)
{
	struct target *t = p;

	CHECK(DuplicateHandle(GetCurrentProcess(), GetCurrentThread(),
			      GetCurrentProcess(), &t->thread, 0, FALSE,
			      DUPLICATE_SAME_ACCESS));
	t->tid = t_gettid();
	atomic_store(&t->ready, 1);
	/* Until every APC has run here. */
	while (ran_here < QUEUERS * PER_QUEUER + 1) {
		DWORD r = WaitForSingleObjectEx(t->never, 10000, TRUE);

		CHECK_EQ(r, WAIT_IO_COMPLETION);
		t->completions++;
	}
	return NULL;
}

static void *queuer(void *p)
{
	struct target *t = p;
	int i;

	for (i = 0; i < PER_QUEUER; i++)
		CHECK(QueueUserAPC(apc, t->thread, 0));
	return NULL;
}

static void other_threads(void)
{
	struct target t = { 0 };
	pthread_t w, q[QUEUERS];
	HANDLE dup;
	int i;

	t_case = "other_threads";
	atomic_store(&ran_total, 0);
	t.never = CreateEventW(NULL, TRUE, FALSE, NULL);
	t_thread(&w, waiter, &t);
	while (!atomic_load(&t.ready))
		t_sleep_ms(1);
	/* One APC to a thread asleep in an alertable wait wakes it. */
	t_await_blocked(t.tid, SYS_ioctl);
	CHECK(QueueUserAPC(apc, t.thread, 0));
	for (i = 0; i < QUEUERS; i++)
		t_thread(&q[i], queuer, &t);
	for (i = 0; i < QUEUERS; i++)
		t_join(q[i]);
	t_join(w);
	/* Every one ran, in the waiter, none here. */
	CHECK_EQ(atomic_load(&ran_total), QUEUERS * PER_QUEUER + 1);
	CHECK_EQ(ran_here, 6);
	CHECK(t.completions >= 1);

	/* The thread has exited: its handle takes no more APCs. */
	CHECK(DuplicateHandle(GetCurrentProcess(), t.thread,
			      GetCurrentProcess(), &dup, 0, FALSE,
			      DUPLICATE_SAME_ACCESS));
	CHECK(!QueueUserAPC(apc, dup, 0));
	CHECK_EQ(GetLastError(), ERROR_GEN_FAILURE);
	CHECK(CloseHandle(dup));
	CHECK(CloseHandle(t.thread));
	CHECK(CloseHandle(t.never));
}

int main(void)
{
	WSADATA wsa;

	t_require_device();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &wsa), 0);
	own_thread();
	other_threads();
	return T_PASS;
}
