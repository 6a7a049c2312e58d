// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_OPEN by its flags, on a name that exists or not. CREATE on
 * a new name makes the event (created = 1) with the type, state and rights
 * asked for; CREATE | EXCL likewise; flags 0 is ENOENT. On an existing
 * name, flags 0 and CREATE (OBJ_OPENIF, STATUS_OBJECT_NAME_EXISTS) open
 * that event: created = 0, the type, initial state and mode given are
 * ignored and the state is left as it was, the descriptor (O_CLOEXEC,
 * another number) has the rights asked for, and it is the same event: a
 * change or a wait through either is seen through the other, and an
 * unrelated event is not touched; CREATE | EXCL is EEXIST.
 *
 * Each row is one open: its flags, whether (and as what) the name exists,
 * what the open passes, and what must come of it.
 */
#include "abi.h"

#define QMS	(NTEVENT_QUERY_STATE | NTEVENT_MODIFY_STATE | \
		 NTEVENT_SYNCHRONIZE)
#define QS	(NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE)
#define ALL	NTEVENT_ALL_ACCESS
#define EXCL	(NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL)

struct row {
	const char *name;
	uint32_t flags;
	bool exists;		/* made first, as ex_type in ex_state */
	uint32_t ex_type;
	uint32_t ex_state;
	uint32_t type;		/* what the open passes */
	uint32_t state;
	uint32_t mode;
	uint32_t access;
	int want;		/* 0: a descriptor; else -errno */
};

static const struct row rows[] = {
	/* A new name. */
	{ "create new manual", NTEVENT_OPEN_CREATE, false, 0, 0,
	  T_MANUAL, 0, 0600, ALL, 0 },
	{ "create new auto", NTEVENT_OPEN_CREATE, false, 0, 0,
	  T_AUTO, 0, 0600, ALL, 0 },
	{ "create|excl new auto signaled", EXCL, false, 0, 0,
	  T_AUTO, 1, 0600, ALL, 0 },
	{ "open absent", 0, false, 0, 0, 0, 0, 0, ALL, -ENOENT },
	/* An existing name. */
	{ "open existing manual", 0, true, T_MANUAL, 0,
	  0, 0, 0, QMS, 0 },
	{ "open existing auto signaled", 0, true, T_AUTO, 1,
	  0, 0, 0, ALL, 0 },
	{ "open-if existing, other type and state", NTEVENT_OPEN_CREATE,
	  true, T_AUTO, 0, T_MANUAL, 1, 0777, QS, 0 },
	{ "open-if existing signaled, state 0", NTEVENT_OPEN_CREATE,
	  true, T_AUTO, 1, T_AUTO, 0, 0600, ALL, 0 },
	{ "open-if existing, same type, state 1", NTEVENT_OPEN_CREATE,
	  true, T_AUTO, 0, T_AUTO, 1, 0600, ALL, 0 },
	{ "create|excl existing", EXCL, true, T_AUTO, 0,
	  T_AUTO, 0, 0600, ALL, -EEXIST },
};

/*
 * One event behind a (all rights) and b (QUERY_STATE and SYNCHRONIZE at
 * least, maybe MODIFY_STATE), now in state s.
 */
static void one_event(int dev, int a, int b, uint32_t type, uint32_t s,
		      uint32_t access)
{
	CHECK_EQ(t_set(a), s);
	CHECK_STATE(b, 1);
	if (access & NTEVENT_MODIFY_STATE) {
		CHECK_EQ(t_set(b), 1);
		CHECK_EQ(t_reset(b), 1);
		CHECK_STATE(a, 0);
		CHECK_EQ(t_set(b), 0);
		CHECK_STATE(a, 1);
	}
	/* A wait through b: consumed for a too, if auto. */
	CHECK_RET(t_try(dev, b), 0);
	CHECK_STATE(a, type == T_MANUAL);
	if (type == T_AUTO) {
		CHECK_RET(t_try(dev, a), -ETIMEDOUT);
		/* And set through a, seen through b. */
		CHECK_EQ(t_set(a), 0);
		CHECK_STATE(b, 1);
	} else {
		CHECK_RET(t_wait1(dev, a, 0), 0);	/* stays set */
		CHECK_STATE(b, 1);
	}
}

static void run_row(int dev, const struct row *r, int i)
{
	uint32_t type = r->exists ? r->ex_type : r->type;
	uint32_t state = r->exists ? r->ex_state : r->state;
	struct ntevent_state st;
	char name[128], tag[16];
	uint32_t created;
	int a = -1, fd, other;

	t_case = r->name;
	snprintf(tag, sizeof(tag), "row%d", i);
	t_name(name, sizeof(name), tag);
	if (r->exists)
		a = t_create_name(dev, name, r->ex_type, r->ex_state, 0600);
	/* An unrelated event is not touched by any of this. */
	other = t_create(dev, T_MANUAL, 0);

	fd = t_open_name_raw(dev, name, r->flags, r->access, r->type,
			     r->state, r->mode, &created);
	if (r->want) {
		CHECK_RET(fd, r->want);
		if (r->exists)
			CHECK_STATE(a, r->ex_state);
		goto out;
	}
	CHECK_MSG(fd >= 0, "\"%s\": %s", name, t_errname(-fd));
	CHECK_EQ(created, !r->exists);
	CHECK(fd != a);
	CHECK(CHECK_OK(fcntl(fd, F_GETFD)) & FD_CLOEXEC);
	st = t_read(fd);
	CHECK_EQ(st.type, type);
	CHECK_EQ(st.state, state);
	CHECK_EQ(st.access, r->access);
	if (r->exists) {
		CHECK_STATE(a, state);
		one_event(dev, a, fd, type, state, r->access);
	}
	close(fd);
out:
	CHECK_STATE(other, 0);
	close(other);
	if (a >= 0)
		close(a);
}

int main(void)
{
	int dev = t_open_dev();
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		run_row(dev, &rows[i], (int)i);
	return T_PASS;
}
