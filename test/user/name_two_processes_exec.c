// SPDX-License-Identifier: GPL-2.0
/*
 * Two unrelated programs share an event by name alone: the parent creates
 * it, a fork + exec'd child (which inherits no event descriptor: they are
 * close-on-exec) opens the name itself and blocks on it; the parent's SET
 * releases it, and the auto-reset event is consumed for both.
 */
#include "abi.h"

static int child(const char *name, int parent_fd)
{
	uint32_t created = 2;
	int dev, e, ret;

	/* The parent's descriptor did not cross exec. */
	CHECK_ERR(fcntl(parent_fd, F_GETFD), EBADF);
	dev = t_open_dev();
	e = t_open_name_raw(dev, name, 0, NTEVENT_SYNCHRONIZE, T_MANUAL, 1, 0,
			    &created);
	CHECK_MSG(e >= 0, "child: open \"%s\": %s", name, t_errname(-e));
	CHECK_EQ(created, 0);
	ret = t_wait1(dev, e, t_after_ms(8000));
	CHECK_MSG(ret == 0, "child: wait: %s", t_errname(-ret));
	return 0;
}

int main(int argc, char **argv)
{
	char name[128];
	int dev, e;
	pid_t pid;

	if (argc == 4 && !strcmp(argv[1], "--child"))
		return child(argv[2], atoi(argv[3]));

	dev = t_open_dev();
	t_name(name, sizeof(name), "ev");
	e = t_create_name(dev, name, T_AUTO, 0, 0600);
	pid = t_fork();
	if (pid == 0) {
		char fdstr[16];

		snprintf(fdstr, sizeof(fdstr), "%d", e);
		execl("/proc/self/exe", argv[0], "--child", name, fdstr,
		      (char *)NULL);
		T_FAILF("exec: %s", strerror(errno));
	}
	/* Once it blocks (a set before that would do as well). */
	t_await_blocked(pid, SYS_ioctl);
	CHECK_EQ(t_set(e), 0);
	t_reap_ok(pid);
	CHECK_STATE(e, 0);
	return T_PASS;
}
