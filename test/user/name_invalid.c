// SPDX-License-Identifier: GPL-2.0
/*
 * NTEVENT_IOC_OPEN argument checking, each error leaving no descriptor and
 * no name behind:
 *  EILSEQ        a malformed name: name_len 0, no or another prefix, an
 *                empty name part, a backslash or a NUL in the name part,
 *                a name part that is not UTF-8 (a stray continuation
 *                byte, a cut sequence, an overlong form, a surrogate,
 *                beyond U+10FFFF, 0xFE/0xFF), while valid 2, 3 and 4 byte
 *                sequences are accepted;
 *  ENAMETOOLONG  a name part of 256 bytes or more (255 is fine);
 *  EINVAL        unknown flags, EXCL without CREATE, a type other than
 *                0/1, a state above 1, rights outside NTEVENT_ALL_ACCESS,
 *                mode bits outside 0777;
 *  EFAULT        an unreadable argument or name, an unwritable argument.
 * Each is checked with CREATE (and the bad names also with flags 0 and
 * CREATE|EXCL); a later open of the good names shows nothing was made.
 */
#include "abi.h"

#define PFX	NTEVENT_NAME_PREFIX
#define PFXLEN	(sizeof(PFX) - 1)

static int dev;
static char good[128];		/* a valid, free name */

static int open_len(const void *name, uint32_t len, uint32_t flags,
		    uint32_t access, uint32_t type, uint32_t state,
		    uint32_t mode)
{
	return t_open_name_len(dev, name, len, flags, access, type, state,
			       mode, NULL);
}

/* The name (len bytes) fails with err, with each kind of flags. */
static void bad_name(const char *what, const void *name, uint32_t len,
		     int err)
{
	static const uint32_t flags[] = {
		0, NTEVENT_OPEN_CREATE, NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
	};
	int before = t_count_fds();
	unsigned int i;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		int r = open_len(name, len, flags[i], NTEVENT_ALL_ACCESS,
				 T_AUTO, 0, 0600);

		if (r != err)
			T_FAILF("%s (name_len %u, flags %#x): got %s, expected %s",
				what, len, flags[i],
				r < 0 ? t_errname(-r) : "a descriptor",
				t_errname(-err));
	}
	CHECK_EQ(t_count_fds(), before);
}

static void bad_str(const char *what, const char *name, int err)
{
	bad_name(what, name, strlen(name), err);
}

/* CREATE of the good name with these arguments fails with err. */
static void bad_args(const char *what, uint32_t flags, uint32_t access,
		     uint32_t type, uint32_t state, uint32_t mode, int err)
{
	int before = t_count_fds();
	int r = open_len(good, strlen(good), flags, access, type, state, mode);

	if (r != err)
		T_FAILF("%s: got %s, expected %s", what,
			r < 0 ? t_errname(-r) : "a descriptor", t_errname(-err));
	CHECK_EQ(t_count_fds(), before);
}

/* The good name is still free. */
static void still_free(void)
{
	CHECK_RET(open_len(good, strlen(good), 0, NTEVENT_ALL_ACCESS, 0, 0, 0),
		  -ENOENT);
}

int main(void)
{
	char buf[1024], *p;
	int fd, before;

	dev = t_open_dev();
	umask(0);
	t_name(good, sizeof(good), "good");

	/* ---- EILSEQ: malformed names ---- */
	bad_name("name_len 0", good, 0, -EILSEQ);
	bad_str("no prefix", "foo", -EILSEQ);
	bad_str("prefix without its leading backslash",
		"BaseNamedObjects\\foo", -EILSEQ);
	bad_str("prefix without its trailing backslash",
		"\\BaseNamedObjectsfoo", -EILSEQ);
	bad_str("prefix cut short", "\\BaseNamedObjects", -EILSEQ);
	bad_str("a piece of the prefix", "\\Base", -EILSEQ);
	bad_str("a lone backslash", "\\", -EILSEQ);
	bad_str("prefix in another case", "\\basenamedobjects\\foo", -EILSEQ);
	bad_str("prefix in upper case", "\\BASENAMEDOBJECTS\\foo", -EILSEQ);
	bad_str("another directory", "\\Sessions\\1\\BaseNamedObjects\\foo",
		-EILSEQ);
	bad_str("a longer directory name", "\\BaseNamedObjectsX\\foo", -EILSEQ);
	bad_str("a slash for the backslash", "\\BaseNamedObjects/foo", -EILSEQ);
	bad_str("empty name part", PFX, -EILSEQ);
	bad_str("backslash first in the name part", PFX "\\foo", -EILSEQ);
	bad_str("backslash inside the name part", PFX "a\\b", -EILSEQ);
	bad_str("backslash last in the name part", PFX "foo\\", -EILSEQ);
	bad_str("name part of one backslash", PFX "\\", -EILSEQ);
	bad_name("NUL inside the name part", PFX "a\0b", PFXLEN + 3, -EILSEQ);
	bad_name("NUL first in the name part", PFX "\0ab", PFXLEN + 3, -EILSEQ);
	bad_name("a trailing NUL counted in name_len", PFX "foo",
		 PFXLEN + 4, -EILSEQ);
	bad_name("name part of one NUL", PFX, PFXLEN + 1, -EILSEQ);
	bad_name("NUL inside the prefix", "\\Base\0amedObjects\\foo",
		 sizeof("\\Base\0amedObjects\\foo") - 1, -EILSEQ);
	/* Not UTF-8, though no byte is a control character. */
	bad_str("a stray continuation byte", PFX "a\x80" "b", -EILSEQ);
	bad_str("a 2-byte sequence cut short", PFX "a\xc3", -EILSEQ);
	bad_str("a 3-byte sequence cut by ASCII", PFX "\xe2\x82x", -EILSEQ);
	bad_str("an overlong '/'", PFX "\xc0\xaf", -EILSEQ);
	bad_str("an overlong 3-byte form", PFX "\xe0\x80\xaf", -EILSEQ);
	bad_str("a UTF-16 surrogate", PFX "\xed\xa0\x80", -EILSEQ);
	bad_str("beyond U+10FFFF", PFX "\xf4\x90\x80\x80", -EILSEQ);
	bad_str("a 0xFF byte", PFX "a\xff", -EILSEQ);
	bad_str("a 0xFE byte", PFX "\xfe", -EILSEQ);
	still_free();
	{
		static const char *const utf8[] = {
			PFX "caf\xc3\xa9",		/* U+00E9 */
			PFX "\xe2\x82\xac",		/* U+20AC */
			PFX "\xf0\x9f\x98\x80",		/* U+1F600 */
			PFX "\xf4\x8f\xbf\xbf",		/* U+10FFFF */
		};
		unsigned int i;

		for (i = 0; i < sizeof(utf8) / sizeof(utf8[0]); i++) {
			int fd = t_open_name_raw(dev, utf8[i],
						 NTEVENT_OPEN_CREATE,
						 NTEVENT_ALL_ACCESS, T_MANUAL,
						 0, 0600, NULL);

			CHECK_MSG(fd >= 0, "valid UTF-8 name #%u: %s", i,
				  t_errname(-fd));
			close(fd);
		}
	}

	/* A backslash at byte 255 of a 255-byte name part is still one. */
	memcpy(buf, PFX, PFXLEN);
	memset(buf + PFXLEN, 'b', 255);
	buf[PFXLEN + 254] = '\\';
	bad_name("backslash as the 255th byte", buf, PFXLEN + 255, -EILSEQ);
	still_free();

	/* ---- ENAMETOOLONG: more than NTEVENT_NAME_MAX bytes ---- */
	memcpy(buf, PFX, PFXLEN);
	memset(buf + PFXLEN, 'n', sizeof(buf) - PFXLEN);
	bad_name("name part of 256 bytes", buf, PFXLEN + 256, -ENAMETOOLONG);
	bad_name("name part of 257 bytes", buf, PFXLEN + 257, -ENAMETOOLONG);
	bad_name("name part of 1000 bytes", buf, PFXLEN + 1000, -ENAMETOOLONG);
	p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	memcpy(p, PFX, PFXLEN);
	memset(p + PFXLEN, 'm', (1 << 20) - PFXLEN);
	bad_name("name of 1 MiB", p, 1 << 20, -ENAMETOOLONG);
	munmap(p, 1 << 20);
	/* Exactly 255 bytes: fine, and it can be found again. */
	fd = t_open_name_len(dev, buf, PFXLEN + 255,
			     NTEVENT_OPEN_CREATE | NTEVENT_OPEN_EXCL,
			     NTEVENT_ALL_ACCESS, T_MANUAL, 1, 0600, NULL);
	CHECK_MSG(fd >= 0, "create with a 255-byte name part: %s",
		  t_errname(-fd));
	{
		uint32_t created;
		int o = t_open_name_len(dev, buf, PFXLEN + 255, 0,
					NTEVENT_QUERY_STATE, 0, 0, 0, &created);

		CHECK_MSG(o >= 0, "open of a 255-byte name part: %s",
			  t_errname(-o));
		CHECK_EQ(created, 0);
		CHECK_STATE(o, 1);
		close(o);
		/* One byte less is another name. */
		CHECK_RET(open_len(buf, PFXLEN + 254, 0, NTEVENT_QUERY_STATE,
				   0, 0, 0), -ENOENT);
	}
	close(fd);
	CHECK_RET(open_len(buf, PFXLEN + 255, 0, NTEVENT_QUERY_STATE, 0, 0, 0),
		  -ENOENT);
	/* And a 1-byte name part is fine. */
	fd = t_create_name(dev, PFX "1", T_AUTO, 0, 0600);
	close(fd);

	/* ---- EINVAL ---- */
	bad_args("EXCL without CREATE", NTEVENT_OPEN_EXCL, NTEVENT_ALL_ACCESS,
		 T_AUTO, 0, 0600, -EINVAL);
	bad_args("flag 0x4", NTEVENT_OPEN_CREATE | 0x4, NTEVENT_ALL_ACCESS,
		 T_AUTO, 0, 0600, -EINVAL);
	bad_args("flag 0x80000000", NTEVENT_OPEN_CREATE | 0x80000000u,
		 NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600, -EINVAL);
	bad_args("flags ~0", ~0u, NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600, -EINVAL);
	bad_args("flag 0x4 alone", 0x4, NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600,
		 -EINVAL);
	bad_args("type 2", NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS, 2, 0, 0600,
		 -EINVAL);
	bad_args("type ~0", NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS, ~0u, 0,
		 0600, -EINVAL);
	bad_args("state 2", NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS, T_AUTO, 2,
		 0600, -EINVAL);
	bad_args("state ~0", NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS, T_AUTO,
		 ~0u, 0600, -EINVAL);
	bad_args("access 0x4", NTEVENT_OPEN_CREATE, 0x4, T_AUTO, 0, 0600,
		 -EINVAL);
	bad_args("access ALL | 0x00200000", NTEVENT_OPEN_CREATE,
		 NTEVENT_ALL_ACCESS | 0x00200000u, T_AUTO, 0, 0600, -EINVAL);
	bad_args("access GENERIC_ALL", NTEVENT_OPEN_CREATE, 0x10000000u,
		 T_AUTO, 0, 0600, -EINVAL);
	bad_args("access ~0", NTEVENT_OPEN_CREATE, ~0u, T_AUTO, 0, 0600,
		 -EINVAL);
	bad_args("mode 01000", NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS, T_AUTO,
		 0, 01000, -EINVAL);
	bad_args("mode 04755", NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS, T_AUTO,
		 0, 04755, -EINVAL);
	bad_args("mode 0x80000000", NTEVENT_OPEN_CREATE, NTEVENT_ALL_ACCESS,
		 T_AUTO, 0, 0x80000000u, -EINVAL);
	still_free();
	/* Bad rights are refused when opening an existing event too. */
	fd = t_create_name(dev, good, T_AUTO, 0, 0666);
	bad_args("access 0x4 on open", 0, 0x4, T_AUTO, 0, 0, -EINVAL);
	bad_args("access ~0 on open", 0, ~0u, T_AUTO, 0, 0, -EINVAL);
	bad_args("access ~0 on open-if", NTEVENT_OPEN_CREATE, ~0u, T_AUTO, 0,
		 0600, -EINVAL);
	bad_args("EXCL alone on an existing name", NTEVENT_OPEN_EXCL,
		 NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600, -EINVAL);
	close(fd);
	still_free();

	/* ---- EFAULT ---- */
	{
		char *bad = t_bad_page();
		char *pages = t_pages(1);
		struct ntevent_open_args *a;
		uint32_t len = strlen(good);

		before = t_count_fds();
		CHECK_ERR(ioctl(dev, NTEVENT_IOC_OPEN, NULL), EFAULT);
		CHECK_ERR(ioctl(dev, NTEVENT_IOC_OPEN, bad), EFAULT);
		/* Arguments running into the unmapped page. */
		a = (void *)(pages + 4096 - sizeof(*a) + 4);
		CHECK_ERR(ioctl(dev, NTEVENT_IOC_OPEN, a), EFAULT);

		/* An unreadable name. */
		CHECK_RET(open_len(NULL, len, NTEVENT_OPEN_CREATE,
				   NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600),
			  -EFAULT);
		CHECK_RET(open_len(bad, len, NTEVENT_OPEN_CREATE,
				   NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600),
			  -EFAULT);
		CHECK_RET(open_len(bad, len, 0, NTEVENT_ALL_ACCESS, T_AUTO, 0,
				   0600), -EFAULT);
		/* A name whose last byte is in the unmapped page. */
		p = pages + 4096 - (len - 1);
		memcpy(p, good, len - 1);
		CHECK_RET(open_len(p, len, NTEVENT_OPEN_CREATE,
				   NTEVENT_ALL_ACCESS, T_AUTO, 0, 0600),
			  -EFAULT);
		CHECK_EQ(t_count_fds(), before);
		still_free();

		/*
		 * Arguments that can be read but not written: the event made
		 * cannot be handed out, so nothing is left, not even the
		 * name.
		 */
		memset(pages, 0, 4096);
		a = (void *)pages;
		a->name = (uintptr_t)(pages + 1024);
		memcpy(pages + 1024, good, len);
		a->name_len = len;
		a->flags = NTEVENT_OPEN_CREATE;
		a->access = NTEVENT_ALL_ACCESS;
		a->type = T_AUTO;
		a->mode = 0600;
		t_page_readonly(pages);
		CHECK_ERR(ioctl(dev, NTEVENT_IOC_OPEN, a), EFAULT);
		CHECK_EQ(t_count_fds(), before);
		still_free();
		CHECK_EQ(t_next_fd(), t_next_fd());

		/* Same when the name exists: it stays, untouched. */
		fd = t_create_name(dev, good, T_AUTO, 1, 0600);
		before = t_count_fds();
		CHECK_OK(mprotect(pages, 4096, PROT_READ | PROT_WRITE));
		a->flags = 0;
		t_page_readonly(pages);
		CHECK_ERR(ioctl(dev, NTEVENT_IOC_OPEN, a), EFAULT);
		CHECK_EQ(t_count_fds(), before);
		CHECK_STATE(fd, 1);
		close(t_open_name(dev, good, NTEVENT_QUERY_STATE));
		close(fd);
		still_free();
	}
	return T_PASS;
}
