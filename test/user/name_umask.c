// SPDX-License-Identifier: GPL-2.0
/*
 * The creator's umask is taken off the mode of a new named event: mode
 * 0666 under umask 077 lets another uid open it with nothing; under umask
 * 022 with the read rights only; under umask 0 with everything. The
 * creator's own descriptor has all it asked for in every case.
 */
#include "abi.h"

static char n077[128], n022[128], n000[128];

static int try_open(int dev, const char *name, uint32_t access)
{
	int r = t_open_name_raw(dev, name, 0, access, 0, 0, 0, NULL);

	if (r >= 0)
		close(r);
	return r < 0 ? r : 0;
}

static void other(void *arg)
{
	int dev = t_open_dev();

	(void)arg;
	CHECK_RET(try_open(dev, n077, NTEVENT_SYNCHRONIZE), -EACCES);
	CHECK_RET(try_open(dev, n077, NTEVENT_QUERY_STATE), -EACCES);
	CHECK_RET(try_open(dev, n077, NTEVENT_MODIFY_STATE), -EACCES);
	CHECK_RET(try_open(dev, n022, NTEVENT_SYNCHRONIZE |
				      NTEVENT_QUERY_STATE), 0);
	CHECK_RET(try_open(dev, n022, NTEVENT_MODIFY_STATE), -EACCES);
	CHECK_RET(try_open(dev, n000, NTEVENT_ALL_ACCESS), 0);
}

static void as_group(void *arg)
{
	int dev = t_open_dev();

	(void)arg;
	CHECK_RET(try_open(dev, n077, NTEVENT_SYNCHRONIZE), -EACCES);
	CHECK_RET(try_open(dev, n022, NTEVENT_MODIFY_STATE), -EACCES);
	CHECK_RET(try_open(dev, n022, NTEVENT_SYNCHRONIZE), 0);
}

int main(void)
{
	int dev = t_open_dev();
	int a, b, c;

	t_need_root();
	umask(077);
	a = t_create_name(dev, t_name(n077, sizeof(n077), "077"), T_MANUAL, 0,
			  0666);
	umask(022);
	b = t_create_name(dev, t_name(n022, sizeof(n022), "022"), T_MANUAL, 0,
			  0666);
	umask(0);
	c = t_create_name(dev, t_name(n000, sizeof(n000), "000"), T_MANUAL, 0,
			  0666);
	CHECK_EQ(t_read(a).access, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_read(b).access, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_read(c).access, NTEVENT_ALL_ACCESS);

	t_run_as(1000, 1000, other, NULL);
	t_run_as(1000, 0, as_group, NULL);
	return T_PASS;
}
