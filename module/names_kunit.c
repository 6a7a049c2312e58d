// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of named events through the kernel face (names.c):
 * ntevent_open_named() and ntevent_put_named().
 */

#include <linux/module.h>
#include <linux/slab.h>

#include <ntevent/kevent.h>

#include "ntevent_kunit.h"

/* ---- named events, kernel face ---- */

#define T_NAME	"\\BaseNamedObjects\\ntevent-kunit"

/* Create T_NAME (auto-reset, not signaled, 0600), or end the case. */
static struct ntevent *create_t_name(struct kunit *test)
{
	struct ntevent *ev = ntevent_open_named(T_NAME, NTEVENT_KOPEN_CREATE,
						true, false, 0600, NULL);

	KUNIT_ASSERT_FALSE(test, IS_ERR(ev));
	return ev;
}

static void open_named_creates_then_opens(struct kunit *test)
{
	struct ntevent *a, *b;
	bool created;

	a = ntevent_open_named(T_NAME, NTEVENT_KOPEN_CREATE, true, false,
			       0600, &created);
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	KUNIT_EXPECT_TRUE(test, created);
	b = ntevent_open_named(T_NAME, NTEVENT_KOPEN_CREATE, true, true,
			       0600, &created);
	if (IS_ERR(b))
		ntevent_put_named(a);
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));
	KUNIT_EXPECT_FALSE(test, created);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	/* The state of the second call was ignored. */
	KUNIT_EXPECT_EQ(test, ntevent_read(b), 0);
	ntevent_put_named(b);
	ntevent_put_named(a);
}

/* A kernel caller never adopts an event of the other type. */
static void open_named_refuses_other_type(struct kunit *test)
{
	struct ntevent *a, *b;
	bool created = true;

	a = create_t_name(test);
	b = ntevent_open_named(T_NAME, NTEVENT_KOPEN_CREATE, false, true,
			       0600, &created);
	KUNIT_EXPECT_EQ(test, PTR_ERR(b), -EEXIST);
	KUNIT_EXPECT_TRUE(test, created);	/* untouched on failure */
	/* Opening without creating asks for no type. */
	b = ntevent_open_named(T_NAME, 0, false, false, 0, NULL);
	KUNIT_EXPECT_PTR_EQ(test, a, b);
	if (!IS_ERR(b))
		ntevent_put_named(b);
	ntevent_put_named(a);
}

static void open_named_excl_fails_when_taken(struct kunit *test)
{
	struct ntevent *a, *b;

	a = create_t_name(test);
	b = ntevent_open_named(T_NAME, NTEVENT_KOPEN_CREATE |
			       NTEVENT_KOPEN_EXCL, true, false, 0600, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(b), -EEXIST);
	ntevent_put_named(a);
}

static void name_vanishes_with_last_reference(struct kunit *test)
{
	struct ntevent *a, *b;

	a = create_t_name(test);
	b = ntevent_open_named(T_NAME, 0, false, false, 0, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(b));
	ntevent_put_named(a);
	/* b still holds it. */
	a = ntevent_open_named(T_NAME, 0, false, false, 0, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	ntevent_put_named(a);
	ntevent_put_named(b);
	a = ntevent_open_named(T_NAME, 0, false, false, 0, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(a), -ENOENT);
}

static void open_named_rejects_bad_names(struct kunit *test)
{
	static const char * const bad[] = {
		"", "foo", "\\BaseNamedObjects\\", "\\BaseNamedObjects",
		"\\basenamedobjects\\foo", "\\BaseNamedObjects\\a\\b",
		"\\Sessions\\1\\BaseNamedObjects\\foo",
		"\\BaseNamedObjects\\a\nntevent-state:\t1",
		"\\BaseNamedObjects\\del\x7f",
	};
	char *longname = kunit_kzalloc(test, 300, GFP_KERNEL);
	struct ntevent *ev;
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, longname);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		ev = ntevent_open_named(bad[i], NTEVENT_KOPEN_CREATE, true,
					false, 0600, NULL);
		KUNIT_EXPECT_EQ_MSG(test, PTR_ERR(ev), -EILSEQ, "%s", bad[i]);
	}
	strscpy(longname, "\\BaseNamedObjects\\", 300);
	memset(longname + strlen(longname), 'x', 256);
	ev = ntevent_open_named(longname, NTEVENT_KOPEN_CREATE, true, false,
				0600, NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ev), -ENAMETOOLONG);
	longname[strlen(longname) - 1] = '\0';	/* 255: fine */
	ev = ntevent_open_named(longname, NTEVENT_KOPEN_CREATE, true, false,
				0600, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(ev));
	ntevent_put_named(ev);
	ev = ntevent_open_named(T_NAME, NTEVENT_KOPEN_EXCL, true, false, 0600,
				NULL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(ev), -EINVAL);
}

static struct kunit_case ntevent_names_cases[] = {
	KUNIT_CASE(open_named_creates_then_opens),
	KUNIT_CASE(open_named_refuses_other_type),
	KUNIT_CASE(open_named_excl_fails_when_taken),
	KUNIT_CASE(name_vanishes_with_last_reference),
	KUNIT_CASE(open_named_rejects_bad_names),
	{}
};

NTEVENT_KUNIT_SUITE(names);

kunit_test_suite(ntevent_names_suite);
