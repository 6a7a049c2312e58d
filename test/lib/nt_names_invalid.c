// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * Names in OBJECT_ATTRIBUTES: UTF-16, converted to UTF-8 for the kernel.
 * STATUS_OBJECT_NAME_INVALID, from NtCreateEvent and NtOpenEvent alike,
 * for an unpaired surrogate (high at the end, high before a non-low, a
 * lone low), a NUL, an odd byte Length, a part after the prefix longer
 * than 255 UTF-8 bytes, a backslash or a control character after the
 * prefix, a missing or differently-cased prefix (without
 * OBJ_CASE_INSENSITIVE), nothing after the prefix. A NULL Buffer with an
 * even Length is STATUS_ACCESS_VIOLATION. Valid: 255 bytes exactly,
 * non-ASCII names (the kernel sees UTF-8), surrogate pairs, and the prefix
 * in any case with OBJ_CASE_INSENSITIVE (the part after it stays
 * case-sensitive). Nothing invalid is created.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

#define PREFIX u"\\BaseNamedObjects\\"
#define PLEN 18		/* UTF-16 units of PREFIX */

static WCHAR buf[1024];

/* PREFIX + tail (n units), as a UNICODE_STRING in buf. */
static UNICODE_STRING make(const WCHAR *tail, size_t n)
{
	UNICODE_STRING us;

	memcpy(buf, PREFIX, PLEN * sizeof(WCHAR));
	memcpy(buf + PLEN, tail, n * sizeof(WCHAR));
	us.Buffer = buf;
	us.Length = (USHORT)((PLEN + n) * sizeof(WCHAR));
	us.MaximumLength = sizeof(buf);
	return us;
}

static NTSTATUS create(UNICODE_STRING *us, ULONG attributes, HANDLE *h)
{
	OBJECT_ATTRIBUTES oa;

	InitializeObjectAttributes(&oa, us, attributes, NULL, NULL);
	return NtCreateEvent(h, EVENT_ALL_ACCESS, &oa, NotificationEvent, FALSE);
}

static NTSTATUS open_ev(UNICODE_STRING *us, ULONG attributes, HANDLE *h)
{
	OBJECT_ATTRIBUTES oa;

	InitializeObjectAttributes(&oa, us, attributes, NULL, NULL);
	return NtOpenEvent(h, EVENT_ALL_ACCESS, &oa);
}

/* Both calls refuse the name with want; the handle is not written. */
static void invalid(UNICODE_STRING us, NTSTATUS want, int line)
{
	HANDLE h = (HANDLE)0x1234;
	NTSTATUS st;

	st = create(&us, OBJ_OPENIF, &h);
	if (st != want)
		T_FAILF("line %d: NtCreateEvent: %#x, expected %#x", line,
			 (unsigned)st, (unsigned)want);
	st = open_ev(&us, 0, &h);
	if (st != want)
		T_FAILF("line %d: NtOpenEvent: %#x, expected %#x", line,
			 (unsigned)st, (unsigned)want);
	CHECK(h == (HANDLE)0x1234);
}
#define INVALID(us) invalid((us), STATUS_OBJECT_NAME_INVALID, __LINE__)

int main(void)
{
	WCHAR tail[600];
	UNICODE_STRING us;
	HANDLE h, h2;
	char tag[64];
	int i, fd, n, m;

	t_require_device();
	n = snprintf(tag, sizeof(tag), "lt-names-%d-", (int)getpid());
	for (i = 0; i < n; i++)
		tail[i] = (WCHAR)tag[i];

	/* bad UTF-16 */
	tail[n] = 0xd800;					/* high at the end */
	INVALID(make(tail, n + 1));
	tail[n] = 0xd83d; tail[n + 1] = u'x';			/* high, no low */
	INVALID(make(tail, n + 2));
	tail[n] = 0xdc00; tail[n + 1] = u'x';			/* lone low */
	INVALID(make(tail, n + 2));
	tail[n] = 0xde00; tail[n + 1] = 0xd83d;			/* reversed pair */
	INVALID(make(tail, n + 2));
	tail[n] = u'a'; tail[n + 1] = 0; tail[n + 2] = u'b';	/* NUL inside */
	INVALID(make(tail, n + 3));
	us = make(tail, n + 1);
	us.Length += 1;						/* odd length */
	INVALID(us);
	us.Buffer = NULL;
	INVALID(us);		/* the length is looked at first */
	us = make(tail, n + 1);
	us.Buffer = NULL;
	invalid(us, STATUS_ACCESS_VIOLATION, __LINE__);

	/* the rules the kernel checks */
	tail[n] = u'a'; tail[n + 1] = u'\\'; tail[n + 2] = u'b';	/* backslash */
	INVALID(make(tail, n + 3));
	tail[n + 1] = u'\n';					/* control */
	INVALID(make(tail, n + 3));
	tail[n + 1] = 0x7f;
	INVALID(make(tail, n + 3));
	INVALID(make(tail, 0));					/* prefix only */
	RtlInitUnicodeString(&us, u"relative-name");
	INVALID(us);
	RtlInitUnicodeString(&us, u"\\BaseNamedObjects");
	INVALID(us);
	RtlInitUnicodeString(&us, u"\\Sessions\\1\\BaseNamedObjects\\x");
	INVALID(us);
	RtlInitUnicodeString(&us, u"\\basenamedobjects\\lt-names-case");
	INVALID(us);

	/* length: 255 UTF-8 bytes after the prefix are fine, 256 are not */
	for (i = n; i < 600; i++)
		tail[i] = u'x';
	us = make(tail, 255);
	CHECK_ST(create(&us, 0, &h), STATUS_SUCCESS);
	INVALID(make(tail, 256));
	tail[254] = 0x00e9;	/* é: 2 bytes of UTF-8, 1 unit of UTF-16 */
	INVALID(make(tail, 255));
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	INVALID(make(tail, 600));
	/* counted in UTF-8 bytes: 3 for €, 4 for a surrogate pair */
	m = (255 - n) / 3;
	for (i = 0; i < m; i++)
		tail[n + i] = 0x20ac;				/* € */
	for (i = n + m; i < n + m + (255 - n) % 3 + 1; i++)
		tail[i] = u'x';
	us = make(tail, n + m + (255 - n) % 3);			/* 255 bytes */
	CHECK_ST(create(&us, 0, &h), STATUS_SUCCESS);
	INVALID(make(tail, n + m + (255 - n) % 3 + 1));		/* 256 */
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	m = (255 - n) / 4;
	for (i = 0; i < m; i++) {
		tail[n + 2 * i] = 0xd83d;			/* U+1F600 */
		tail[n + 2 * i + 1] = 0xde00;
	}
	for (i = n + 2 * m; i < n + 2 * m + (255 - n) % 4 + 1; i++)
		tail[i] = u'x';
	us = make(tail, n + 2 * m + (255 - n) % 4);		/* 255 bytes */
	CHECK_ST(create(&us, 0, &h), STATUS_SUCCESS);
	INVALID(make(tail, n + 2 * m + (255 - n) % 4 + 1));	/* 256 */
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* a non-ASCII name reaches the kernel as UTF-8 */
	for (i = 0; i < n; i++)
		tail[i] = (WCHAR)tag[i];
	tail[n] = 0x00e9; tail[n + 1] = 0xd83d; tail[n + 2] = 0xde00;
	us = make(tail, n + 3);
	CHECK_ST(create(&us, 0, &h), STATUS_SUCCESS);
	{
		char utf8[128];
		int len = snprintf(utf8, sizeof(utf8), "%s%s\xc3\xa9\xf0\x9f\x98\x80",
				   NTEVENT_NAME_PREFIX, tag);

		fd = ntevent_open_named(utf8, (size_t)len, 0, NTEVENT_QUERY_STATE,
					0, 0, 0, NULL);
		CHECK(fd >= 0);
		CHECK_RET(ntevent_close(fd), 0);
	}
	CHECK_ST(open_ev(&us, 0, &h2), STATUS_SUCCESS);
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);

	/* OBJ_CASE_INSENSITIVE: the directory in any case; the name exact */
	us = make(tail, n + 3);
	memcpy(buf, u"\\BASEnamedOBJECTS\\", PLEN * sizeof(WCHAR));
	CHECK_ST(open_ev(&us, 0, &h2), STATUS_OBJECT_NAME_INVALID);
	CHECK_ST(open_ev(&us, OBJ_CASE_INSENSITIVE, &h2), STATUS_SUCCESS);
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);
	CHECK_ST(create(&us, OBJ_CASE_INSENSITIVE | OBJ_OPENIF, &h2),
		 STATUS_OBJECT_NAME_EXISTS);
	CHECK_ST(NtClose(h2), STATUS_SUCCESS);
	tail[0] = (WCHAR)(tag[0] - 'a' + 'A');			/* "Lt-names-..." */
	us = make(tail, n + 3);
	CHECK_ST(open_ev(&us, OBJ_CASE_INSENSITIVE, &h2), STATUS_OBJECT_NAME_NOT_FOUND);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* nothing invalid was created */
	for (i = 0; i < n; i++)
		tail[i] = (WCHAR)tag[i];
	tail[n] = u'a';
	us = make(tail, n + 1);
	CHECK_ST(open_ev(&us, 0, &h), STATUS_OBJECT_NAME_NOT_FOUND);
	return T_PASS;
}
