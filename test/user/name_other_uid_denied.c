// SPDX-License-Identifier: GPL-2.0
/*
 * A named event root creates with mode 0600 (or 0000) cannot be opened by
 * another uid (uid/gid 1000): every right, alone or together, is EACCES,
 * with flags 0 and with CREATE (open-if); CREATE | EXCL is EEXIST. No
 * descriptor is made and the event is untouched. Root, the owner, opens
 * it.
 */
#include "abi.h"

static const uint32_t rights[] = {
	NTEVENT_SYNCHRONIZE, NTEVENT_QUERY_STATE, NTEVENT_READ_CONTROL,
	NTEVENT_MODIFY_STATE, NTEVENT_DELETE, NTEVENT_WRITE_DAC,
	NTEVENT_WRITE_OWNER, NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE,
	NTEVENT_ALL_ACCESS,
};

static void child(void *arg)
{
	const char *name = arg;
	int dev = t_open_dev();
	int before = t_count_fds();
	unsigned int i;

	for (i = 0; i < sizeof(rights) / sizeof(rights[0]); i++) {
		int r = t_open_name_raw(dev, name, 0, rights[i], 0, 0, 0, NULL);

		CHECK_MSG(r == -EACCES, "uid %d: open \"%s\" access %#x: %s",
			  (int)getuid(), name, rights[i],
			  r < 0 ? t_errname(-r) : "granted");
		r = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, rights[i],
				    T_AUTO, 0, 0666, NULL);
		CHECK_MSG(r == -EACCES, "uid %d: open-if \"%s\" access %#x: %s",
			  (int)getuid(), name, rights[i],
			  r < 0 ? t_errname(-r) : "granted");
		r = t_open_name_raw(dev, name,
				    NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				    rights[i], T_AUTO, 0, 0666, NULL);
		CHECK_MSG(r == -EEXIST, "uid %d: CREATE|EXCL \"%s\": %s",
			  (int)getuid(), name,
			  r < 0 ? t_errname(-r) : "a descriptor");
	}
	CHECK_EQ(t_count_fds(), before);
}

int main(void)
{
	int dev = t_open_dev();
	char n600[128], n000[128];
	int e600, e000, o;

	t_need_root();
	umask(0);
	t_name(n600, sizeof(n600), "0600");
	t_name(n000, sizeof(n000), "0000");
	e600 = t_create_name(dev, n600, T_AUTO, 1, 0600);
	e000 = t_create_name(dev, n000, T_AUTO, 1, 0);

	t_run_as(1000, 1000, child, n600);
	t_run_as(1000, 1000, child, n000);
	/* Another uid in root's group is no better off (group bits 0). */
	t_run_as(1000, 0, child, n600);

	CHECK_STATE(e600, 1);
	CHECK_STATE(e000, 1);
	CHECK_EQ(t_read(e000).access, NTEVENT_ALL_ACCESS);

	/* The owner opens it with any rights. */
	o = t_open_name(dev, n600, NTEVENT_ALL_ACCESS);
	CHECK_RET(t_try(dev, o), 0);
	CHECK_STATE(e600, 0);
	close(o);
	return T_PASS;
}
