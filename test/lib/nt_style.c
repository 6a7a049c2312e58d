// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A program written the way NT native code is: OBJECT_ATTRIBUTES set up
 * with InitializeObjectAttributes, NtCreateEvent of both types, a worker
 * thread that answers through NtSignalAndWaitForSingleObject, a loop of
 * NtWaitForMultipleObjects with a relative LARGE_INTEGER timeout,
 * NT_SUCCESS checks, NtClose. Built against the tree and, like
 * winsock_style, against the installed copy found by pkg-config.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* pthread_timedjoin_np */
#endif
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <ntevent/nt.h>
#include <ntevent/winsock.h>

#define ROUNDS	50

static HANDLE request, reply, stop;

static void *worker(void *arg)
{
	LARGE_INTEGER timeout;
	HANDLE both[2];
	NTSTATUS status;

	(void)arg;
	both[0] = stop;
	both[1] = request;
	timeout.QuadPart = -10 * 1000 * 1000 * 10LL;	/* 10 s */
	for (;;) {
		status = NtWaitForMultipleObjects(2, both, WaitAny, FALSE, &timeout);
		if (status == STATUS_WAIT_0)
			return NULL;
		if (status != STATUS_WAIT_1) {
			fprintf(stderr, "worker wait: %#x\n", (unsigned)status);
			exit(1);
		}
		status = NtSetEvent(reply, NULL);
		if (!NT_SUCCESS(status))
			exit(1);
	}
}

int main(void)
{
	OBJECT_ATTRIBUTES oa;
	LARGE_INTEGER timeout;
	struct timespec deadline;
	pthread_t thread;
	NTSTATUS status;
	int i;

	if (access("/dev/ntevent", F_OK)) {
		fprintf(stderr, "SKIP: /dev/ntevent is absent\n");
		return 77;
	}
	alarm(60);

	InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	status = NtCreateEvent(&request, EVENT_ALL_ACCESS, &oa,
			       SynchronizationEvent, FALSE);
	if (!NT_SUCCESS(status))
		return 1;
	status = NtCreateEvent(&reply, EVENT_ALL_ACCESS, &oa,
			       SynchronizationEvent, FALSE);
	if (!NT_SUCCESS(status))
		return 1;
	status = NtCreateEvent(&stop, GENERIC_ALL, NULL, NotificationEvent, FALSE);
	if (!NT_SUCCESS(status))
		return 1;
	if (pthread_create(&thread, NULL, worker, NULL))
		return 1;

	timeout.QuadPart = -10 * 1000 * 1000 * 10LL;	/* 10 s */
	for (i = 0; i < ROUNDS; i++) {
		status = NtSignalAndWaitForSingleObject(request, reply, FALSE,
							&timeout);
		if (status != STATUS_WAIT_0) {
			fprintf(stderr, "round %d: %#x\n", i, (unsigned)status);
			return 1;
		}
	}
	NtSetEvent(stop, NULL);
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 15;
	if (pthread_timedjoin_np(thread, NULL, &deadline))
		return 1;
	if (NtClose(request) != STATUS_SUCCESS || NtClose(reply) != STATUS_SUCCESS ||
	    ZwClose(stop) != STATUS_SUCCESS)
		return 1;
	if (NtClose(stop) != STATUS_INVALID_HANDLE)
		return 1;
	printf("nt_style: %d request/reply rounds\n", ROUNDS);
	return 0;
}
