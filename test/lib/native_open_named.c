// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_open_named: CREATE makes the event and reports created = 1;
 * CREATE again opens the same event (created = 0; type, state and mode
 * ignored, state untouched); CREATE|EXCL on a taken name is -EEXIST; 0
 * opens an existing name only (-ENOENT when absent); the name lives while
 * a descriptor holds it and is free again after the last close.
 */
#include <ntevent.h>
#include "api.h"

int main(void)
{
	struct ntevent_state st;
	char name[128], other[128];
	size_t len, olen;
	int fd, fd2, fd3, created;

	t_require_device();
	len = strlen(t_name(name, sizeof(name), "ev"));
	olen = strlen(t_name(other, sizeof(other), "other"));

	/* absent: open fails, created untouched */
	created = 42;
	CHECK_RET(ntevent_open_named(name, len, 0, NTEVENT_ALL_ACCESS, 0, 0, 0,
				     &created), -ENOENT);
	CHECK_EQ(created, 42);

	fd = ntevent_open_named(name, len, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				NTEVENT_ALL_ACCESS, NTEVENT_TYPE_SYNCHRONIZATION,
				0, 0600, &created);
	CHECK(fd >= 0);
	CHECK_EQ(created, 1);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.type, NTEVENT_TYPE_SYNCHRONIZATION);
	CHECK_EQ(st.state, 0);
	CHECK_EQ(st.access, NTEVENT_ALL_ACCESS);

	/* taken: EXCL fails, plain CREATE opens the same object */
	CHECK_RET(ntevent_open_named(name, len, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				     NTEVENT_ALL_ACCESS, 0, 0, 0600, NULL), -EEXIST);
	fd2 = ntevent_open_named(name, len, NTEVENT_OPEN_CREATE,
				 NTEVENT_ALL_ACCESS, NTEVENT_TYPE_NOTIFICATION,
				 1, 0666, &created);
	CHECK(fd2 >= 0);
	CHECK_EQ(created, 0);
	CHECK_RET(ntevent_read(fd2, &st), 0);
	CHECK_EQ(st.type, NTEVENT_TYPE_SYNCHRONIZATION);	/* not NOTIFICATION */
	CHECK_EQ(st.state, 0);					/* not signaled */

	/* open only, with fewer rights; the same event */
	fd3 = ntevent_open_named(name, len, 0, NTEVENT_SYNCHRONIZE, 0, 0, 0,
				 &created);
	CHECK(fd3 >= 0);
	CHECK_EQ(created, 0);
	CHECK_RET(ntevent_read(fd3, &st), -EACCES);
	CHECK_RET(ntevent_set(fd3, NULL), -EACCES);
	CHECK_RET(ntevent_set(fd2, NULL), 0);
	CHECK_RET(ntevent_wait(fd3, 0, 0), 0);		/* consumed (auto-reset) */
	CHECK_EQ(t_state(fd), 0);

	/* names are case-sensitive: another name, absent */
	other[olen - 1] = 'R';
	CHECK_RET(ntevent_open_named(other, olen, 0, 0, 0, 0, 0, NULL), -ENOENT);

	/* the name lives while any descriptor holds it */
	CHECK_RET(ntevent_close(fd), 0);
	CHECK_RET(ntevent_close(fd3), 0);
	fd = ntevent_open_named(name, len, 0, NTEVENT_QUERY_STATE, 0, 0, 0, NULL);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(fd), 0);
	CHECK_RET(ntevent_close(fd2), 0);
	CHECK_RET(ntevent_open_named(name, len, 0, 0, 0, 0, 0, NULL), -ENOENT);

	/* ... and is free again: created anew, with another type */
	fd = ntevent_open_named(name, len, NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS,
				NTEVENT_TYPE_NOTIFICATION, 1, 0600, &created);
	CHECK(fd >= 0);
	CHECK_EQ(created, 1);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.type, NTEVENT_TYPE_NOTIFICATION);
	CHECK_EQ(st.state, 1);
	CHECK_RET(ntevent_close(fd), 0);
	return T_PASS;
}
