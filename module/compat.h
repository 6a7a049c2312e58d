/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntevent: what differs between the kernels ntevent builds on, in one
 * place, so that the code itself has no version test. Kbuild includes it
 * first in every file of the module, the demo driver and the tests.
 *
 * Supported: 6.1 (Debian 12) to the current mainline, which the 6.13
 * changes below are read from.
 */
#ifndef _NTEVENT_COMPAT_H
#define _NTEVENT_COMPAT_H

#include <linux/file.h>
#include <linux/hrtimer.h>
#include <linux/version.h>

/*
 * The symbol namespace of ntevent's exports: a string literal from 6.13
 * (EXPORT_SYMBOL_NS_GPL(x, "NTEVENT"), MODULE_IMPORT_NS("NTEVENT")), a
 * bare word before, which the macros stringified.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define NTEVENT_NS	"NTEVENT"
#else
#define NTEVENT_NS	NTEVENT
#endif

/* hrtimer_setup() came with 6.13; later kernels drop hrtimer_init(). */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
static inline void hrtimer_setup(struct hrtimer *timer,
				 enum hrtimer_restart (*function)(struct hrtimer *),
				 clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}
#endif

/* fd_file() came with 6.12, when struct fd became one word. */
#ifndef fd_file
#define fd_file(f)	((f).file)
#endif

#endif /* _NTEVENT_COMPAT_H */
