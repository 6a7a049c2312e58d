// SPDX-License-Identifier: GPL-2.0
/*
 * Which mode bit grants SYNCHRONIZE depends on the type, because waiting on
 * a synchronization event consumes it: read grants it on a notification
 * event, write on a synchronization event, so that a user who may only
 * read a driver's or another user's auto-reset event cannot take the sets
 * meant for the real waiter. A table of type x "other" bits, opened by
 * another uid for SYNCHRONIZE, QUERY_STATE and MODIFY_STATE one at a time;
 * then the attack itself: with read access only, the other uid can read
 * the auto-reset event's state but neither wait on it nor poll it.
 */
#include "abi.h"

#include <poll.h>
#include <sys/stat.h>

#define NOBODY	65534

static const struct {
	uint32_t type;
	unsigned int mode;
	bool sync, query, modify;
} cases[] = {
	{ T_MANUAL, 0604, true, true, false },
	{ T_MANUAL, 0602, false, false, true },
	{ T_MANUAL, 0606, true, true, true },
	{ T_AUTO, 0604, false, true, false },
	{ T_AUTO, 0602, true, false, true },
	{ T_AUTO, 0606, true, true, true },
};

static char names[sizeof(cases) / sizeof(cases[0])][128];
static char reader_name[128];

static void check_one(int dev, unsigned int i, uint32_t access, bool want)
{
	int r = t_open_name_raw(dev, names[i], 0, access, 0, 0, 0, NULL);

	CHECK_MSG(want ? r >= 0 : r == -EACCES,
		  "%s mode %04o, access %#x: %s, expected %s",
		  cases[i].type == T_AUTO ? "synchronization" : "notification",
		  cases[i].mode, access, r >= 0 ? "granted" : t_errname(-r),
		  want ? "granted" : "EACCES");
	if (r >= 0)
		close(r);
}

static void as_other(void *arg)
{
	int dev = t_open_dev();
	unsigned int i;
	struct pollfd p;
	int fd;

	(void)arg;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		check_one(dev, i, NTEVENT_SYNCHRONIZE, cases[i].sync);
		check_one(dev, i, NTEVENT_QUERY_STATE, cases[i].query);
		check_one(dev, i, NTEVENT_MODIFY_STATE, cases[i].modify);
	}

	/* A reader of a signaled auto-reset event cannot consume it. */
	fd = t_open_name(dev, reader_name, NTEVENT_QUERY_STATE);
	CHECK_STATE(fd, 1);
	CHECK_RET(t_wait1(dev, fd, 0), -EACCES);
	p.fd = fd;
	p.events = POLLIN;
	CHECK_EQ(poll(&p, 1, 0), 1);
	CHECK_EQ(p.revents, POLLERR);
	CHECK_STATE(fd, 1);
	close(fd);
}

int main(void)
{
	int dev = t_open_dev();
	unsigned int i;
	int reader;

	t_need_root();
	umask(0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char tag[32];

		snprintf(tag, sizeof(tag), "%u.%04o", i, cases[i].mode);
		t_name(names[i], sizeof(names[i]), tag);
		t_create_name(dev, names[i], cases[i].type, 0, cases[i].mode);
	}
	t_name(reader_name, sizeof(reader_name), "reader");
	reader = t_create_name(dev, reader_name, T_AUTO, 1, 0644);
	t_run_as(NOBODY, NOBODY, as_other, NULL);
	/* Still signaled: nobody consumed it. */
	CHECK_STATE(reader, 1);
	return T_PASS;
}
