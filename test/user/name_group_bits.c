// SPDX-License-Identifier: GPL-2.0
/*
 * The group permission bits apply to a uid other than the owner whose gid
 * is the event's group (the creator's egid): with mode 0640 such a process
 * may open with the read rights but not MODIFY_STATE, while a process in
 * neither class is refused both. Classes do not add up: with mode 0604 the
 * group member is refused what an "other" process gets.
 */
#include "abi.h"

#define READ_R	(NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE | \
		 NTEVENT_READ_CONTROL)

static char n640[128], n604[128];

static void expect(const char *name, uint32_t access, int want)
{
	int dev = t_open_dev();
	int r = t_open_name_raw(dev, name, 0, access, 0, 0, 0, NULL);

	CHECK_MSG(want == 0 ? r >= 0 : r == want,
		  "uid %d gid %d: open \"%s\" access %#x: %s, expected %s",
		  (int)getuid(), (int)getgid(), name, access,
		  r < 0 ? t_errname(-r) : "granted",
		  want ? t_errname(-want) : "success");
	if (r >= 0) {
		if (access & NTEVENT_QUERY_STATE)
			CHECK_EQ(t_read(r).access, access);
		close(r);
	}
	close(dev);
}

static void in_group(void *arg)
{
	(void)arg;
	expect(n640, READ_R, 0);
	expect(n640, NTEVENT_SYNCHRONIZE, 0);
	expect(n640, NTEVENT_MODIFY_STATE, -EACCES);
	expect(n640, READ_R | NTEVENT_MODIFY_STATE, -EACCES);
	expect(n640, NTEVENT_DELETE, -EACCES);
	expect(n604, NTEVENT_SYNCHRONIZE, -EACCES);
	expect(n604, NTEVENT_QUERY_STATE, -EACCES);
}

static void outsider(void *arg)
{
	(void)arg;
	expect(n640, NTEVENT_SYNCHRONIZE, -EACCES);
	expect(n640, NTEVENT_QUERY_STATE, -EACCES);
	expect(n640, NTEVENT_MODIFY_STATE, -EACCES);
	expect(n604, READ_R, 0);
	expect(n604, NTEVENT_MODIFY_STATE, -EACCES);
}

int main(void)
{
	int dev = t_open_dev();
	int e640, e604;

	t_need_root();
	umask(0);
	/* Created with egid 2000: the events' group is 2000. */
	CHECK_OK(setegid(2000));
	e640 = t_create_name(dev, t_name(n640, sizeof(n640), "0640"), T_MANUAL,
			     0, 0640);
	e604 = t_create_name(dev, t_name(n604, sizeof(n604), "0604"), T_MANUAL,
			     0, 0604);
	CHECK_OK(setegid(0));
	CHECK_EQ(t_read(e640).access, NTEVENT_ALL_ACCESS);

	t_run_as(1000, 2000, in_group, NULL);
	t_run_as(1000, 3000, outsider, NULL);
	CHECK_STATE(e640, 0);
	CHECK_STATE(e604, 0);
	return T_PASS;
}
