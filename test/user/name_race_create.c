// SPDX-License-Identifier: GPL-2.0
/*
 * Threads racing to create one name: with CREATE, exactly one of them
 * reports created = 1 and all get descriptors of that one event; with
 * CREATE | EXCL, exactly one succeeds and the others get EEXIST. Many
 * rounds, each on a fresh name, released in between.
 */
#include "abi.h"

#include <sched.h>

#define THREADS	8
#define ROUNDS	100

static int dev;
static char name[128];
static _Atomic int go, arrived;
static int fds[THREADS];
static uint32_t created[THREADS];
static uint32_t flags;

static void *racer(void *p)
{
	int i = (int)(intptr_t)p;

	atomic_fetch_add(&arrived, 1);
	while (!atomic_load(&go))
		sched_yield();
	fds[i] = t_open_name_raw(dev, name, flags, NTEVENT_ALL_ACCESS,
				 T_AUTO, 0, 0600, &created[i]);
	return NULL;
}

static void round_(int r, bool excl)
{
	pthread_t th[THREADS];
	int i, made = 0, owner = -1;

	snprintf(name, sizeof(name), "%srace.%d.%d", NTEVENT_NAME_PREFIX,
		 (int)getpid(), r);
	flags = NTEVENT_OPEN_CREATE | (excl ? NTEVENT_OPEN_EXCL : 0);
	atomic_store(&go, 0);
	atomic_store(&arrived, 0);
	for (i = 0; i < THREADS; i++)
		t_thread(&th[i], racer, (void *)(intptr_t)i);
	while (atomic_load(&arrived) < THREADS)
		sched_yield();
	atomic_store(&go, 1);
	for (i = 0; i < THREADS; i++)
		t_join(th[i]);

	for (i = 0; i < THREADS; i++) {
		if (fds[i] >= 0 && created[i] == 1) {
			made++;
			owner = i;
		} else if (fds[i] >= 0) {
			CHECK_MSG(!excl, "round %d: CREATE|EXCL opened an existing event", r);
			CHECK_EQ(created[i], 0);
		} else {
			CHECK_MSG(excl && fds[i] == -EEXIST,
				  "round %d thread %d: %s", r, i,
				  t_errname(-fds[i]));
		}
	}
	CHECK_MSG(made == 1, "round %d: %d creators", r, made);
	/* One event: a set through the creator's is seen through all. */
	CHECK_EQ(t_set(fds[owner]), 0);
	for (i = 0; i < THREADS; i++) {
		if (fds[i] >= 0) {
			CHECK_STATE(fds[i], 1);
		}
	}
	CHECK_RET(t_try(dev, fds[owner]), 0);
	for (i = 0; i < THREADS; i++) {
		if (fds[i] >= 0) {
			CHECK_STATE(fds[i], 0);
			close(fds[i]);
		}
	}
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
}

int main(void)
{
	int r;

	dev = t_open_dev();
	for (r = 0; r < ROUNDS; r++)
		round_(r, r % 2);
	return T_PASS;
}
