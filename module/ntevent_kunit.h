/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the KUnit files of ntevent_kunit.ko (core_kunit.c, names_kunit.c,
 * wdm_kunit.c) share.
 */
#ifndef NTEVENT_KUNIT_H
#define NTEVENT_KUNIT_H

#include <kunit/test.h>

/*
 * The suite "ntevent_<area>" of the cases ntevent_<area>_cases[], as
 * ntevent_<area>_suite: suites are named after the area they test.
 */
#define NTEVENT_KUNIT_SUITE(area)					\
	static struct kunit_suite ntevent_##area##_suite = {		\
		.name = "ntevent_" #area,				\
		.test_cases = ntevent_##area##_cases,			\
	}

#endif /* NTEVENT_KUNIT_H */
