// SPDX-License-Identifier: GPL-2.0
/*
 * An event descriptor works with poll(), epoll (level- and edge-triggered)
 * and select(): it is readable (POLLIN, and nothing else) exactly while
 * the event is signaled, for both types, and watching it never consumes
 * an auto-reset event. Edge-triggered epoll reports each non-signaled ->
 * signaled transition once. A watcher blocked (long timeout) on several
 * events is woken by a SET of one from another thread and reports that
 * one only, which is still signaled afterwards. A PULSE does not make a
 * blocked watcher see the event: it times out with nothing reported.
 *
 * Each row is a mechanism and a scenario (state, set wakes, pulse wakes).
 */
#include "abi.h"

#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>

enum mech { POLL, EPOLL, EPOLL_ET, SELECT };
enum what { STATE, SET_WAKES, PULSE_WAKES };

#define MAX_FDS	3

/* A way of watching n event descriptors for readability. */
struct watch {
	enum mech mech;
	int fds[MAX_FDS];
	int n;
	int ep;			/* the epoll instance */
};

static void watch_init(struct watch *w, enum mech mech, const int *fds,
		       int n)
{
	struct epoll_event ev;
	int i;

	w->mech = mech;
	w->n = n;
	memcpy(w->fds, fds, n * sizeof(*fds));
	w->ep = -1;
	if (mech != EPOLL && mech != EPOLL_ET)
		return;
	w->ep = CHECK_OK(epoll_create1(EPOLL_CLOEXEC));
	for (i = 0; i < n; i++) {
		memset(&ev, 0, sizeof(ev));
		ev.events = EPOLLIN | (mech == EPOLL_ET ? EPOLLET : 0);
		ev.data.fd = fds[i];
		CHECK_OK(epoll_ctl(w->ep, EPOLL_CTL_ADD, fds[i], &ev));
	}
}

static void watch_done(struct watch *w)
{
	if (w->ep >= 0)
		close(w->ep);
}

/*
 * Wait up to timeout_ms (0: just look) for the watched events: how many
 * are ready, and what was reported for each (in poll's terms).
 */
static int watch_wait(struct watch *w, int timeout_ms, short *revents)
{
	struct pollfd p[MAX_FDS];
	struct epoll_event ev[MAX_FDS];
	struct timeval tv = { timeout_ms / 1000, timeout_ms % 1000 * 1000 };
	fd_set r;
	int i, j, n, max = 0;

	memset(revents, 0, w->n * sizeof(*revents));
	switch (w->mech) {
	case POLL:
		for (i = 0; i < w->n; i++)
			p[i] = (struct pollfd){ .fd = w->fds[i],
						.events = POLLIN };
		n = CHECK_OK(poll(p, w->n, timeout_ms));
		for (i = 0; i < w->n; i++)
			revents[i] = p[i].revents;
		return n;
	case EPOLL:
	case EPOLL_ET:
		n = CHECK_OK(epoll_wait(w->ep, ev, MAX_FDS, timeout_ms));
		for (j = 0; j < n; j++) {
			for (i = 0; i < w->n; i++)
				if (w->fds[i] == ev[j].data.fd)
					break;
			CHECK_MSG(i < w->n, "epoll reported fd %d",
				  ev[j].data.fd);
			revents[i] = (short)ev[j].events;
		}
		return n;
	case SELECT:
		FD_ZERO(&r);
		for (i = 0; i < w->n; i++) {
			FD_SET(w->fds[i], &r);
			if (w->fds[i] > max)
				max = w->fds[i];
		}
		n = CHECK_OK(select(max + 1, &r, NULL, NULL, &tv));
		for (i = 0; i < w->n; i++)
			revents[i] = FD_ISSET(w->fds[i], &r) ? POLLIN : 0;
		return n;
	}
	T_FAILF("no mechanism %d", w->mech);
}

/* Look at one watched event now: it must report want (POLLIN or 0). */
static void expect(struct watch *w, short want)
{
	short rev;

	CHECK_EQ(watch_wait(w, 0, &rev), want ? 1 : 0);
	CHECK_EQ(rev, want);
}

/* A thread blocked in watch_wait. */
struct watcher {
	struct watch *w;
	int timeout_ms;
	_Atomic pid_t tid;
	int ret;
	short revents[MAX_FDS];
	pthread_t th;
};

static void *watcher_fn(void *arg)
{
	struct watcher *wr = arg;

	atomic_store(&wr->tid, t_gettid());
	wr->ret = watch_wait(wr->w, wr->timeout_ms, wr->revents);
	return NULL;
}

/* Start a watcher and return once it sleeps in its system call. */
static void watcher_start(struct watcher *wr, struct watch *w, int ms)
{
	memset(wr, 0, sizeof(*wr));
	wr->w = w;
	wr->timeout_ms = ms;
	t_thread(&wr->th, watcher_fn, wr);
	while (!atomic_load(&wr->tid))
		t_sleep_ms(1);
	t_await_blocked(atomic_load(&wr->tid), -1);
}

struct row {
	const char *name;
	enum mech mech;
	enum what what;
	uint32_t type;		/* of the event set, pulsed or looked at */
	int nfds;		/* SET_WAKES: watched (the last one is set) */
};

#define R(m, w, t, n)	{ #m " " #w " " #t, m, w, t, n }
#define EACH_MECH(w, t, n)						\
	R(POLL, w, t, n), R(EPOLL, w, t, n), R(EPOLL_ET, w, t, n),	\
	R(SELECT, w, t, n)

static const struct row rows[] = {
	EACH_MECH(STATE, T_AUTO, 1),
	EACH_MECH(STATE, T_MANUAL, 1),
	/* After an auto and a manual event that stay non-signaled. */
	EACH_MECH(SET_WAKES, T_AUTO, 3),
	EACH_MECH(SET_WAKES, T_MANUAL, 1),
	EACH_MECH(PULSE_WAKES, T_AUTO, 1),
	EACH_MECH(PULSE_WAKES, T_MANUAL, 1),
};

/*
 * Readable while signaled: through set, waits, reset, pulse and clear.
 * Edge-triggered, only the first look after a transition reports it.
 */
static void state(int dev, const struct row *r)
{
	bool et = r->mech == EPOLL_ET;
	int e = t_create(dev, r->type, 0);
	struct watch w;
	int i;

	watch_init(&w, r->mech, &e, 1);
	expect(&w, 0);
	CHECK_EQ(t_set(e), 0);
	for (i = 0; i < 3; i++) {
		expect(&w, !et || i == 0 ? POLLIN : 0);
		CHECK_STATE(e, 1);	/* not consumed */
	}
	CHECK_RET(t_try(dev, e), 0);
	expect(&w, r->type == T_MANUAL && !et ? POLLIN : 0);
	CHECK_EQ(t_reset(e), r->type == T_MANUAL);
	expect(&w, 0);
	CHECK_EQ(t_set(e), 0);
	expect(&w, POLLIN);
	CHECK_STATE(e, 1);
	CHECK_EQ(t_pulse(e), 1);
	expect(&w, 0);
	CHECK_EQ(t_set(e), 0);
	t_clear(e);
	expect(&w, 0);
	watch_done(&w);
	close(e);
}

/* A SET of the last of the watched events wakes the watcher. */
static void set_wakes(int dev, const struct row *r)
{
	const uint32_t types[MAX_FDS] = { T_AUTO, T_MANUAL };
	int fds[MAX_FDS], i, last = r->nfds - 1;
	struct watcher wr;
	struct watch w;

	for (i = 0; i < r->nfds; i++)
		fds[i] = t_create(dev, i == last ? r->type : types[i], 0);
	watch_init(&w, r->mech, fds, r->nfds);
	watcher_start(&wr, &w, 6000);
	t_sleep_ms(50);
	CHECK_EQ(t_set(fds[last]), 0);
	t_join(wr.th);
	CHECK_EQ(wr.ret, 1);
	for (i = 0; i < r->nfds; i++) {
		CHECK_EQ(wr.revents[i], i == last ? POLLIN : 0);
		CHECK_STATE(fds[i], i == last);
	}
	/* Still signaled: the watcher consumed nothing. */
	CHECK_RET(t_try(dev, fds[last]), 0);
	watch_done(&w);
	for (i = 0; i < r->nfds; i++)
		close(fds[i]);
}

/* A PULSE leaves the watcher to time out, seeing nothing. */
static void pulse_wakes(int dev, const struct row *r)
{
	int e = t_create(dev, r->type, 0);
	struct watcher wr;
	struct watch w;

	watch_init(&w, r->mech, &e, 1);
	watcher_start(&wr, &w, 300);
	CHECK_EQ(t_pulse(e), 0);
	t_join(wr.th);
	CHECK_EQ(wr.ret, 0);
	CHECK_EQ(wr.revents[0], 0);
	CHECK_STATE(e, 0);
	watch_done(&w);
	close(e);
}

int main(void)
{
	int dev = t_open_dev();
	const struct row *r;

	T_FOR_EACH_ROW(r, rows) {
		switch (r->what) {
		case STATE:
			state(dev, r);
			break;
		case SET_WAKES:
			set_wakes(dev, r);
			break;
		case PULSE_WAKES:
			pulse_wakes(dev, r);
			break;
		}
	}
	return T_PASS;
}
