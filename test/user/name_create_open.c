// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_OPEN with NTEVENT_OPEN_CREATE makes a new named event
 * (created = 1) with the type, state and rights asked for; opening the name
 * again (flags 0) from the same process gives another O_CLOEXEC descriptor
 * (created = 0, the rights it asked for) of the same event: a change
 * through either is seen through the other.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	char name[128];
	uint32_t created;
	struct ntevent_state st;
	int a, b, other;

	t_name(name, sizeof(name), "ev");
	a = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS,
			    T_MANUAL, 0, 0600, &created);
	CHECK_MSG(a >= 0, "CREATE \"%s\": %s", name, t_errname(-a));
	CHECK_EQ(created, 1);
	CHECK(CHECK_OK(fcntl(a, F_GETFD)) & FD_CLOEXEC);
	st = t_read(a);
	CHECK_EQ(st.type, T_MANUAL);
	CHECK_EQ(st.state, 0);
	CHECK_EQ(st.access, NTEVENT_ALL_ACCESS);

	b = t_open_name(dev, name, NTEVENT_QUERY_STATE | NTEVENT_MODIFY_STATE |
				   NTEVENT_SYNCHRONIZE);
	CHECK(b != a);
	CHECK(CHECK_OK(fcntl(b, F_GETFD)) & FD_CLOEXEC);
	st = t_read(b);
	CHECK_EQ(st.type, T_MANUAL);
	CHECK_EQ(st.state, 0);
	CHECK_EQ(st.access, NTEVENT_QUERY_STATE | NTEVENT_MODIFY_STATE |
			    NTEVENT_SYNCHRONIZE);

	/* An unrelated event is not touched by any of this. */
	other = t_create(dev, T_MANUAL, 0);

	/* One event behind both descriptors. */
	CHECK_EQ(t_set(a), 0);
	CHECK_STATE(b, 1);
	CHECK_EQ(t_set(b), 1);
	CHECK_EQ(t_reset(b), 1);
	CHECK_STATE(a, 0);
	CHECK_EQ(t_set(b), 0);
	CHECK_STATE(a, 1);
	CHECK_RET(t_wait1(dev, a, 0), 0);	/* manual: stays set */
	CHECK_STATE(b, 1);
	CHECK_STATE(other, 0);

	/* An auto-reset named event: a wait on one consumes it for both. */
	t_name(name, sizeof(name), "auto");
	a = t_create_name(dev, name, T_AUTO, 1, 0600);
	b = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_read(b).type, T_AUTO);
	CHECK_STATE(b, 1);
	CHECK_RET(t_try(dev, b), 0);
	CHECK_STATE(a, 0);
	CHECK_RET(t_try(dev, a), -ETIMEDOUT);
	return T_PASS;
}
