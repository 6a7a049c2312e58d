// SPDX-License-Identifier: GPL-2.0
#include <kunit/test.h>
static void ntevent_stub_passes(struct kunit *test) { KUNIT_EXPECT_EQ(test, 1, 1); }
static struct kunit_case cases[] = { KUNIT_CASE(ntevent_stub_passes), {} };
static struct kunit_suite suite = { .name = "ntevent_stub", .test_cases = cases };
kunit_test_suite(suite);
MODULE_LICENSE("GPL");
