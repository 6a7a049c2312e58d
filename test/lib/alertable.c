// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Alertable and non-alertable waits, on every face, against what may
 * interrupt them. Each row is a face (NtWaitForSingleObject,
 * NtWaitForMultipleObjects WaitAny and WaitAll,
 * NtSignalAndWaitForSingleObject, WSAWaitForMultipleEvents on one event
 * and fWaitAll on two) crossed with a mode:
 *
 * - "apc": a signal handler (the user-mode APC) ends an alertable wait
 *   with STATUS_USER_APC or WSA_WAIT_IO_COMPLETION (not a failure:
 *   WSAGetLastError() is left alone) and consumes nothing: a WaitAll over
 *   a signaled auto-reset event and an unsignaled one leaves the first
 *   signaled; a signal-and-wait's signal has happened.
 * - "not alertable": the handlers run (three times) and the wait goes on
 *   until the event is set; a signal-and-wait's signal is not repeated
 *   when the wait resumes.
 * - "stop/cont": only a signal handler is an APC: a process stopped
 *   (SIGSTOP) and continued (SIGCONT) in an alertable wait keeps waiting
 *   and is then released by the set.
 *
 * And a signaled object beats the alert: an alertable wait on it returns
 * at once, with nothing to interrupt.
 */
#include <ntevent/nt.h>
#include <ntevent/winsock.h>
#include "api.h"

/*
 * The events of one row: on, auto-reset and signaled; off, the event the
 * waits are released by (auto-reset; a WSAEVENT, manual-reset, for the
 * Winsock faces); sig, auto-reset and unsignaled (what a signal-and-wait
 * signals).
 */
struct fix {
	HANDLE on, off, sig;
};

struct face {
	const char *name;
	bool wsa;		/* Winsock: off made, set and closed by it */
	uint32_t (*wait)(const struct fix *f, BOOLEAN alertable);
	uint32_t woken;		/* the result once off is set */
	uint32_t apc;		/* the result when a handler ends the wait */
	bool uses_on;		/* waits for on too (all of them) */
	bool signals_sig;	/* signals sig first */
};

enum mode { APC, NOT_ALERTABLE, STOP_CONT };

static const char *const mode_names[] = {
	[APC] = "apc",
	[NOT_ALERTABLE] = "not alertable",
	[STOP_CONT] = "stop/cont",
};

static LARGE_INTEGER t20s = { .QuadPart = -200000000 };

static uint32_t nt_single(const struct fix *f, BOOLEAN alertable)
{
	return (uint32_t)NtWaitForSingleObject(f->off, alertable, &t20s);
}

static uint32_t nt_any(const struct fix *f, BOOLEAN alertable)
{
	HANDLE hs[2] = { f->sig, f->off };

	return (uint32_t)NtWaitForMultipleObjects(2, hs, WaitAny, alertable,
						  &t20s);
}

static uint32_t nt_all(const struct fix *f, BOOLEAN alertable)
{
	HANDLE hs[2] = { f->on, f->off };

	return (uint32_t)NtWaitForMultipleObjects(2, hs, WaitAll, alertable,
						  NULL);
}

static uint32_t nt_signal_and_wait(const struct fix *f, BOOLEAN alertable)
{
	return (uint32_t)NtSignalAndWaitForSingleObject(f->sig, f->off,
							alertable, &t20s);
}

static uint32_t wsa_single(const struct fix *f, BOOLEAN alertable)
{
	return WSAWaitForMultipleEvents(1, &f->off, FALSE, WSA_INFINITE,
					alertable);
}

static uint32_t wsa_all(const struct fix *f, BOOLEAN alertable)
{
	WSAEVENT both[2] = { f->on, f->off };

	return WSAWaitForMultipleEvents(2, both, TRUE, 20000, alertable);
}

static const struct face faces[] = {
	{ "NtWaitForSingleObject", false, nt_single,
	  STATUS_WAIT_0, STATUS_USER_APC, false, false },
	{ "NtWaitForMultipleObjects WaitAny", false, nt_any,
	  STATUS_WAIT_1, STATUS_USER_APC, false, false },
	{ "NtWaitForMultipleObjects WaitAll", false, nt_all,
	  STATUS_WAIT_0, STATUS_USER_APC, true, false },
	{ "NtSignalAndWaitForSingleObject", false, nt_signal_and_wait,
	  STATUS_WAIT_0, STATUS_USER_APC, false, true },
	{ "WSAWaitForMultipleEvents", true, wsa_single,
	  WSA_WAIT_EVENT_0, WSA_WAIT_IO_COMPLETION, false, false },
	{ "WSAWaitForMultipleEvents fWaitAll", true, wsa_all,
	  WSA_WAIT_EVENT_0, WSA_WAIT_IO_COMPLETION, true, false },
};

static void set_off(const struct face *fc, const struct fix *f)
{
	if (fc->wsa)
		CHECK_EQ(WSASetEvent(f->off), TRUE);
	else
		CHECK_ST(NtSetEvent(f->off, NULL), STATUS_SUCCESS);
}

/* ---- not alertable: three handlers, then the set ---- */

struct helper {
	const struct face *fc;
	const struct fix *f;
	pid_t tid;
	pthread_t target;
	pthread_t th;
	int sig_taken;		/* polls of sig that got it */
};

/*
 * Three signals to the waiting thread, each once it waits again; a set.
 * For a signal-and-wait, sig is polled (consumed) after each signal: only
 * the first poll may find it set.
 */
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
		if (h->fc->signals_sig) {
			t_await_blocked(h->tid, SYS_ioctl);
			if (NtWaitForSingleObject(h->f->sig, FALSE, &zero) ==
			    STATUS_WAIT_0)
				h->sig_taken++;
		}
	}
	t_await_blocked(h->tid, SYS_ioctl);
	set_off(h->fc, h->f);
	return NULL;
}

static void not_alertable(const struct face *fc, const struct fix *f)
{
	struct helper h = {
		.fc = fc, .f = f, .tid = t_gettid(), .target = pthread_self(),
	};
	int runs = atomic_load(&t_handler_runs);

	t_thread(&h.th, helper_fn, &h);
	CHECK_ST(fc->wait(f, FALSE), fc->woken);
	t_join(h.th);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 3);
	if (fc->signals_sig) {
		CHECK_EQ(h.sig_taken, 1);
		CHECK_EQ(t_nt_state(f->sig), 0);
	}
}

/* ---- alertable: one handler ends the wait ---- */

static void apc(const struct face *fc, const struct fix *f)
{
	struct t_signaller s;
	int64_t t0;
	int runs;

	if (fc->wsa)
		WSASetLastError(555);
	runs = atomic_load(&t_handler_runs);
	t0 = t_mono();
	t_signaller_start(&s, 1, 10, 10000);
	CHECK_ST(fc->wait(f, TRUE), fc->apc);
	t_signaller_stop(&s);
	CHECK_EQ(atomic_load(&t_handler_runs), runs + 1);
	CHECK_MS(t_ms_since(t0), 0, 10000);
	if (fc->wsa)
		CHECK_EQ(WSAGetLastError(), 555);
	if (fc->signals_sig)
		CHECK_EQ(t_nt_state(f->sig), 1);
}

/* ---- stop/cont: no handler, no APC ---- */

static void stop_and_continue(pid_t pid)
{
	int status;

	t_await_blocked(pid, SYS_ioctl);
	CHECK_OK(kill(pid, SIGSTOP));
	CHECK_EQ(CHECK_OK(waitpid(pid, &status, WUNTRACED)), pid);
	CHECK(WIFSTOPPED(status));
	CHECK_OK(kill(pid, SIGCONT));
	t_await_blocked(pid, SYS_ioctl);
	t_sleep_ms(100);
}

static void stop_cont(const struct face *fc, const struct fix *f)
{
	pid_t pid = t_fork();

	if (pid == 0) {
		uint32_t r = fc->wait(f, TRUE);

		if (r != fc->woken)
			T_FAILF("%s: %#x, expected %#x", fc->name,
				(unsigned int)r, (unsigned int)fc->woken);
		_exit(0);
	}
	stop_and_continue(pid);
	set_off(fc, f);
	t_reap_ok(pid);
	if (fc->signals_sig)
		CHECK_EQ(t_nt_state(f->sig), 1);
}

static void run_row(const struct face *fc, enum mode m)
{
	char name[128];
	struct fix f;

	snprintf(name, sizeof(name), "%s, %s", fc->name, mode_names[m]);
	t_case = name;

	CHECK_ST(NtCreateEvent(&f.on, EVENT_ALL_ACCESS, NULL,
			       SynchronizationEvent, TRUE), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&f.sig, EVENT_ALL_ACCESS, NULL,
			       SynchronizationEvent, FALSE), STATUS_SUCCESS);
	if (fc->wsa) {
		f.off = WSACreateEvent();
		CHECK(f.off != WSA_INVALID_EVENT);
	} else {
		CHECK_ST(NtCreateEvent(&f.off, EVENT_ALL_ACCESS, NULL,
				       SynchronizationEvent, FALSE),
			 STATUS_SUCCESS);
	}

	switch (m) {
	case APC:
		apc(fc, &f);
		/* nothing consumed */
		CHECK_EQ(t_nt_state(f.off), 0);
		if (fc->uses_on && fc->wsa)
			CHECK_EQ(WSAWaitForMultipleEvents(1, &f.on, FALSE, 0,
							  FALSE),
				 WSA_WAIT_EVENT_0);
		else if (fc->uses_on)
			CHECK_EQ(t_nt_state(f.on), 1);
		break;
	case NOT_ALERTABLE:
	case STOP_CONT:
		if (m == NOT_ALERTABLE)
			not_alertable(fc, &f);
		else
			stop_cont(fc, &f);
		/* the wait took an auto-reset off (and on) */
		CHECK_EQ(t_nt_state(f.off), fc->wsa ? 1 : 0);
		if (fc->uses_on)
			CHECK_EQ(t_nt_state(f.on), 0);
		break;
	}

	if (fc->wsa) {
		CHECK_EQ(WSACloseEvent(f.off), TRUE);
		CHECK_EQ(WSACloseEvent(f.on), TRUE);
	} else {
		CHECK_ST(NtClose(f.off), STATUS_SUCCESS);
		CHECK_ST(NtClose(f.on), STATUS_SUCCESS);
	}
	CHECK_ST(NtClose(f.sig), STATUS_SUCCESS);
	t_case = NULL;
}

/* A signaled object beats the alert: nothing to interrupt. */
static void signaled_beats_alert(void)
{
	HANDLE on;

	t_case = "signaled beats the alert";
	CHECK_ST(NtCreateEvent(&on, EVENT_ALL_ACCESS, NULL,
			       SynchronizationEvent, TRUE), STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(on, TRUE, NULL), STATUS_WAIT_0);
	CHECK_EQ(t_nt_state(on), 0);
	CHECK_ST(NtClose(on), STATUS_SUCCESS);
	t_case = NULL;
}

int main(void)
{
	WSADATA d;
	size_t i;
	int m;

	t_require_device();
	t_install_handler();
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++)
		for (m = APC; m <= STOP_CONT; m++)
			run_row(&faces[i], (enum mode)m);
	signaled_beats_alert();
	CHECK_EQ(WSACleanup(), 0);
	return T_PASS;
}
