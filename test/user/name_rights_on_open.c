// SPDX-License-Identifier: GPL-2.0
/*
 * Opening a name grants only the rights asked for, even to root and the
 * owner: with SYNCHRONIZE alone, SET, RESET, PULSE, CLEAR and READ are
 * EACCES but a wait works; with QUERY_STATE alone a wait is EACCES; with
 * MODIFY_STATE alone a set works. The same holds for the creator's own
 * descriptor and for open-if.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	struct ntevent_state st;
	uint32_t created;
	char name[128];
	int e, s, q, m, c;

	umask(0);
	t_name(name, sizeof(name), "ev");
	e = t_create_name(dev, name, T_AUTO, 0, 0666);

	s = t_open_name(dev, name, NTEVENT_SYNCHRONIZE);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_RESET, NULL), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_PULSE, NULL), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_CLEAR), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_READ, &st), EACCES);
	CHECK_STATE(e, 0);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_try(dev, s), 0);
	CHECK_STATE(e, 0);

	q = t_open_name(dev, name, NTEVENT_QUERY_STATE);
	st = t_read(q);
	CHECK_EQ(st.access, NTEVENT_QUERY_STATE);
	CHECK_EQ(st.type, T_AUTO);
	CHECK_ERR(ioctl(q, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_try(dev, q), -EACCES);
	CHECK_STATE(q, 1);

	m = t_open_name(dev, name, NTEVENT_MODIFY_STATE);
	CHECK_EQ(t_reset(m), 1);
	CHECK_ERR(ioctl(m, NTEVENT_IOC_READ, &st), EACCES);
	CHECK_RET(t_try(dev, m), -EACCES);
	CHECK_EQ(t_set(m), 0);
	CHECK_STATE(q, 1);

	/* Open-if likewise. */
	c = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, NTEVENT_SYNCHRONIZE,
			    T_AUTO, 0, 0666, &created);
	CHECK_MSG(c >= 0, "open-if: %s", t_errname(-c));
	CHECK_EQ(created, 0);
	CHECK_ERR(ioctl(c, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_RET(t_try(dev, c), 0);
	close(c);

	/* And the creator's descriptor, created with SYNCHRONIZE only. */
	close(e);
	close(s);
	close(q);
	close(m);
	c = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
			    NTEVENT_SYNCHRONIZE, T_AUTO, 1, 0666, &created);
	CHECK_MSG(c >= 0, "create with SYNCHRONIZE: %s", t_errname(-c));
	CHECK_EQ(created, 1);
	CHECK_ERR(ioctl(c, NTEVENT_IOC_READ, &st), EACCES);
	CHECK_ERR(ioctl(c, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_RET(t_try(dev, c), 0);
	CHECK_RET(t_try(dev, c), -ETIMEDOUT);
	return T_PASS;
}
