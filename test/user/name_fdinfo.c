// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self/fdinfo/N of a named event's descriptor has, besides the
 * type, state and access lines, "ntevent-name:\t<the full NT path>" - for
 * the creator's descriptor, one opened by name, an NTEVENT_IOC_DUP
 * duplicate and a dup() - and an anonymous event has no such line. A
 * 255-byte name part is shown whole.
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
	char buf[4096], want[600];
	const char *p;

	fdinfo(fd, buf, sizeof(buf));
	snprintf(want, sizeof(want), "%s\n", line);
	for (p = buf; (p = strstr(p, want)); p++)
		if (p == buf || p[-1] == '\n')
			return true;
	return false;
}

static void expect_name(int fd, const char *name)
{
	char line[600], buf[4096];

	snprintf(line, sizeof(line), "ntevent-name:\t%s", name);
	CHECK_MSG(has_line(fd, line), "fdinfo of fd %d lacks \"%s\":\n%s", fd,
		  line, fdinfo(fd, buf, sizeof(buf)));
}

int main(void)
{
	int dev = t_open_dev();
	char name[128], longname[400], buf[4096];
	int e, o, d, p, anon;
	size_t n;

	t_name(name, sizeof(name), "ev");
	e = t_create_name(dev, name, T_MANUAL, 0, 0600);
	o = t_open_name(dev, name, NTEVENT_SYNCHRONIZE);
	d = t_dup(o, 0);
	p = CHECK_OK(dup(e));
	expect_name(e, name);
	expect_name(o, name);
	expect_name(d, name);
	expect_name(p, name);
	/* The usual lines are there too, per descriptor. */
	CHECK(has_line(e, "ntevent-type:\tnotification"));
	CHECK(has_line(o, "ntevent-state:\t0"));
	CHECK(has_line(o, "ntevent-access:\t0x100000"));
	CHECK(has_line(d, "ntevent-access:\t0x0"));
	CHECK_EQ(t_set(e), 0);
	CHECK(has_line(o, "ntevent-state:\t1"));
	expect_name(o, name);

	anon = t_create(dev, T_AUTO, 0);
	fdinfo(anon, buf, sizeof(buf));
	CHECK_MSG(!strstr(buf, "ntevent-name"),
		  "an anonymous event shows a name:\n%s", buf);

	/* The longest name part, whole. */
	n = snprintf(longname, sizeof(longname), "%s", NTEVENT_NAME_PREFIX);
	memset(longname + n, 'L', NTEVENT_NAME_MAX);
	longname[n + NTEVENT_NAME_MAX] = 0;
	o = t_create_name(dev, longname, T_AUTO, 0, 0600);
	expect_name(o, longname);
	CHECK(has_line(o, "ntevent-type:\tsynchronization"));
	return T_PASS;
}
