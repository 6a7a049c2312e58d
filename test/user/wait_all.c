// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_WAIT_ALL, one scripted row per behaviour:
 * - it completes only once every event is signaled, and then consumes the
 *   auto-reset ones together (manual ones stay signaled);
 * - while blocked it holds on to nothing: a signaled auto event in its list
 *   can be taken by someone else, and a wait-any wins a set the wait-all
 *   cannot use yet;
 * - a PULSE satisfies it only if all its other events are signaled, and
 *   leaves the pulsed event non-signaled either way;
 * - a wait-all that times out (polled, deadline, realtime) changes nothing;
 * - the same event twice (same fd, dup(2), NTEVENT_IOC_DUP, or two opens
 *   of one name) is ENOTUNIQ at once, even without a deadline, and
 *   consumes nothing; in a wait-any it is fine (lowest index, taken once).
 *
 * A row is a set of events (slots 0..) and a list of steps on them: wait
 * lists are strings of slot digits, expected states a string with one
 * character per slot ('-': not checked).
 */
#include "abi.h"

#define MAX_EV		6
#define MAX_WAITERS	2

enum ev_kind {
	EV_NONE,
	EV_NEW,		/* t_create(type, state) */
	EV_DUP,		/* dup(2) of slot src */
	EV_NTDUP,	/* NTEVENT_IOC_DUP of slot src: SYNCHRONIZE, QUERY */
	EV_NAME,	/* CREATE|EXCL of tag (type, state) */
	EV_OPEN,	/* OPEN of tag, which exists */
	EV_OPEN_CREATE,	/* OPEN with CREATE of tag, which exists */
};

struct ev {
	enum ev_kind kind;
	uint32_t type;
	uint32_t state;
	int src;
	const char *tag;
};

enum op {
	OP_END,
	OP_SET,		/* SET ev: previous state want */
	OP_PULSE,	/* PULSE ev: previous state want */
	OP_CLEAR,	/* CLEAR ev */
	OP_TRY,		/* poll a wait on ev alone: want */
	OP_WAIT,	/* wait (all?) on fds: want, index */
	OP_START,	/* waiter w blocks (all?) on fds for ms */
	OP_PENDING,	/* after ms, waiter w is still blocked */
	OP_JOIN,	/* waiter w returned want, index */
	OP_STATES,	/* the states of the slots are fds */
};

enum tmo { TMO_POLL, TMO_MS, TMO_NONE, TMO_REALTIME_MS };

struct step {
	enum op op;
	int ev;			/* slot, or waiter number */
	bool all;
	const char *fds;	/* slot digits; or expected states */
	enum tmo tmo;
	int ms;
	int sig;		/* NTEVENT_WAIT_SIGNAL of this slot; or -1 */
	bool quick;		/* must fail within a second */
	int want;
	int index;		/* expected index, or -1 */
};

struct row {
	const char *name;
	struct ev ev[MAX_EV];
	struct step steps[24];
};

#define A(st)		{ EV_NEW, T_AUTO, (st), 0, NULL }
#define M(st)		{ EV_NEW, T_MANUAL, (st), 0, NULL }
#define DUP(s)		{ EV_DUP, 0, 0, (s), NULL }
#define NTDUP(s)	{ EV_NTDUP, 0, 0, (s), NULL }
#define NAME(tg, st)	{ EV_NAME, T_AUTO, (st), 0, (tg) }
#define OPEN(tg)	{ EV_OPEN, 0, 0, 0, (tg) }
#define OPEN_CREATE(tg)	{ EV_OPEN_CREATE, 0, 0, 0, (tg) }

#define SET(e, prev)	{ .op = OP_SET, .ev = (e), .want = (prev) }
#define PULSE(e, prev)	{ .op = OP_PULSE, .ev = (e), .want = (prev) }
#define CLEAR(e)	{ .op = OP_CLEAR, .ev = (e) }
#define TRY(e, ret)	{ .op = OP_TRY, .ev = (e), .want = (ret) }
#define STATES(s)	{ .op = OP_STATES, .fds = (s) }
#define WAIT_(a, f, t, m, ret, i, s, q)					\
	{ .op = OP_WAIT, .all = (a), .fds = (f), .tmo = (t), .ms = (m),	\
	  .want = (ret), .index = (i), .sig = (s), .quick = (q) }
/* wait-all: polled, with a deadline ms away, without one, realtime */
#define ALL_POLL(f, ret)	WAIT_(true, f, TMO_POLL, 0, ret, 0, -1, false)
#define ALL_MS(f, t, ret)	WAIT_(true, f, TMO_MS, t, ret, 0, -1, false)
#define ALL_NONE(f, ret)	WAIT_(true, f, TMO_NONE, 0, ret, 0, -1, false)
#define ALL_RT(f, t, ret)						\
	WAIT_(true, f, TMO_REALTIME_MS, t, ret, 0, -1, false)
/* ENOTUNIQ without a deadline: at once */
#define ALL_NONE_QUICK(f)						\
	WAIT_(true, f, TMO_NONE, 0, -ENOTUNIQ, 0, -1, true)
#define ALL_POLL_SIG(f, s, ret)						\
	WAIT_(true, f, TMO_POLL, 0, ret, 0, s, false)
#define ANY_POLL(f, ret, i)						\
	WAIT_(false, f, TMO_POLL, 0, ret, i, -1, false)
#define START(w, a, f, t)						\
	{ .op = OP_START, .ev = (w), .all = (a), .fds = (f), .ms = (t) }
#define PENDING(w, t)	{ .op = OP_PENDING, .ev = (w), .ms = (t) }
#define JOIN(w, ret, i)							\
	{ .op = OP_JOIN, .ev = (w), .want = (ret), .index = (i) }

/* One auto-reset event, pulsed in a wait-all with a manual and an auto. */
#define PULSE_ROW(nm, ptype) {						\
	nm,								\
	{ M(1), { EV_NEW, ptype, 0, 0, NULL }, A(1) },			\
	{								\
		/* a unsignaled: the pulse passes without effect. */	\
		CLEAR(2),						\
		START(0, true, "012", 6000),				\
		PULSE(1, 0),						\
		PENDING(0, 150),					\
		STATES("-0-"),						\
		/* All others signaled: the pulse releases it. */	\
		SET(2, 0),						\
		PENDING(0, 50),						\
		STATES("--1"),						\
		PULSE(1, 0),						\
		JOIN(0, 0, 0),						\
		STATES("100"),						\
		SET(2, 0),						\
	} }

static const struct row rows[] = {
	{
		/* Set one by one: it wakes only at the last set. */
		"consumes",
		{ A(0), M(0), A(0), A(0) },
		{
			START(0, true, "0123", 8000),
			SET(0, 0), PENDING(0, 100), STATES("1---"),
			SET(1, 0), PENDING(0, 100), STATES("-1--"),
			SET(2, 0), PENDING(0, 100), STATES("--1-"),
			SET(3, 0),
			JOIN(0, 0, 0),
			STATES("0100"),
			/* All signaled already: at once, same effect. */
			SET(0, 0), SET(1, 1), SET(2, 0), SET(3, 0),
			ALL_MS("0123", 3000, 0),
			STATES("0100"),
		},
	},
	{
		/* Manual events only: left signaled. */
		"manual",
		{ M(1), M(1), M(0) },
		{
			ALL_POLL("012", -ETIMEDOUT),
			START(0, true, "012", 5000),
			SET(2, 0),
			JOIN(0, 0, 0),
			STATES("111"),
			ALL_POLL("012", 0),
			ALL_NONE("012", 0),
			STATES("111"),
		},
	},
	{
		/* A signaled event of a blocked wait-all is not held. */
		"no_partial",
		{ A(1), A(0) },
		{
			START(0, true, "01", 6000),
			STATES("1-"),
			TRY(0, 0),
			STATES("0-"),
			/* 1 alone does not satisfy it, and is not taken. */
			SET(1, 0),
			PENDING(0, 150),
			STATES("-1"),
			/* Now both: it completes and consumes both. */
			SET(0, 0),
			JOIN(0, 0, 0),
			STATES("00"),
		},
	},
	{
		/* The wait-any wins though the wait-all queued first. */
		"vs_any",
		{ A(0), A(0) },
		{
			START(0, true, "01", 6000),
			START(1, false, "0", 6000),
			SET(0, 0),
			JOIN(1, 0, 0),
			STATES("0-"),
			PENDING(0, 0),
			SET(1, 0),
			PENDING(0, 100),
			SET(0, 0),
			JOIN(0, 0, 0),
			STATES("00"),
		},
	},
	PULSE_ROW("pulse_manual", T_MANUAL),
	PULSE_ROW("pulse_auto", T_AUTO),
	{
		/* Timed out, polled or not: signaled auto events stay. */
		"timeout_unchanged",
		{ A(1), M(1), A(0), A(1), M(1) },
		{
			ALL_POLL("01234", -ETIMEDOUT),
			STATES("11011"),
			ALL_MS("01234", 200, -ETIMEDOUT),
			STATES("11011"),
			ALL_RT("01234", 200, -ETIMEDOUT),
			STATES("11011"),
			/* Once 2 is set too, it succeeds. */
			SET(2, 0),
			ALL_POLL("01234", 0),
			STATES("01001"),
		},
	},
	{
		/* The same fd twice, or a dup(2): one event. */
		"enotuniq",
		{ A(1), M(0), A(0), DUP(0) },
		{
			ALL_POLL("00", -ENOTUNIQ),
			ALL_NONE_QUICK("00"),
			ALL_MS("1020", 3000, -ENOTUNIQ),
			ALL_POLL_SIG("1020", 2, -ENOTUNIQ),
			ALL_POLL("03", -ENOTUNIQ),
			ALL_NONE_QUICK("03"),
			STATES("100-"),
			/* Distinct events are fine. */
			SET(2, 0),
			ALL_POLL("02", 0),
			STATES("0-0-"),
		},
	},
	{
		/* Two NTEVENT_IOC_DUP descriptors: one event. */
		"enotuniq_ntdup",
		{ A(1), NTDUP(0), A(0) },
		{
			ALL_POLL("01", -ENOTUNIQ),
			ALL_NONE_QUICK("01"),
			ALL_MS("210", 1000, -ENOTUNIQ),
			STATES("1--"),
			/* Fine in a wait-any: lowest index, taken once. */
			ANY_POLL("210", 0, 1),
			STATES("0--"),
			ANY_POLL("210", -ETIMEDOUT, 0),
		},
	},
	{
		/* Two opens of one name: one event. */
		"enotuniq_name",
		{ NAME("ev", 1), OPEN("ev"), OPEN_CREATE("ev"),
		  NAME("other", 1) },
		{
			ALL_POLL("01", -ENOTUNIQ),
			ALL_NONE_QUICK("01"),
			ALL_MS("312", 3000, -ENOTUNIQ),
			STATES("1--1"),
			/* Wait-any: the first of the two takes it. */
			ANY_POLL("10", 0, 0),
			STATES("--0-"),
			/* Distinct names are fine together. */
			SET(2, 0),
			ALL_POLL("13", 0),
			STATES("0--0"),
		},
	},
};

static int dev;
static int fd[MAX_EV];
static struct t_waiter waiters[MAX_WAITERS];

static void make_events(const struct row *r)
{
	char name[128];
	int i;

	for (i = 0; i < MAX_EV; i++) {
		const struct ev *e = &r->ev[i];

		fd[i] = -1;
		if (e->tag)
			t_name(name, sizeof(name), e->tag);
		switch (e->kind) {
		case EV_NONE:
			break;
		case EV_NEW:
			fd[i] = t_create(dev, e->type, e->state);
			break;
		case EV_DUP:
			fd[i] = CHECK_OK(dup(fd[e->src]));
			break;
		case EV_NTDUP:
			fd[i] = t_dup(fd[e->src], NTEVENT_SYNCHRONIZE |
				      NTEVENT_QUERY_STATE);
			break;
		case EV_NAME:
			fd[i] = t_create_name(dev, name, e->type, e->state,
					      0600);
			break;
		case EV_OPEN:
			fd[i] = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
			break;
		case EV_OPEN_CREATE:
			fd[i] = t_open_name_raw(dev, name, NTEVENT_OPEN_CREATE,
						NTEVENT_ALL_ACCESS, T_AUTO, 0,
						0600, NULL);
			CHECK(fd[i] >= 0);
			break;
		}
	}
}

/* The descriptors of a list of slot digits; returns the count. */
static uint32_t slot_fds(const char *slots, uint32_t *fds)
{
	uint32_t n;

	for (n = 0; slots[n]; n++)
		fds[n] = (uint32_t)fd[slots[n] - '0'];
	return n;
}

static uint64_t deadline(const struct step *s, uint32_t *flags)
{
	switch (s->tmo) {
	case TMO_POLL:
		return 0;
	case TMO_MS:
		return t_after_ms(s->ms);
	case TMO_NONE:
		return NTEVENT_NO_TIMEOUT;
	case TMO_REALTIME_MS:
		*flags |= NTEVENT_WAIT_REALTIME;
		return t_now(CLOCK_REALTIME) + (int64_t)s->ms * 1000000;
	}
	T_FAILF("bad timeout kind %d", s->tmo);
}

static void do_wait(const struct step *s)
{
	uint32_t fds[MAX_EV * 2], n = slot_fds(s->fds, fds), flags = 0;
	uint32_t sig = 0, index;
	uint64_t timeout = deadline(s, &flags);
	int64_t start = t_mono();

	if (s->sig >= 0) {
		flags |= NTEVENT_WAIT_SIGNAL;
		sig = (uint32_t)fd[s->sig];
	}
	CHECK_RET(t_wait_full(dev, s->all, fds, n, timeout, flags, sig,
			      &index), s->want);
	if (s->quick)
		CHECK_MSG(t_ms_since(start) < 1000, "%s took %lld ms",
			  t_errname(s->want), (long long)t_ms_since(start));
	if (s->want == 0)
		CHECK_EQ(index, s->index);
}

static void run_step(const struct step *s, int nr)
{
	struct t_waiter *w = &waiters[s->ev % MAX_WAITERS];
	int i;

	switch (s->op) {
	case OP_END:
		break;
	case OP_SET:
		CHECK_EQ(t_set(fd[s->ev]), s->want);
		break;
	case OP_PULSE:
		CHECK_EQ(t_pulse(fd[s->ev]), s->want);
		break;
	case OP_CLEAR:
		t_clear(fd[s->ev]);
		break;
	case OP_TRY:
		CHECK_RET(t_try(dev, fd[s->ev]), s->want);
		break;
	case OP_WAIT:
		do_wait(s);
		break;
	case OP_START:
		memset(w, 0, sizeof(*w));
		w->dev = dev;
		w->all = s->all;
		w->count = slot_fds(s->fds, w->fds);
		w->timeout = t_after_ms(s->ms);
		t_waiter_start_asleep(w);
		break;
	case OP_PENDING:
		t_sleep_ms(s->ms);
		CHECK_MSG(!atomic_load(&w->done),
			  "step %d: waiter %d ended: %s", nr, s->ev,
			  t_errname(-w->ret));
		break;
	case OP_JOIN:
		t_waiter_join(w);
		CHECK_RET(w->ret, s->want);
		CHECK_EQ(w->index, s->index);
		break;
	case OP_STATES:
		for (i = 0; s->fds[i]; i++)
			if (s->fds[i] != '-')
				CHECK_EQ(t_state(fd[i]), s->fds[i] - '0');
		break;
	}
}

static void run_row(const struct row *r)
{
	int i;

	make_events(r);
	for (i = 0; r->steps[i].op != OP_END; i++)
		run_step(&r->steps[i], i);
	for (i = 0; i < MAX_EV; i++)
		if (fd[i] >= 0)
			close(fd[i]);
}

int main(void)
{
	const struct row *r;

	dev = t_open_dev();
	T_FOR_EACH_ROW(r, rows)
		run_row(r);
	return T_PASS;
}
