// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSAGetLastError()/WSASetLastError() are per thread: each thread sees
 * only its own value, a new thread starts at 0, and an error a call sets
 * in one thread is not seen in another. Needs no device.
 */
#include <ntevent/winsock.h>
#include "api.h"

#define THREADS 4

static atomic_int phase;

static void *fn(void *arg)
{
	int id = (int)(intptr_t)arg;

	CHECK_EQ(WSAGetLastError(), 0);
	WSASetLastError(1000 + id);
	atomic_fetch_add(&phase, 1);
	while (atomic_load(&phase) < THREADS)
		t_sleep_ms(1);
	CHECK_EQ(WSAGetLastError(), 1000 + id);
	/* a failing call sets this thread's error only */
	CHECK_EQ(WSASetEvent(NULL), FALSE);
	CHECK_EQ(WSAGetLastError(), WSA_INVALID_HANDLE);
	return NULL;
}

int main(void)
{
	pthread_t th[THREADS];
	int i;

	t_watchdog(T_WATCHDOG_S);
	WSASetLastError(77);
	for (i = 0; i < THREADS; i++)
		t_thread(&th[i], fn, (void *)(intptr_t)i);
	for (i = 0; i < THREADS; i++)
		t_join(th[i]);
	CHECK_EQ(WSAGetLastError(), 77);
	WSASetLastError(-5);
	CHECK_EQ(WSAGetLastError(), -5);
	WSASetLastError(0);
	CHECK_EQ(WSAGetLastError(), 0);
	return T_PASS;
}
