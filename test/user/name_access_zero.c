// SPDX-License-Identifier: GPL-2.0
/*
 * An open that asks for no right still needs the mode to grant the caller
 * something (as NT's access check does): another uid cannot open a 0600
 * name with access 0, so it cannot keep the name alive either; with 0604
 * (others may read) it can. Root, the owner, always can.
 */
#include "abi.h"

static void child_denied(void *arg)
{
	int dev = t_open_dev();
	int r = t_open_name_raw(dev, arg, 0, 0, 0, 0, 0, NULL);

	CHECK_MSG(r == -EACCES, "access 0 on a 0600 name: %s",
		  r < 0 ? t_errname(-r) : "granted");
	r = t_open_name_raw(dev, arg, NTEVENT_OPEN_CREATE, 0, T_AUTO, 0, 0666,
			    NULL);
	CHECK_MSG(r == -EACCES, "open-if, access 0, on a 0600 name: %s",
		  r < 0 ? t_errname(-r) : "granted");
}

static void child_allowed(void *arg)
{
	int dev = t_open_dev();
	int r = t_open_name_raw(dev, arg, 0, 0, 0, 0, 0, NULL);

	CHECK_MSG(r >= 0, "access 0 on a 0604 name: %s", t_errname(-r));
	close(r);
}

int main(void)
{
	int dev = t_open_dev();
	char n600[128], n604[128];
	int e600, e604, r;

	t_need_root();
	umask(0);
	t_name(n600, sizeof(n600), "z600");
	t_name(n604, sizeof(n604), "z604");
	e600 = t_create_name(dev, n600, T_AUTO, 0, 0600);
	e604 = t_create_name(dev, n604, T_AUTO, 0, 0604);
	t_run_as(1000, 1000, child_denied, n600);
	t_run_as(1000, 1000, child_allowed, n604);
	r = t_open_name_raw(dev, n600, 0, 0, 0, 0, 0, NULL);
	CHECK_MSG(r >= 0, "the owner, access 0: %s", t_errname(-r));
	close(r);
	close(e600);
	close(e604);
	/* Nobody kept the 0600 name alive. */
	CHECK_EQ(t_open_name_raw(dev, n600, 0, 0, 0, 0, 0, NULL), -ENOENT);
	return T_PASS;
}
