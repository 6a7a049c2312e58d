// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_OPEN_CREATE on a name that exists opens that event (OBJ_OPENIF,
 * STATUS_OBJECT_NAME_EXISTS): created = 0, the type, initial state and mode
 * given are ignored and the state is left as it was; the descriptor has the
 * rights asked for.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	uint32_t created;
	char name[128];
	int a, b, c;

	t_name(name, sizeof(name), "ev");
	a = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS,
			    T_AUTO, 0, 0600, &created);
	CHECK_MSG(a >= 0, "CREATE \"%s\": %s", name, t_errname(-a));
	CHECK_EQ(created, 1);

	/* Another type and state: both ignored, the state stays 0. */
	b = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE,
			    NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE,
			    T_MANUAL, 1, 0777, &created);
	CHECK_MSG(b >= 0, "CREATE of an existing name: %s", t_errname(-b));
	CHECK_EQ(created, 0);
	CHECK(b != a);
	CHECK_EQ(t_read(b).type, T_AUTO);
	CHECK_EQ(t_read(b).access, NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE);
	CHECK_STATE(b, 0);
	CHECK_STATE(a, 0);

	/* Signaled, it stays signaled when "created" again with state 0. */
	CHECK_EQ(t_set(a), 0);
	c = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS,
			    T_AUTO, 0, 0600, &created);
	CHECK_MSG(c >= 0, "CREATE of an existing name: %s", t_errname(-c));
	CHECK_EQ(created, 0);
	CHECK_STATE(c, 1);
	CHECK_STATE(a, 1);

	/* The same event: a wait through b consumes it for a and c. */
	CHECK_RET(t_try(dev, b), 0);
	CHECK_STATE(a, 0);
	CHECK_STATE(c, 0);
	CHECK_EQ(t_set(c), 0);
	CHECK_STATE(a, 1);
	close(c);

	/* Open-if with the same type and state 1 changes nothing either. */
	CHECK_RET(t_try(dev, a), 0);
	c = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS,
			    T_AUTO, 1, 0600, &created);
	CHECK_MSG(c >= 0, "CREATE of an existing name: %s", t_errname(-c));
	CHECK_EQ(created, 0);
	CHECK_STATE(c, 0);
	CHECK_STATE(a, 0);
	return T_PASS;
}
