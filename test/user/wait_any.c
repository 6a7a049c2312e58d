// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_WAIT_ANY, one row per case: it returns the lowest signaled
 * index and consumes only that event, if it is an auto-reset one (a
 * manual-reset event satisfies every wait until it is reset); polled, with
 * a deadline or without one alike. A blocked wait-any is woken by a set of
 * any of its events, returns its index, consumes only it, and is then
 * gone from all its events (a later set stays signaled). The same event
 * may appear twice, by the same fd or a dup(2): it is reported at its
 * lowest index and consumed once. And (wide_64) waits on 64 events,
 * the most, wait-any and wait-all alike; (wide_now) a wait-any over more
 * than four events that one satisfies at once, which takes a path of its
 * own in the kernel, keeps every rule of the others.
 *
 * A row: the events (a type and an initial state per slot; type 'd' is a
 * dup(2) of slot 0), the wait list as slot digits, how the wait waits, the
 * outcome, and the states after it ('-': not checked).
 */
#include "abi.h"

#define MAX_EV	4

enum how {
	POLL,		/* deadline 0 */
	DEADLINE,	/* a deadline 3 s away */
	FOREVER,	/* NTEVENT_NO_TIMEOUT */
	BLOCKED,	/* a thread blocks; then slot wake is set */
};

struct row {
	const char *name;
	const char *types;	/* 'A' auto, 'M' manual, 'd' dup(2) of 0 */
	const char *states;	/* initial states */
	const char *fds;	/* the wait list, slot digits */
	enum how how;
	int wake;		/* BLOCKED: the slot set */
	int repeat;		/* waits in a row, with the same outcome */
	int want;		/* 0 or -errno */
	int index;
	const char *after;	/* states after the waits */
	int then_set;		/* set after, it stays signaled; or -1 */
};

#define POLL_ROWS(sfx, how)						\
	{ "lowest_" sfx, "AAMA", "0111", "0123", how, 0, 1, 0, 1,	\
	  "0011", -1 },							\
	/* The manual one next, again and again. */			\
	{ "manual_again_" sfx, "AAMA", "0011", "0123", how, 0, 2, 0, 2,	\
	  "0011", -1 },							\
	{ "manual_only_" sfx, "M", "1", "0", how, 0, 5, 0, 0, "1", -1 }

#define BLOCKED_ROW(k, after)						\
	{ "blocked_set_" #k, "AAAM", "0000", "0123", BLOCKED, k, 1, 0,	\
	  k, after, ((k) + 1) % 4 }

static const struct row rows[] = {
	POLL_ROWS("poll", POLL),
	POLL_ROWS("deadline", DEADLINE),
	POLL_ROWS("forever", FOREVER),
	/* Once the manual one is reset, the auto one after it is taken. */
	{ "after_manual", "AAMA", "0001", "0123", POLL, 0, 1, 0, 3, "0000",
	  -1 },
	{ "none_signaled", "AAMA", "0000", "0123", POLL, 0, 1, -ETIMEDOUT, 0,
	  "0000", -1 },
	{ "manual_reset", "M", "0", "0", POLL, 0, 1, -ETIMEDOUT, 0, "0", -1 },
	{ "all_signaled", "AAMA", "1111", "0123", POLL, 0, 1, 0, 0, "0111",
	  -1 },
	BLOCKED_ROW(0, "0000"),
	BLOCKED_ROW(1, "0000"),
	BLOCKED_ROW(2, "0000"),
	BLOCKED_ROW(3, "0001"),
	/* The same event twice: lowest index, consumed once. */
	{ "same_fd_twice", "AA", "10", "100", POLL, 0, 1, 0, 1, "00", -1 },
	{ "same_fd_twice_taken", "AA", "00", "100", POLL, 0, 1, -ETIMEDOUT,
	  0, "00", -1 },
	{ "same_fd_twice_blocked", "A", "0", "00", BLOCKED, 0, 1, 0, 0, "0",
	  0 },
	{ "dup_twice", "AAd", "10-", "120", POLL, 0, 1, 0, 1, "00-", -1 },
};

static void check_states(const int *fd, const char *states)
{
	int i;

	for (i = 0; states[i]; i++)
		if (states[i] != '-')
			CHECK_EQ(t_state(fd[i]), states[i] - '0');
}

/*
 * A thread blocks in a wait on fds, then wake is SET (it was not
 * signaled): the wait's result, and its index in *index.
 */
static int blocked(int dev, bool all, const uint32_t *fds, uint32_t n,
		   int wake, uint32_t *index)
{
	struct t_waiter w;

	memset(&w, 0, sizeof(w));
	w.dev = dev;
	w.all = all;
	memcpy(w.fds, fds, n * sizeof(fds[0]));
	w.count = n;
	w.timeout = t_after_ms(6000);
	t_waiter_start_asleep(&w);
	CHECK_EQ(t_set(wake), 0);
	t_waiter_join(&w);
	*index = w.index;
	return w.ret;
}

static void run_row(int dev, const struct row *r)
{
	uint32_t fds[8], n, index = 0;
	int fd[MAX_EV], i, rep;

	for (i = 0; r->types[i]; i++) {
		if (r->types[i] == 'd')
			fd[i] = CHECK_OK(dup(fd[0]));
		else
			fd[i] = t_create(dev, r->types[i] == 'M' ? T_MANUAL :
					 T_AUTO, r->states[i] == '1');
	}
	check_states(fd, r->states);
	for (n = 0; r->fds[n]; n++)
		fds[n] = (uint32_t)fd[r->fds[n] - '0'];

	for (rep = 0; rep < r->repeat; rep++) {
		int ret;

		if (r->how == BLOCKED)
			ret = blocked(dev, false, fds, n, fd[r->wake], &index);
		else
			ret = t_wait_any(dev, fds, n,
					 r->how == POLL ? 0 :
					 r->how == DEADLINE ? t_after_ms(3000) :
					 NTEVENT_NO_TIMEOUT, &index);
		CHECK_RET(ret, r->want);
		if (!ret)
			CHECK_EQ(index, r->index);
	}
	check_states(fd, r->after);

	/* No waiter is left on any event: a set stays. */
	if (r->then_set >= 0) {
		CHECK_EQ(t_set(fd[r->then_set]), 0);
		CHECK_STATE(fd[r->then_set], 1);
	}
	for (i = 0; r->types[i]; i++)
		close(fd[i]);
}

/* The states of n events: all 0, or (one_but >= 0) all 1 but that one. */
static void check_wide(const uint32_t *fds, int n, int one_but)
{
	int i;

	for (i = 0; i < n; i++)
		CHECK_EQ(t_state(fds[i]), one_but >= 0 && i != one_but);
}

/*
 * Waits on NTEVENT_MAX_WAIT_COUNT (64) events work, wait-any and wait-all,
 * polled and blocked; 65 is EINVAL.
 */
static void wide_64(int dev)
{
	const int n = NTEVENT_MAX_WAIT_COUNT;
	uint32_t fds[NTEVENT_MAX_WAIT_COUNT + 1], index;
	int i;

	t_case = "wide_64";
	CHECK_EQ(n, 64);
	for (i = 0; i < n; i++)
		fds[i] = t_create(dev, T_AUTO, 0);
	fds[n] = t_create(dev, T_AUTO, 1);

	/* wait-any: only the last is signaled. */
	CHECK_EQ(t_set(fds[n - 1]), 0);
	CHECK_RET(t_wait_any(dev, fds, n, 0, &index), 0);
	CHECK_EQ(index, n - 1);
	CHECK_RET(t_wait_any(dev, fds, n, 0, &index), -ETIMEDOUT);
	CHECK_RET(t_wait_any(dev, fds, n + 1, 0, &index), -EINVAL);
	CHECK_RET(t_wait_all(dev, fds, n + 1, 0), -EINVAL);
	CHECK_STATE(fds[n], 1);

	/* Blocked wait-any over 64, woken by index 40. */
	CHECK_RET(blocked(dev, false, fds, n, fds[40], &index), 0);
	CHECK_EQ(index, 40);
	CHECK_STATE(fds[40], 0);

	/* wait-all: all but one signaled times out, nothing taken. */
	for (i = 0; i < n; i++)
		if (i != 17)
			CHECK_EQ(t_set(fds[i]), 0);
	CHECK_RET(t_wait_all(dev, fds, n, t_after_ms(100)), -ETIMEDOUT);
	check_wide(fds, n, 17);

	/* Blocked wait-all over 64, completed by the missing one. */
	CHECK_RET(blocked(dev, true, fds, n, fds[17], &index), 0);
	CHECK_EQ(index, 0);
	check_wide(fds, n, -1);

	/* And polled, all signaled. */
	for (i = 0; i < n; i++)
		CHECK_EQ(t_set(fds[i]), 0);
	CHECK_RET(t_wait_all(dev, fds, n, 0), 0);
	check_wide(fds, n, -1);
	for (i = 0; i <= n; i++)
		close(fds[i]);
}

#define WIDE	12

/* A thread that keeps the descriptor table shared until told to go. */
static void *idle_thread(void *arg)
{
	char c;

	return (void *)(intptr_t)read(*(int *)arg, &c, 1);
}

/*
 * A wait-any over more than four events that one satisfies now (the
 * kernel neither allocates nor references each descriptor then): the
 * lowest signaled index, only it consumed, a manual one never; a bad
 * descriptor anywhere in the list, an unreadable list or an unwritable
 * index fails it with nothing consumed. With the descriptor table shared
 * (fdget() references) or the process's own (it does not).
 */
static void wide_now(int dev, bool shared)
{
	uint32_t fds[WIDE], index, *edge;
	int i, p[2], closed, pipe_fd[2], no_sync;
	pthread_t thread;

	t_case = shared ? "wide_now_shared_table" : "wide_now_own_table";
	if (shared) {
		CHECK_OK(pipe(p));
		CHECK_EQ(pthread_create(&thread, NULL, idle_thread, &p[0]), 0);
	}
	for (i = 0; i < WIDE; i++)
		fds[i] = t_create(dev, i == 7 ? T_MANUAL : T_AUTO, 0);

	/* 9, 7 (manual) and 4 set: 4, then 7 again and again, then 9. */
	CHECK_EQ(t_set(fds[9]), 0);
	CHECK_EQ(t_set(fds[7]), 0);
	CHECK_EQ(t_set(fds[4]), 0);
	CHECK_RET(t_wait_any(dev, fds, WIDE, 0, &index), 0);
	CHECK_EQ(index, 4);
	CHECK_RET(t_wait_any(dev, fds, WIDE, NTEVENT_NO_TIMEOUT, &index), 0);
	CHECK_EQ(index, 7);
	CHECK_RET(t_wait_any(dev, fds, WIDE, t_after_ms(3000), &index), 0);
	CHECK_EQ(index, 7);
	CHECK_STATE(fds[7], 1);
	CHECK_EQ(t_reset(fds[7]), 1);
	CHECK_RET(t_wait_any(dev, fds, WIDE, 0, &index), 0);
	CHECK_EQ(index, 9);
	CHECK_STATE(fds[4], 0);
	CHECK_STATE(fds[9], 0);
	CHECK_RET(t_wait_any(dev, fds, WIDE, 0, &index), -ETIMEDOUT);

	/* A bad descriptor after the signaled one: nothing consumed. */
	CHECK_OK(pipe(pipe_fd));
	no_sync = t_create_access(dev, T_AUTO, 1, NTEVENT_MODIFY_STATE);
	closed = t_create(dev, T_AUTO, 1);
	close(closed);		/* last: nothing opened after takes it */
	CHECK_EQ(t_set(fds[2]), 0);
	fds[WIDE - 1] = (uint32_t)closed;
	CHECK_RET(t_wait_any(dev, fds, WIDE, 0, &index), -EBADF);
	fds[WIDE - 1] = (uint32_t)pipe_fd[0];
	CHECK_RET(t_wait_any(dev, fds, WIDE, 0, &index), -EBADFD);
	fds[WIDE - 1] = (uint32_t)no_sync;
	CHECK_RET(t_wait_any(dev, fds, WIDE, 0, &index), -EACCES);
	CHECK_STATE(fds[2], 1);

	/* A list running into an unmapped page; an unwritable index. */
	edge = (uint32_t *)((char *)t_pages(1) + 4096) - (WIDE - 1);
	memcpy(edge, fds, (WIDE - 1) * sizeof(*fds));
	CHECK_RET(t_wait_any(dev, edge, WIDE, 0, &index), -EFAULT);
	CHECK_STATE(fds[2], 1);
	{
		struct ntevent_wait_args *ro = t_pages(1);

		fds[WIDE - 1] = t_create(dev, T_AUTO, 0);
		ro->fds = (uintptr_t)fds;
		ro->count = WIDE;
		t_page_readonly(ro);
		CHECK_ERR(ioctl(dev, NTEVENT_IOC_WAIT_ANY, ro), EFAULT);
		CHECK_STATE(fds[2], 1);
	}
	CHECK_RET(t_wait_any(dev, fds, WIDE, 0, &index), 0);
	CHECK_EQ(index, 2);

	for (i = 0; i < WIDE; i++)
		close(fds[i]);
	close(no_sync);
	close(pipe_fd[0]);
	close(pipe_fd[1]);
	if (shared) {
		close(p[1]);
		CHECK_EQ(pthread_join(thread, NULL), 0);
		close(p[0]);
	}
}

int main(void)
{
	int dev = t_open_dev();
	const struct row *r;
	pid_t pid;

	T_FOR_EACH_ROW(r, rows)
		run_row(dev, r);
	wide_64(dev);
	wide_now(dev, true);
	/* A child of one thread: its descriptor table is its own. */
	pid = t_fork();
	if (pid == 0) {
		wide_now(dev, false);
		exit(0);	/* not _exit: the child reports its checks */
	}
	t_reap_ok(pid);
	return T_PASS;
}
