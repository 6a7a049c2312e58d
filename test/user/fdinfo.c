// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self/fdinfo/N of an event fd has the lines
 * "ntevent-type:\t(notification|synchronization)", "ntevent-state:\t0|1"
 * and "ntevent-access:\t0x..." (the descriptor's rights), following the
 * state as it changes; reading it consumes nothing. The state line needs a
 * right that shows the state anyway: QUERY_STATE, or SYNCHRONIZE (poll).
 */
#include "t.h"

static char *fdinfo(int fd, char *buf, size_t len)
{
	char path[64];
	ssize_t n;
	int f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = CHECK_OK(open(path, O_RDONLY | O_CLOEXEC));
	n = CHECK_OK(read(f, buf, len - 1));
	close(f);
	buf[n] = 0;
	return buf;
}

static bool has_line(int fd, const char *line)
{
	char buf[4096], want[128];
	const char *p;

	fdinfo(fd, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%s\n", line);
	p = strstr(buf, want);
	return p && (p == buf || p[-1] == '\n');
}

static void expect_line(int fd, const char *line)
{
	char buf[4096];

	CHECK_MSG(has_line(fd, line), "fdinfo of fd %d lacks the line \"%s\":\n%s",
		  fd, line, fdinfo(fd, buf, sizeof(buf)));
}

int main(void)
{
	int dev = t_open_dev();
	int m = t_create(dev, T_MANUAL, 0);
	int a = t_create_access(dev, T_AUTO, 1,
				NTEVENT_SYNCHRONIZE | NTEVENT_QUERY_STATE);
	int q = t_create_access(dev, T_AUTO, 0, NTEVENT_MODIFY_STATE);

	expect_line(m, "ntevent-type:\tnotification");
	expect_line(m, "ntevent-state:\t0");
	expect_line(m, "ntevent-access:\t0x1f0003");
	CHECK_EQ(t_set(m), 0);
	expect_line(m, "ntevent-state:\t1");

	expect_line(a, "ntevent-type:\tsynchronization");
	expect_line(a, "ntevent-state:\t1");
	expect_line(a, "ntevent-state:\t1");
	expect_line(a, "ntevent-access:\t0x100001");
	CHECK_STATE(a, 1);
	CHECK_RET(t_try(dev, a), 0);
	expect_line(a, "ntevent-state:\t0");

	/* Type and rights are shown whatever the rights; the state is not. */
	expect_line(q, "ntevent-type:\tsynchronization");
	expect_line(q, "ntevent-access:\t0x2");
	CHECK_EQ(t_set(q), 0);
	CHECK(!has_line(q, "ntevent-state:\t1"));
	CHECK(!has_line(q, "ntevent-state:\t0"));
	return T_PASS;
}
