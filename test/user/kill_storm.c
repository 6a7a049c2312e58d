// SPDX-License-Identifier: GPL-2.0
/*
 * Processes dying mid-call: rounds of children that wait-any, wait-all,
 * pulse, set, reset, open and close names and events, and select sockets
 * for network events at random, each
 * SIGKILLed at a random moment. After each round the survivor checks what
 * the dead left: no name they alone held (ENOENT to an open), no waiter of
 * theirs still queued (an auto-reset event set with no live waiter stays
 * signaled; a survivor's own wait-any and wait-all on the events the dead
 * waited on are still woken). kmemleak and the kernel log are the guest's
 * to check. The seed is printed; KILL_SEED=N repeats a run.
 */
#include "abi.h"

#include <sys/socket.h>

#define CHILDREN	4
#define EVENTS		6
#define ROUNDS		150
#define MAX_MS		15000

static int dev;
static uint32_t evs[EVENTS];	/* shared by fork: EVENTS/2 auto, manual */

static unsigned int rnd(unsigned int *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

/* A child's loop until it is killed: every kind of call, at random. */
static void child(unsigned int seed, int round, int me)
{
	char name[96];
	uint32_t fds[EVENTS], index;
	int held[8] = { 0 }, nheld = 0, i, n;

	for (;;) {
		switch (rnd(&seed) % 9) {
		case 0:	/* wait-any on a few, briefly */
		case 1:
			n = 1 + rnd(&seed) % EVENTS;
			for (i = 0; i < n; i++)
				fds[i] = evs[rnd(&seed) % EVENTS];
			t_wait_any(dev, fds, n, t_after_ms(rnd(&seed) % 20),
				   &index);
			break;
		case 2:	/* wait-all on distinct ones */
			n = 2 + rnd(&seed) % (EVENTS - 1);
			for (i = 0; i < n; i++)
				fds[i] = evs[i];
			t_wait_all(dev, fds, n, t_after_ms(rnd(&seed) % 20));
			break;
		case 3:
			ioctl(evs[rnd(&seed) % EVENTS], NTEVENT_IOC_PULSE, NULL);
			break;
		case 4:
			ioctl(evs[rnd(&seed) % EVENTS], rnd(&seed) & 1 ?
			      NTEVENT_IOC_SET : NTEVENT_IOC_RESET, NULL);
			break;
		case 5:	/*
			 * A name only this child holds; made again after a
			 * close, it may still be the survivor's for a moment
			 * (it opens the first to see it held): EEXIST.
			 */
			if (nheld < 8) {
				snprintf(name, sizeof(name),
					 NTEVENT_NAME_PREFIX "kill.%d.%d.%d.%d",
					 (int)getppid(), round, me, nheld);
				n = t_open_name_raw(dev, name,
						    NTEVENT_OPEN_CREATE |
						    NTEVENT_OPEN_EXCL,
						    NTEVENT_ALL_ACCESS, T_AUTO,
						    0, 0600, NULL);
				if (n >= 0)
					held[nheld++] = n;
				else if (n != -EEXIST || nheld)
					T_FAILF("CREATE|EXCL \"%s\": %s", name,
						t_errname(-n));
			}
			break;
		case 6:	/* close one, dup one */
			if (nheld)
				close(held[--nheld]);
			n = t_dup(evs[rnd(&seed) % EVENTS], 0);
			if (n >= 0)
				close(n);
			break;
		case 7:	/* a socket associated, enumerated, closed */
			n = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
			if (n >= 0) {
				struct ntevent_sock_enum_args a;

				t_sock_select(dev, n, evs[rnd(&seed) % EVENTS],
					      NTEVENT_FD_READ | NTEVENT_FD_WRITE);
				t_sock_enum(dev, n, -1, 0, &a);
				if (rnd(&seed) & 1)
					close(n);
			}
			break;
		default:
			sched_yield();
		}
	}
}

/* A survivor thread's wait, woken by the round's final sets. */
struct survivor {
	pthread_t th;
	bool all;
	int ret;
};

static void *survivor_fn(void *p)
{
	struct survivor *s = p;
	uint32_t index;

	s->ret = s->all ? t_wait_all(dev, evs + EVENTS / 2, EVENTS / 2,
				      t_after_ms(10000)) :
			  t_wait_any(dev, evs, EVENTS / 2, t_after_ms(10000),
				     &index);
	return NULL;
}

int main(void)
{
	unsigned int seed = getenv("KILL_SEED") ?
			    (unsigned int)atoi(getenv("KILL_SEED")) :
			    (unsigned int)time(NULL);
	int64_t start;
	int round, i, j, kills = 0, names = 0, seen = 0;
	pid_t pids[CHILDREN];
	char name[96];

	dev = t_open_dev();
	printf("kill_storm: seed %u (KILL_SEED=%u repeats it)\n", seed, seed);
	for (i = 0; i < EVENTS; i++)
		evs[i] = t_create(dev, i < EVENTS / 2 ? T_AUTO : T_MANUAL, 0);
	start = t_mono();
	for (round = 0; round < ROUNDS && t_ms_since(start) < MAX_MS; round++) {
		struct survivor any = { .all = false }, all = { .all = true };

		for (i = 0; i < CHILDREN; i++) {
			unsigned int cs = rnd(&seed);

			pids[i] = t_fork();
			if (pids[i] == 0)
				child(cs, round, i);
		}
		/* Kill each at a random moment of its calls. */
		for (i = 0; i < CHILDREN; i++) {
			usleep(rnd(&seed) % 3000);
			/* A name it holds now, seen (and let go) first. */
			snprintf(name, sizeof(name),
				 NTEVENT_NAME_PREFIX "kill.%d.%d.%d.0",
				 (int)getpid(), round, i);
			j = t_open_name_raw(dev, name, 0, NTEVENT_ALL_ACCESS,
					    T_AUTO, 0, 0600, NULL);
			if (j >= 0) {
				close(j);
				seen++;
			}
			kill(pids[i], SIGKILL);
		}
		for (i = 0; i < CHILDREN; i++) {
			int status = t_reap(pids[i]);

			CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
			kills++;
		}

		t_case = "after the kills";
		/* Nothing of the dead is queued: a set with no live waiter stays. */
		for (i = 0; i < EVENTS; i++)
			t_reset(evs[i]);
		for (i = 0; i < EVENTS / 2; i++) {
			CHECK_EQ(t_set(evs[i]), 0);
			CHECK_STATE(evs[i], 1);
			CHECK_EQ(t_reset(evs[i]), 1);
		}
		/* No name of theirs is left. */
		for (i = 0; i < CHILDREN; i++)
			for (j = 0; j < 8; j++) {
				snprintf(name, sizeof(name),
					 NTEVENT_NAME_PREFIX "kill.%d.%d.%d.%d",
					 (int)getpid(), round, i, j);
				CHECK_RET(t_open_name_raw(dev, name, 0,
							  NTEVENT_ALL_ACCESS,
							  T_AUTO, 0, 0600,
							  NULL), -ENOENT);
				names++;
			}
		/* A survivor's waits are woken: none was lost to the dead. */
		t_thread(&any.th, survivor_fn, &any);
		t_thread(&all.th, survivor_fn, &all);
		t_sleep_ms(5);
		CHECK_EQ(t_set(evs[0]), 0);
		for (i = EVENTS / 2; i < EVENTS; i++)
			CHECK_EQ(t_set(evs[i]), 0);
		t_join(any.th);
		t_join(all.th);
		CHECK_EQ(any.ret, 0);
		CHECK_EQ(all.ret, 0);
		t_case = NULL;
	}
	printf("kill_storm: %d rounds, %d processes killed mid-call, %d names checked gone (%d seen held before)\n",
	       round, kills, names, seen);
	CHECK(round >= 10);
	CHECK(seen > 0);	/* the children did hold names when killed */
	return T_PASS;
}
