// SPDX-License-Identifier: GPL-2.0
/*
 * Each operation on an event descriptor needs one access right, and fails
 * with EACCES without it, changing nothing: SET, RESET, PULSE and CLEAR
 * need MODIFY_STATE (and then write no previous state); READ needs
 * QUERY_STATE (and writes nothing); a wait needs SYNCHRONIZE on every
 * descriptor it names, wherever it is in the list, and fails before it
 * consumes anything, whatever the deadline; poll() without SYNCHRONIZE
 * reports POLLERR, not the state. The rights the descriptor has go on
 * working, and the one right alone is enough for its operations.
 *
 * Each row is one operation on a fresh event of a type and state, made
 * with every right but the one missing, and what it must return.
 */
#include "abi.h"

#include <poll.h>

/* SET..PULSE pass a previous-state pointer, the _NULL ones NULL. */
enum op {
	SET, RESET, PULSE, SET_NULL, RESET_NULL, PULSE_NULL, CLEAR,
	READ, READ_NULL, WAITANY, WAITALL, POLL,
};

/* The right missing (EVERY: the descriptor has none). */
enum {
	MODIFY = NTEVENT_MODIFY_STATE,
	QUERY = NTEVENT_QUERY_STATE,
	SYNC = NTEVENT_SYNCHRONIZE,
	EVERY = NTEVENT_ALL_ACCESS,
};

/* The deadline of a wait. */
enum tmo { NOW, IN_2S, FOREVER };

struct row {
	const char *name;
	enum op op;
	uint32_t missing;
	uint32_t type;
	uint32_t state;
	int want;		/* 0 or -errno; for POLL, the revents */
	/* waits: how many descriptors (the one without the right last) */
	uint32_t count;
	enum tmo tmo;
};

#define R(o, m, t, s, w)						\
	{ #o " without " #m " " #t "/" #s, o, m, t, s, w, 0, NOW }
/* The same on each type and state. */
#define R4(o, m, w)							\
	R(o, m, T_MANUAL, 0, w), R(o, m, T_MANUAL, 1, w),		\
	R(o, m, T_AUTO, 0, w), R(o, m, T_AUTO, 1, w)
#define W(o, n, tmo)							\
	{ #o " without SYNC, " #n " fds, " #tmo, o, SYNC, T_AUTO, 1,	\
	  -EACCES, n, tmo }

static const struct row rows[] = {
	R4(SET, MODIFY, -EACCES),
	R4(RESET, MODIFY, -EACCES),
	R4(PULSE, MODIFY, -EACCES),
	R4(CLEAR, MODIFY, -EACCES),
	R4(SET_NULL, MODIFY, -EACCES),
	R4(RESET_NULL, MODIFY, -EACCES),
	R4(PULSE_NULL, MODIFY, -EACCES),
	R(READ, QUERY, T_AUTO, 0, -EACCES),
	R(READ_NULL, QUERY, T_AUTO, 0, -EACCES),
	R(READ, EVERY, T_MANUAL, 1, -EACCES),
	W(WAITANY, 1, NOW),
	W(WAITANY, 1, IN_2S),
	W(WAITANY, 3, NOW),
	W(WAITANY, 3, FOREVER),
	W(WAITALL, 1, NOW),
	W(WAITALL, 1, IN_2S),
	W(WAITALL, 3, NOW),
	W(WAITALL, 3, FOREVER),
	R(POLL, SYNC, T_AUTO, 0, POLLERR),
	R(POLL, SYNC, T_AUTO, 1, POLLERR),
};

/* A state-changing ioctl: -errno, and the previous state not written. */
static int modify(int fd, unsigned long cmd, bool with_prev)
{
	uint32_t prev = 0xdeadbeef;
	int ret = t_ioc(fd, cmd, with_prev ? &prev : NULL);

	if (with_prev && ret)
		CHECK_EQ(prev, 0xdeadbeef);
	return ret;
}

/* A wait on fd, after two signaled auto events if count is 3. */
static int wait_on(int dev, const struct row *r, int fd)
{
	uint64_t timeout[] = {
		[NOW] = 0,
		[IN_2S] = t_after_ms(2000),
		[FOREVER] = NTEVENT_NO_TIMEOUT,
	};
	uint32_t fds[3], index;
	int i, ret;

	for (i = 0; i + 1 < (int)r->count; i++)
		fds[i] = t_create(dev, T_AUTO, 1);
	fds[i] = fd;
	ret = t_wait_full(dev, r->op == WAITALL, fds, r->count,
			  timeout[r->tmo], 0, 0, &index);
	/* Nothing consumed. */
	for (i = 0; i + 1 < (int)r->count; i++) {
		CHECK_STATE(fds[i], 1);
		close(fds[i]);
	}
	return ret;
}

static const unsigned long modify_cmd[] = {
	[SET] = NTEVENT_IOC_SET, [RESET] = NTEVENT_IOC_RESET,
	[PULSE] = NTEVENT_IOC_PULSE, [SET_NULL] = NTEVENT_IOC_SET,
	[RESET_NULL] = NTEVENT_IOC_RESET, [PULSE_NULL] = NTEVENT_IOC_PULSE,
};

static int do_op(int dev, const struct row *r, int fd)
{
	struct ntevent_state st;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int ret;

	switch (r->op) {
	case SET:
	case RESET:
	case PULSE:
	case SET_NULL:
	case RESET_NULL:
	case PULSE_NULL:
		return modify(fd, modify_cmd[r->op], r->op < SET_NULL);
	case CLEAR:
		return ioctl(fd, NTEVENT_IOC_CLEAR) ? -errno : 0;
	case READ:
		memset(&st, 0x5a, sizeof(st));
		ret = t_ioc(fd, NTEVENT_IOC_READ, &st);
		if (ret)
			CHECK_EQ(st.state, 0x5a5a5a5a);
		return ret;
	case READ_NULL:
		return t_ioc(fd, NTEVENT_IOC_READ, NULL);
	case WAITANY:
	case WAITALL:
		return wait_on(dev, r, fd);
	case POLL:
		CHECK_EQ(CHECK_OK(poll(&p, 1, 0)), 1);
		CHECK_EQ(p.revents & POLLIN, 0);
		return p.revents;
	}
	T_FAILF("no operation %d", r->op);
}

static void run_row(int dev, const struct row *r)
{
	uint32_t access = NTEVENT_ALL_ACCESS & ~r->missing;
	int fd;

	t_case = r->name;
	fd = t_create_access(dev, r->type, r->state, access);
	CHECK_RET(do_op(dev, r, fd), r->want);
	/* Nothing changed, and the rights it has still work. */
	if (access & NTEVENT_QUERY_STATE) {
		CHECK_STATE(fd, r->state);
		CHECK_EQ(t_read(fd).access, access);
	}
	close(fd);
}

/* The one right alone is enough; without another, the rest works. */
static void enough(int dev)
{
	int fd;

	t_case = "MODIFY alone";
	fd = t_create_access(dev, T_AUTO, 0, NTEVENT_MODIFY_STATE);
	CHECK_EQ(t_set(fd), 0);
	CHECK_EQ(t_set(fd), 1);
	CHECK_EQ(t_reset(fd), 1);
	CHECK_EQ(t_pulse(fd), 0);
	t_clear(fd);
	close(fd);

	t_case = "SYNC alone";
	fd = t_create_access(dev, T_AUTO, 1, NTEVENT_SYNCHRONIZE);
	CHECK_RET(t_try(dev, fd), 0);
	CHECK_RET(t_try(dev, fd), -ETIMEDOUT);
	close(fd);

	t_case = "all but QUERY";
	fd = t_create_access(dev, T_AUTO, 0,
			     NTEVENT_ALL_ACCESS & ~NTEVENT_QUERY_STATE);
	CHECK_EQ(t_set(fd), 0);
	CHECK_EQ(t_set(fd), 1);
	CHECK_RET(t_try(dev, fd), 0);
	CHECK_EQ(t_set(fd), 0);
	close(fd);
}

int main(void)
{
	int dev = t_open_dev();
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		run_row(dev, &rows[i]);
	enough(dev);
	return T_PASS;
}
