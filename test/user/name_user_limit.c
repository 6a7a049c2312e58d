// SPDX-License-Identifier: GPL-2.0
/*
 * A user may own at most max_names_per_user names in one IPC namespace
 * (ntevent.ko's parameter, lowered to 3 here): a fourth create is ENOSPC
 * and changes nothing, opening an existing name is not limited, closing
 * one frees a slot, another user has a count of its own, and root
 * (CAP_SYS_RESOURCE) is not limited. The parameter is restored.
 */
#include "abi.h"

#include <sys/stat.h>

#define PARAM	"/sys/module/ntevent/parameters/max_names_per_user"

static char names[5][128], other[128];
static char old[32];
static pid_t owner;

/* Whatever becomes of the test, the next ones get the limit back. */
static void restore(void)
{
	int f;

	if (getpid() != owner || !old[0])
		return;
	f = open(PARAM, O_WRONLY | O_CLOEXEC);
	if (f >= 0) {
		if (write(f, old, strlen(old)) < 0)
			perror(PARAM);
		close(f);
	}
}

static void user(void *arg)
{
	int dev = t_open_dev();
	int fds[3], i, o;

	(void)arg;
	for (i = 0; i < 3; i++)
		fds[i] = t_create_name(dev, names[i], T_MANUAL, 0, 0600);
	CHECK_RET(t_open_name_raw(dev, names[3], NTEVENT_OPEN_CREATE,
				  NTEVENT_ALL_ACCESS, T_MANUAL, 0, 0600, NULL),
		  -ENOSPC);
	CHECK_RET(t_open_name_raw(dev, names[3], 0, NTEVENT_ALL_ACCESS, 0, 0,
				  0, NULL), -ENOENT);
	/* Opening one of its own again is not a new name. */
	o = t_open_name(dev, names[0], NTEVENT_ALL_ACCESS);
	close(o);
	/* Root's name, opened by this user: not counted either. */
	o = t_open_name(dev, other, NTEVENT_QUERY_STATE);
	close(o);
	close(fds[1]);
	fds[1] = t_create_name(dev, names[3], T_MANUAL, 0, 0600);
	for (i = 0; i < 3; i++)
		close(fds[i]);
}

int main(void)
{
	int dev = t_open_dev();
	int f, i, fds[5];
	ssize_t n;

	t_need_root();
	f = open(PARAM, O_RDWR | O_CLOEXEC);
	if (f < 0)
		t_skip("no %s", PARAM);
	n = CHECK_OK(read(f, old, sizeof(old) - 1));
	old[n] = 0;
	owner = getpid();
	atexit(restore);
	CHECK_OK(pwrite(f, "3\n", 2, 0));
	for (i = 0; i < 5; i++) {
		char tag[16];

		snprintf(tag, sizeof(tag), "n%d", i);
		t_name(names[i], sizeof(names[i]), tag);
	}
	t_name(other, sizeof(other), "root");
	umask(0);
	fds[0] = t_create_name(dev, other, T_MANUAL, 0, 0644);
	t_run_as(1000, 1000, user, NULL);
	t_run_as(1001, 1001, user, NULL);
	/* Root holds 5 names at once: CAP_SYS_RESOURCE lifts the limit. */
	for (i = 1; i < 5; i++)
		fds[i] = t_create_name(dev, names[i], T_MANUAL, 0, 0600);
	for (i = 0; i < 5; i++)
		close(fds[i]);
	close(f);
	return T_PASS;	/* restore() puts the old limit back */
}
