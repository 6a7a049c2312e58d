// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_dup: a new descriptor (O_CLOEXEC) for the same event, with the
 * source's rights (NTEVENT_DUP_SAME_ACCESS) or fewer; asking for a right
 * the source lacks is -EACCES, so a duplicate of a duplicate cannot win
 * back a dropped right; bad flags or access bits are -EINVAL; a closed
 * descriptor -EBADF, a descriptor that is not an event -ENOTTY. A
 * duplicate keeps the event (and its name) alive after the source closes.
 */
#include <ntevent.h>
#include "api.h"

/* Open an existing name and close it again: 0, or the open's -errno. */
static int open_and_close(const char *name, size_t len)
{
	int fd = ntevent_open_named(name, len, 0, NTEVENT_QUERY_STATE, 0, 0, 0,
				    NULL);

	if (fd >= 0)
		CHECK_RET(ntevent_close(fd), 0);
	return fd < 0 ? fd : 0;
}

static uint32_t rights(int fd)
{
	struct ntevent_state st;

	CHECK_RET(ntevent_read(fd, &st), 0);
	return st.access;
}

int main(void)
{
	const uint32_t q_s = NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE;
	struct ntevent_state st;
	char name[128];
	size_t len;
	int src, same, less, fd, pipefd;

	t_require_device();
	src = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 0, NTEVENT_ALL_ACCESS);
	CHECK(src >= 0);

	same = ntevent_dup(src, 0, NTEVENT_DUP_SAME_ACCESS);
	CHECK(same >= 0 && same != src);
	CHECK(fcntl(same, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(rights(same), NTEVENT_ALL_ACCESS);
	/* the same object */
	CHECK_RET(ntevent_set(same, NULL), 0);
	CHECK_EQ(t_state(src), 1);

	less = ntevent_dup(src, q_s, 0);
	CHECK(less >= 0);
	CHECK_EQ(rights(less), q_s);
	CHECK_RET(ntevent_reset(less, NULL), -EACCES);
	CHECK_RET(ntevent_wait(less, 0, 0), 0);

	/* never a right more */
	CHECK_RET(ntevent_dup(less, q_s | NTEVENT_MODIFY_STATE, 0), -EACCES);
	CHECK_RET(ntevent_dup(less, NTEVENT_ALL_ACCESS, 0), -EACCES);
	fd = ntevent_dup(less, 0, NTEVENT_DUP_SAME_ACCESS);
	CHECK(fd >= 0);
	CHECK_EQ(rights(fd), q_s);
	CHECK_RET(ntevent_close(fd), 0);
	fd = ntevent_dup(less, NTEVENT_SYNCHRONIZE, 0);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_read(fd, &st), -EACCES);
	CHECK_RET(ntevent_dup(fd, NTEVENT_QUERY_STATE, 0), -EACCES);
	/* a descriptor with no right at all can still be duplicated, to none */
	{
		int none = ntevent_dup(fd, 0, 0);

		CHECK(none >= 0);
		CHECK_RET(ntevent_dup(none, NTEVENT_SYNCHRONIZE, 0), -EACCES);
		CHECK_RET(ntevent_close(none), 0);
	}
	CHECK_RET(ntevent_close(fd), 0);

	/* argument errors */
	CHECK_RET(ntevent_dup(src, 0, 0x2), -EINVAL);
	CHECK_RET(ntevent_dup(src, 0x4, 0), -EINVAL);
	CHECK_RET(ntevent_dup(src, 0x80000000u, 0), -EINVAL);
	CHECK_RET(ntevent_dup(-1, 0, NTEVENT_DUP_SAME_ACCESS), -EBADF);
	CHECK_RET(ntevent_dup(t_closed_fd(), 0, NTEVENT_DUP_SAME_ACCESS), -EBADF);
	pipefd = t_pipe_fd();
	CHECK_RET(ntevent_dup(pipefd, 0, NTEVENT_DUP_SAME_ACCESS), -ENOTTY);
	close(pipefd);

	CHECK_RET(ntevent_close(src), 0);
	CHECK_RET(ntevent_close(same), 0);
	CHECK_RET(ntevent_close(less), 0);

	/* a duplicate keeps a name alive */
	len = strlen(t_name(name, sizeof(name), "dup"));
	src = ntevent_open_named(name, len, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
				 NTEVENT_ALL_ACCESS, 0, 0, 0600, NULL);
	CHECK(src >= 0);
	fd = ntevent_dup(src, NTEVENT_SYNCHRONIZE, 0);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_close(src), 0);
	CHECK_RET(open_and_close(name, len), 0);
	CHECK_RET(ntevent_close(fd), 0);
	CHECK_RET(open_and_close(name, len), -ENOENT);
	return T_PASS;
}
