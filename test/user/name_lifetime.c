// SPDX-License-Identifier: GPL-2.0
/*
 * A name lives while any descriptor of its event does: the creator's, a
 * dup(), an NTEVENT_IOC_DUP duplicate, another process's (inherited over
 * fork). After the last close the name is gone (ENOENT) and can be created
 * afresh, with another type and state.
 */
#include "abi.h"

static void gone(int dev, const char *name)
{
	CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
}

static void present(int dev, const char *name)
{
	close(t_open_name(dev, name, NTEVENT_QUERY_STATE));
}

int main(void)
{
	int dev = t_open_dev();
	int e, d1, d2, o, pipefd[2];
	char name[128], c;
	pid_t pid;

	t_name(name, sizeof(name), "ev");
	gone(dev, name);

	/* The creator's descriptor alone. */
	e = t_create_name(dev, name, T_MANUAL, 1, 0600);
	present(dev, name);
	close(e);
	gone(dev, name);

	/* Recreated with another type and state: a new event. */
	e = t_create_name(dev, name, T_AUTO, 0, 0600);
	CHECK_EQ(t_read(e).type, T_AUTO);
	CHECK_STATE(e, 0);

	/* dup() and NTEVENT_IOC_DUP keep it; so does an opened one. */
	d1 = CHECK_OK(dup(e));
	d2 = t_dup(e, NTEVENT_SYNCHRONIZE);
	close(e);
	present(dev, name);
	close(d1);
	present(dev, name);
	o = t_open_name(dev, name, NTEVENT_MODIFY_STATE);
	close(d2);
	present(dev, name);
	CHECK_EQ(t_set(o), 0);
	close(o);
	gone(dev, name);

	/* Once more, as a manual event, signaled. */
	e = t_create_name(dev, name, T_MANUAL, 1, 0600);
	CHECK_EQ(t_read(e).type, T_MANUAL);
	CHECK_STATE(e, 1);

	/* A child's inherited descriptor keeps it after ours are closed. */
	CHECK_OK(pipe2(pipefd, O_CLOEXEC));
	pid = t_fork();
	if (pid == 0) {
		close(pipefd[1]);
		/* Hold e until the parent closes its end of the pipe. */
		if (read(pipefd[0], &c, 1) != 0)
			_exit(1);
		_exit(t_state(e) == 0 ? 0 : 1);
	}
	close(pipefd[0]);
	close(e);
	o = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	CHECK_STATE(o, 1);
	CHECK_EQ(t_reset(o), 1);
	close(o);
	present(dev, name);
	close(pipefd[1]);
	t_reap_ok(pid);
	gone(dev, name);

	/* And it can still be made again. */
	e = t_create_name(dev, name, T_AUTO, 1, 0600);
	CHECK_STATE(e, 1);
	close(e);
	gone(dev, name);
	return T_PASS;
}
