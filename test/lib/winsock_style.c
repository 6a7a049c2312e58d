// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A program written the way a Winsock program is: WSAStartup, several
 * events from WSACreateEvent, a worker thread that sets them one after
 * the other, WSAWaitForMultipleEvents in a loop, WSAResetEvent on the one
 * that fired, WSACloseEvent, WSACleanup. It also includes <ntevent/nt.h>
 * and checks with NtQueryEvent that WSA events are manual-reset.
 *
 * Built twice: against the library in the tree (winsock_style) and
 * against a copy installed with `make install DESTDIR=...` found through
 * pkg-config (winsock_style_pkgconfig, *_pkgconfig_shared): the second
 * tests the installation itself.
 *
 *   cc winsock_style.c $(pkg-config --cflags --libs ntevent) -pthread
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* pthread_timedjoin_np */
#endif
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <ntevent/winsock.h>
#include <ntevent/nt.h>

#define EVENTS	4
#define ROUNDS	40

static WSAEVENT events[EVENTS];
static WSAEVENT ack;

static void *worker(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < ROUNDS; i++) {
		if (!WSASetEvent(events[(i * 3) % EVENTS])) {
			fprintf(stderr, "WSASetEvent: %d\n", WSAGetLastError());
			exit(1);
		}
		/* wait until the main loop has taken it */
		if (WSAWaitForMultipleEvents(1, &ack, FALSE, 10000, FALSE) !=
		    WSA_WAIT_EVENT_0) {
			fprintf(stderr, "worker: no ack\n");
			exit(1);
		}
		WSAResetEvent(ack);
	}
	return NULL;
}

int main(void)
{
	EVENT_BASIC_INFORMATION info;
	struct timespec deadline;
	pthread_t thread;
	WSADATA wsaData;
	int i, rc;

	/* Skip (77) where the kernel module is not loaded. */
	if (access("/dev/ntevent", F_OK)) {
		fprintf(stderr, "SKIP: /dev/ntevent is absent\n");
		return 77;
	}
	alarm(60);

	rc = WSAStartup(MAKEWORD(2, 2), &wsaData);
	if (rc != 0) {
		fprintf(stderr, "WSAStartup failed: %d\n", rc);
		return 1;
	}
	if (LOBYTE(wsaData.wVersion) != 2 || HIBYTE(wsaData.wVersion) != 2) {
		fprintf(stderr, "no Winsock 2.2\n");
		WSACleanup();
		return 1;
	}

	for (i = 0; i < EVENTS; i++) {
		events[i] = WSACreateEvent();
		if (events[i] == WSA_INVALID_EVENT) {
			fprintf(stderr, "WSACreateEvent failed: %d\n",
				WSAGetLastError());
			return 1;
		}
	}
	ack = WSACreateEvent();
	if (ack == WSA_INVALID_EVENT)
		return 1;
	if (NtQueryEvent(events[0], EventBasicInformation, &info, sizeof(info),
			 NULL) != STATUS_SUCCESS ||
	    info.EventType != NotificationEvent || info.EventState != 0) {
		fprintf(stderr, "a WSA event is not manual-reset, non-signaled\n");
		return 1;
	}

	if (pthread_create(&thread, NULL, worker, NULL))
		return 1;

	for (i = 0; i < ROUNDS; i++) {
		DWORD index = WSAWaitForMultipleEvents(EVENTS, events, FALSE,
						       10000, FALSE);

		if (index == WSA_WAIT_FAILED) {
			fprintf(stderr, "WSAWaitForMultipleEvents failed: %d\n",
				WSAGetLastError());
			return 1;
		}
		if (index == WSA_WAIT_TIMEOUT) {
			fprintf(stderr, "round %d: timed out\n", i);
			return 1;
		}
		index -= WSA_WAIT_EVENT_0;
		if (index != (DWORD)((i * 3) % EVENTS)) {
			fprintf(stderr, "round %d: event %u, expected %d\n", i,
				index, (i * 3) % EVENTS);
			return 1;
		}
		/* manual-reset: it stays signaled until reset */
		if (WSAWaitForMultipleEvents(1, &events[index], TRUE, 0, FALSE) !=
		    WSA_WAIT_EVENT_0)
			return 1;
		WSAResetEvent(events[index]);
		WSASetEvent(ack);
	}

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 15;
	if (pthread_timedjoin_np(thread, NULL, &deadline)) {
		fprintf(stderr, "the worker hangs\n");
		return 1;
	}
	for (i = 0; i < EVENTS; i++) {
		if (!WSACloseEvent(events[i])) {
			fprintf(stderr, "WSACloseEvent: %d\n", WSAGetLastError());
			return 1;
		}
	}
	WSACloseEvent(ack);
	if (WSACleanup() != 0)
		return 1;
	printf("winsock_style: %d rounds over %d events\n", ROUNDS, EVENTS);
	return 0;
}
