// SPDX-License-Identifier: GPL-2.0
/*
 * Opening a name that does not exist (flags 0) fails with ENOENT
 * (STATUS_OBJECT_NAME_NOT_FOUND) and makes nothing: no descriptor, and the
 * name is still absent afterwards. Names that are a prefix or an extension
 * of an existing one are other names.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	char name[128], longer[160], shorter[128];
	uint32_t created;
	int before, a, b, i;

	t_name(name, sizeof(name), "ev");
	before = t_count_fds();
	for (i = 0; i < 3; i++) {
		CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS,
					  T_AUTO, 0, 0600, &created), -ENOENT);
		CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_SYNCHRONIZE,
					  T_MANUAL, 1, 0, &created), -ENOENT);
		CHECK_RET(t_open_name_raw(dev, name, 0, 0, 0, 0, 0, &created),
			  -ENOENT);
	}
	CHECK_EQ(t_count_fds(), before);

	/* Existing: a longer and a shorter name are still absent. */
	b = t_create_name(dev, name, T_AUTO, 0, 0600);
	snprintf(longer, sizeof(longer), "%sx", name);
	snprintf(shorter, sizeof(shorter), "%s", name);
	shorter[strlen(shorter) - 1] = 0;
	before = t_count_fds();
	CHECK_RET(t_open_name_raw(dev, longer, 0, NTEVENT_ALL_ACCESS, T_AUTO,
				  0, 0600, &created), -ENOENT);
	CHECK_RET(t_open_name_raw(dev, shorter, 0, NTEVENT_ALL_ACCESS, T_AUTO,
				  0, 0600, &created), -ENOENT);
	CHECK_EQ(t_count_fds(), before);
	/* name_len decides, not a NUL: the long buffer cut to name works. */
	a = t_open_name_len(dev, longer, strlen(name), 0, NTEVENT_ALL_ACCESS,
			    0, 0, 0, &created);
	CHECK_MSG(a >= 0, "OPEN of a name given by name_len: %s",
		  t_errname(-a));
	CHECK_EQ(created, 0);
	close(a);
	close(b);
	return T_PASS;
}
