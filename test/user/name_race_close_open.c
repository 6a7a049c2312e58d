// SPDX-License-Identifier: GPL-2.0
/*
 * The last close of a named event racing with opens of its name: an open
 * either gets the event (which it then keeps alive) or ENOENT, never
 * anything else; an open-if either gets the live event or creates a fresh
 * one; after everything is closed the name is gone. One thread creates
 * and closes the name over and over (alternating types), others open it.
 * Run for a fixed time; the kernel must stay healthy (KASAN, lockdep on
 * the debug kernel).
 */
#include "abi.h"

#define OPENERS	3
#define RUN_MS	3000

static int dev;
static char name[128];
static _Atomic bool stop;
static _Atomic long opened, absent, made;

static void *creator(void *p)
{
	long n = 0;

	(void)p;
	while (!atomic_load(&stop)) {
		uint32_t created;
		int fd = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE,
					 NTEVENT_ALL_ACCESS, n & 1 ? T_AUTO :
					 T_MANUAL, 0, 0600, &created);

		CHECK_MSG(fd >= 0, "open-if: %s", t_errname(-fd));
		CHECK(created <= 1);
		if (created)
			atomic_fetch_add(&made, 1);
		t_set(fd);
		close(fd);
		n++;
	}
	return NULL;
}

static void *opener(void *p)
{
	bool ifc = (intptr_t)p & 1;

	while (!atomic_load(&stop)) {
		uint32_t created = 0;
		int fd = t_open_name_raw(dev, name,
					 ifc ? NTEVENT_OPEN_CREATE : 0,
					 NTEVENT_SYNCHRONIZE |
					 NTEVENT_QUERY_STATE, T_MANUAL, 1, 0600,
					 &created);

		if (fd == -ENOENT && !ifc) {
			atomic_fetch_add(&absent, 1);
			continue;
		}
		CHECK_MSG(fd >= 0, "open: %s", t_errname(-fd));
		CHECK_EQ(t_read(fd).access,
			 NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE);
		if (created)
			atomic_fetch_add(&made, 1);
		atomic_fetch_add(&opened, 1);
		t_wait1(dev, fd, 0);
		close(fd);
	}
	return NULL;
}

int main(void)
{
	pthread_t c, o[OPENERS];
	int i;

	dev = t_open_dev();
	t_name(name, sizeof(name), "ev");
	t_thread(&c, creator, NULL);
	for (i = 0; i < OPENERS; i++)
		t_thread(&o[i], opener, (void *)(intptr_t)i);
	t_sleep_ms(RUN_MS);
	atomic_store(&stop, true);
	t_join(c);
	for (i = 0; i < OPENERS; i++)
		t_join(o[i]);
	printf("%ld opens, %ld ENOENT, %ld creations\n", atomic_load(&opened),
	       atomic_load(&absent), atomic_load(&made));
	CHECK(atomic_load(&made) > 0);
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	return T_PASS;
}
