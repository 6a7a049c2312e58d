// SPDX-License-Identifier: GPL-2.0
/*
 * The module cannot be removed while an event descriptor (or the device
 * descriptor) is open: delete_module (what rmmod does) fails, and so does
 * the rmmod command if it is installed. Skips where the module cannot be
 * removed anyway (built in, or no CAP_SYS_MODULE). If the removal
 * unexpectedly succeeds, the module is loaded again from
 * $NTEVENT_MODDIR/ntevent.ko and the test fails.
 */

#include "abi.h"

#include <sys/stat.h>

static void reload(void)
{
	const char *dir = getenv("NTEVENT_MODDIR");
	char path[4096];
	int fd;

	if (!dir) {
		fprintf(stderr, "NTEVENT_MODDIR unset: cannot reload ntevent.ko\n");
		return;
	}
	snprintf(path, sizeof(path), "%s/ntevent.ko", dir);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || syscall(SYS_finit_module, fd, "", 0))
		fprintf(stderr, "reloading %s failed: %s\n", path,
			strerror(errno));
	else
		fprintf(stderr, "reloaded %s\n", path);
	if (fd >= 0)
		close(fd);
}

static const char *find_rmmod(void)
{
	static const char *const paths[] = {
		"/usr/sbin/rmmod", "/sbin/rmmod", "/usr/bin/rmmod", "/bin/rmmod",
	};
	unsigned int i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		if (access(paths[i], X_OK) == 0)
			return paths[i];
	return NULL;
}

/* Try to remove the module; true if it went away. */
static bool try_remove(const char *why)
{
	const char *rmmod = find_rmmod();
	struct stat st;

	errno = 0;
	if (syscall(SYS_delete_module, "ntevent", O_NONBLOCK) == 0) {
		reload();
		T_FAILF("delete_module succeeded while %s", why);
	}
	if (errno == EPERM)
		t_skip("no permission to remove modules");
	CHECK_MSG(errno == EWOULDBLOCK || errno == EBUSY || errno == EAGAIN,
		  "delete_module while %s: %s, expected EWOULDBLOCK/EBUSY", why,
		  t_errname(errno));

	if (rmmod) {
		pid_t pid = t_fork();
		int status;

		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);

			if (null >= 0) {
				dup2(null, 1);
				dup2(null, 2);
			}
			execl(rmmod, "rmmod", "ntevent", (char *)NULL);
			_exit(127);
		}
		status = t_reap(pid);
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			reload();
			T_FAILF("%s ntevent succeeded while %s", rmmod, why);
		}
	}
	return stat("/sys/module/ntevent", &st) != 0;
}

int main(void)
{
	int dev = t_open_dev();
	struct stat st;
	int e;

	if (stat("/sys/module/ntevent", &st) != 0)
		t_skip("ntevent is not a loaded module");
	if (stat("/sys/module/ntevent/refcnt", &st) != 0)
		t_skip("ntevent is built in: it cannot be removed");

	/* Only the device descriptor open. */
	CHECK(!try_remove("/dev/ntevent was open"));

	/* Only an event descriptor open. */
	e = t_create(dev, T_AUTO, 0);
	CHECK_OK(close(dev));
	CHECK(!try_remove("an event descriptor was open"));
	CHECK_EQ(stat("/sys/module/ntevent", &st), 0);
	/* And the event still works. */
	CHECK_EQ(t_set(e), 0);
	CHECK_STATE(e, 1);
	return T_PASS;
}
