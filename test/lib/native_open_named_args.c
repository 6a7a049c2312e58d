// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * ntevent_open_named's argument and name errors: -EINVAL for bad flags
 * (EXCL alone, unknown bits), type, state, access or mode, even when
 * nothing would be created; -EILSEQ for a malformed name (no prefix, a
 * differently cased prefix, nothing after it, a backslash or a control
 * character (NUL, newline, DEL...) in it, length 0); -ENAMETOOLONG past 255 bytes (255 is fine, UTF-8 counted in
 * bytes); -EFAULT for a NULL name. Nothing is created by a failed call.
 */
#include <ntevent.h>
#include "api.h"

#define P NTEVENT_NAME_PREFIX

static int open_str(const char *name, unsigned int flags)
{
	return ntevent_open_named(name, strlen(name), flags, NTEVENT_ALL_ACCESS,
				  0, 0, 0600, NULL);
}

int main(void)
{
	const unsigned int C = NTEVENT_OPEN_CREATE;
	char name[128], longname[400];
	size_t len, plen = strlen(P);
	int fd;

	t_require_device();
	len = strlen(t_name(name, sizeof(name), "args"));

	CHECK_RET(ntevent_open_named(name, len, NTEVENT_OPEN_EXCL, 0, 0, 0, 0, NULL),
		  -EINVAL);
	CHECK_RET(ntevent_open_named(name, len, 0x4, 0, 0, 0, 0, NULL), -EINVAL);
	CHECK_RET(ntevent_open_named(name, len, C, 0, 2, 0, 0, NULL), -EINVAL);
	CHECK_RET(ntevent_open_named(name, len, 0, 0, 2, 0, 0, NULL), -EINVAL);
	CHECK_RET(ntevent_open_named(name, len, C, 0, 0, 2, 0, NULL), -EINVAL);
	CHECK_RET(ntevent_open_named(name, len, C, 0x4, 0, 0, 0, NULL), -EINVAL);
	CHECK_RET(ntevent_open_named(name, len, C, 0, 0, 0, 01000, NULL), -EINVAL);
	CHECK_RET(ntevent_open_named(NULL, 5, C, 0, 0, 0, 0, NULL), -EFAULT);
	CHECK_RET(ntevent_open_named(name, 0, C, 0, 0, 0, 0, NULL), -EILSEQ);
	CHECK_RET(ntevent_open_named(NULL, 0, C, 0, 0, 0, 0, NULL), -EILSEQ);
	CHECK_RET(ntevent_open_named(name, len, 0, 0, 0, 0, 0, NULL), -ENOENT);

	CHECK_RET(open_str("lt-no-prefix", C), -EILSEQ);
	CHECK_RET(open_str("\\basenamedobjects\\lt-case", C), -EILSEQ);
	CHECK_RET(open_str("\\BaseNamedObjects", C), -EILSEQ);
	CHECK_RET(open_str(P, C), -EILSEQ);
	CHECK_RET(open_str(P "a\\b", C), -EILSEQ);
	CHECK_RET(open_str(P "a\\", C), -EILSEQ);
	CHECK_RET(open_str("\\Sessions\\1\\BaseNamedObjects\\x", C), -EILSEQ);
	/* control characters (names appear in fdinfo, one per line) */
	CHECK_RET(open_str(P "a\nntevent-state:\t1", C), -EILSEQ);
	CHECK_RET(open_str(P "tab\t", C), -EILSEQ);
	CHECK_RET(open_str(P "\x01", C), -EILSEQ);
	CHECK_RET(open_str(P "del\x7f", C), -EILSEQ);
	/* a NUL inside the counted name */
	CHECK_RET(ntevent_open_named(P "a\0b", plen + 3, C, 0, 0, 0, 0, NULL), -EILSEQ);

	/* 255 bytes after the prefix: fine; 256: too long */
	memcpy(longname, P, plen);
	memset(longname + plen, 'x', 256);
	snprintf(longname + plen, 20, "lt%d-", (int)getpid());
	longname[strlen(longname)] = 'x';
	fd = ntevent_open_named(longname, plen + 255, C | NTEVENT_OPEN_EXCL,
				NTEVENT_ALL_ACCESS, 0, 0, 0600, NULL);
	CHECK(fd >= 0);
	CHECK_RET(ntevent_open_named(longname, plen + 256, C, 0, 0, 0, 0, NULL),
		  -ENAMETOOLONG);
	CHECK_RET(ntevent_close(fd), 0);
	/* 85 three-byte characters (255 bytes) are fine, a 256th byte is not */
	memcpy(longname, P, plen);
	for (int i = 0; i < 85; i++)
		memcpy(longname + plen + 3 * i, "\xe2\x82\xac", 3);	/* U+20AC */
	fd = ntevent_open_named(longname, plen + 255, C, NTEVENT_ALL_ACCESS, 0, 0,
				0600, NULL);
	CHECK(fd >= 0);
	longname[plen + 255] = 'y';
	CHECK_RET(ntevent_open_named(longname, plen + 256, C, 0, 0, 0, 0, NULL),
		  -ENAMETOOLONG);
	CHECK_RET(ntevent_close(fd), 0);

	/* none of the failures above created anything */
	CHECK_RET(ntevent_open_named(name, len, 0, 0, 0, 0, 0, NULL), -ENOENT);
	return T_PASS;
}
