// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_WAIT_SIGNAL: set signal_fd, then wait, as one call.
 * - The signal event is set (like SET: it releases a thread waiting on
 *   it) whether the wait then succeeds or times out, for wait-any and
 *   wait-all, polled or not, with the realtime and alertable flags too.
 * - Signaling the very event waited on satisfies the wait (it is set after
 *   the waiter is queued), and a wait-all is satisfied by its own signal.
 * - signal_fd needs NTEVENT_MODIFY_STATE (not SYNCHRONIZE): without it the
 *   wait is EACCES, setting and consuming nothing.
 * One row per case (the table); then two threads relaying control back
 * and forth through it, answering with signal-and-wait or with a PULSE
 * (which only releases current waiters: the waiter is queued before
 * signal_fd is set), and the restart after a signal handler, which clears
 * the flag and signal_fd in the caller's arguments.
 */
#include "abi.h"

#define MAX_EV	2

enum tmo { POLL, DEADLINE, REALTIME };

struct row {
	const char *name;
	bool all;
	const char *types;	/* 'A' auto, 'M' manual, per slot */
	const char *states;
	int sig;		/* the slot of signal_fd */
	uint32_t sig_access;	/* its rights (0: all) */
	const char *fds;	/* the wait list, slot digits */
	enum tmo tmo;
	int ms;
	uint32_t flags;		/* besides NTEVENT_WAIT_SIGNAL */
	bool partner;		/* a thread waits on signal_fd first */
	int want;
	const char *after;	/* the states after */
};

#define NO_MODIFY	(NTEVENT_ALL_ACCESS & ~NTEVENT_MODIFY_STATE)

/* The same row as a wait-any and as a wait-all. */
#define BOTH(nm, ...)							\
	{ nm "_any", false, __VA_ARGS__ },				\
	{ nm "_all", true, __VA_ARGS__ }

static const struct row rows[] = {
	/* Times out, but the signal happened. */
	BOTH("times_out_poll", "AA", "00", 1, 0, "0", POLL, 0, 0, false,
	     -ETIMEDOUT, "01"),
	BOTH("times_out", "AA", "00", 1, 0, "0", DEADLINE, 150, 0, false,
	     -ETIMEDOUT, "01"),
	/* Succeeds at once on a signaled manual event. */
	BOTH("manual_signaled", "MA", "10", 1, 0, "0", DEADLINE, 3000, 0,
	     false, 0, "11"),
	/* Signal what we wait on: satisfied, and consumed. */
	BOTH("self", "A", "0", 0, 0, "0", DEADLINE, 3000, 0, false, 0, "0"),
	BOTH("self_poll", "A", "0", 0, 0, "0", POLL, 0, 0, false, 0, "0"),
	/* wait-all(w, s), w signaled: completed by its own signal of s. */
	{ "all_own_signal", true, "AA", "10", 1, 0, "01", DEADLINE, 3000, 0,
	  false, 0, "00" },
	{ "realtime_alertable", false, "MA", "10", 1, 0, "0", REALTIME, 3000,
	  NTEVENT_WAIT_REALTIME | NTEVENT_WAIT_ALERTABLE, false, 0, "11" },
	/* signal_fd without MODIFY_STATE: nothing set, nothing taken. */
	BOTH("eacces_poll", "AA", "10", 1, NO_MODIFY, "0", POLL, 0, 0, false,
	     -EACCES, "10"),
	BOTH("eacces", "AA", "10", 1, NO_MODIFY, "0", DEADLINE, 2000, 0, false,
	     -EACCES, "10"),
	/* MODIFY_STATE alone is enough for the signal side. */
	{ "modify_only", false, "AA", "10", 1, NTEVENT_MODIFY_STATE, "0", POLL,
	  0, 0, false, 0, "01" },
	/* signal_fd releases a thread waiting on it, like SET. */
	{ "wakes_waiter", false, "AA", "00", 1, 0, "0", DEADLINE, 300, 0, true,
	  -ETIMEDOUT, "00" },
};

/*
 * The state of a slot: READ, or, where signal_fd lacks QUERY_STATE, the
 * previous state RESET reports.
 */
static int slot_state(const struct row *r, int i, int fd)
{
	if (i == r->sig && r->sig_access &&
	    !(r->sig_access & NTEVENT_QUERY_STATE))
		return t_reset(fd);
	return t_state(fd);
}

static void run_row(int dev, const struct row *r)
{
	uint32_t fds[MAX_EV], n, flags = NTEVENT_WAIT_SIGNAL | r->flags;
	uint32_t index = 0;
	struct t_waiter partner;
	uint64_t timeout = 0;
	int fd[MAX_EV], i;

	for (i = 0; r->types[i]; i++)
		fd[i] = t_create_access(dev, r->types[i] == 'M' ? T_MANUAL :
					T_AUTO, r->states[i] == '1',
					i == r->sig && r->sig_access ?
					r->sig_access : NTEVENT_ALL_ACCESS);
	for (n = 0; r->fds[n]; n++)
		fds[n] = (uint32_t)fd[r->fds[n] - '0'];
	if (r->partner) {
		t_waiter_init1(&partner, dev, fd[r->sig], 5000);
		t_waiter_start_asleep(&partner);
	}
	if (r->tmo == DEADLINE)
		timeout = t_after_ms(r->ms);
	else if (r->tmo == REALTIME)
		timeout = t_now(CLOCK_REALTIME) + (int64_t)r->ms * 1000000;
	CHECK_RET(t_wait_full(dev, r->all, fds, n, timeout, flags,
			      (uint32_t)fd[r->sig], &index), r->want);
	if (r->want == 0)
		CHECK_EQ(index, 0);
	if (r->partner) {
		t_waiter_join(&partner);
		CHECK_RET(partner.ret, 0);
	}
	for (i = 0; r->after[i]; i++)
		CHECK_EQ(slot_state(r, i, fd[i]), r->after[i] - '0');
	for (i = 0; r->types[i]; i++)
		close(fd[i]);
}

/* ---- a relay of two threads ---- */

struct relay {
	const char *name;
	int rounds;
	uint32_t answer_type;
	bool answer_pulse;	/* answer with PULSE, not signal-and-wait */
};

static const struct relay relays[] = {
	{ "relay_pingpong", 200, T_AUTO, false },
	{ "relay_pulse_answer", 20, T_MANUAL, true },
};

static int relay_dev, relay_s, relay_r;
static _Atomic int turns;

/*
 * The partner: it wakes on s (set by the main thread's signal-and-wait)
 * and answers on r, round after round.
 */
static void *partner_fn(void *p)
{
	const struct relay *rl = p;
	uint32_t fds[1] = { (uint32_t)relay_s };
	int i, ret;

	ret = t_wait1(relay_dev, relay_s, t_after_ms(5000));
	if (ret)
		T_FAILF("partner: first wait: %s", t_errname(-ret));
	for (i = 0; i < rl->rounds; i++) {
		bool last = i == rl->rounds - 1;

		atomic_fetch_add(&turns, 1);
		if (rl->answer_pulse) {
			t_pulse(relay_r);
			ret = last ? 0 : t_wait1(relay_dev, relay_s,
						 t_after_ms(5000));
		} else if (last) {
			t_set(relay_r);
			ret = 0;
		} else {
			ret = t_wait_full(relay_dev, false, fds, 1,
					  t_after_ms(5000), NTEVENT_WAIT_SIGNAL,
					  relay_r, NULL);
		}
		if (ret)
			T_FAILF("partner: round %d: %s", i, t_errname(-ret));
	}
	return NULL;
}

static void run_relay(int dev, const struct relay *rl)
{
	uint32_t fds[1];
	pthread_t th;
	int i;

	relay_dev = dev;
	relay_s = t_create(dev, T_AUTO, 0);
	relay_r = t_create(dev, rl->answer_type, 0);
	atomic_store(&turns, 0);
	fds[0] = relay_r;
	t_thread(&th, partner_fn, (void *)rl);
	for (i = 0; i < rl->rounds; i++) {
		int ret = t_wait_full(dev, false, fds, 1, t_after_ms(5000),
				      NTEVENT_WAIT_SIGNAL, relay_s, NULL);

		CHECK_MSG(ret == 0, "round %d: the answer was missed: %s", i,
			  t_errname(-ret));
		CHECK_EQ(atomic_load(&turns), i + 1);
	}
	t_join(th);
	CHECK_EQ(atomic_load(&turns), rl->rounds);
	CHECK_STATE(relay_s, 0);
	CHECK_STATE(relay_r, 0);
	close(relay_s);
	close(relay_r);
}

/* ---- the restart after a signal handler ---- */

static struct ntevent_wait_args restart_args;
static _Atomic pid_t restart_tid;
static _Atomic int handled;
static int restart_ret, restart_dev;

static void on_usr1(int sig)
{
	(void)sig;
	atomic_fetch_add(&handled, 1);
}

static void *restart_waiter(void *p)
{
	(void)p;
	atomic_store(&restart_tid, t_gettid());
	restart_ret = ioctl(restart_dev, NTEVENT_IOC_WAIT_ANY, &restart_args) ?
		      -errno : 0;
	return NULL;
}

/*
 * A non-alertable signal-and-wait interrupted by a handler is restarted by
 * the kernel, which first clears NTEVENT_WAIT_SIGNAL and signal_fd in the
 * caller's structure (Documentation/ntevent-abi.rst: so that the restarted
 * call does not set the event again); the other inputs are left alone, and
 * without an interruption nothing but index is written.
 */
static void restart_clears_signal(int dev)
{
	struct ntevent_wait_args orig;
	struct sigaction sa;
	uint32_t fds[1];
	pthread_t th;
	int s, w;

	t_case = "restart_clears_signal";
	restart_dev = dev;
	s = t_create(dev, T_AUTO, 0);
	w = t_create(dev, T_AUTO, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));

	fds[0] = w;
	memset(&restart_args, 0, sizeof(restart_args));
	restart_args.timeout = t_after_ms(6000);
	restart_args.fds = (uintptr_t)fds;
	restart_args.count = 1;
	restart_args.flags = NTEVENT_WAIT_SIGNAL;
	restart_args.signal_fd = s;
	orig = restart_args;

	t_thread(&th, restart_waiter, NULL);
	while (!atomic_load(&restart_tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&restart_tid), SYS_ioctl);
	CHECK_RET(t_try(dev, s), 0);
	pthread_kill(th, SIGUSR1);
	while (!atomic_load(&handled))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&restart_tid), SYS_ioctl);
	CHECK_EQ(t_set(w), 0);
	t_join(th);
	CHECK_RET(restart_ret, 0);
	CHECK_EQ(restart_args.index, 0);
	CHECK_EQ(restart_args.flags, orig.flags & ~NTEVENT_WAIT_SIGNAL);
	CHECK_EQ(restart_args.signal_fd, 0);
	CHECK_EQ(restart_args.timeout, orig.timeout);
	CHECK_EQ(restart_args.fds, orig.fds);
	CHECK_EQ(restart_args.count, orig.count);
	CHECK_STATE(s, 0);

	/* Not interrupted: the input is left as it was. */
	restart_args = orig;
	restart_args.timeout = 0;
	CHECK_EQ(t_set(w), 0);
	CHECK_OK(ioctl(dev, NTEVENT_IOC_WAIT_ANY, &restart_args));
	CHECK_EQ(restart_args.flags, NTEVENT_WAIT_SIGNAL);
	CHECK_EQ(restart_args.signal_fd, s);
	CHECK_EQ(restart_args.count, 1);
	CHECK_EQ(t_reset(s), 1);
	close(s);
	close(w);
}

int main(void)
{
	int dev = t_open_dev();
	const struct relay *rl;
	const struct row *r;

	T_FOR_EACH_ROW(r, rows)
		run_row(dev, r);
	T_FOR_EACH_ROW(rl, relays)
		run_relay(dev, rl);
	restart_clears_signal(dev);
	return T_PASS;
}
