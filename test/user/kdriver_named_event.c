// SPDX-License-Identifier: GPL-2.0
/*
 * A driver and user space share an event by name: ntevent_named_demo.ko
 * creates "\BaseNamedObjects\ntevent-kernel-demo" (a synchronization
 * event, mode 0644, owner root) and sets it from a hard-IRQ hrtimer every
 * period_ms. A program opens the name (flags 0, SYNCHRONIZE|QUERY_STATE)
 * and five waits are each released by the timer; another uid may open it
 * to query it, but neither to wait on it (read access must not consume a
 * synchronization event) nor with MODIFY_STATE. After rmmod the program's
 * descriptor still works, the timer no longer sets the event, the name
 * lives while that descriptor does and is gone after its close.
 * A user cannot squat the driver's name: when another uid created it
 * first (a notification event, mode 0600), the driver refuses to load and
 * never sets that user's event.
 * Skips without $NTEVENT_MODDIR/ntevent_named_demo.ko.
 */
#include "abi.h"

#include <sys/stat.h>

#define DEMO	NTEVENT_NAME_PREFIX "ntevent-kernel-demo"
#define RIGHTS	(NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE)

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
	CHECK_RET(t_open_name_raw(dev, DEMO, 0, NTEVENT_SYNCHRONIZE, 0, 0, 0,
				  NULL), -EACCES);
	fd = t_open_name(dev, DEMO, NTEVENT_QUERY_STATE);
	CHECK_EQ(t_read(fd).type, T_AUTO);
	close(fd);
}

/* Another uid creates the driver's name first, then the driver loads. */
static int squat_wr, squat_rd;

static void squatter(void)
{
	int dev = t_open_dev();
	int fd = t_create_name(dev, DEMO, T_MANUAL, 0, 0600);
	char c;

	/* The parent, root, loads the driver meanwhile. */
	CHECK_EQ(write(squat_wr, "l", 1), 1);
	CHECK_EQ(read(squat_rd, &c, 1), 1);
	/* The driver would set it every period_ms: it must not. */
	CHECK_RET(t_wait1(dev, fd, t_after_ms(300)), -ETIMEDOUT);
	CHECK_STATE(fd, 0);
	close(fd);
}

static void squat_attempt(const char *cmd)
{
	int to[2], from[2], ret;
	char c;
	pid_t pid;

	CHECK_OK(pipe(to));
	CHECK_OK(pipe(from));
	pid = t_fork();
	if (pid == 0) {
		squat_wr = from[1];
		squat_rd = to[0];
		t_become(1000, 1000);
		squatter();
		_exit(0);
	}
	close(from[1]);
	close(to[0]);
	CHECK_EQ(read(from[0], &c, 1), 1);
	ret = t_system(cmd);
	CHECK_MSG(ret != 0, "%s loaded over a user's event of its name", cmd);
	CHECK_EQ(write(to[1], "g", 1), 1);
	t_reap_ok(pid);
	close(from[0]);
	close(to[1]);
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
	ret = t_system(cmd);
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

	/* Root may set it (CAP_IPC_OWNER); another uid may only query. */
	{
		int m = t_open_name(dev, DEMO, NTEVENT_MODIFY_STATE);

		close(m);
	}
	t_run_as(1000, 1000, non_root, NULL);

	ret = t_system("rmmod ntevent_named_demo");
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

	/* A user who takes the name first does not get the driver's sets. */
	squat_attempt(cmd);
	CHECK_RET(t_open_name_raw(dev, DEMO, 0, RIGHTS, 0, 0, 0, NULL),
		  -ENOENT);

	/* The driver can come back, with a fresh event. */
	ret = t_system(cmd);
	CHECK_MSG(ret == 0, "%s again: exit status %d", cmd, ret);
	fd = t_open_name(dev, DEMO, RIGHTS);
	CHECK_RET(t_wait1(dev, fd, t_after_ms(5000)), 0);
	close(fd);
	ret = t_system("rmmod ntevent_named_demo");
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
		t_system("rmmod ntevent_named_demo");
	}
	if (!WIFEXITED(status))
		T_FAILF("the test process was killed by signal %d",
			WTERMSIG(status));
	return WEXITSTATUS(status);
}
