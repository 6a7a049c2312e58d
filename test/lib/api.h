/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * The library tests' own helpers: event states and strings through
 * whichever face of libntevent the test included, on top of the common
 * harness (test/include/t.h, which says how a test reports). Include the
 * library's headers first.
 */
#ifndef NTEVENT_TEST_API_H
#define NTEVENT_TEST_API_H

#include "t.h"

#ifdef NTEVENT_H
/* The state of an event descriptor (it needs QUERY_STATE). */
static inline T_UNUSED int t_state(int fd)
{
	struct ntevent_state st;

	CHECK_RET(ntevent_read(fd, &st), 0);
	return (int)st.state;
}
#endif

#ifdef NTEVENT_NT_H
/* The state of an event handle, by NtQueryEvent. */
static inline T_UNUSED LONG t_nt_state(HANDLE h)
{
	EVENT_BASIC_INFORMATION info;

	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	return info.EventState;
}

/* A UTF-16 copy of an ASCII string in buf, and a UNICODE_STRING over it. */
static inline T_UNUSED void t_unicode(UNICODE_STRING *us, WCHAR *buf,
				      size_t units, const char *ascii)
{
	size_t i, n = strlen(ascii);

	if (n + 1 > units)
		T_FAILF("UTF-16 buffer too small for %s", ascii);
	for (i = 0; i <= n; i++)
		buf[i] = (WCHAR)(unsigned char)ascii[i];
	RtlInitUnicodeString(us, buf);
}
#endif

#endif /* NTEVENT_TEST_API_H */
