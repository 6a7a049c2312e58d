// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/self/fdinfo/N of a named event's descriptor has, besides the
 * type, state and access lines, "ntevent-name:\t<the full NT path>" - for
 * the creator's descriptor, one opened by name, an NTEVENT_IOC_DUP
 * duplicate and a dup() - and an anonymous event has no such line. A
 * 255-byte name part is shown whole.
 */
#include "abi.h"

static void expect_name(int fd, const char *name)
{
	char line[600], buf[4096];

	snprintf(line, sizeof(line), "ntevent-name:\t%s", name);
	CHECK_MSG(t_fdinfo_has(fd, line), "fdinfo of fd %d lacks \"%s\":\n%s", fd,
		  line, t_fdinfo(fd, buf, sizeof(buf)));
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
	CHECK(t_fdinfo_has(e, "ntevent-type:\tnotification"));
	CHECK(t_fdinfo_has(o, "ntevent-state:\t0"));
	CHECK(t_fdinfo_has(o, "ntevent-access:\t0x100000"));
	CHECK(t_fdinfo_has(d, "ntevent-access:\t0x0"));
	CHECK_EQ(t_set(e), 0);
	CHECK(t_fdinfo_has(o, "ntevent-state:\t1"));
	expect_name(o, name);

	anon = t_create(dev, T_AUTO, 0);
	t_fdinfo(anon, buf, sizeof(buf));
	CHECK_MSG(!strstr(buf, "ntevent-name"),
		  "an anonymous event shows a name:\n%s", buf);

	/* The longest name part, whole. */
	n = snprintf(longname, sizeof(longname), "%s", NTEVENT_NAME_PREFIX);
	memset(longname + n, 'L', NTEVENT_NAME_MAX);
	longname[n + NTEVENT_NAME_MAX] = 0;
	o = t_create_name(dev, longname, T_AUTO, 0, 0600);
	expect_name(o, longname);
	CHECK(t_fdinfo_has(o, "ntevent-type:\tsynchronization"));
	return T_PASS;
}
