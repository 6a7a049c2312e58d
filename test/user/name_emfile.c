// SPDX-License-Identifier: GPL-2.0
/*
 * With no descriptor number left (RLIMIT_NOFILE reached), NTEVENT_IOC_OPEN
 * fails with EMFILE: a create leaves no name behind (the event it made is
 * gone, so a later open is ENOENT and CREATE | EXCL works), and an open of
 * an existing name leaves that event as it was.
 */
#include "abi.h"

#include <sys/resource.h>

int main(void)
{
	int dev = t_open_dev();
	char fresh[128], held[128];
	struct rlimit old, lim;
	uint32_t created;
	int e, next, r;

	t_name(fresh, sizeof(fresh), "fresh");
	t_name(held, sizeof(held), "held");
	e = t_create_name(dev, held, T_MANUAL, 1, 0600);

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &old));
	next = t_next_fd();
	lim = old;
	lim.rlim_cur = next;	/* every number from next up is refused */
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &lim));

	created = 0;
	r = t_open_name_raw(dev, fresh, NTEVENT_OPEN_CREATE,
			    NTEVENT_ALL_ACCESS, T_AUTO, 1, 0600, &created);
	CHECK_RET(r, -EMFILE);
	r = t_open_name_raw(dev, fresh, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
			    NTEVENT_ALL_ACCESS, T_AUTO, 1, 0600, NULL);
	CHECK_RET(r, -EMFILE);
	CHECK_RET(t_open_name_raw(dev, held, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -EMFILE);
	CHECK_RET(t_open_name_raw(dev, held, NTEVENT_OPEN_CREATE,
				  NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600, NULL),
		  -EMFILE);

	CHECK_OK(setrlimit(RLIMIT_NOFILE, &old));
	CHECK_EQ(t_next_fd(), next);
	/* Nothing was left of the failed creates. */
	CHECK_RET(t_open_name_raw(dev, fresh, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				  NULL), -ENOENT);
	r = t_create_name(dev, fresh, T_MANUAL, 0, 0600);
	CHECK_EQ(t_read(r).type, T_MANUAL);
	CHECK_STATE(r, 0);
	close(r);
	/* The existing one is as it was. */
	CHECK_STATE(e, 1);
	CHECK_EQ(t_read(e).type, T_MANUAL);
	r = t_open_name(dev, held, NTEVENT_ALL_ACCESS);
	CHECK_STATE(r, 1);
	return T_PASS;
}
