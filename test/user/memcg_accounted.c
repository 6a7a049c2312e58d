// SPDX-License-Identifier: GPL-2.0
/*
 * What a user makes the module allocate is charged to the user's memory
 * cgroup (GFP_KERNEL_ACCOUNT): accounted kmalloc()s come from the
 * "kmalloc-cg-*" caches, the others from "kmalloc-*". Creating N events
 * (each an event object and a descriptor record, a 16-byte kmalloc) and N
 * names must grow the accounted caches by at least N objects and
 * kmalloc-cg-16 by at least N/2, and leave the unaccounted kmalloc-16
 * about where it was (under N/4: unaccounted, the 16-byte records would
 * all land there). Slab counts are approximate (per-CPU slabs count as
 * full), hence the margins.
 * (What closing gives back is printed, not checked: KASAN's quarantine
 * holds freed objects; kmemleak checks the frees.) Skips without
 * /proc/slabinfo or kmalloc-cg caches (a kernel without memcg).
 */
#include "abi.h"

#include <sys/resource.h>

#define N	4000

static int fds[N];

/* Active objects of the kmalloc caches: cg (accounted) or not, size 16 or all. */
struct counts {
	long cg_all, cg_16, plain_16;
};

static bool slab_counts(struct counts *c)
{
	FILE *f = fopen("/proc/slabinfo", "re");
	char line[512], name[64];
	bool cg = false;
	long active;

	memset(c, 0, sizeof(*c));
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63s %ld", name, &active) != 2)
			continue;
		if (!strncmp(name, "kmalloc-cg-", 11)) {
			cg = true;
			c->cg_all += active;
			if (!strcmp(name, "kmalloc-cg-16"))
				c->cg_16 += active;
		} else if (!strcmp(name, "kmalloc-16")) {
			c->plain_16 += active;
		}
	}
	fclose(f);
	return cg;
}

int main(void)
{
	struct rlimit rl = { 2 * N + 64, 2 * N + 64 };
	int dev = t_open_dev();
	struct counts before, after, closed;
	char name[128];
	int i;

	if (!slab_counts(&before))
		t_skip("no /proc/slabinfo or no kmalloc-cg caches");
	if (setrlimit(RLIMIT_NOFILE, &rl))
		t_skip("RLIMIT_NOFILE %d: %s", 2 * N + 64, strerror(errno));
	for (i = 0; i < N; i++) {
		if (i & 1) {
			char tag[16];

			snprintf(tag, sizeof(tag), "%d", i);
			t_name(name, sizeof(name), tag);
			fds[i] = t_create_name(dev, name, T_MANUAL, 0, 0600);
		} else {
			fds[i] = t_create(dev, T_AUTO, 0);
		}
	}
	slab_counts(&after);
	for (i = 0; i < N; i++)
		close(fds[i]);
	t_sleep_ms(2000);	/* RCU frees the objects */
	slab_counts(&closed);

	printf("kmalloc-cg-*: %+ld, kmalloc-cg-16: %+ld, kmalloc-16: %+ld objects for %d events; after close: %+ld, %+ld, %+ld\n",
	       after.cg_all - before.cg_all, after.cg_16 - before.cg_16,
	       after.plain_16 - before.plain_16, N,
	       closed.cg_all - before.cg_all, closed.cg_16 - before.cg_16,
	       closed.plain_16 - before.plain_16);
	CHECK(after.cg_all - before.cg_all >= N);
	CHECK(after.cg_16 - before.cg_16 >= N / 2);
	CHECK(after.plain_16 - before.plain_16 < N / 4);
	return T_PASS;
}
