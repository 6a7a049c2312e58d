// SPDX-License-Identifier: GPL-2.0
/*
 * A driver and user space share an event by name: ntevent_named_demo.ko
 * creates "\BaseNamedObjects\ntevent-kernel-demo" (a synchronization
 * event, mode 0644, owner root) and sets it from a hard-IRQ hrtimer every
 * period_ms. A program opens the name (flags 0, SYNCHRONIZE|QUERY_STATE)
 * and five waits are each released by the timer; another uid may open it
 * to wait but not with MODIFY_STATE. After rmmod the program's descriptor
 * still works, the timer no longer sets the event, the name lives while
 * that descriptor does and is gone after its close.
 * Skips without $NTEVENT_MODDIR/ntevent_named_demo.ko.
 */
#include "t.h"

#include <sys/stat.h>

#define DEMO	NTEVENT_NAME_PREFIX "ntevent-kernel-demo"
#define RIGHTS	(NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE)

static int run(const char *cmd)
{
	int st;

	fflush(NULL);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void non_root(void *arg)
{
	int dev = t_open_dev();
	int fd;

	(void)arg;
	CHECK_RET(t_open_name_raw(dev, DEMO, 0, NTEVENT_MODIFY_STATE, 0, 0, 0,
				  NULL), -EACCES);
	CHECK_RET(t_open_name_raw(dev, DEMO, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -EACCES);
	CHECK_RET(t_open_name_raw(dev, DEMO, NTEVENT_OPEN_CREATE,
				  NTEVENT_MODIFY_STATE, T_AUTO, 0, 0666, NULL),
		  -EACCES);
	fd = t_open_name(dev, DEMO, NTEVENT_SYNCHRONIZE);
	CHECK_RET(t_wait1(dev, fd, t_after_ms(5000)), 0);
	close(fd);
	fd = t_open_name(dev, DEMO, RIGHTS);
	CHECK_EQ(t_read(fd).type, T_AUTO);
	close(fd);
}

static void test(const char *path)
{
	int dev = t_open_dev();
	struct ntevent_state st;
	char cmd[600];
	int fd, i, ret;

	/* Not there before the driver is. */
	CHECK_RET(t_open_name_raw(dev, DEMO, 0, RIGHTS, 0, 0, 0, NULL),
		  -ENOENT);
	snprintf(cmd, sizeof(cmd), "insmod '%s'", path);
	ret = run(cmd);
	CHECK_MSG(ret == 0, "%s: exit status %d", cmd, ret);

	fd = t_open_name(dev, DEMO, RIGHTS);
	st = t_read(fd);
	CHECK_EQ(st.type, T_AUTO);
	CHECK_EQ(st.access, RIGHTS);
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_SET, NULL), EACCES);
	for (i = 0; i < 5; i++) {
		int64_t start = t_mono();

		ret = t_wait1(dev, fd, t_after_ms(5000));
		CHECK_MSG(ret == 0, "wait %d for the timer: %s after %lld ms", i,
			  t_errname(-ret), (long long)t_ms_since(start));
	}

	/* Root may set it (CAP_IPC_OWNER); another uid may only wait. */
	{
		int m = t_open_name(dev, DEMO, NTEVENT_MODIFY_STATE);

		close(m);
	}
	t_run_as(1000, 1000, non_root, NULL);

	ret = run("rmmod ntevent_named_demo");
	CHECK_MSG(ret == 0, "rmmod ntevent_named_demo: exit status %d", ret);

	/* Our descriptor still works; the timer is gone. */
	st = t_read(fd);
	CHECK_EQ(st.type, T_AUTO);
	CHECK(st.state <= 1);
	t_wait1(dev, fd, 0);
	CHECK_RET(t_wait1(dev, fd, t_after_ms(600)), -ETIMEDOUT);
	CHECK_STATE(fd, 0);

	/* The name lives as long as the event does: while fd is open. */
	{
		int o = t_open_name(dev, DEMO, RIGHTS);

		close(o);
	}
	close(fd);
	CHECK_RET(t_open_name_raw(dev, DEMO, 0, RIGHTS, 0, 0, 0, NULL),
		  -ENOENT);

	/* The driver can come back, with a fresh event. */
	ret = run(cmd);
	CHECK_MSG(ret == 0, "%s again: exit status %d", cmd, ret);
	fd = t_open_name(dev, DEMO, RIGHTS);
	CHECK_RET(t_wait1(dev, fd, t_after_ms(5000)), 0);
	close(fd);
	ret = run("rmmod ntevent_named_demo");
	CHECK_MSG(ret == 0, "rmmod ntevent_named_demo: exit status %d", ret);
	CHECK_RET(t_open_name_raw(dev, DEMO, 0, RIGHTS, 0, 0, 0, NULL),
		  -ENOENT);
}

int main(void)
{
	const char *dir = getenv("NTEVENT_MODDIR");
	char path[512];
	struct stat sb;
	int64_t start;
	int status;
	pid_t pid;

	close(t_open_dev());
	if (!dir || !*dir)
		t_skip("NTEVENT_MODDIR is not set");
	snprintf(path, sizeof(path), "%s/ntevent_named_demo.ko", dir);
	if (stat(path, &sb))
		t_skip("no %s", path);
	t_need_root();

	/*
	 * The checks run in a child, so that whatever becomes of it this
	 * process can unload the demo driver (ntevent.ko could not be
	 * unloaded after the test otherwise).
	 */
	alarm(0);
	pid = t_fork();
	if (pid == 0) {
		t_watchdog(60);
		test(path);
		_exit(T_PASS);
	}
	start = t_mono();
	while (waitpid(pid, &status, WNOHANG) != pid) {
		if (t_ms_since(start) > 90000) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		t_sleep_ms(10);
	}
	if (!stat("/sys/module/ntevent_named_demo", &sb)) {
		fprintf(stderr, "unloading the demo driver left behind\n");
		run("rmmod ntevent_named_demo");
	}
	if (!WIFEXITED(status))
		T_FAILF("the test process was killed by signal %d",
			WTERMSIG(status));
	return WEXITSTATUS(status);
}
