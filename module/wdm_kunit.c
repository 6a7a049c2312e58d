// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the driver header <ntevent/wdm.h> and what it needs from
 * the module (wdm.c): Ke*Event, KeWaitFor*Object(s), IoCreate*Event.
 */

#include <linux/module.h>
#include <linux/slab.h>

#include <ntevent/wdm.h>

#include "ntevent_kunit.h"

/* ---- the Windows driver spellings ---- */

static void ke_initialize_event_sets_type_and_state(struct kunit *test)
{
	KEVENT n, s;

	KeInitializeEvent(&n, NotificationEvent, FALSE);
	KeInitializeEvent(&s, SynchronizationEvent, TRUE);
	KUNIT_EXPECT_FALSE(test, ntevent_is_auto_reset(&n));
	KUNIT_EXPECT_TRUE(test, ntevent_is_auto_reset(&s));
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&n), 0);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&s), 1);
}

static void ke_set_reset_pulse_return_previous_state(struct kunit *test)
{
	KEVENT e;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, KeSetEvent(&e, 0, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KeSetEvent(&e, 0, FALSE), 1);
	KUNIT_EXPECT_EQ(test, KeResetEvent(&e), 1);
	KUNIT_EXPECT_EQ(test, KePulseEvent(&e, 0, FALSE), 0);
	KeSetEvent(&e, 0, FALSE);
	KeClearEvent(&e);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

static void ke_wait_zero_timeout_is_status_timeout(struct kunit *test)
{
	LARGE_INTEGER t = { .QuadPart = 0 };
	KEVENT e;

	KeInitializeEvent(&e, SynchronizationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode,
						    FALSE, &t),
			STATUS_TIMEOUT);
	KeSetEvent(&e, 0, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode,
						    FALSE, &t),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

static void ke_wait_relative_timeout_in_100ns(struct kunit *test)
{
	LARGE_INTEGER t = { .QuadPart = -20 * 10000LL };	/* 20 ms */
	ktime_t start = ktime_get();
	KEVENT e;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode,
						    FALSE, &t),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_GE(test, ktime_ms_delta(ktime_get(), start), 20);
}

static void ke_wait_absolute_timeout_since_1601(struct kunit *test)
{
	LARGE_INTEGER t;
	ktime_t start = ktime_get_real();
	KEVENT e;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	t.QuadPart = div_s64(ktime_add_ms(start, 20), 100) +
		     NTEVENT_NT_EPOCH_DELTA;
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode,
						    FALSE, &t),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_GE(test, ktime_ms_delta(ktime_get_real(), start), 20);
	t.QuadPart = 1;	/* 1601: long past, polls */
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode,
						    FALSE, &t),
			STATUS_TIMEOUT);
}

static void ke_wait_multiple_returns_wait_0_plus_index(struct kunit *test)
{
	LARGE_INTEGER t = { .QuadPart = 0 };
	KEVENT e[3];
	PVOID objs[3] = { &e[0], &e[1], &e[2] };

	KeInitializeEvent(&e[0], SynchronizationEvent, FALSE);
	KeInitializeEvent(&e[1], SynchronizationEvent, FALSE);
	KeInitializeEvent(&e[2], SynchronizationEvent, TRUE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(3, objs, WaitAny,
						       Executive, KernelMode,
						       FALSE, &t, NULL),
			STATUS_WAIT_0 + 2);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(3, objs, WaitAll,
						       Executive, KernelMode,
						       FALSE, &t, NULL),
			STATUS_TIMEOUT);
}

static void ke_wait_all_duplicate_is_parameter_mix(struct kunit *test)
{
	KEVENT e;
	PVOID objs[2] = { &e, &e };

	KeInitializeEvent(&e, SynchronizationEvent, TRUE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, objs, WaitAll,
						       Executive, KernelMode,
						       FALSE, NULL, NULL),
			STATUS_INVALID_PARAMETER_MIX);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 1);
}

static void ke_wait_bad_wait_type_is_invalid_parameter(struct kunit *test)
{
	KEVENT e;
	PVOID objs[1] = { &e };

	KeInitializeEvent(&e, SynchronizationEvent, TRUE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(1, objs, 7, Executive,
						       KernelMode, FALSE, NULL,
						       NULL),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 1);
}

static void nt_deadline_conversion_edges(struct kunit *test)
{
	LARGE_INTEGER t;
	ktime_t deadline;
	clockid_t clock;

	ntevent_nt_deadline(NULL, &clock, &deadline);
	KUNIT_EXPECT_EQ(test, deadline, NTEVENT_INFINITE);
	t.QuadPart = S64_MIN;
	ntevent_nt_deadline(&t, &clock, &deadline);
	KUNIT_EXPECT_EQ(test, deadline, NTEVENT_INFINITE);
	KUNIT_EXPECT_EQ(test, clock, CLOCK_MONOTONIC);
	t.QuadPart = S64_MAX;
	ntevent_nt_deadline(&t, &clock, &deadline);
	KUNIT_EXPECT_EQ(test, deadline, NTEVENT_INFINITE);
	KUNIT_EXPECT_EQ(test, clock, CLOCK_REALTIME);
	t.QuadPart = NTEVENT_NT_EPOCH_DELTA + 10;	/* 1970 + 1 us */
	ntevent_nt_deadline(&t, &clock, &deadline);
	KUNIT_EXPECT_EQ(test, deadline, 1000);
	t.LowPart = 0;
	t.HighPart = -1;
	KUNIT_EXPECT_EQ(test, t.QuadPart, -(1LL << 32));
}

/* The name the IoCreate*Event cases use (names_kunit.c has its own). */
#define T_NAME	"\\BaseNamedObjects\\ntevent-kunit-wdm"

static void io_create_event_starts_signaled_and_opens_existing(struct kunit *test)
{
	static const char ascii[] = T_NAME;
	WCHAR *w = kunit_kcalloc(test, sizeof(ascii), sizeof(WCHAR), GFP_KERNEL);
	UNICODE_STRING name;
	HANDLE h1, h2;
	PKEVENT e1, e2;
	size_t i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, w);
	for (i = 0; i < sizeof(ascii); i++)
		w[i] = ascii[i];
	RtlInitUnicodeString(&name, w);
	KUNIT_EXPECT_EQ(test, name.Length, (sizeof(ascii) - 1) * 2);
	e1 = IoCreateSynchronizationEvent(&name, &h1);
	KUNIT_ASSERT_NOT_NULL(test, e1);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(e1), 1);
	KUNIT_EXPECT_TRUE(test, ntevent_is_auto_reset(e1));
	KeClearEvent(e1);
	/* The other type is refused: a driver never gets a surprise type. */
	KUNIT_EXPECT_NULL(test, IoCreateNotificationEvent(&name, &h2));
	e2 = IoCreateSynchronizationEvent(&name, &h2);
	if (!e2)
		ZwClose(h1);
	KUNIT_ASSERT_NOT_NULL(test, e2);
	KUNIT_EXPECT_PTR_EQ(test, e1, e2);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(e2), 0);
	KUNIT_EXPECT_EQ(test, ZwClose(h2), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ZwClose(h1), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ZwClose(NULL), STATUS_INVALID_HANDLE);
}

static void io_create_event_rejects_bad_utf16(struct kunit *test)
{
	WCHAR lone[] = { '\\', 'B', 0xd800, 'x' };
	WCHAR nul[] = { '\\', 'B', 0, 'x' };
	UNICODE_STRING name = { .Length = sizeof(lone), .Buffer = lone };
	HANDLE h;

	KUNIT_EXPECT_NULL(test, IoCreateNotificationEvent(&name, &h));
	name.Buffer = nul;
	KUNIT_EXPECT_NULL(test, IoCreateNotificationEvent(&name, &h));
	KUNIT_EXPECT_NULL(test, IoCreateNotificationEvent(NULL, &h));
}

static struct kunit_case ntevent_wdm_cases[] = {
	KUNIT_CASE(ke_initialize_event_sets_type_and_state),
	KUNIT_CASE(ke_set_reset_pulse_return_previous_state),
	KUNIT_CASE(ke_wait_zero_timeout_is_status_timeout),
	KUNIT_CASE(ke_wait_relative_timeout_in_100ns),
	KUNIT_CASE(ke_wait_absolute_timeout_since_1601),
	KUNIT_CASE(ke_wait_multiple_returns_wait_0_plus_index),
	KUNIT_CASE(ke_wait_all_duplicate_is_parameter_mix),
	KUNIT_CASE(ke_wait_bad_wait_type_is_invalid_parameter),
	KUNIT_CASE(nt_deadline_conversion_edges),
	KUNIT_CASE(io_create_event_starts_signaled_and_opens_existing),
	KUNIT_CASE(io_create_event_rejects_bad_utf16),
	{}
};

NTEVENT_KUNIT_SUITE(wdm);

kunit_test_suite(ntevent_wdm_suite);
