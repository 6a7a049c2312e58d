// SPDX-License-Identifier: GPL-2.0
/*
 * As for POSIX IPC, a supplementary group counts: a process (uid 1000)
 * whose egid (3000) is not the event's group (2000) but which has 2000
 * among its groups gets the group bits (mode 0640: read yes, write no);
 * the same process without that group gets the "other" bits (none).
 */
#include "abi.h"

static char name[128];

static void member(void)
{
	gid_t g = 2000;
	int dev, r;

	if (setgroups(1, &g) || setgid(3000) || setuid(1000))
		T_FAILF("ids: %s", strerror(errno));
	dev = t_open_dev();
	r = t_open_name_raw(dev, name, 0,
			    NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE, 0, 0, 0,
			    NULL);
	CHECK_MSG(r >= 0, "member of group 2000 by its supplementary groups: %s",
		  t_errname(-r));
	close(r);
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_MODIFY_STATE, 0, 0, 0,
				  NULL), -EACCES);
}

static void outsider(void *arg)
{
	int dev = t_open_dev();

	(void)arg;
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_SYNCHRONIZE, 0, 0, 0,
				  NULL), -EACCES);
}

int main(void)
{
	int dev = t_open_dev();
	pid_t pid;
	int e;

	t_need_root();
	umask(0);
	CHECK_OK(setegid(2000));
	e = t_create_name(dev, t_name(name, sizeof(name), "0640"), T_MANUAL, 0,
			  0640);
	CHECK_OK(setegid(0));

	pid = t_fork();
	if (pid == 0) {
		member();
		_exit(0);
	}
	t_reap_ok(pid);
	t_run_as(1000, 3000, outsider, NULL);
	CHECK_STATE(e, 0);
	return T_PASS;
}
