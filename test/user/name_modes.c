// SPDX-License-Identifier: GPL-2.0
/*
 * The mode of a named event decides who may open it with which rights, as
 * for POSIX IPC: the owner (the creator's euid and egid) gets the owner
 * bits, even when they grant less than the others; a member of the
 * event's group (by egid or by a supplementary group) gets the group bits;
 * anyone else the "other" bits; the classes do not add up. Read grants
 * SYNCHRONIZE, QUERY_STATE and READ_CONTROL; write grants MODIFY_STATE,
 * DELETE, WRITE_DAC and WRITE_OWNER; a mix of granted and refused rights
 * is refused (EACCES), with flags 0 and with CREATE (open-if) alike, and
 * CREATE | EXCL of an existing name is EEXIST; access 0 still needs some
 * bit. The creator's umask comes off the mode. CAP_IPC_OWNER overrides
 * the mode (uid 0 without it does not; another uid with it does). The
 * creator's own descriptor has every right it asked for, mode
 * notwithstanding, and an open grants only the rights asked for, even to
 * root; a duplicate never gains one.
 *
 * Each row of the table is one open: which event (its mode, owner and
 * umask), who opens it, with which flags and rights, and the fd or errno
 * expected. The rows of one identity run in one child that has become it.
 */
#include "abi.h"

#include <linux/capability.h>
#include <sys/prctl.h>

/* Rights and flags, as enum constants so that row names spell them. */
enum {
	NONE = 0,
	SYNC = NTEVENT_SYNCHRONIZE,
	QUERY = NTEVENT_QUERY_STATE,
	RCTL = NTEVENT_READ_CONTROL,
	MODIFY = NTEVENT_MODIFY_STATE,
	DELETE = NTEVENT_DELETE,
	WDAC = NTEVENT_WRITE_DAC,
	WOWNER = NTEVENT_WRITE_OWNER,
	SYNC_QUERY = SYNC | QUERY,
	MIX = SYNC | MODIFY,
	READ_R = SYNC | QUERY | RCTL,
	READ_MODIFY = READ_R | MODIFY,
	WRITE_R = MODIFY | DELETE | WDAC | WOWNER,
	ALL = NTEVENT_ALL_ACCESS,
};

enum {
	OPEN = 0,
	OPEN_IF = NTEVENT_OPEN_CREATE,
	CREATE = NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
};

/* ---- the events ---- */

enum ev {
	E0600, E0000, E0604, E0640, E0644, E0622, E0666,
	EU0000, EU0064, EM077, EM022, EM000, N_EV
};

struct event {
	const char *tag;
	uid_t uid;		/* the creator's euid and egid */
	gid_t gid;
	mode_t umask;
	uint32_t mode;
	uint32_t type;
	uint32_t state;		/* at creation */
	uint32_t end;		/* after every row */
	char name[128];
	int fd;			/* the creator's descriptor */
};

static struct event events[N_EV] = {
	[E0600]  = { "0600",    0,    0,    0,    0600, T_AUTO,   1, 1 },
	[E0000]  = { "0000",    0,    0,    0,    0000, T_AUTO,   1, 1 },
	[E0604]  = { "0604",    0,    2000, 0,    0604, T_MANUAL, 0, 0 },
	[E0640]  = { "0640",    0,    2000, 0,    0640, T_MANUAL, 0, 0 },
	[E0644]  = { "0644",    0,    0,    0,    0644, T_MANUAL, 1, 1 },
	[E0622]  = { "0622",    0,    0,    0,    0622, T_MANUAL, 0, 1 },
	[E0666]  = { "0666",    0,    0,    0,    0666, T_AUTO,   0, 1 },
	[EU0000] = { "u0000",   1000, 1000, 0,    0000, T_MANUAL, 0, 1 },
	[EU0064] = { "u0064",   1000, 1000, 0,    0064, T_MANUAL, 0, 0 },
	[EM077]  = { "umask077", 0,   0,    0077, 0666, T_MANUAL, 0, 0 },
	[EM022]  = { "umask022", 0,   0,    0022, 0666, T_MANUAL, 0, 0 },
	[EM000]  = { "umask000", 0,   0,    0000, 0666, T_MANUAL, 0, 0 },
};

/*
 * Create an event as its owner, under its umask. The creator's descriptor
 * has all rights whatever the mode: set, wait, reset, and back to the
 * state it was created with.
 */
static void create_event(int dev, struct event *ev)
{
	int fd;

	t_case = ev->tag;
	t_name(ev->name, sizeof(ev->name), ev->tag);
	if (ev->gid)
		CHECK_OK(setegid(ev->gid));
	if (ev->uid)
		CHECK_OK(seteuid(ev->uid));
	umask(ev->umask);
	fd = t_create_name(dev, ev->name, ev->type, ev->state, ev->mode);
	umask(0);
	if (ev->uid)
		CHECK_OK(seteuid(0));
	if (ev->gid)
		CHECK_OK(setegid(0));

	CHECK_EQ(t_read(fd).access, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_set(fd), ev->state);
	CHECK_RET(t_wait1(dev, fd, 0), 0);
	CHECK_EQ(t_reset(fd), ev->type == T_MANUAL);
	if (ev->state)
		CHECK_EQ(t_set(fd), 0);
	CHECK_STATE(fd, ev->state);
	ev->fd = fd;
}

/* ---- who opens ---- */

enum who {
	ROOT, ROOT_NOCAP, ROOT_RECAP, U2000, U2000_CAP, U1000, U1000_G0,
	U1000_G2000, U1000_G3000, U1000_S2000, U1001_G1000, U1001_G1001,
	N_WHO
};

enum cap { CAP_ASIS, CAP_OFF, CAP_OFF_ON, CAP_ON };

struct identity {
	bool parent;		/* root, in the test process itself */
	uid_t uid;		/* 0: a child keeps root's ids */
	gid_t gid;
	gid_t supp;		/* the one supplementary group, or 0 */
	bool keepcaps;		/* keep the capabilities across setuid */
	enum cap cap;		/* then change CAP_IPC_OWNER so */
};

static const struct identity whos[N_WHO] = {
	[ROOT]        = { .parent = true },
	[ROOT_NOCAP]  = { .cap = CAP_OFF },
	[ROOT_RECAP]  = { .cap = CAP_OFF_ON },
	[U2000]       = { .uid = 2000, .gid = 2000, .keepcaps = true },
	[U2000_CAP]   = { .uid = 2000, .gid = 2000, .keepcaps = true,
			  .cap = CAP_ON },
	[U1000]       = { .uid = 1000, .gid = 1000 },
	[U1000_G0]    = { .uid = 1000, .gid = 0 },
	[U1000_G2000] = { .uid = 1000, .gid = 2000 },
	[U1000_G3000] = { .uid = 1000, .gid = 3000 },
	[U1000_S2000] = { .uid = 1000, .gid = 3000, .supp = 2000 },
	[U1001_G1000] = { .uid = 1001, .gid = 1000 },
	[U1001_G1001] = { .uid = 1001, .gid = 1001 },
};

/* Turn CAP_IPC_OWNER in the effective set on or off. */
static void cap_ipc_owner(bool on)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[2];

	CHECK_OK(syscall(SYS_capget, &h, d));
	if (on)
		d[0].effective |= 1u << CAP_IPC_OWNER;
	else
		d[0].effective &= ~(1u << CAP_IPC_OWNER);
	CHECK_OK(syscall(SYS_capset, &h, d));
}

/* Become w, for good (a child's job). */
static void become(const struct identity *w)
{
	if (w->keepcaps)
		CHECK_OK(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0));
	if (w->uid) {
		CHECK_OK(setgroups(w->supp ? 1 : 0, &w->supp));
		CHECK_OK(setresgid(w->gid, w->gid, w->gid));
		CHECK_OK(setresuid(w->uid, w->uid, w->uid));
		CHECK_EQ(geteuid(), w->uid);
		CHECK_EQ(getegid(), w->gid);
	}
	if (w->cap == CAP_OFF || w->cap == CAP_OFF_ON)
		cap_ipc_owner(false);
	if (w->cap == CAP_OFF_ON || w->cap == CAP_ON)
		cap_ipc_owner(true);
}

/* ---- what a granted descriptor then does ---- */

/* 0644 opened with the read rights: it may wait (manual), not set. */
static void use_read(int dev, int fd)
{
	CHECK_STATE(fd, 1);
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_RET(t_wait1(dev, fd, t_after_ms(1000)), 0);
}

/* 0622 opened with the write rights: it may set, not wait. */
static void use_write(int dev, int fd)
{
	CHECK_EQ(t_set(fd), 0);
	CHECK_RET(t_try(dev, fd), -EACCES);
}

/* 0666 (auto) opened with everything. */
static void use_all(int dev, int fd)
{
	CHECK_EQ(t_set(fd), 0);
	CHECK_RET(t_try(dev, fd), 0);	/* consumed */
	CHECK_EQ(t_pulse(fd), 0);
	CHECK_EQ(t_set(fd), 0);
}

static void use_set(int dev, int fd)
{
	(void)dev;
	CHECK_EQ(t_set(fd), 0);
}

/* ---- the table ---- */

struct row {
	const char *name;
	enum who who;
	enum ev ev;
	uint32_t flags;
	uint32_t access;
	int want;		/* 0: granted; else -errno */
	void (*then)(int dev, int fd);
};

#define ROW(w, e, f, a, r)						\
	{ #e "/" #w "/" #f "/" #a, w, e, f, a, r, NULL }
#define ROW_THEN(w, e, f, a, fn)					\
	{ #e "/" #w "/" #f "/" #a, w, e, f, a, 0, fn }

/* Each single right, granted if the mode grants it (grant). */
#define GRANT(a, g)	(((a) & (g)) == (a) ? 0 : -EACCES)
#define EACH(w, e, f, g)						\
	ROW(w, e, f, SYNC, GRANT(SYNC, g)),				\
	ROW(w, e, f, QUERY, GRANT(QUERY, g)),				\
	ROW(w, e, f, RCTL, GRANT(RCTL, g)),				\
	ROW(w, e, f, MODIFY, GRANT(MODIFY, g)),				\
	ROW(w, e, f, DELETE, GRANT(DELETE, g)),				\
	ROW(w, e, f, WDAC, GRANT(WDAC, g)),				\
	ROW(w, e, f, WOWNER, GRANT(WOWNER, g))

/* Refused whatever the rights: EACCES, or EEXIST for CREATE | EXCL. */
#define DENY1(w, e, a)							\
	ROW(w, e, OPEN, a, -EACCES),					\
	ROW(w, e, OPEN_IF, a, -EACCES),					\
	ROW(w, e, CREATE, a, -EEXIST)
#define DENY(w, e)							\
	DENY1(w, e, SYNC), DENY1(w, e, QUERY), DENY1(w, e, RCTL),	\
	DENY1(w, e, MODIFY), DENY1(w, e, DELETE), DENY1(w, e, WDAC),	\
	DENY1(w, e, WOWNER), DENY1(w, e, SYNC_QUERY), DENY1(w, e, ALL)

/* Refused SYNCHRONIZE, QUERY_STATE and MODIFY_STATE alike. */
#define NONE_OF3(w, e)							\
	ROW(w, e, OPEN, SYNC, -EACCES),					\
	ROW(w, e, OPEN, QUERY, -EACCES),				\
	ROW(w, e, OPEN, MODIFY, -EACCES)

/* Grouped by who: each group runs in one child. */
static const struct row rows[] = {
	/* Root: CAP_IPC_OWNER overrides mode 0000; the owner, access 0. */
	ROW_THEN(ROOT, EU0000, OPEN, ALL, use_set),
	ROW(ROOT, E0600, OPEN, NONE, 0),
	/* Root without CAP_IPC_OWNER is refused; with it again, not. */
	ROW(ROOT_NOCAP, EU0000, OPEN, SYNC, -EACCES),
	ROW(ROOT_NOCAP, EU0000, OPEN, ALL, -EACCES),
	ROW(ROOT_RECAP, EU0000, OPEN, ALL, 0),
	/* Another uid: refused, unless CAP_IPC_OWNER is effective. */
	ROW(U2000, EU0000, OPEN, SYNC, -EACCES),
	ROW(U2000_CAP, EU0000, OPEN, ALL, 0),

	/* uid/gid 1000: "other" for root's events. */
	ROW(U1000, E0600, OPEN, NONE, -EACCES),
	ROW(U1000, E0600, OPEN_IF, NONE, -EACCES),
	ROW(U1000, E0604, OPEN, NONE, 0),
	EACH(U1000, E0644, OPEN, READ_R),
	EACH(U1000, E0644, OPEN_IF, READ_R),
	ROW(U1000, E0644, OPEN, MIX, -EACCES),
	ROW(U1000, E0644, OPEN, ALL, -EACCES),
	ROW_THEN(U1000, E0644, OPEN, READ_R, use_read),
	EACH(U1000, E0622, OPEN, WRITE_R),
	EACH(U1000, E0622, OPEN_IF, WRITE_R),
	ROW(U1000, E0622, OPEN, MIX, -EACCES),
	ROW_THEN(U1000, E0622, OPEN, WRITE_R, use_write),
	EACH(U1000, E0666, OPEN, ALL),
	EACH(U1000, E0666, OPEN_IF, ALL),
	ROW_THEN(U1000, E0666, OPEN, ALL, use_all),
	DENY(U1000, E0600),
	DENY(U1000, E0000),
	/* The owner of 0064: the owner bits (none) apply to it. */
	NONE_OF3(U1000, EU0064),
	/* 0666 less the umask. */
	NONE_OF3(U1000, EM077),
	ROW(U1000, EM022, OPEN, SYNC_QUERY, 0),
	ROW(U1000, EM022, OPEN, MODIFY, -EACCES),
	ROW(U1000, EM000, OPEN, ALL, 0),

	/* Another uid in root's group: the group bits. */
	DENY(U1000_G0, E0600),
	ROW(U1000_G0, EM077, OPEN, SYNC, -EACCES),
	ROW(U1000_G0, EM022, OPEN, MODIFY, -EACCES),
	ROW(U1000_G0, EM022, OPEN, SYNC, 0),

	/* In the events' group 2000: 0640 reads; 0604 gives it nothing. */
	ROW(U1000_G2000, E0640, OPEN, READ_R, 0),
	ROW(U1000_G2000, E0640, OPEN, SYNC, 0),
	ROW(U1000_G2000, E0640, OPEN, MODIFY, -EACCES),
	ROW(U1000_G2000, E0640, OPEN, READ_MODIFY, -EACCES),
	ROW(U1000_G2000, E0640, OPEN, DELETE, -EACCES),
	ROW(U1000_G2000, E0604, OPEN, SYNC, -EACCES),
	ROW(U1000_G2000, E0604, OPEN, QUERY, -EACCES),
	/* Outside it: the other bits. */
	NONE_OF3(U1000_G3000, E0640),
	ROW(U1000_G3000, E0604, OPEN, READ_R, 0),
	ROW(U1000_G3000, E0604, OPEN, MODIFY, -EACCES),
	/* In group 2000 by a supplementary group only: the group bits. */
	ROW(U1000_S2000, E0640, OPEN, SYNC_QUERY, 0),
	ROW(U1000_S2000, E0640, OPEN, MODIFY, -EACCES),

	/* 0064 of uid 1000: group 1000 reads and writes, others read. */
	ROW(U1001_G1000, EU0064, OPEN, ALL, 0),
	ROW(U1001_G1000, EU0064, OPEN, MODIFY, 0),
	ROW(U1001_G1001, EU0064, OPEN, SYNC_QUERY, 0),
	ROW(U1001_G1001, EU0064, OPEN, MODIFY, -EACCES),
};

#define N_ROWS	(sizeof(rows) / sizeof(rows[0]))

static void run_row(int dev, const struct row *r)
{
	const struct event *ev = &events[r->ev];
	uint32_t created;
	int fd;

	t_case = r->name;
	fd = t_open_name_raw(dev, ev->name, r->flags, r->access, ev->type, 0,
			     0666, &created);
	if (r->want) {
		CHECK_MSG(fd == r->want, "uid %d gid %d: %s, expected %s",
			  (int)getuid(), (int)getgid(),
			  fd < 0 ? t_errname(-fd) : "granted",
			  t_errname(-r->want));
		return;
	}
	CHECK_MSG(fd >= 0, "uid %d gid %d: %s, expected success",
		  (int)getuid(), (int)getgid(), t_errname(-fd));
	CHECK_EQ(created, 0);
	CHECK(fcntl(fd, F_GETFD) >= 0);
	if (r->access & NTEVENT_QUERY_STATE)
		CHECK_EQ(t_read(fd).access, r->access);
	if (r->then)
		r->then(dev, fd);
	close(fd);
}

/* Run n rows of one identity; no descriptor is left behind. */
static void run_rows(const struct row *r, size_t n)
{
	int dev = t_open_dev();
	int before = t_count_fds();
	size_t i;

	for (i = 0; i < n; i++)
		run_row(dev, &r[i]);
	t_case = r->name;
	CHECK_EQ(t_count_fds(), before);
	close(dev);
}

/*
 * Run a group of rows as its identity: in a child unless it is the
 * parent's. The child's checks count here.
 */
static void run_group(const struct row *r, size_t n, long *child_checks)
{
	const struct identity *w = &whos[r->who];
	pid_t pid;

	if (w->parent) {
		run_rows(r, n);
		return;
	}
	t_case = r->name;
	pid = t_fork();
	if (pid == 0) {
		atomic_store(&t_checks, 0);
		become(w);
		run_rows(r, n);
		*child_checks = atomic_load(&t_checks);
		_exit(0);
	}
	t_reap_ok(pid);
	atomic_fetch_add(&t_checks, *child_checks);
}

/*
 * Opening a name grants only the rights asked for, even to root and the
 * owner: with SYNCHRONIZE alone, SET, RESET, PULSE, CLEAR and READ are
 * EACCES but a wait works; with QUERY_STATE alone a wait is EACCES; with
 * MODIFY_STATE alone a set works. The same holds for the creator's own
 * descriptor and for open-if.
 */
static void rights_on_open(int dev)
{
	struct ntevent_state st;
	uint32_t created;
	char name[128];
	int e, s, q, m, c;

	t_case = "rights_on_open";
	t_name(name, sizeof(name), "rights");
	e = t_create_name(dev, name, T_AUTO, 0, 0666);

	s = t_open_name(dev, name, NTEVENT_SYNCHRONIZE);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_RESET, NULL), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_PULSE, NULL), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_CLEAR), EACCES);
	CHECK_ERR(ioctl(s, NTEVENT_IOC_READ, &st), EACCES);
	CHECK_STATE(e, 0);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_try(dev, s), 0);
	CHECK_STATE(e, 0);

	q = t_open_name(dev, name, NTEVENT_QUERY_STATE);
	st = t_read(q);
	CHECK_EQ(st.access, NTEVENT_QUERY_STATE);
	CHECK_EQ(st.type, T_AUTO);
	CHECK_ERR(ioctl(q, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_try(dev, q), -EACCES);
	CHECK_STATE(q, 1);

	m = t_open_name(dev, name, NTEVENT_MODIFY_STATE);
	CHECK_EQ(t_reset(m), 1);
	CHECK_ERR(ioctl(m, NTEVENT_IOC_READ, &st), EACCES);
	CHECK_RET(t_try(dev, m), -EACCES);
	CHECK_EQ(t_set(m), 0);
	CHECK_STATE(q, 1);

	/* Open-if likewise. */
	c = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE, NTEVENT_SYNCHRONIZE,
			    T_AUTO, 0, 0666, &created);
	CHECK_MSG(c >= 0, "open-if: %s", t_errname(-c));
	CHECK_EQ(created, 0);
	CHECK_ERR(ioctl(c, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_RET(t_try(dev, c), 0);
	close(c);

	/* And the creator's descriptor, created with SYNCHRONIZE only. */
	close(e);
	close(s);
	close(q);
	close(m);
	c = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
			    NTEVENT_SYNCHRONIZE, T_AUTO, 1, 0666, &created);
	CHECK_MSG(c >= 0, "create with SYNCHRONIZE: %s", t_errname(-c));
	CHECK_EQ(created, 1);
	CHECK_ERR(ioctl(c, NTEVENT_IOC_READ, &st), EACCES);
	CHECK_ERR(ioctl(c, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_RET(t_try(dev, c), 0);
	CHECK_RET(t_try(dev, c), -ETIMEDOUT);
	close(c);
}

/*
 * A duplicate of a named event's descriptor gains no right, even when the
 * mode (0666) and the caller (root) would allow it on an open by name:
 * DUP of a SYNCHRONIZE-only descriptor asking for more is EACCES and
 * makes no descriptor; SAME_ACCESS and subsets work. Opening the name
 * again is the way to more rights.
 */
static void dup_cannot_gain(int dev)
{
	char name[128];
	uint32_t bit;
	int e, s, d, before;

	t_case = "dup_cannot_gain";
	t_name(name, sizeof(name), "dup");
	e = t_create_name(dev, name, T_AUTO, 0, 0666);
	s = t_open_name(dev, name, NTEVENT_SYNCHRONIZE);

	before = t_count_fds();
	CHECK_RET(t_dup_raw(s, NTEVENT_MODIFY_STATE, 0), -EACCES);
	CHECK_RET(t_dup_raw(s, NTEVENT_SYNCHRONIZE | NTEVENT_MODIFY_STATE, 0),
		  -EACCES);
	CHECK_RET(t_dup_raw(s, NTEVENT_ALL_ACCESS, 0), -EACCES);
	for (bit = 1; bit; bit <<= 1) {
		if (!(bit & NTEVENT_ALL_ACCESS) || bit == NTEVENT_SYNCHRONIZE)
			continue;
		CHECK_RET(t_dup_raw(s, NTEVENT_SYNCHRONIZE | bit, 0), -EACCES);
	}
	CHECK_EQ(t_count_fds(), before);

	d = t_dup_raw(s, 0, NTEVENT_DUP_SAME_ACCESS);
	CHECK_MSG(d >= 0, "DUP SAME_ACCESS: %s", t_errname(-d));
	CHECK_ERR(ioctl(d, NTEVENT_IOC_SET, NULL), EACCES);
	CHECK_EQ(t_set(e), 0);
	CHECK_RET(t_try(dev, d), 0);
	close(d);
	d = t_dup(s, NTEVENT_SYNCHRONIZE);
	close(d);
	d = t_dup(s, 0);
	close(d);

	/* The duplicate keeps the name alive like any descriptor. */
	d = t_dup(s, NTEVENT_SYNCHRONIZE);
	close(s);
	close(e);
	s = t_open_name(dev, name, NTEVENT_MODIFY_STATE);
	CHECK_EQ(t_set(s), 0);
	CHECK_RET(t_try(dev, d), 0);
	close(s);
	close(d);
}

int main(void)
{
	int dev = t_open_dev();
	long *child_checks;
	size_t i, j;
	int o;

	t_need_root();
	umask(0);
	child_checks = mmap(NULL, sizeof(*child_checks),
			    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
			    -1, 0);
	if (child_checks == MAP_FAILED)
		T_FAILF("mmap: %s", strerror(errno));

	for (i = 0; i < N_EV; i++)
		create_event(dev, &events[i]);

	for (i = 0; i < N_ROWS; i = j) {
		for (j = i; j < N_ROWS && rows[j].who == rows[i].who; j++)
			;
		run_group(&rows[i], j - i, child_checks);
	}

	/* What the rows did to the events is seen here. */
	for (i = 0; i < N_EV; i++) {
		t_case = events[i].tag;
		CHECK_STATE(events[i].fd, events[i].end);
	}

	/*
	 * The owner opens 0600 with any rights; once it closes, nothing
	 * keeps the name alive (the refused opens with access 0 did not).
	 */
	t_case = "0600/owner";
	o = t_open_name(dev, events[E0600].name, NTEVENT_ALL_ACCESS);
	CHECK_RET(t_try(dev, o), 0);
	CHECK_STATE(events[E0600].fd, 0);
	close(o);
	close(events[E0600].fd);
	CHECK_EQ(t_open_name_raw(dev, events[E0600].name, 0, 0, 0, 0, 0, NULL),
		 -ENOENT);

	rights_on_open(dev);
	dup_cannot_gain(dev);
	return T_PASS;
}
