// SPDX-License-Identifier: GPL-2.0
/*
 * Wait sets: NTEVENT_IOC_WAITSET_CREATE on /dev/ntevent makes, from up to
 * 64 event descriptors, a close-on-exec descriptor on which
 * NTEVENT_IOC_WAITSET_WAIT waits again and again, with every rule of
 * NTEVENT_IOC_WAIT_ANY:
 *
 * - the lowest signaled index satisfies a wait, and only that event is
 *   consumed (an auto-reset one; a manual-reset one satisfies every wait
 *   until reset); a set while the waiter sleeps wakes it with that index;
 *   between waits the wait set takes nothing (a set stays signaled, a
 *   pulse or a reset leaves nothing behind);
 * - the deadline: 0 polls (ETIMEDOUT), an absolute CLOCK_MONOTONIC time,
 *   or CLOCK_REALTIME with NTEVENT_WAIT_REALTIME, NTEVENT_NO_TIMEOUT none;
 * - signals: an alertable wait ends with EINTR when a handler runs, with
 *   nothing consumed; a plain one goes on, to its original deadline; an
 *   alert word that is set ends an alertable wait at once (EINTR);
 * - waiters on an auto-reset event are released first come, first
 *   served, whichever ioctl they wait with;
 * - one wait at a time per wait set: EBUSY for a second one;
 * - the wait set holds the events, not the descriptors: closing them or
 *   replacing them with dup2() changes nothing, and a set through another
 *   descriptor of the event (dup(2), NTEVENT_IOC_DUP) reaches it;
 * - the same event may appear more than once (lowest index, consumed
 *   once);
 * - a wait goes on when its wait set's descriptor is closed meanwhile; a
 *   forked child shares the wait set (and its one wait at a time);
 * - errors, with nothing created or consumed: EINVAL (count 0 or > 64,
 *   flags, pad; unknown wait flags, an alert pointer without ALERTABLE),
 *   EFAULT (arguments, the list, the alert word, an index that is not
 *   writable, even once the waiter sleeps), EBADF, EBADFD (not an event),
 *   EACCES (no SYNCHRONIZE), ENOSPC (an event already named by 128 wait
 *   sets; failed creates use up no place), ENOTTY (anything else on a
 *   wait set descriptor, and WAITSET_WAIT elsewhere);
 * - a wait set waited on 1000 times in a row, alternating indices, polled
 *   and woken by another thread, loses no set.
 */
#include "abi.h"

#define MAX_WATCHERS	128	/* wait sets one event accepts */

static int dev;

/* ---- the two ioctls ---- */

static int ws_create_full(const void *fds, uint32_t count, uint32_t flags,
			  uint32_t pad)
{
	return t_waitset_create_full(dev, fds, count, flags, pad);
}

static int ws_create_raw(const uint32_t *fds, uint32_t count)
{
	return ws_create_full(fds, count, 0, 0);
}

/* A wait set that must be made. */
static int ws_create(const uint32_t *fds, uint32_t count)
{
	int ws = ws_create_raw(fds, count);

	if (ws < 0)
		T_FAILF("WAITSET_CREATE of %u events: %s", count,
			t_errname(-ws));
	return ws;
}

/* NTEVENT_IOC_WAITSET_WAIT: 0 or -errno; *index gets the index. */
static int ws_wait_full(int ws, uint64_t timeout, uint32_t flags,
			uint64_t alert, uint32_t *index)
{
	struct ntevent_waitset_wait_args a;
	int ret;

	memset(&a, 0, sizeof(a));
	a.timeout = timeout;
	a.alert = alert;
	a.flags = flags;
	a.index = 0xdeadbeef;
	ret = ioctl(ws, NTEVENT_IOC_WAITSET_WAIT, &a) ? -errno : 0;
	if (index)
		*index = a.index;
	return ret;
}

static int ws_wait(int ws, uint64_t timeout, uint32_t *index)
{
	return ws_wait_full(ws, timeout, 0, 0, index);
}

/* A wait on ws that must end with index want. */
#define CHECK_WS(ws, timeout, want)					\
	do {								\
		uint32_t i_ = 0xdeadbeef;				\
		CHECK_RET(ws_wait((ws), (timeout), &i_), 0);		\
		CHECK_EQ(i_, (want));					\
	} while (0)

/* A poll of ws that must find nothing signaled. */
#define CHECK_WS_NONE(ws)						\
	CHECK_RET(ws_wait((ws), 0, NULL), -ETIMEDOUT)

/* The states of n events, as a string of '0' and '1' ('-': unchecked). */
static void check_states(const int *fd, const char *states)
{
	int i;

	for (i = 0; states[i]; i++)
		if (states[i] != '-')
			CHECK_EQ(t_state(fd[i]), states[i] - '0');
}

/* Events of types "AM..." ('A' auto, 'M' manual) and states "01...". */
static void make_events(int *fd, const char *types, const char *states)
{
	int i;

	for (i = 0; types[i]; i++)
		fd[i] = t_create(dev, types[i] == 'M' ? T_MANUAL : T_AUTO,
				 states[i] == '1');
}

static void close_all(const int *fd, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(fd[i]);
}

/* ---- threads ---- */

/* A thread that waits once on a wait set and records the outcome. */
struct ws_waiter {
	int ws;
	uint64_t timeout;
	uint32_t flags;
	uint64_t alert;
	pthread_t th;
	_Atomic pid_t tid;
	_Atomic bool done;
	int ret;
	uint32_t index;
	int order;		/* shared with t_waiter's completion order */
};

static void *ws_waiter_fn(void *p)
{
	struct ws_waiter *w = p;

	atomic_store(&w->tid, t_gettid());
	w->ret = ws_wait_full(w->ws, w->timeout, w->flags, w->alert,
			      &w->index);
	w->order = atomic_fetch_add(&t_waiter_seq, 1);
	atomic_store(&w->done, true);
	return NULL;
}

/*
 * Start a wait on ws with this timeout and these flags; return once it
 * sleeps in it.
 */
static void ws_waiter_go(struct ws_waiter *w, int ws, uint64_t timeout,
			 uint32_t flags)
{
	int64_t start = t_mono();

	memset(w, 0, sizeof(*w));
	w->ws = ws;
	w->timeout = timeout;
	w->flags = flags;
	t_thread(&w->th, ws_waiter_fn, w);
	while (!atomic_load(&w->tid)) {
		if (t_ms_since(start) > T_START_MS)
			T_FAILF("the waiter thread did not start");
		t_sleep_ms(1);
	}
	t_await_blocked(atomic_load(&w->tid), SYS_ioctl);
	CHECK_MSG(!atomic_load(&w->done),
		  "the wait set wait returned %s instead of blocking",
		  t_errname(-w->ret));
}

/* The same with a deadline ms from now (< 0: none). */
static void ws_waiter_start(struct ws_waiter *w, int ws, int64_t ms)
{
	ws_waiter_go(w, ws, ms < 0 ? NTEVENT_NO_TIMEOUT : t_after_ms(ms), 0);
}

/* Join the waiter: it must have got index want. */
static void ws_waiter_ok(struct ws_waiter *w, uint32_t want)
{
	t_join(w->th);
	CHECK_RET(w->ret, 0);
	CHECK_EQ(w->index, want);
}

/* Wait up to ms for *done; returns it. */
static bool await_bool(_Atomic bool *done, int ms)
{
	int64_t start = t_mono();

	while (!atomic_load(done) && t_ms_since(start) < ms)
		t_sleep_ms(1);
	return atomic_load(done);
}

/* A thread that sets an event after a delay. */
struct setter {
	int fd;
	int delay_ms;
	pthread_t th;
};

static void *setter_fn(void *p)
{
	struct setter *s = p;

	t_sleep_ms(s->delay_ms);
	if (ioctl(s->fd, NTEVENT_IOC_SET, NULL))
		T_FAILF("the delayed SET failed: %s", t_errname(errno));
	return NULL;
}

static void set_later(struct setter *s, int fd, int delay_ms)
{
	s->fd = fd;
	s->delay_ms = delay_ms;
	t_thread(&s->th, setter_fn, s);
}

/* ---- the rules of a wait-any ---- */

/*
 * The lowest signaled index, only it consumed; polled, with a deadline
 * and without one alike. A manual event satisfies wait after wait.
 */
static void lowest_index(void)
{
	uint64_t timeouts[3] = { 0, 0, NTEVENT_NO_TIMEOUT };
	int fd[4], ws, t, i;
	uint32_t fds[4];

	for (t = 0; t < 3; t++) {
		t_case = t == 0 ? "lowest_poll" : t == 1 ? "lowest_deadline" :
			 "lowest_forever";
		timeouts[1] = t_after_ms(3000);
		make_events(fd, "AAMA", "0111");
		for (i = 0; i < 4; i++)
			fds[i] = (uint32_t)fd[i];
		ws = ws_create(fds, 4);
		CHECK_WS(ws, timeouts[t], 1);
		check_states(fd, "0011");
		/* The manual one, again and again. */
		CHECK_WS(ws, timeouts[t], 2);
		CHECK_WS(ws, timeouts[t], 2);
		check_states(fd, "0011");
		CHECK_EQ(t_reset(fd[2]), 1);
		CHECK_WS(ws, timeouts[t], 3);
		check_states(fd, "0000");
		CHECK_WS_NONE(ws);
		/* All signaled: index 0, only it consumed. */
		CHECK_EQ(t_set(fd[0]), 0);
		CHECK_EQ(t_set(fd[1]), 0);
		CHECK_EQ(t_set(fd[2]), 0);
		CHECK_EQ(t_set(fd[3]), 0);
		CHECK_WS(ws, timeouts[t], 0);
		check_states(fd, "0111");
		CHECK_WS(ws, timeouts[t], 1);
		check_states(fd, "0011");
		close(ws);
		/* The events are free of it: a set stays, they are whole. */
		CHECK_EQ(t_set(fd[0]), 0);
		check_states(fd, "1011");
		close_all(fd, 4);
	}
	t_case = NULL;
}

/*
 * Between waits the wait set takes nothing: a set of an auto event stays
 * signaled (for the next wait, or anyone else), a pulse releases no one
 * and a reset clears it for the wait set too.
 */
static void disarmed(void)
{
	int fd[2], ws;
	uint32_t fds[2];

	t_case = "disarmed";
	make_events(fd, "AM", "00");
	fds[0] = (uint32_t)fd[0];
	fds[1] = (uint32_t)fd[1];
	ws = ws_create(fds, 2);
	CHECK_WS_NONE(ws);
	CHECK_EQ(t_set(fd[0]), 0);
	CHECK_STATE(fd[0], 1);
	/* Anyone else may take it. */
	CHECK_RET(t_try(dev, fd[0]), 0);
	CHECK_WS_NONE(ws);
	/* Or the wait set, later. */
	CHECK_EQ(t_set(fd[0]), 0);
	t_sleep_ms(20);
	CHECK_STATE(fd[0], 1);
	CHECK_WS(ws, 0, 0);
	CHECK_STATE(fd[0], 0);
	/* A pulse with no one waiting leaves nothing. */
	CHECK_EQ(t_pulse(fd[0]), 0);
	CHECK_EQ(t_pulse(fd[1]), 0);
	check_states(fd, "00");
	CHECK_WS_NONE(ws);
	/* Set then reset: nothing either. */
	CHECK_EQ(t_set(fd[0]), 0);
	CHECK_EQ(t_set(fd[1]), 0);
	CHECK_EQ(t_reset(fd[0]), 1);
	t_clear(fd[1]);
	CHECK_WS_NONE(ws);
	check_states(fd, "00");
	close(ws);
	close_all(fd, 2);
	t_case = NULL;
}

/*
 * A waiter asleep in the wait set is woken by a set of any of its events,
 * gets its index and consumes only it (not a manual one); a set after a
 * delay from another thread; a pulse releases it too. Afterwards it takes
 * nothing: a set stays.
 */
static void blocked(void)
{
	struct ws_waiter w;
	struct setter s;
	int fd[4], ws, k;
	uint32_t fds[4];
	int64_t start;

	t_case = "blocked";
	make_events(fd, "AAAM", "0000");
	for (k = 0; k < 4; k++)
		fds[k] = (uint32_t)fd[k];
	ws = ws_create(fds, 4);
	for (k = 0; k < 4; k++) {
		ws_waiter_start(&w, ws, 8000);
		CHECK_EQ(t_set(fd[k]), 0);
		t_join(w.th);
		CHECK_RET(w.ret, 0);
		CHECK_EQ(w.index, k);
		check_states(fd, k == 3 ? "0001" : "0000");
		if (k == 3)
			CHECK_EQ(t_reset(fd[3]), 1);
		/* Taken by nobody now. */
		CHECK_EQ(t_set(fd[(k + 1) % 3]), 0);
		t_sleep_ms(20);
		CHECK_STATE(fd[(k + 1) % 3], 1);
		CHECK_EQ(t_reset(fd[(k + 1) % 3]), 1);
	}

	/* The caller sleeps; another thread sets after 200 ms. */
	t_case = "blocked_set_later";
	for (k = 0; k < 2; k++) {
		start = t_mono();
		set_later(&s, fd[k ? 3 : 1], 200);
		CHECK_WS(ws, k ? NTEVENT_NO_TIMEOUT : t_after_ms(8000),
			 k ? 3 : 1);
		CHECK_MS(t_ms_since(start), 150, 8000);
		t_join(s.th);
	}
	check_states(fd, "0001");
	CHECK_EQ(t_reset(fd[3]), 1);

	/* A pulse releases the sleeper, and leaves the event reset. */
	t_case = "blocked_pulse";
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_pulse(fd[2]), 0);
	t_join(w.th);
	CHECK_RET(w.ret, 0);
	CHECK_EQ(w.index, 2);
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_pulse(fd[3]), 0);
	t_join(w.th);
	CHECK_RET(w.ret, 0);
	CHECK_EQ(w.index, 3);
	check_states(fd, "0000");
	CHECK_WS_NONE(ws);
	close(ws);
	close_all(fd, 4);
	t_case = NULL;
}

/* Deadlines: a poll, a relative deadline, forever, REALTIME. */
static void timeouts(void)
{
	struct ws_waiter w;
	int fd[2], ws;
	uint32_t fds[2], index;
	uint64_t deadline;
	int64_t start;

	make_events(fd, "AM", "00");
	fds[0] = (uint32_t)fd[0];
	fds[1] = (uint32_t)fd[1];
	ws = ws_create(fds, 2);

	t_case = "poll";
	start = t_mono();
	CHECK_RET(ws_wait(ws, 0, &index), -ETIMEDOUT);
	/* A deadline already past polls as well. */
	CHECK_RET(ws_wait(ws, 1, &index), -ETIMEDOUT);
	CHECK_RET(ws_wait(ws, t_mono() - 1000000, &index), -ETIMEDOUT);
	CHECK_MS(t_ms_since(start), 0, 1000);

	t_case = "deadline";
	start = t_mono();
	deadline = t_after_ms(250);
	CHECK_RET(ws_wait(ws, deadline, &index), -ETIMEDOUT);
	CHECK_MSG(t_mono() >= (int64_t)deadline,
		  "the wait ended before its deadline");
	CHECK_MS(t_ms_since(start), 200, 3000);
	check_states(fd, "00");

	t_case = "realtime";
	start = t_mono();
	deadline = t_now(CLOCK_REALTIME) + 250000000;
	CHECK_RET(ws_wait_full(ws, deadline, NTEVENT_WAIT_REALTIME, 0, &index),
		  -ETIMEDOUT);
	CHECK_MSG(t_now(CLOCK_REALTIME) >= (int64_t)deadline,
		  "the wait ended before its realtime deadline");
	CHECK_MS(t_ms_since(start), 200, 3000);
	/* A monotonic-sized value read as realtime is long past. */
	start = t_mono();
	CHECK_RET(ws_wait_full(ws, t_after_ms(3000), NTEVENT_WAIT_REALTIME, 0,
			       &index), -ETIMEDOUT);
	CHECK_MS(t_ms_since(start), 0, 1000);
	/* A realtime value read as monotonic is far away: the set ends it. */
	CHECK_EQ(t_set(fd[1]), 0);
	CHECK_RET(ws_wait_full(ws, t_now(CLOCK_REALTIME) + 5000000000LL,
			       NTEVENT_WAIT_REALTIME, 0, &index), 0);
	CHECK_EQ(index, 1);
	CHECK_EQ(t_reset(fd[1]), 1);
	/* Asleep on a realtime deadline, woken by a set. */
	ws_waiter_go(&w, ws, t_now(CLOCK_REALTIME) + 8000000000LL,
		     NTEVENT_WAIT_REALTIME);
	CHECK_EQ(t_set(fd[0]), 0);
	ws_waiter_ok(&w, 0);
	CHECK_STATE(fd[0], 0);

	/* No deadline (and any value from 2^63 - 1 up): a set ends it. */
	t_case = "forever";
	ws_waiter_start(&w, ws, -1);
	t_sleep_ms(100);
	CHECK_MSG(!atomic_load(&w.done), "a wait without a deadline ended: %s",
		  t_errname(-w.ret));
	CHECK_EQ(t_set(fd[1]), 0);
	ws_waiter_ok(&w, 1);
	CHECK_EQ(t_reset(fd[1]), 1);
	ws_waiter_go(&w, ws, 0x7fffffffffffffffULL, 0);
	t_sleep_ms(100);
	CHECK(!atomic_load(&w.done));
	CHECK_EQ(t_set(fd[0]), 0);
	ws_waiter_ok(&w, 0);
	check_states(fd, "00");
	close(ws);
	close_all(fd, 2);
	t_case = NULL;
}

/* ---- signals and alerts ---- */

static atomic_int handled;

static void on_usr1(int sig)
{
	(void)sig;
	atomic_fetch_add(&handled, 1);
}

static void handler(bool restart)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = restart ? SA_RESTART : 0;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
}

/*
 * An alertable wait ends with EINTR when a handler runs (SA_RESTART or
 * not), consuming nothing; a plain one runs the handler and goes on, to a
 * set or to its original deadline.
 */
static void signals(void)
{
	struct t_signaller sig;
	struct setter s;
	int fd[2], ws, restart, before;
	uint32_t fds[1], index;
	uint64_t deadline;
	int64_t start;

	make_events(fd, "AA", "01");
	/* fd[1], signaled, is not in the wait set: it stays signaled. */
	fds[0] = (uint32_t)fd[0];
	ws = ws_create(fds, 1);
	for (restart = 0; restart <= 1; restart++) {
		t_case = restart ? "alertable_sa_restart" : "alertable";
		handler(restart);
		before = atomic_load(&handled);
		start = t_mono();
		t_signaller_start(&sig, 1, 10, 5000);
		CHECK_RET(ws_wait_full(ws, t_after_ms(10000),
				       NTEVENT_WAIT_ALERTABLE, 0, &index),
			  -EINTR);
		t_signaller_stop(&sig);
		CHECK_MS(t_ms_since(start), 0, 8000);
		CHECK(atomic_load(&handled) > before);
		/* Nothing consumed, nothing armed: a set stays. */
		CHECK_STATE(fd[0], 0);
		CHECK_EQ(t_set(fd[0]), 0);
		t_sleep_ms(20);
		CHECK_STATE(fd[0], 1);
		/* Alertable but nothing interrupts: the plain wait. */
		CHECK_RET(ws_wait_full(ws, t_after_ms(3000),
				       NTEVENT_WAIT_ALERTABLE, 0, &index), 0);
		CHECK_EQ(index, 0);
		CHECK_STATE(fd[0], 0);
	}

	/* Plain: signals come and go, then a set satisfies it. */
	t_case = "plain_goes_on";
	handler(false);
	before = atomic_load(&handled);
	start = t_mono();
	t_signaller_start(&sig, 3, 50, 5000);
	set_later(&s, fd[0], 600);
	CHECK_WS(ws, t_after_ms(10000), 0);
	t_join(s.th);
	t_signaller_stop(&sig);
	CHECK(atomic_load(&handled) - before >= 1);
	CHECK_MS(t_ms_since(start), 500, 10000);
	CHECK_STATE(fd[0], 0);

	/* Plain, to the original absolute deadline. */
	t_case = "plain_deadline";
	before = atomic_load(&handled);
	deadline = t_after_ms(700);
	t_signaller_start(&sig, 4, 100, 5000);
	CHECK_RET(ws_wait(ws, deadline, &index), -ETIMEDOUT);
	t_signaller_stop(&sig);
	CHECK(atomic_load(&handled) - before >= 1);
	CHECK_MSG(t_mono() >= (int64_t)deadline,
		  "the wait ended before its deadline");
	CHECK_MSG(t_mono() - (int64_t)deadline < 500000000,
		  "the wait ended %lld ms after its deadline",
		  (long long)(t_mono() - (int64_t)deadline) / 1000000);
	CHECK_STATE(fd[0], 0);
	CHECK_STATE(fd[1], 1);
	close(ws);
	close_all(fd, 2);
	t_case = NULL;
}

/*
 * The alert word: set, an alertable wait is EINTR at once, nothing
 * consumed, even with its events signaled and no deadline; clear, the
 * plain wait. An unreadable word is EFAULT, an alert pointer without
 * ALERTABLE is EINVAL, both consuming nothing.
 */
static void alert_word(void)
{
	uint32_t word = 1, fds[2], index, *bad = t_bad_page();
	uint64_t w = (uintptr_t)&word;
	int fd[2], ws;
	int64_t start;

	t_case = "alert_word";
	make_events(fd, "AM", "11");
	fds[0] = (uint32_t)fd[0];
	fds[1] = (uint32_t)fd[1];
	ws = ws_create(fds, 2);
	start = t_mono();
	CHECK_RET(ws_wait_full(ws, NTEVENT_NO_TIMEOUT, NTEVENT_WAIT_ALERTABLE,
			       w, &index), -EINTR);
	CHECK_RET(ws_wait_full(ws, 0, NTEVENT_WAIT_ALERTABLE |
			       NTEVENT_WAIT_REALTIME, w, &index), -EINTR);
	word = 0x80000000u;
	CHECK_RET(ws_wait_full(ws, t_after_ms(3000), NTEVENT_WAIT_ALERTABLE,
			       w, &index), -EINTR);
	CHECK_MS(t_ms_since(start), 0, 1000);
	check_states(fd, "11");
	/* Unreadable: EFAULT. Without ALERTABLE: EINVAL. */
	CHECK_RET(ws_wait_full(ws, 0, NTEVENT_WAIT_ALERTABLE, (uintptr_t)bad,
			       &index), -EFAULT);
	CHECK_RET(ws_wait_full(ws, 0, 0, w, &index), -EINVAL);
	CHECK_RET(ws_wait_full(ws, 0, NTEVENT_WAIT_REALTIME, (uintptr_t)bad,
			       &index), -EINVAL);
	check_states(fd, "11");
	/* Clear: it is the plain wait. */
	word = 0;
	CHECK_RET(ws_wait_full(ws, 0, NTEVENT_WAIT_ALERTABLE, w, &index), 0);
	CHECK_EQ(index, 0);
	CHECK_RET(ws_wait_full(ws, t_after_ms(3000), NTEVENT_WAIT_ALERTABLE, w,
			       &index), 0);
	CHECK_EQ(index, 1);
	check_states(fd, "01");
	close(ws);
	close_all(fd, 2);
	t_case = NULL;
}

/* ---- errors ---- */

/* CREATE: EINVAL, creating nothing (the next fd stays the same). */
static void create_einval(void)
{
	int fd = t_create(dev, T_AUTO, 1), next = t_next_fd();
	uint32_t fds[NTEVENT_MAX_WAIT_COUNT + 2], bit;
	int i;

	t_case = "create_einval";
	for (i = 0; i < NTEVENT_MAX_WAIT_COUNT + 2; i++)
		fds[i] = (uint32_t)fd;
	next = t_next_fd();
	CHECK_RET(ws_create_raw(fds, 0), -EINVAL);
	CHECK_RET(ws_create_raw(NULL, 0), -EINVAL);
	CHECK_RET(ws_create_raw(fds, NTEVENT_MAX_WAIT_COUNT + 1), -EINVAL);
	CHECK_RET(ws_create_raw(fds, 0x80000000u), -EINVAL);
	CHECK_RET(ws_create_raw(fds, 0xffffffffu), -EINVAL);
	for (bit = 1; bit; bit <<= 1)
		CHECK_RET(ws_create_full(fds, 1, bit, 0), -EINVAL);
	CHECK_RET(ws_create_full(fds, 1, 0, 1), -EINVAL);
	CHECK_RET(ws_create_full(fds, 1, 0, 0x80000000u), -EINVAL);
	CHECK_RET(ws_create_full(fds, 1, 0, (uint32_t)fd), -EINVAL);
	CHECK_EQ(t_next_fd(), next);
	CHECK_STATE(fd, 1);
	/* 64 works (the same event 64 times). */
	i = ws_create(fds, NTEVENT_MAX_WAIT_COUNT);
	CHECK_WS(i, 0, 0);
	CHECK_STATE(fd, 0);
	close(i);
	close(fd);
	t_case = NULL;
}

/* WAITSET_WAIT: EINVAL, consuming nothing. */
static void wait_einval(void)
{
	uint32_t index, word = 0, bit;
	int fd = t_create(dev, T_AUTO, 1), ws;

	t_case = "wait_einval";
	ws = ws_create((uint32_t *)&fd, 1);
	for (bit = 1; bit; bit <<= 1) {
		if (bit & (NTEVENT_WAIT_REALTIME | NTEVENT_WAIT_ALERTABLE))
			continue;
		CHECK_RET(ws_wait_full(ws, 0, bit, 0, &index), -EINVAL);
		CHECK_RET(ws_wait_full(ws, NTEVENT_NO_TIMEOUT,
				       bit | NTEVENT_WAIT_ALERTABLE,
				       (uintptr_t)&word, &index), -EINVAL);
	}
	/* NTEVENT_WAIT_SIGNAL is a wait's flag, not a wait set's. */
	CHECK_RET(ws_wait_full(ws, 0, NTEVENT_WAIT_SIGNAL, 0, &index), -EINVAL);
	/* An alert pointer needs ALERTABLE, even a good one. */
	CHECK_RET(ws_wait_full(ws, 0, 0, (uintptr_t)&word, &index), -EINVAL);
	CHECK_RET(ws_wait_full(ws, NTEVENT_NO_TIMEOUT, NTEVENT_WAIT_REALTIME,
			       1, &index), -EINVAL);
	CHECK_STATE(fd, 1);
	CHECK_WS(ws, 0, 0);
	close(ws);
	close(fd);
	t_case = NULL;
}

static int late_ws, late_ret;
static _Atomic pid_t late_tid;

static void *late_efault_fn(void *p)
{
	atomic_store(&late_tid, t_gettid());
	late_ret = ioctl(late_ws, NTEVENT_IOC_WAITSET_WAIT, p) ? -errno : 0;
	return NULL;
}

/*
 * EFAULT: unreadable arguments or list, an index that cannot be written
 * (nothing consumed: the event stays signaled), even one that becomes
 * read-only while the waiter sleeps; an fd that cannot be stored (no
 * descriptor made, no place on the event used: see enospc()).
 */
static void efault(void)
{
	int fd[2], ws, next;
	uint32_t fds[4], *edge, index;
	struct ntevent_waitset_wait_args *wa;
	struct ntevent_waitset_args *ca;
	void *bad = t_bad_page();
	pthread_t th;

	t_case = "create_efault";
	make_events(fd, "AM", "11");
	fds[0] = (uint32_t)fd[0];
	fds[1] = (uint32_t)fd[1];
	next = t_next_fd();
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, NULL), EFAULT);
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, bad), EFAULT);
	CHECK_RET(ws_create_raw(NULL, 1), -EFAULT);
	CHECK_RET(ws_create_raw(bad, 1), -EFAULT);
	CHECK_RET(ws_create_full((void *)(uintptr_t)0xffffffff81000000ull, 1,
				 0, 0), -EFAULT);
	/* A list that runs into an unmapped page. */
	edge = (uint32_t *)((char *)t_pages(1) + 4096) - 1;
	edge[0] = (uint32_t)fd[0];
	CHECK_RET(ws_create_raw(edge, 2), -EFAULT);
	/* Arguments that end at the edge of an unmapped page. */
	ca = (void *)((char *)t_pages(1) + 4096 - sizeof(*ca) + 4);
	memset(ca, 0, sizeof(*ca) - 4);
	ca->fds = (uintptr_t)fds;
	ca->count = 1;
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, ca), EFAULT);
	/* fd cannot be stored: read-only arguments. */
	ca = t_pages(1);
	ca->fds = (uintptr_t)fds;
	ca->count = 2;
	t_page_readonly(ca);
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, ca), EFAULT);
	CHECK_EQ(t_next_fd(), next);
	check_states(fd, "11");
	/* The good list at the edge works. */
	ws = ws_create(edge, 1);
	CHECK_WS(ws, 0, 0);
	CHECK_EQ(t_set(fd[0]), 0);
	close(ws);

	t_case = "wait_efault";
	ws = ws_create(fds, 2);
	CHECK_ERR(ioctl(ws, NTEVENT_IOC_WAITSET_WAIT, NULL), EFAULT);
	CHECK_ERR(ioctl(ws, NTEVENT_IOC_WAITSET_WAIT, bad), EFAULT);
	wa = (void *)((char *)t_pages(1) + 4096 - sizeof(*wa) + 4);
	memset(wa, 0, sizeof(*wa) - 4);
	CHECK_ERR(ioctl(ws, NTEVENT_IOC_WAITSET_WAIT, wa), EFAULT);
	/* Readable, not writable: the index cannot be stored. */
	wa = t_pages(1);
	wa->timeout = NTEVENT_NO_TIMEOUT;
	t_page_readonly(wa);
	CHECK_ERR(ioctl(ws, NTEVENT_IOC_WAITSET_WAIT, wa), EFAULT);
	check_states(fd, "11");
	CHECK_WS(ws, 0, 0);
	CHECK_WS(ws, 0, 1);
	check_states(fd, "01");
	CHECK_EQ(t_reset(fd[1]), 1);

	/* The index becomes read-only while the waiter sleeps. */
	t_case = "wait_efault_late";
	wa = t_pages(1);
	wa->timeout = t_after_ms(8000);
	late_ws = ws;
	atomic_store(&late_tid, 0);
	t_thread(&th, late_efault_fn, wa);
	{
		int64_t start = t_mono();

		while (!atomic_load(&late_tid)) {
			if (t_ms_since(start) > T_START_MS)
				T_FAILF("the waiter thread did not start");
			t_sleep_ms(1);
		}
	}
	t_await_blocked(atomic_load(&late_tid), SYS_ioctl);
	CHECK_RET(ws_wait(ws, 0, &index), -EBUSY);
	t_page_readonly(wa);
	CHECK_EQ(t_set(fd[0]), 0);
	t_join(th);
	CHECK_RET(late_ret, -EFAULT);
	CHECK_MSG(t_state(fd[0]) == 1,
		  "the wait failed with EFAULT but consumed the event: the set was lost");
	CHECK_WS(ws, 0, 0);
	CHECK_STATE(fd[0], 0);
	close(ws);
	close_all(fd, 2);
	t_case = NULL;
}

/*
 * CREATE with a descriptor that is not open (EBADF), not an event
 * (EBADFD: a pipe, the device, a wait set, a socket) or lacks SYNCHRONIZE
 * (EACCES), anywhere in the list: nothing created, nothing consumed.
 * SYNCHRONIZE alone is enough. A wait set is no event for a wait either.
 */
static void bad_descriptors(void)
{
	static const struct bad {
		const char *name;
		int what;
		int want;
	} bads[] = {
		{ "closed", 0, -EBADF },
		{ "minus_one", 1, -EBADF },
		{ "pipe", 2, -EBADFD },
		{ "device", 3, -EBADFD },
		{ "waitset", 4, -EBADFD },
		{ "socket", 5, -EBADFD },
		{ "no_synchronize", 6, -EACCES },
	};
	uint32_t fds[NTEVENT_MAX_WAIT_COUNT], index;
	int fd[2], ws, pipe_fd, sock, no_sync, sync_only, next, pos;
	const struct bad *b;

	make_events(fd, "AM", "11");
	fds[0] = (uint32_t)fd[0];
	ws = ws_create(fds, 1);
	pipe_fd = t_pipe_fd();
	sock = CHECK_OK(socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
	no_sync = t_create_access(dev, T_AUTO, 1, NTEVENT_ALL_ACCESS &
				  ~NTEVENT_SYNCHRONIZE);
	T_FOR_EACH_ROW(b, bads) {
		const int bad[] = { t_closed_fd(), -1, pipe_fd, dev, ws, sock,
				    no_sync };

		/* Alone, first, last of 64, in the middle. */
		for (pos = 0; pos < 4; pos++) {
			uint32_t n = pos == 0 ? 1 : pos == 1 ? 3 :
				     pos == 2 ? NTEVENT_MAX_WAIT_COUNT : 5;
			uint32_t at = pos == 0 || pos == 1 ? 0 : pos == 2 ?
				      n - 1 : 2;
			uint32_t i;

			for (i = 0; i < n; i++)
				fds[i] = (uint32_t)fd[i % 2];
			fds[at] = (uint32_t)bad[b->what];
			next = t_next_fd();
			CHECK_RET(ws_create_raw(fds, n), b->want);
			CHECK_EQ(t_next_fd(), next);
		}
	}
	t_case = "bad_descriptors";
	check_states(fd, "11");
	CHECK_STATE(no_sync, 1);
	/* A wait set in a wait-any is no event. */
	fds[0] = (uint32_t)ws;
	CHECK_RET(t_wait_any(dev, fds, 1, 0, &index), -EBADFD);
	fds[0] = (uint32_t)fd[0];
	fds[1] = (uint32_t)ws;
	CHECK_RET(t_wait_any(dev, fds, 2, 0, &index), -EBADFD);
	CHECK_STATE(fd[0], 1);

	/* SYNCHRONIZE is all a wait set needs. */
	t_case = "synchronize_only";
	sync_only = t_create_access(dev, T_AUTO, 1, NTEVENT_SYNCHRONIZE);
	fds[0] = (uint32_t)sync_only;
	close(ws);
	ws = ws_create(fds, 1);
	CHECK_WS(ws, 0, 0);
	CHECK_WS_NONE(ws);
	close(ws);
	close(sync_only);
	close(no_sync);
	close(sock);
	close(pipe_fd);
	close_all(fd, 2);
	t_case = NULL;
}

#define BOGUS_SAME_MAGIC	_IOR(NTEVENT_IOC_MAGIC, 0x7f, __u32)
#define BOGUS_OTHER_MAGIC	_IOR('x', 0x20, __u32)

/*
 * Anything but WAITSET_WAIT on a wait set descriptor is ENOTTY (the event
 * and device ioctls, unknown numbers, WAITSET_WAIT's number with another
 * size or direction); WAITSET_WAIT on the device or an event is ENOTTY,
 * and so is WAITSET_CREATE on an event. Nothing changes.
 */
static void enotty(void)
{
	union {
		struct ntevent_create_args create;
		struct ntevent_wait_args wait;
		struct ntevent_dup_args dup;
		struct ntevent_state st;
		struct ntevent_waitset_args wsc;
		struct ntevent_waitset_wait_args wsw;
		uint64_t raw[16];
	} buf;
	static const struct cmd {
		const char *name;
		unsigned long cmd;
	} cmds[] = {
		{ "SET", NTEVENT_IOC_SET },
		{ "RESET", NTEVENT_IOC_RESET },
		{ "PULSE", NTEVENT_IOC_PULSE },
		{ "CLEAR", NTEVENT_IOC_CLEAR },
		{ "READ", NTEVENT_IOC_READ },
		{ "DUP", NTEVENT_IOC_DUP },
		{ "CREATE", NTEVENT_IOC_CREATE },
		{ "WAIT_ANY", NTEVENT_IOC_WAIT_ANY },
		{ "WAIT_ALL", NTEVENT_IOC_WAIT_ALL },
		{ "WAIT_ANY_ALERT", NTEVENT_IOC_WAIT_ANY_ALERT },
		{ "OPEN", NTEVENT_IOC_OPEN },
		{ "SOCK_SELECT", NTEVENT_IOC_SOCK_SELECT },
		{ "WAITSET_CREATE", NTEVENT_IOC_WAITSET_CREATE },
		{ "bogus", BOGUS_SAME_MAGIC },
		{ "other_magic", BOGUS_OTHER_MAGIC },
		{ "zero", 0 },
		{ "wait_size", _IOWR(NTEVENT_IOC_MAGIC, 0x20, __u64) },
		{ "wait_read", _IOR(NTEVENT_IOC_MAGIC, 0x20,
				    struct ntevent_waitset_wait_args) },
		{ "wait_write", _IOW(NTEVENT_IOC_MAGIC, 0x20,
				     struct ntevent_waitset_wait_args) },
		{ "wait_none", _IO(NTEVENT_IOC_MAGIC, 0x20) },
		{ "next", _IOWR(NTEVENT_IOC_MAGIC, 0x21,
				struct ntevent_waitset_wait_args) },
	};
	const struct cmd *c;
	int fd = t_create(dev, T_AUTO, 1), ws, next;
	uint32_t fds[1] = { (uint32_t)fd };

	ws = ws_create(fds, 1);
	T_FOR_EACH_ROW(c, cmds) {
		memset(&buf, 0, sizeof(buf));
		buf.wait.fds = (uintptr_t)fds;
		buf.wait.count = 1;
		next = t_next_fd();
		CHECK_ERR(ioctl(ws, c->cmd, &buf), ENOTTY);
		CHECK_EQ(t_next_fd(), next);
	}
	t_case = "enotty_elsewhere";
	memset(&buf, 0, sizeof(buf));
	CHECK_ERR(ioctl(dev, NTEVENT_IOC_WAITSET_WAIT, &buf), ENOTTY);
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_WAITSET_WAIT, &buf), ENOTTY);
	buf.wsc.fds = (uintptr_t)fds;
	buf.wsc.count = 1;
	next = t_next_fd();
	CHECK_ERR(ioctl(fd, NTEVENT_IOC_WAITSET_CREATE, &buf), ENOTTY);
	CHECK_EQ(t_next_fd(), next);
	CHECK_STATE(fd, 1);
	/* Nothing changed: the wait set takes the event. */
	CHECK_WS(ws, 0, 0);
	CHECK_STATE(fd, 0);
	close(ws);
	close(fd);
	t_case = NULL;
}

/* A wait set is close-on-exec. */
static void cloexec(void)
{
	int fd = t_create(dev, T_AUTO, 0), ws, ws2;
	uint32_t fds[1] = { (uint32_t)fd };

	t_case = "cloexec";
	ws = ws_create(fds, 1);
	ws2 = ws_create(fds, 1);
	CHECK(CHECK_OK(fcntl(ws, F_GETFD)) & FD_CLOEXEC);
	CHECK(CHECK_OK(fcntl(ws2, F_GETFD)) & FD_CLOEXEC);
	CHECK(ws != ws2);
	/* An ordinary descriptor otherwise: the flag can be dropped. */
	CHECK_OK(fcntl(ws, F_SETFD, 0));
	CHECK_EQ(CHECK_OK(fcntl(ws, F_GETFD)) & FD_CLOEXEC, 0);
	CHECK_WS_NONE(ws);
	close(ws);
	close(ws2);
	close(fd);
	t_case = NULL;
}

/*
 * 128 wait sets on one event; the 129th is ENOSPC, alone or after another
 * event (which keeps no place from the failed create). Another event
 * takes wait sets still; a closed wait set frees its place. Creates that
 * failed late (the fd not storable) used up no place either. All 128 are
 * live: one set is taken once, by a wait, not by the idle wait sets.
 */
static void enospc(void)
{
	static int wss[MAX_WATCHERS + 1], gss[MAX_WATCHERS + 1];
	struct ntevent_waitset_args *ro = t_pages(1);
	int e = t_create(dev, T_AUTO, 0), f = t_create(dev, T_MANUAL, 1);
	int g = t_create(dev, T_AUTO, 0), next, i;
	uint32_t fds[2] = { (uint32_t)e, 0 };
	struct ws_waiter w;

	t_case = "enospc";
	/* 2 x 128 creates that fail once the wait set exists. */
	ro->fds = (uintptr_t)fds;
	ro->count = 1;
	t_page_readonly(ro);
	next = t_next_fd();
	for (i = 0; i < 2 * MAX_WATCHERS; i++)
		CHECK_ERR(ioctl(dev, NTEVENT_IOC_WAITSET_CREATE, ro), EFAULT);
	CHECK_EQ(t_next_fd(), next);

	for (i = 0; i < MAX_WATCHERS; i++)
		wss[i] = ws_create(fds, 1);
	next = t_next_fd();
	CHECK_RET(ws_create_raw(fds, 1), -ENOSPC);
	/* g first, then e: ENOSPC, and g's place is given back. */
	fds[0] = (uint32_t)g;
	fds[1] = (uint32_t)e;
	for (i = 0; i < 8; i++)
		CHECK_RET(ws_create_raw(fds, 2), -ENOSPC);
	CHECK_EQ(t_next_fd(), next);
	for (i = 0; i < MAX_WATCHERS; i++)
		gss[i] = ws_create(fds, 1);
	CHECK_RET(ws_create_raw(fds, 1), -ENOSPC);
	for (i = 0; i < MAX_WATCHERS; i++)
		close(gss[i]);
	/* Another event takes a wait set, e and all. */
	fds[0] = (uint32_t)f;
	gss[0] = ws_create(fds, 1);
	CHECK_WS(gss[0], 0, 0);
	close(gss[0]);

	/* A closed wait set frees its place. */
	fds[0] = (uint32_t)e;
	close(wss[5]);
	wss[5] = ws_create(fds, 1);
	CHECK_RET(ws_create_raw(fds, 1), -ENOSPC);

	/* The 128 idle wait sets take nothing; each one works. */
	CHECK_EQ(t_set(e), 0);
	CHECK_STATE(e, 1);
	CHECK_WS(wss[MAX_WATCHERS - 1], 0, 0);
	CHECK_WS_NONE(wss[0]);
	ws_waiter_start(&w, wss[64], 8000);
	CHECK_EQ(t_set(e), 0);
	ws_waiter_ok(&w, 0);
	CHECK_STATE(e, 0);
	for (i = 0; i < MAX_WATCHERS; i++) {
		CHECK_EQ(t_set(e), 0);
		CHECK_WS(wss[i], 0, 0);
	}
	CHECK_STATE(e, 0);
	for (i = 0; i < MAX_WATCHERS; i++)
		close(wss[i]);
	/* All places free again. */
	for (i = 0; i < MAX_WATCHERS; i++)
		wss[i] = ws_create(fds, 1);
	for (i = 0; i < MAX_WATCHERS; i++)
		close(wss[i]);
	close(e);
	close(f);
	close(g);
	t_case = NULL;
}

/*
 * One wait at a time: while a thread sleeps in a wait set, another wait
 * on it (through the same descriptor or a dup(2) of it) is EBUSY at once,
 * deadline or not, taking nothing; another wait set over the same events
 * is not busy. Once the sleeper returns, the wait set is free.
 */
static void ebusy(void)
{
	uint32_t fds[2], index, word = 0;
	int fd[2], ws, ws_dup, other;
	struct ws_waiter w;
	int64_t start;

	t_case = "ebusy";
	make_events(fd, "AA", "00");
	fds[0] = (uint32_t)fd[0];
	fds[1] = (uint32_t)fd[1];
	ws = ws_create(fds, 2);
	other = ws_create(fds, 2);
	ws_dup = CHECK_OK(fcntl(ws, F_DUPFD_CLOEXEC, 0));
	ws_waiter_start(&w, ws, 8000);
	start = t_mono();
	CHECK_RET(ws_wait(ws, 0, &index), -EBUSY);
	CHECK_RET(ws_wait(ws, t_after_ms(3000), &index), -EBUSY);
	CHECK_RET(ws_wait_full(ws_dup, t_after_ms(3000),
			       NTEVENT_WAIT_ALERTABLE | NTEVENT_WAIT_REALTIME,
			       (uintptr_t)&word, &index), -EBUSY);
	CHECK_MS(t_ms_since(start), 0, 1000);
	CHECK_WS_NONE(other);
	CHECK(!atomic_load(&w.done));
	CHECK_EQ(t_set(fd[1]), 0);
	ws_waiter_ok(&w, 1);
	check_states(fd, "00");
	/* Free again. */
	CHECK_WS_NONE(ws);
	CHECK_EQ(t_set(fd[0]), 0);
	CHECK_WS(ws_dup, 0, 0);
	CHECK_WS_NONE(other);
	close(ws_dup);
	close(other);
	close(ws);
	close_all(fd, 2);
	t_case = NULL;
}

/*
 * Waiters on one auto-reset event are released in the order they started
 * waiting, wait-any or wait set alike: a wait set made before a plain
 * waiter queued, but waiting after it, comes after it.
 */
static void fifo(void)
{
	struct t_waiter plain;
	struct ws_waiter a, b;
	uint32_t fds[2];
	int e, x, ws1, ws2, round;

	e = t_create(dev, T_AUTO, 0);
	x = t_create(dev, T_AUTO, 0);
	fds[0] = (uint32_t)e;
	ws1 = ws_create(fds, 1);
	CHECK_WS_NONE(ws1);

	for (round = 0; round < 2; round++) {
		t_case = round ? "fifo_waitset_first" : "fifo_plain_first";
		t_waiter_init1(&plain, dev, e, 8000);
		if (round == 0) {
			t_waiter_start_asleep(&plain);
			ws_waiter_start(&a, ws1, 8000);
		} else {
			ws_waiter_start(&a, ws1, 8000);
			t_waiter_start_asleep(&plain);
		}
		CHECK_EQ(t_set(e), 0);
		if (round == 0) {
			CHECK(await_bool(&plain.done, 5000));
			t_sleep_ms(100);
			CHECK_MSG(!atomic_load(&a.done),
				  "the set released the wait set (%s, index %u) as well or instead",
				  t_errname(-a.ret), a.index);
			CHECK_RET(plain.ret, 0);
			CHECK_EQ(plain.index, 0);
		} else {
			CHECK(await_bool(&a.done, 5000));
			t_sleep_ms(100);
			CHECK_MSG(!atomic_load(&plain.done),
				  "the set released the plain wait (%s) as well or instead",
				  t_errname(-plain.ret));
			CHECK_RET(a.ret, 0);
			CHECK_EQ(a.index, 0);
		}
		CHECK_STATE(e, 0);
		CHECK_EQ(t_set(e), 0);
		t_waiter_join(&plain);
		ws_waiter_ok(&a, 0);
		CHECK_RET(plain.ret, 0);
		CHECK_EQ(plain.order > a.order, round);
		CHECK_STATE(e, 0);
	}

	/*
	 * Three: a plain wait, then ws2 (made after ws1, e at index 1), then
	 * ws1 (made first): one set each, in that order.
	 */
	t_case = "fifo_three";
	fds[0] = (uint32_t)x;
	fds[1] = (uint32_t)e;
	ws2 = ws_create(fds, 2);
	t_waiter_init1(&plain, dev, e, 8000);
	t_waiter_start_asleep(&plain);
	ws_waiter_start(&b, ws2, 8000);
	ws_waiter_start(&a, ws1, 8000);
	CHECK_EQ(t_set(e), 0);
	CHECK(await_bool(&plain.done, 5000));
	t_sleep_ms(50);
	CHECK(!atomic_load(&a.done) && !atomic_load(&b.done));
	CHECK_EQ(t_set(e), 0);
	CHECK(await_bool(&b.done, 5000));
	t_sleep_ms(50);
	CHECK(!atomic_load(&a.done));
	CHECK_EQ(t_set(e), 0);
	t_waiter_join(&plain);
	ws_waiter_ok(&b, 1);
	ws_waiter_ok(&a, 0);
	CHECK_RET(plain.ret, 0);
	CHECK(plain.order < b.order && b.order < a.order);
	CHECK_STATE(e, 0);
	CHECK_STATE(x, 0);
	close(ws2);
	close(ws1);
	close(x);
	close(e);
	t_case = NULL;
}

/*
 * The wait set holds the events: closed descriptors change nothing, a set
 * through a dup(2) or an NTEVENT_IOC_DUP descriptor reaches it, a
 * descriptor number dup2()'ed to another event does not, and an event
 * whose every descriptor is closed lives on in it.
 */
static void closed_fds(void)
{
	int a, b, da, db, c, x, m, ws, ws2;
	uint32_t fds[2];
	struct ws_waiter w;

	t_case = "closed_fds";
	a = t_create(dev, T_AUTO, 0);
	b = t_create(dev, T_MANUAL, 0);
	fds[0] = (uint32_t)a;
	fds[1] = (uint32_t)b;
	ws = ws_create(fds, 2);
	da = CHECK_OK(dup(a));
	db = t_dup(b, NTEVENT_MODIFY_STATE | NTEVENT_QUERY_STATE);
	close(a);
	close(b);
	CHECK_WS_NONE(ws);
	CHECK_EQ(t_set(da), 0);
	CHECK_WS(ws, 0, 0);
	CHECK_STATE(da, 0);
	CHECK_EQ(t_set(db), 0);
	CHECK_WS(ws, 0, 1);
	CHECK_WS(ws, t_after_ms(1000), 1);
	CHECK_STATE(db, 1);
	CHECK_EQ(t_reset(db), 1);
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_set(da), 0);
	ws_waiter_ok(&w, 0);
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_pulse(db), 0);
	ws_waiter_ok(&w, 1);
	CHECK_STATE(da, 0);
	CHECK_STATE(db, 0);

	/* The number now names another event: the wait set keeps its own. */
	t_case = "dup2_replaced";
	c = t_create(dev, T_AUTO, 0);
	x = t_create(dev, T_AUTO, 0);
	fds[0] = (uint32_t)x;
	ws2 = ws_create(fds, 1);
	CHECK_EQ(CHECK_OK(dup2(c, x)), x);
	CHECK_EQ(t_set(x), 0);		/* c's event */
	CHECK_WS_NONE(ws2);
	CHECK_STATE(c, 1);
	CHECK_RET(t_try(dev, c), 0);
	close(ws2);

	/* Every descriptor of a signaled manual event closed. */
	t_case = "event_only_in_waitset";
	m = t_create(dev, T_MANUAL, 1);
	fds[0] = (uint32_t)m;
	ws2 = ws_create(fds, 1);
	close(m);
	CHECK_WS(ws2, 0, 0);
	CHECK_WS(ws2, NTEVENT_NO_TIMEOUT, 0);
	close(ws2);

	close(c);
	close(x);
	close(db);
	close(da);
	close(ws);
	t_case = NULL;
}

/*
 * An event more than once in the list, by the same descriptor, a dup(2)
 * or an NTEVENT_IOC_DUP: its lowest index satisfies the wait, and it is
 * consumed once.
 */
static void duplicates(void)
{
	int a, b, m, a2, a3, ws;
	uint32_t fds[4];
	struct ws_waiter w;

	t_case = "duplicates";
	a = t_create(dev, T_AUTO, 1);
	b = t_create(dev, T_AUTO, 0);
	fds[0] = (uint32_t)b;
	fds[1] = (uint32_t)a;
	fds[2] = (uint32_t)b;
	fds[3] = (uint32_t)a;
	ws = ws_create(fds, 4);
	CHECK_WS(ws, 0, 1);
	CHECK_STATE(a, 0);
	CHECK_WS_NONE(ws);
	CHECK_EQ(t_set(b), 0);
	CHECK_WS(ws, 0, 0);
	CHECK_WS_NONE(ws);
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_set(a), 0);
	ws_waiter_ok(&w, 1);
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_set(b), 0);
	ws_waiter_ok(&w, 0);
	CHECK_STATE(a, 0);
	CHECK_STATE(b, 0);
	CHECK_WS_NONE(ws);
	close(ws);

	t_case = "duplicates_manual";
	m = t_create(dev, T_MANUAL, 1);
	fds[0] = (uint32_t)b;
	fds[1] = (uint32_t)m;
	fds[2] = (uint32_t)m;
	ws = ws_create(fds, 3);
	CHECK_WS(ws, 0, 1);
	CHECK_WS(ws, 0, 1);
	CHECK_STATE(m, 1);
	close(ws);

	t_case = "duplicates_by_dup";
	a2 = CHECK_OK(dup(a));
	a3 = t_dup(a, NTEVENT_SYNCHRONIZE);
	fds[0] = (uint32_t)a3;
	fds[1] = (uint32_t)b;
	fds[2] = (uint32_t)a2;
	fds[3] = (uint32_t)a;
	ws = ws_create(fds, 4);
	CHECK_EQ(t_set(a), 0);
	CHECK_WS(ws, 0, 0);
	CHECK_WS_NONE(ws);
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_set(a2), 0);
	ws_waiter_ok(&w, 0);
	CHECK_STATE(a, 0);
	close(ws);
	close(a3);
	close(a2);
	close(m);
	close(b);
	close(a);
	t_case = NULL;
}

/*
 * The wait set's descriptor closed while a thread sleeps in it: the wait
 * goes on and a set still ends it; then the wait set is gone from its
 * event (a set stays). A forked child shares the wait set: its wait makes
 * the parent's EBUSY, and a set of the parent's releases it.
 */
static void close_and_fork(void)
{
	int e = t_create(dev, T_AUTO, 0), ws, status;
	uint32_t fds[2] = { (uint32_t)e, (uint32_t)e };
	struct ws_waiter w;
	pid_t pid;

	t_case = "close_while_waiting";
	ws = ws_create(fds, 2);
	ws_waiter_start(&w, ws, 8000);
	close(ws);
	t_sleep_ms(50);
	CHECK(!atomic_load(&w.done));
	CHECK_EQ(t_set(e), 0);
	ws_waiter_ok(&w, 0);
	CHECK_EQ(t_set(e), 0);
	t_sleep_ms(20);
	CHECK_STATE(e, 1);
	CHECK_RET(t_try(dev, e), 0);

	t_case = "fork";
	ws = ws_create(fds, 1);
	pid = t_fork();
	if (pid == 0) {
		uint32_t index = 0xdeadbeef;
		int ret = ws_wait(ws, t_after_ms(8000), &index);

		if (ret || index != 0)
			T_FAILF("the child's wait: %s, index %u",
				t_errname(ret), index);
		exit(0);	/* not _exit: the child reports its checks */
	}
	t_await_blocked(pid, SYS_ioctl);
	CHECK_RET(ws_wait(ws, 0, NULL), -EBUSY);
	CHECK_EQ(t_set(e), 0);
	status = t_reap(pid);
	CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		  "the waiting child failed (status %#x)", status);
	CHECK_STATE(e, 0);
	CHECK_WS_NONE(ws);
	close(ws);
	close(e);
	t_case = NULL;
}

/* 64 events, the most: the lowest signaled, a sleeper woken by one. */
static void wide_64(void)
{
	const int n = NTEVENT_MAX_WAIT_COUNT;
	uint32_t fds[NTEVENT_MAX_WAIT_COUNT];
	struct ws_waiter w;
	int i, ws;

	t_case = "wide_64";
	for (i = 0; i < n; i++)
		fds[i] = (uint32_t)t_create(dev, T_AUTO, 0);
	ws = ws_create(fds, n);
	CHECK_EQ(t_set(fds[n - 1]), 0);
	CHECK_WS(ws, 0, n - 1);
	CHECK_WS_NONE(ws);
	CHECK_EQ(t_set(fds[33]), 0);
	CHECK_EQ(t_set(fds[9]), 0);
	CHECK_EQ(t_set(fds[62]), 0);
	CHECK_WS(ws, 0, 9);
	CHECK_WS(ws, NTEVENT_NO_TIMEOUT, 33);
	CHECK_WS(ws, t_after_ms(1000), 62);
	CHECK_WS_NONE(ws);
	ws_waiter_start(&w, ws, 8000);
	CHECK_EQ(t_set(fds[40]), 0);
	ws_waiter_ok(&w, 40);
	for (i = 0; i < n; i++)
		CHECK_EQ(t_state(fds[i]), 0);
	close(ws);
	for (i = 0; i < n; i++)
		close(fds[i]);
	t_case = NULL;
}

#define ROUNDS	1000

struct ping {
	int ev[2];
	int ack;
	int rounds;
};

/* Sets ev[i % 2], then waits for the consumer's ack, ROUNDS times. */
static void *producer(void *p)
{
	struct ping *pg = p;
	int i;

	for (i = 0; i < pg->rounds; i++) {
		if (ioctl(pg->ev[i % 2], NTEVENT_IOC_SET, NULL))
			T_FAILF("round %d: SET: %s", i, t_errname(errno));
		if (t_wait1(dev, pg->ack, t_after_ms(10000)))
			T_FAILF("round %d: no ack within 10 s", i);
	}
	return NULL;
}

/*
 * One wait set, many waits: 1000 rounds of a set of the one event or the
 * other and a wait that finds it, polled; every 10th round both are set
 * and two waits take them in index order; then 1000 rounds against a
 * producer thread, the wait set's owner asleep each time. No set is lost,
 * none is taken twice.
 */
static void many_rounds(void)
{
	struct ping pg;
	uint32_t fds[3], index;
	pthread_t th;
	int ws, i, bad = 0, ret;

	t_case = "many_rounds";
	pg.ev[0] = t_create(dev, T_AUTO, 0);
	pg.ev[1] = t_create(dev, T_AUTO, 0);
	pg.ack = t_create(dev, T_AUTO, 0);
	pg.rounds = ROUNDS;
	fds[0] = (uint32_t)pg.ev[0];
	fds[1] = (uint32_t)pg.ev[1];
	ws = ws_create(fds, 2);
	for (i = 0; i < ROUNDS; i++) {
		if (i % 10 == 9) {
			t_set(pg.ev[1]);
			t_set(pg.ev[0]);
			ret = ws_wait(ws, 0, &index);
			bad += ret != 0 || index != 0;
			ret = ws_wait(ws, 0, &index);
			bad += ret != 0 || index != 1;
		} else {
			t_set(pg.ev[i % 2]);
			ret = ws_wait(ws, i % 3 ? 0 : t_after_ms(1000),
				      &index);
			bad += ret != 0 || index != (uint32_t)(i % 2);
		}
		CHECK_MSG(!bad, "round %d: %s, index %u", i, t_errname(ret),
			  index);
	}
	CHECK_WS_NONE(ws);

	t_case = "many_rounds_threads";
	t_thread(&th, producer, &pg);
	for (i = 0; i < ROUNDS; i++) {
		ret = ws_wait(ws, t_after_ms(10000), &index);
		CHECK_MSG(ret == 0 && index == (uint32_t)(i % 2),
			  "round %d: %s, index %u, expected index %d", i,
			  t_errname(ret), index, i % 2);
		CHECK_EQ(t_set(pg.ack), 0);
	}
	t_join(th);
	CHECK_WS_NONE(ws);
	CHECK_STATE(pg.ev[0], 0);
	CHECK_STATE(pg.ev[1], 0);
	CHECK_STATE(pg.ack, 0);
	close(ws);
	close(pg.ack);
	close(pg.ev[1]);
	close(pg.ev[0]);
	t_case = NULL;
}

int main(void)
{
	int fds0;

	dev = t_open_dev();
	fds0 = t_count_fds();
	lowest_index();
	disarmed();
	blocked();
	timeouts();
	signals();
	alert_word();
	create_einval();
	wait_einval();
	efault();
	bad_descriptors();
	enotty();
	cloexec();
	enospc();
	ebusy();
	fifo();
	closed_fds();
	duplicates();
	close_and_fork();
	wide_64();
	many_rounds();
	/* Every wait set and event made here was closed again. */
	CHECK_EQ(t_count_fds(), fds0);
	return T_PASS;
}
