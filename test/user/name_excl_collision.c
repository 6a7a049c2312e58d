// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL on a taken name fails with EEXIST
 * (STATUS_OBJECT_NAME_COLLISION), whatever the type, state and rights
 * asked: no descriptor is made and the existing event is untouched. Once
 * the name is free again, CREATE | EXCL works.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t flags = NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL, created;
	char name[128];
	int a, b, before;

	t_name(name, sizeof(name), "ev");
	a = t_create_name(dev, name, T_MANUAL, 1, 0600);
	CHECK_EQ(t_read(a).type, T_MANUAL);
	CHECK_STATE(a, 1);

	before = t_count_fds();
	CHECK_RET(t_open_name_raw(dev, name, flags, NTEVENT_ALL_ACCESS,
				  T_MANUAL, 1, 0600, &created), -EEXIST);
	CHECK_RET(t_open_name_raw(dev, name, flags, NTEVENT_ALL_ACCESS,
				  T_AUTO, 0, 0666, &created), -EEXIST);
	CHECK_RET(t_open_name_raw(dev, name, flags, NTEVENT_SYNCHRONIZE,
				  T_MANUAL, 0, 0, &created), -EEXIST);
	CHECK_RET(t_open_name_raw(dev, name, flags, 0, T_AUTO, 0, 0777,
				  &created), -EEXIST);
	CHECK_EQ(t_count_fds(), before);
	CHECK_EQ(t_read(a).type, T_MANUAL);
	CHECK_STATE(a, 1);

	/* Still the same one event by name. */
	b = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_reset(b), 1);
	CHECK_STATE(a, 0);
	close(b);
	close(a);

	/* Free again: CREATE | EXCL makes a new event. */
	a = t_create_name(dev, name, T_AUTO, 0, 0600);
	CHECK_EQ(t_read(a).type, T_AUTO);
	CHECK_STATE(a, 0);
	CHECK_RET(t_open_name_raw(dev, name, flags, NTEVENT_ALL_ACCESS,
				  T_AUTO, 0, 0600, &created), -EEXIST);
	return T_PASS;
}
