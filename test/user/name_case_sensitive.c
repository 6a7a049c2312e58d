// SPDX-License-Identifier: GPL-2.0
/*
 * Names compare byte for byte: "...\Foo", "...\foo" and "...\FOO" are
 * three distinct events (each created with created = 1), and each name
 * opens its own event.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	char upper[128], lower[128], caps[128];
	int u, l, c, o;

	snprintf(upper, sizeof(upper), "%sFoo.%d", NTEVENT_NAME_PREFIX,
		 (int)getpid());
	snprintf(lower, sizeof(lower), "%sfoo.%d", NTEVENT_NAME_PREFIX,
		 (int)getpid());
	snprintf(caps, sizeof(caps), "%sFOO.%d", NTEVENT_NAME_PREFIX,
		 (int)getpid());

	u = t_create_name(dev, upper, T_MANUAL, 0, 0600);
	CHECK_RET(t_open_name_raw(dev, lower, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	CHECK_RET(t_open_name_raw(dev, caps, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	l = t_create_name(dev, lower, T_AUTO, 1, 0600);
	c = t_create_name(dev, caps, T_MANUAL, 0, 0600);

	CHECK_EQ(t_read(u).type, T_MANUAL);
	CHECK_EQ(t_read(l).type, T_AUTO);
	CHECK_STATE(u, 0);
	CHECK_STATE(l, 1);
	CHECK_STATE(c, 0);

	/* A set of one is not seen in the others. */
	CHECK_EQ(t_set(u), 0);
	CHECK_STATE(c, 0);
	CHECK_RET(t_try(dev, l), 0);
	CHECK_STATE(u, 1);

	/* Each name opens its own event. */
	o = t_open_name(dev, lower, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_read(o).type, T_AUTO);
	CHECK_EQ(t_set(o), 0);
	CHECK_STATE(l, 1);
	close(o);
	o = t_open_name(dev, upper, NTEVENT_ALL_ACCESS);
	CHECK_STATE(o, 1);
	CHECK_EQ(t_reset(o), 1);
	CHECK_STATE(u, 0);
	CHECK_STATE(l, 1);
	close(o);
	o = t_open_name(dev, caps, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_set(o), 0);
	CHECK_STATE(c, 1);
	CHECK_STATE(u, 0);
	close(o);

	/* Closing one leaves the others. */
	close(u);
	CHECK_RET(t_open_name_raw(dev, upper, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	close(t_open_name(dev, lower, NTEVENT_ALL_ACCESS));
	close(t_open_name(dev, caps, NTEVENT_ALL_ACCESS));
	return T_PASS;
}
