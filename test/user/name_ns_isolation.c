// SPDX-License-Identifier: GPL-2.0
/*
 * Each IPC namespace has its own names, as it has its own POSIX message
 * queues; a user namespace alone changes nothing. For each way of
 * unsharing (a table): a child that enters a new IPC namespace
 * (CLONE_NEWIPC, alone or with CLONE_NEWUSER) does not see the parent's
 * name (ENOENT), creates the same name as an independent event (created =
 * 1, and then EEXIST for CREATE | EXCL there), and a name it makes is not
 * seen by the parent; a wait-all on its event and the parent's is EXDEV (a
 * wait-all names events of one IPC namespace), a wait-any on both works.
 * A child that enters only a new user namespace opens the parent's event.
 * The parent's event is unaffected, and the child's inherited descriptor
 * of it still works: rights live on descriptors. A case whose namespace
 * cannot be created here is skipped.
 */
#include "abi.h"

#include <sched.h>

static const struct {
	const char *what;
	int flags;
	bool isolated;
} cases[] = {
	{ "CLONE_NEWIPC", CLONE_NEWIPC, true },
	{ "CLONE_NEWUSER|CLONE_NEWIPC", CLONE_NEWUSER | CLONE_NEWIPC, true },
	{ "CLONE_NEWUSER", CLONE_NEWUSER, false },
};

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

/* A child in a new user namespace only: the names are the parent's. */
static int child_shared(int dev, int e, int rd, int wr)
{
	int o = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	uint32_t fds[2] = { (uint32_t)e, (uint32_t)o };

	CHECK_EQ(t_read(o).type, T_AUTO);
	CHECK_RET(t_wait_all(dev, fds, 2, 0), -ENOTUNIQ);
	CHECK_RET(t_open_name_raw(dev, only, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	t_create_name(dev, only, T_AUTO, 0, 0600);
	put(wr, 'r');
	CHECK_EQ(get(rd), 'g');
	CHECK_STATE(o, 1);	/* the parent set it: the same event */
	return 0;
}

/* The child: to[0] from the parent, from[1] to it. */
static int child(int dev, int e, int rd, int wr, int flags, bool isolated)
{
	uint32_t created = 7, fds[2], index;
	int mine, o;

	if (unshare(flags)) {
		if (errno == EPERM || errno == EINVAL || errno == ENOSPC ||
		    errno == EUSERS)
			return 77;
		T_FAILF("unshare(%#x): %s", flags, strerror(errno));
	}
	if (!isolated)
		return child_shared(dev, e, rd, wr);
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

	/* Events of two IPC namespaces: wait-any yes, wait-all no. */
	fds[0] = (uint32_t)e;
	fds[1] = (uint32_t)mine;
	CHECK_RET(t_wait_all(dev, fds, 2, 0), -EXDEV);
	CHECK_OK(t_wait_any(dev, fds, 2, 0, &index));
	CHECK_EQ(index, 1);

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

/* One case: 1 if it ran, 0 if its namespace cannot be made here. */
static int run(int dev, int flags, bool isolated)
{
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
		_exit(child(dev, e, to[0], from[1], flags, isolated));
	}
	close(to[0]);
	close(from[1]);
	{
		char c = 0;
		ssize_t n = read(from[0], &c, 1);

		if (n == 0) {	/* the child ended early */
			status = t_reap(pid);
			if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
				return 0;
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
	/* The child's name is seen here only if it shares our names. */
	o = t_open_name_raw(dev, only, 0, NTEVENT_ALL_ACCESS, 0, 0, 0, NULL);
	if (isolated)
		CHECK_RET(o, -ENOENT);
	else
		CHECK_MSG(o >= 0, "the child's name: %s", t_errname(-o));
	put(to[1], 'g');
	t_reap_ok(pid);
	CHECK_STATE(e, 1);
	close(e);
	if (o >= 0)
		close(o);
	close(to[1]);
	close(from[0]);
	return 1;
}

int main(void)
{
	int dev = t_open_dev();
	unsigned int i, ran = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int r = run(dev, cases[i].flags, cases[i].isolated);

		printf("%s: %s\n", cases[i].what, r ? "ok" : "skipped");
		ran += r;
	}
	if (!ran)
		t_skip("no namespace can be made here");
	return T_PASS;
}
