// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A non-alertable wait is not ended by signal handlers: the handlers run
 * (three times here) and the wait goes on until the event is set, for
 * NtWaitForSingleObject, NtWaitForMultipleObjects and
 * NtSignalAndWaitForSingleObject (whose signal is not repeated).
 */
#include <ntevent/nt.h>
#include "api.h"

static HANDLE ev, sig;

struct helper {
	pid_t tid;
	pthread_t target;
	pthread_t th;
	bool consume_sig;	/* poll sig after each signal */
	int sig_taken;		/* how many of those polls got it */
};

/* Three signals to the waiting thread, each once it waits again; a set. */
static void *helper_fn(void *arg)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	struct helper *h = arg;
	int i;

	for (i = 0; i < 3; i++) {
		int before = atomic_load(&t_handler_runs);
		int64_t t0 = t_mono();

		t_await_blocked(h->tid, SYS_ioctl);
		CHECK_EQ(pthread_kill(h->target, SIGUSR1), 0);
		while (atomic_load(&t_handler_runs) == before) {
			if (t_ms_since(t0) > 10000)
				T_FAILF("the signal handler did not run");
			t_sleep_ms(1);
		}
		if (h->consume_sig) {
			t_await_blocked(h->tid, SYS_ioctl);
			if (NtWaitForSingleObject(sig, FALSE, &zero) == STATUS_WAIT_0)
				h->sig_taken++;
		}
	}
	t_await_blocked(h->tid, SYS_ioctl);
	CHECK_ST(NtSetEvent(ev, NULL), STATUS_SUCCESS);
	return NULL;
}

static void start(struct helper *h, bool consume_sig)
{
	memset(h, 0, sizeof(*h));
	h->tid = t_gettid();
	h->target = pthread_self();
	h->consume_sig = consume_sig;
	t_thread(&h->th, helper_fn, h);
}

int main(void)
{
	LARGE_INTEGER t = { .QuadPart = -300000000 };	/* 30 s */
	EVENT_BASIC_INFORMATION info;
	struct helper h;
	HANDLE hs[2];
	int runs;

	t_require_device();
	t_install_handler();
	CHECK_ST(NtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&sig, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);

	runs = atomic_load(&t_handler_runs);
	start(&h, false);
	CHECK_ST(NtWaitForSingleObject(ev, FALSE, NULL), STATUS_WAIT_0);
	t_join(h.th);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 3);

	hs[0] = sig;
	hs[1] = ev;
	start(&h, false);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAny, FALSE, &t), STATUS_WAIT_1);
	t_join(h.th);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 6);

	/*
	 * Signal-and-wait: sig is set once, before the wait; the helper
	 * consumes it after the first signal, and the restarted waits do not
	 * set it again.
	 */
	start(&h, true);
	CHECK_ST(NtSignalAndWaitForSingleObject(sig, ev, FALSE, &t), STATUS_WAIT_0);
	t_join(h.th);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 9);
	CHECK_EQ(h.sig_taken, 1);
	CHECK_ST(NtQueryEvent(sig, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 0);

	CHECK_ST(NtClose(ev), STATUS_SUCCESS);
	CHECK_ST(NtClose(sig), STATUS_SUCCESS);
	return T_PASS;
}
