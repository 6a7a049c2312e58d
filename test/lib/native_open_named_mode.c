// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Who may open a name is decided by its mode, less the creator's umask: a
 * read bit grants QUERY_STATE, SYNCHRONIZE and READ_CONTROL, a write bit
 * MODIFY_STATE and the other standard rights. Another user (nobody, in a
 * child that dropped root) gets -EACCES for any right the "other" bits do
 * not grant, and what it opens carries only what it asked for; an open
 * asking for no right needs the mode to grant it something. Root
 * (CAP_IPC_OWNER) is not bound by the mode. Needs root for the other user.
 */
#include <sys/stat.h>
#include <ntevent.h>
#include "api.h"

#define READ_RIGHTS	(NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE | NTEVENT_READ_CONTROL)
#define WRITE_RIGHTS	(NTEVENT_MODIFY_STATE | NTEVENT_DELETE | NTEVENT_WRITE_DAC | \
			 NTEVENT_WRITE_OWNER)

static char name_r[128], name_w[128], name_none[128], name_umask[128];

static int open_as(const char *name, uint32_t access)
{
	return ntevent_open_named(name, strlen(name), 0, access, 0, 0, 0, NULL);
}

static void as_nobody(void *arg)
{
	struct ntevent_state st;
	int fd;

	(void)arg;
	/* 0604: others may read (query, wait), not write */
	fd = open_as(name_r, READ_RIGHTS);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_read(fd, &st), 0);
	CHECK_EQ(st.access, READ_RIGHTS);
	CHECK_RET(ntevent_set(fd, NULL), -EACCES);
	CHECK_RET(ntevent_close(fd), 0);
	CHECK_RET(open_as(name_r, NTEVENT_MODIFY_STATE), -EACCES);
	CHECK_RET(open_as(name_r, NTEVENT_ALL_ACCESS), -EACCES);
	CHECK_RET(open_as(name_r, NTEVENT_DELETE), -EACCES);
	/* OPEN_CREATE on a taken name is an open: the same check */
	CHECK_RET(ntevent_open_named(name_r, strlen(name_r), NTEVENT_OPEN_CREATE,
				     NTEVENT_ALL_ACCESS, 0, 0, 0666, NULL), -EACCES);

	/* 0602: others may set, not wait or query */
	fd = open_as(name_w, NTEVENT_MODIFY_STATE);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_set(fd, NULL), 0);
	CHECK_RET(ntevent_wait(fd, 0, 0), -EACCES);
	CHECK_RET(ntevent_close(fd), 0);
	CHECK_RET(open_as(name_w, NTEVENT_SYNCHRONIZE), -EACCES);
	CHECK_RET(open_as(name_w, NTEVENT_QUERY_STATE), -EACCES);

	/* 0600: nothing, not even an open without rights (as NT's access
	 * check: else anyone could hold any name open) */
	CHECK_RET(open_as(name_none, NTEVENT_QUERY_STATE), -EACCES);
	CHECK_RET(open_as(name_none, 0), -EACCES);
	/* an open without rights is fine where the mode grants something */
	fd = open_as(name_r, 0);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(fd), 0);

	/* 0666 less umask 022 is 0644 */
	CHECK_RET(open_as(name_umask, NTEVENT_MODIFY_STATE), -EACCES);
	fd = open_as(name_umask, NTEVENT_SYNCHRONIZE);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(fd), 0);
}

static int create(const char *name, unsigned int mode)
{
	int fd = ntevent_open_named(name, strlen(name),
				    NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				    NTEVENT_ALL_ACCESS, 0, 0, mode, NULL);

	CHECK(fd >= 0);
	return fd;
}

int main(void)
{
	int r, w, none, um, fd;

	t_require_device();
	if (geteuid() != 0)
		t_skip("needs root to open the events as another user");
	t_name(name_r, sizeof(name_r), "r");
	t_name(name_w, sizeof(name_w), "w");
	t_name(name_none, sizeof(name_none), "none");
	t_name(name_umask, sizeof(name_umask), "umask");

	umask(0);
	r = create(name_r, 0604);
	w = create(name_w, 0602);
	none = create(name_none, 0600);
	umask(022);
	um = create(name_umask, 0666);

	if (!t_as_nobody(as_nobody, NULL))
		t_skip("cannot drop root");

	/* root is not bound by the mode */
	fd = open_as(name_none, NTEVENT_ALL_ACCESS);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(fd), 0);
	CHECK_EQ(t_state(w), 1);	/* nobody set it */

	CHECK_RET(ntevent_close(r), 0);
	CHECK_RET(ntevent_close(w), 0);
	CHECK_RET(ntevent_close(none), 0);
	CHECK_RET(ntevent_close(um), 0);
	return T_PASS;
}
