// SPDX-License-Identifier: GPL-2.0
/*
 * Closing descriptors while threads wait on their events does not crash or
 * end a wait early: a wait holds its events (and so a named event's name)
 * until it returns. One row per case: which descriptors are closed mid-
 * wait (the waited fd, one of two events, all of them and the device fd
 * the wait was issued on, the only fd of a named event), the wait kind,
 * and what ends the wait:
 * - nothing: it times out at its deadline, not before;
 * - a SET through another descriptor of the event (a dup(2) or an
 *   NTEVENT_IOC_DUP made before), or of another event in the list;
 * - a SET through a descriptor opened again by name, which finds the
 *   event the waiter holds.
 * A closed number is free at once (not an event: EBADF); a name is gone
 * once its waiter and last descriptor are.
 */
#include "abi.h"

#define MAX_EV		3
#define MAX_WAITERS	4

enum end_by {
	TIMEOUT,	/* nothing: the wait times out */
	SET_SLOT,	/* a SET of slot set */
	REOPEN_SET,	/* a SET through slot 0's name, opened again */
	REOPEN,		/* slot 0's name opened (and closed); timeout */
};

struct row {
	const char *name;
	/*
	 * Per slot: 'A'/'M' auto/manual, 'a'/'m' a named one, 'd' a dup(2)
	 * of slot 0, 'D' an NTEVENT_IOC_DUP of slot 0 (MODIFY, QUERY).
	 */
	const char *types;
	const char *states;
	const char *fds;	/* the wait list, slot digits */
	int waiters;		/* wait-any, wait-all, wait-any...; or 1 */
	bool all;		/* with waiters == 1: a wait-all */
	int ms;			/* the waits' deadline */
	const char *close;	/* slots closed mid-wait */
	bool close_dev;		/* the waits' device fd too */
	enum end_by end_by;
	int set;
	int want;
	int index;
	const char *after;	/* states after ('-': not checked) */
};

static const struct row rows[] = {
	{ "waited_fd_times_out", "A", "0", "0", 1, false, 400, "0", false,
	  TIMEOUT, 0, -ETIMEDOUT, 0, "" },
	{ "dup2_set_any", "AMd", "00-", "10", 1, false, 5000, "0", false,
	  SET_SLOT, 2, 0, 1, "--0" },
	{ "dup2_set_all", "AMd", "01-", "10", 1, true, 5000, "0", false,
	  SET_SLOT, 2, 0, 0, "-10" },
	{ "ntdup_set_any", "AD", "0-", "0", 1, false, 5000, "0", false,
	  SET_SLOT, 1, 0, 0, "-0" },
	{ "other_set_any", "AA", "00", "01", 1, false, 5000, "0", false,
	  SET_SLOT, 1, 0, 1, "-0" },
	{ "all_and_device", "AM", "00", "01", 4, false, 400, "01", true,
	  TIMEOUT, 0, -ETIMEDOUT, 0, "" },
	{ "named_reopen_set", "a", "0", "0", 1, false, 8000, "0", false,
	  REOPEN_SET, 0, 0, 0, "" },
	{ "named_times_out", "m", "0", "0", 1, false, 1500, "0", false,
	  REOPEN, 0, -ETIMEDOUT, 0, "" },
};

static int dev;

static int make_event(const struct row *r, int i, const int *fd,
		      const char *name)
{
	char c = r->types[i];
	uint32_t type = (c == 'M' || c == 'm') ? T_MANUAL : T_AUTO;
	uint32_t state = r->states[i] == '1';

	switch (c) {
	case 'd':
		return CHECK_OK(dup(fd[0]));
	case 'D':
		return t_dup(fd[0], NTEVENT_MODIFY_STATE | NTEVENT_QUERY_STATE);
	case 'a':
	case 'm':
		return t_create_name(dev, name, type, state, 0600);
	}
	return t_create(dev, type, state);
}

static void run_row(const struct row *r)
{
	int fd[MAX_EV], i, n = (int)strlen(r->types);
	int wdev = r->close_dev ? t_open_dev() : dev;
	struct t_waiter w[MAX_WAITERS];
	bool named = r->types[0] == 'a' || r->types[0] == 'm';
	char name[128];
	int o = -1;

	t_name(name, sizeof(name), r->name);
	for (i = 0; i < n; i++)
		fd[i] = make_event(r, i, fd, name);

	for (i = 0; i < r->waiters; i++) {
		uint32_t k;

		memset(&w[i], 0, sizeof(w[i]));
		w[i].dev = wdev;
		w[i].all = r->waiters > 1 ? i & 1 : r->all;
		for (k = 0; r->fds[k]; k++)
			w[i].fds[k] = (uint32_t)fd[r->fds[k] - '0'];
		w[i].count = k;
		w[i].timeout = t_after_ms(r->ms);
		t_waiter_start_asleep(&w[i]);
	}

	/* The close: the number is free at once, and not an event. */
	for (i = 0; r->close[i]; i++) {
		int c = r->close[i] - '0';

		CHECK_OK(close(fd[c]));
		CHECK(fcntl(fd[c], F_GETFD) == -1);
		CHECK_RET(t_wait1(dev, fd[c], 0), -EBADF);
		fd[c] = -1;
	}
	if (r->close_dev)
		CHECK_OK(close(wdev));

	switch (r->end_by) {
	case TIMEOUT:
		break;
	case SET_SLOT:
		t_sleep_ms(50);
		CHECK(!t_waiters_done(w, r->waiters));
		CHECK_EQ(t_set(fd[r->set]), 0);
		break;
	case REOPEN_SET:
		o = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
		CHECK_EQ(t_read(o).type, T_AUTO);
		CHECK_STATE(o, 0);
		CHECK_EQ(t_set(o), 0);
		break;
	case REOPEN:
		close(t_open_name(dev, name, NTEVENT_QUERY_STATE));
		break;
	}

	CHECK_EQ(t_await_done(w, r->waiters, r->waiters, r->ms + 5000),
		 r->waiters);
	for (i = 0; i < r->waiters; i++) {
		t_waiter_join(&w[i]);
		CHECK_RET(w[i].ret, r->want);
		if (r->want == 0)
			CHECK_EQ(w[i].index, r->index);
		else
			CHECK_MSG(w[i].end_ns >= (int64_t)w[i].timeout,
				  "the wait ended %lld ms before its deadline",
				  (long long)((int64_t)w[i].timeout -
					      w[i].end_ns) / 1000000);
	}
	for (i = 0; r->after[i]; i++)
		if (r->after[i] != '-')
			CHECK_EQ(t_state(fd[i]), r->after[i] - '0');
	if (o >= 0) {
		CHECK_STATE(o, 0);	/* the waiter consumed it */
		close(o);
	}
	for (i = 0; i < n; i++)
		if (fd[i] >= 0)
			close(fd[i]);

	/* The waiter and the last descriptor gone, so is the name. */
	if (named)
		CHECK_RET(t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS, 0,
					  0, 0, NULL), -ENOENT);
	/* Later calls work. */
	o = t_create(dev, T_AUTO, 1);
	CHECK_RET(t_try(dev, o), 0);
	close(o);
}

int main(void)
{
	const struct row *r;

	dev = t_open_dev();
	T_FOR_EACH_ROW(r, rows)
		run_row(r);
	return T_PASS;
}
