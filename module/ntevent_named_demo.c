// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent_named_demo: a driver and user space sharing one event by name.
 *
 * Written the way a Windows driver is: IoCreateSynchronizationEvent makes
 * "\BaseNamedObjects\ntevent-kernel-demo" (mode 0644: any user may wait on
 * it), and a hard-IRQ hrtimer sets it with KeSetEvent every period_ms.
 * A user program opens the name (NTEVENT_IOC_OPEN, NtOpenEvent) and waits.
 */

#include <linux/hrtimer.h>
#include <linux/module.h>

#include <ntevent/wdm.h>

MODULE_IMPORT_NS(NTEVENT_NS);

static unsigned int period_ms = 100;
module_param(period_ms, uint, 0444);
MODULE_PARM_DESC(period_ms, "how often the timer sets the event, in ms");

/* Windows drivers write L"..."; here it would be u"...", which sparse cannot read. */
static const char demo_name[] = "\\BaseNamedObjects\\ntevent-kernel-demo";
static WCHAR demo_name_utf16[sizeof(demo_name)];

static PKEVENT demo_event;
static HANDLE demo_handle;
static struct hrtimer demo_timer;

static enum hrtimer_restart demo_tick(struct hrtimer *timer)
{
	KeSetEvent(demo_event, 0, FALSE);
	hrtimer_forward_now(timer, ms_to_ktime(period_ms));
	return HRTIMER_RESTART;
}

static int __init demo_init(void)
{
	UNICODE_STRING name;
	size_t i;

	if (!period_ms)
		return -EINVAL;
	for (i = 0; i < sizeof(demo_name); i++)
		demo_name_utf16[i] = demo_name[i];
	RtlInitUnicodeString(&name, demo_name_utf16);
	demo_event = IoCreateSynchronizationEvent(&name, &demo_handle);
	if (!demo_event) {
		/* No memory, or a user (or another type) holds the name. */
		pr_err("ntevent_named_demo: cannot create %s\n", demo_name);
		return -EBUSY;
	}
	/* Io*Event creates the event signaled: start from a clean state. */
	KeClearEvent(demo_event);
	hrtimer_setup(&demo_timer, demo_tick, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL_HARD);
	hrtimer_start(&demo_timer, ms_to_ktime(period_ms),
		      HRTIMER_MODE_REL_HARD);
	return 0;
}

static void __exit demo_exit(void)
{
	hrtimer_cancel(&demo_timer);
	ZwClose(demo_handle);
}

module_init(demo_init);
module_exit(demo_exit);

MODULE_DESCRIPTION("ntevent: an event shared by a driver and user space by name");
MODULE_LICENSE("GPL");
