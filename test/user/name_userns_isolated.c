// SPDX-License-Identifier: GPL-2.0
/*
 * Each user namespace has its own names. A child that enters a new user
 * namespace (unshare(CLONE_NEWUSER)) does not see the parent's name
 * (ENOENT), creates the same name as an independent event (created = 1,
 * and then EEXIST for CREATE | EXCL there), and a name it makes is not
 * seen by the parent. The parent's event is unaffected, and the child's
 * inherited descriptor of it still works: rights live on descriptors.
 * Skips if user namespaces cannot be created here.
 */
#include "t.h"

#include <sched.h>

static char name[128], only[128];

static void put(int fd, char c)
{
	CHECK_EQ(write(fd, &c, 1), 1);
}

static char get(int fd)
{
	char c = 0;

	CHECK_EQ(read(fd, &c, 1), 1);
	return c;
}

/* The child: to[0] from the parent, from[1] to it. */
static int child(int dev, int e, int rd, int wr)
{
	uint32_t created = 7;
	int mine, o;

	if (unshare(CLONE_NEWUSER)) {
		if (errno == EPERM || errno == EINVAL || errno == ENOSPC ||
		    errno == EUSERS)
			return 77;
		T_FAILF("unshare(CLONE_NEWUSER): %s", strerror(errno));
	}
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  &created), -ENOENT);
	mine = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE,
			       NTEVENT_ALL_ACCESS, T_MANUAL, 1, 0600,
			       &created);
	CHECK_MSG(mine >= 0, "CREATE in the new namespace: %s",
		  t_errname(-mine));
	CHECK_EQ(created, 1);
	CHECK_EQ(t_read(mine).type, T_MANUAL);
	CHECK_STATE(mine, 1);
	CHECK_RET(t_open_name_raw(dev, name,
				  NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				  NTEVENT_ALL_ACCESS, T_MANUAL, 0, 0600, NULL),
		  -EEXIST);
	o = t_create_name(dev, only, T_AUTO, 0, 0600);

	/* The inherited descriptor is still the parent's event. */
	CHECK_EQ(t_read(e).type, T_AUTO);
	CHECK_STATE(e, 0);

	put(wr, 'r');
	CHECK_EQ(get(rd), 'g');

	/* Still ours, untouched by the parent. */
	o = t_open_name(dev, name, NTEVENT_QUERY_STATE);
	CHECK_EQ(t_read(o).type, T_MANUAL);
	CHECK_STATE(o, 1);
	CHECK_STATE(e, 1);	/* the parent set its own */
	return 0;
}

int main(void)
{
	int dev = t_open_dev();
	int to[2], from[2], e, o, status;
	pid_t pid;

	t_name(name, sizeof(name), "ev");
	t_name(only, sizeof(only), "child-only");
	e = t_create_name(dev, name, T_AUTO, 0, 0600);
	CHECK_OK(pipe2(to, O_CLOEXEC));
	CHECK_OK(pipe2(from, O_CLOEXEC));
	pid = t_fork();
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		_exit(child(dev, e, to[0], from[1]));
	}
	close(to[0]);
	close(from[1]);
	{
		char c = 0;
		ssize_t n = read(from[0], &c, 1);

		if (n == 0) {	/* the child ended early */
			status = t_reap(pid);
			if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
				t_skip("no user namespace here");
			T_FAILF("child failed (status %#x)", status);
		}
		CHECK_EQ(c, 'r');
	}

	/* The parent's name is still its own event, as it was. */
	o = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_read(o).type, T_AUTO);
	CHECK_STATE(o, 0);
	CHECK_EQ(t_set(o), 0);
	close(o);
	CHECK_STATE(e, 1);
	/* The child's name is not seen here. */
	CHECK_RET(t_open_name_raw(dev, only, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	put(to[1], 'g');
	t_reap_ok(pid);
	CHECK_STATE(e, 1);
	return T_PASS;
}
