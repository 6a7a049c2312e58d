// SPDX-License-Identifier: GPL-2.0
/*
 * The owner of a named event is its creator's euid and egid, and the owner
 * bits apply to the owner even when they grant less than the group or
 * "other" bits. Here the event is created with euid/egid 1000 and mode
 * 0064 (owner nothing, group read-write, other read): the creator's own
 * descriptor has all it asked for regardless of the mode; another process
 * of uid 1000 is refused everything; uid 1001 in group 1000 gets read and
 * write; uid 1001 in group 1001 gets read only.
 */
#include "abi.h"

static char name[128];

static void expect(uint32_t access, int want)
{
	int dev = t_open_dev();
	int r = t_open_name_raw(dev, name, 0, access, 0, 0, 0, NULL);

	CHECK_MSG(want == 0 ? r >= 0 : r == want,
		  "uid %d gid %d: open access %#x: %s, expected %s",
		  (int)getuid(), (int)getgid(), access,
		  r < 0 ? t_errname(-r) : "granted",
		  want ? t_errname(-want) : "success");
	if (r >= 0)
		close(r);
	close(dev);
}

static void owner(void *arg)
{
	(void)arg;
	expect(NTEVENT_SYNCHRONIZE, -EACCES);
	expect(NTEVENT_QUERY_STATE, -EACCES);
	expect(NTEVENT_MODIFY_STATE, -EACCES);
}

static void as_group(void *arg)
{
	(void)arg;
	expect(NTEVENT_ALL_ACCESS, 0);
	expect(NTEVENT_MODIFY_STATE, 0);
}

static void other(void *arg)
{
	(void)arg;
	expect(NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE, 0);
	expect(NTEVENT_MODIFY_STATE, -EACCES);
}

int main(void)
{
	int dev = t_open_dev();
	struct ntevent_state st;
	int e;

	t_need_root();
	umask(0);
	t_name(name, sizeof(name), "0064");
	/* Create as euid/egid 1000 (keeping root as the saved ids). */
	CHECK_OK(setegid(1000));
	CHECK_OK(seteuid(1000));
	e = t_create_name(dev, name, T_MANUAL, 0, 0064);
	CHECK_OK(seteuid(0));
	CHECK_OK(setegid(0));

	/* The creator got everything it asked for, mode notwithstanding. */
	st = t_read(e);
	CHECK_EQ(st.access, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_wait1(dev, e, 0), 0);

	t_run_as(1000, 1000, owner, NULL);
	t_run_as(1001, 1000, as_group, NULL);
	t_run_as(1001, 1001, other, NULL);
	return T_PASS;
}
