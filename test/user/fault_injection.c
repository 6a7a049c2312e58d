// SPDX-License-Identifier: GPL-2.0
/*
 * Under failslab fault injection (fail-nth, debug kernel), every
 * allocation that can fail in CREATE, DUP, a wait-any and a wait-all on
 * many events, OPEN (creating a name, opening an existing one plain or
 * open-if), SOCK_SELECT and WAITSET_CREATE fails the call with ENOMEM and
 * changes nothing: no descriptor left behind, no event consumed or set, no
 * wait set entry left on an event (a wait set made afterwards over the
 * same events still waits and takes what it should), a create leaves no
 * name (a later open is ENOENT), an open leaves the existing event as it
 * was, a socket stays unselected. One row per operation, each
 * swept by t_failnth_sweep(). Skips where the kernel has no fail-nth (the
 * stock kernels).
 */
#include "abi.h"

#include <sys/socket.h>

struct ctx {
	int dev;
	int ev;			/* auto-reset, signaled: DUP's source */
	int evs[8];		/* the wait's events; the last one is set */
	int sig;		/* auto-reset: the wait's signal event */
	int sock;		/* a UDP socket, selected by SOCK_SELECT */
	char fresh[128];	/* a name no event has */
	char held[128];		/* a name of a manual event, signaled */
	int held_fd;
};

static int create_call(void *arg)
{
	struct ctx *c = arg;

	return t_create_raw(c->dev, T_AUTO, 1, NTEVENT_ALL_ACCESS);
}

static void close_fd(void *arg, int fd)
{
	(void)arg;
	close(fd);
}

static int dup_call(void *arg)
{
	struct ctx *c = arg;

	return t_dup_raw(c->ev, 0, NTEVENT_DUP_SAME_ACCESS);
}

static void ev_unchanged(void *arg)
{
	struct ctx *c = arg;

	CHECK_STATE(c->ev, 1);
}

/* The descriptors of the 8 events, as a wait or a wait set takes them. */
static void evs_fds(const struct ctx *c, uint32_t fds[8])
{
	int i;

	for (i = 0; i < 8; i++)
		fds[i] = (uint32_t)c->evs[i];
}

static void wait_prepare(void *arg)
{
	struct ctx *c = arg;

	t_set(c->evs[7]);
}

/*
 * A wait on 8 events allocates its arrays and its waiter; a deadline in
 * the future, so that the waiter is queued, and a signal event, so that it
 * is queued even though an event is signaled (a plain wait-any that an
 * event satisfies at once allocates nothing).
 */
static int wait_call(void *arg)
{
	struct ctx *c = arg;
	uint32_t fds[8], index;
	int ret;

	evs_fds(c, fds);
	ret = t_wait_full(c->dev, false, fds, 8, t_after_ms(5000),
			  NTEVENT_WAIT_SIGNAL, c->sig, &index);
	return ret ? ret : (int)index;
}

static void wait_done(void *arg, int index)
{
	struct ctx *c = arg;

	CHECK_EQ(index, 7);
	CHECK_STATE(c->evs[7], 0);
	CHECK_EQ(t_reset(c->sig), 1);	/* set once the wait was queued */
}

static void wait_unchanged(void *arg)
{
	struct ctx *c = arg;

	CHECK_STATE(c->evs[7], 1);	/* not consumed */
	CHECK_STATE(c->sig, 0);		/* not set */
}

/* A wait-all on 8: seven set, the signal event the eighth. */
static void wait_all_prepare(void *arg)
{
	struct ctx *c = arg;
	int i;

	for (i = 0; i < 7; i++)
		t_set(c->evs[i]);
}

static int wait_all_call(void *arg)
{
	struct ctx *c = arg;
	uint32_t fds[8], index;

	evs_fds(c, fds);
	return t_wait_full(c->dev, true, fds, 8, t_after_ms(5000),
			   NTEVENT_WAIT_SIGNAL, c->evs[7], &index);
}

static void wait_all_done(void *arg, int ret)
{
	struct ctx *c = arg;
	int i;

	(void)ret;
	for (i = 0; i < 8; i++)
		CHECK_STATE(c->evs[i], 0);	/* all taken together */
}

static void wait_all_unchanged(void *arg)
{
	struct ctx *c = arg;
	int i;

	for (i = 0; i < 7; i++)
		CHECK_EQ(t_reset(c->evs[i]), 1);	/* none taken */
	CHECK_STATE(c->evs[7], 0);			/* not set */
}

/* WSAEventSelect's record: made by a select, gone with mask 0. */
static int sock_select_call(void *arg)
{
	struct ctx *c = arg;

	return t_sock_select(c->dev, c->sock, c->ev, NTEVENT_FD_READ);
}

static void sock_deselect(void *arg, int ret)
{
	struct ctx *c = arg;

	(void)ret;
	CHECK_RET(t_sock_select(c->dev, c->sock, 0, 0), 0);
}

static void sock_unselected(void *arg)
{
	struct ctx *c = arg;
	struct ntevent_sock_enum_args a;

	CHECK_RET(t_sock_enum(c->dev, c->sock, -1, NTEVENT_SOCK_PEEK, &a), 0);
	CHECK_EQ(a.mask, 0);
	CHECK_STATE(c->ev, 1);
}

/* A wait set over the 8 events; the last one is set. */
static int waitset_call(void *arg)
{
	struct ctx *c = arg;
	uint32_t fds[8];

	evs_fds(c, fds);
	return t_waitset_create_full(c->dev, fds, 8, 0, 0);
}

/* The wait set waits, takes the set event, and goes. */
static void waitset_done(void *arg, int ws)
{
	struct ntevent_waitset_wait_args a;
	struct ctx *c = arg;

	memset(&a, 0, sizeof(a));
	CHECK_RET(t_ioc(ws, NTEVENT_IOC_WAITSET_WAIT, &a), 0);
	CHECK_EQ(a.index, 7);
	CHECK_STATE(c->evs[7], 0);
	close(ws);
}

static int open_call(struct ctx *c, const char *name, uint32_t flags)
{
	return t_open_name_raw(c->dev, name, flags, NTEVENT_ALL_ACCESS, T_AUTO,
			       1, 0600, NULL);
}

static int create_name_call(void *arg)
{
	struct ctx *c = arg;

	return open_call(c, c->fresh, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL);
}

static void no_fresh_name(void *arg)
{
	struct ctx *c = arg;

	CHECK_RET(open_call(c, c->fresh, 0), -ENOENT);
}

static int open_held_call(void *arg)
{
	struct ctx *c = arg;

	return open_call(c, c->held, 0);
}

static int open_if_held_call(void *arg)
{
	struct ctx *c = arg;

	return open_call(c, c->held, NTEVENT_OPEN_CREATE);
}

static void held_unchanged(void *arg)
{
	struct ctx *c = arg;
	struct ntevent_state st = t_read(c->held_fd);

	CHECK_EQ(st.state, 1);
	CHECK_EQ(st.type, T_MANUAL);
}

/* The event opened is the held one, manual; the held one is as it was. */
static void held_opened(void *arg, int fd)
{
	CHECK_EQ(t_read(fd).type, T_MANUAL);
	close(fd);
	held_unchanged(arg);
}

static const struct t_nth_op ops[] = {
	{ "CREATE", NULL, create_call, close_fd, NULL },
	{ "DUP", NULL, dup_call, close_fd, ev_unchanged },
	{ "WAIT_ANY on 8", wait_prepare, wait_call, wait_done, wait_unchanged },
	{ "WAIT_ALL on 8", wait_all_prepare, wait_all_call, wait_all_done,
	  wait_all_unchanged },
	{ "SOCK_SELECT", NULL, sock_select_call, sock_deselect,
	  sock_unselected },
	{ "WAITSET_CREATE of 8", wait_prepare, waitset_call, waitset_done,
	  wait_unchanged },
	{ "OPEN creating a name", NULL, create_name_call, close_fd,
	  no_fresh_name },
	{ "OPEN of a name", NULL, open_held_call, held_opened, held_unchanged },
	{ "OPEN-IF of a name", NULL, open_if_held_call, held_opened,
	  held_unchanged },
};

int main(void)
{
	struct ctx c = { .dev = t_open_dev() };
	int i;

	c.ev = t_create(c.dev, T_AUTO, 1);
	for (i = 0; i < 8; i++)
		c.evs[i] = t_create(c.dev, T_AUTO, 0);
	c.sig = t_create(c.dev, T_AUTO, 0);
	c.sock = CHECK_OK(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
	t_name(c.fresh, sizeof(c.fresh), "fresh");
	t_name(c.held, sizeof(c.held), "held");
	c.held_fd = t_create_name(c.dev, c.held, T_MANUAL, 1, 0600);

	t_failnth_sweep_all(ops, T_ARRAY_SIZE(ops), &c);

	/* The names go with their last descriptors. */
	no_fresh_name(&c);
	close(c.held_fd);
	CHECK_RET(open_call(&c, c.held, 0), -ENOENT);
	return T_PASS;
}
