// SPDX-License-Identifier: GPL-2.0
/*
 * A process whose memory cgroup is full gets ENOMEM from NTEVENT_IOC_CREATE
 * (STATUS_INSUFFICIENT_RESOURCES through the library), not an event
 * charged to nobody: a child in a cgroup limited to 1 MiB creates events
 * until one fails, and it fails with ENOMEM, leaving no descriptor behind
 * and every event made before intact; after closing them it can create
 * again. Uses the cgroup v1 memory controller with its OOM killer disabled
 * (memory.oom_control), where a kernel allocation over the limit fails:
 * cgroup v2 answers one with the OOM killer instead, so the test skips on
 * kernels without v1 (CONFIG_MEMCG_V1, off in Debian's 6.12).
 */
#include "abi.h"

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define MNT	"/tmp/ntevent-memcg"
#define GRP	MNT "/limited"
#define MAX	100000

static int fds[MAX];

static void put(const char *path, const char *val)
{
	CHECK_MSG(t_put_file(path, val) == 0, "writing %s to %s: %s", val, path,
		  strerror(errno));
}

/* In the child: fill the cgroup, then report through the exit status. */
static int fill(int dev)
{
	char touch[64 * 1024], pid[32];
	int n, r = 0, i, before;

	/*
	 * Fault in now what must not fault later, over the limit, and grow
	 * the descriptor table now: its (vmalloc) growth failing would be
	 * the kernel's own allocation-failure warning, not ntevent's ENOMEM.
	 */
	memset(fds, 0, sizeof(fds));
	memset(touch, 1, sizeof(touch));
	CHECK_OK(close(CHECK_OK(dup2(0, MAX + 32))));
	before = t_count_fds();
	snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
	put(GRP "/tasks", pid);
	for (n = 0; n < MAX; n++) {
		r = t_create_raw(dev, n & 1, 0, NTEVENT_ALL_ACCESS);
		if (r < 0)
			break;
		fds[n] = r;
	}
	for (i = 0; i < n; i += 97)	/* a sample: still events */
		CHECK_OK(ioctl(fds[i], NTEVENT_IOC_SET, NULL));
	for (i = 0; i < n; i++)
		close(fds[i]);
	/* Room again: a create works. */
	i = t_create_raw(dev, 0, 0, NTEVENT_ALL_ACCESS);
	put(MNT "/tasks", pid);
	printf("%d events fitted in 1 MiB, then %s (touch %d)\n", n,
	       r < 0 ? t_errname(-r) : "no failure", touch[100]);
	CHECK_MSG(n > 0 && n < MAX, "%d events made", n);
	CHECK_RET(r, -ENOMEM);
	CHECK_MSG(i >= 0, "create after closing: %s", t_errname(-i));
	close(i);
	CHECK_EQ(t_count_fds(), before);
	return 0;
}

int main(void)
{
	struct rlimit rl = { MAX + 64, MAX + 64 };
	int dev = t_open_dev();
	pid_t pid;

	t_need_root();
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	mkdir(MNT, 0700);
	if (mount("memory", MNT, "cgroup", 0, "memory")) {
		int e = errno;

		rmdir(MNT);
		t_skip("no cgroup v1 memory controller: %s", t_errname(e));
	}
	if (mkdir(GRP, 0700) && errno != EEXIST)
		T_FAILF("mkdir %s: %s", GRP, strerror(errno));
	put(GRP "/memory.limit_in_bytes", "1048576\n");
	put(GRP "/memory.oom_control", "1\n");

	pid = t_fork();
	if (pid == 0)
		_exit(fill(dev));
	t_reap_ok(pid);

	CHECK_OK(rmdir(GRP));
	CHECK_OK(umount(MNT));
	rmdir(MNT);
	return T_PASS;
}
