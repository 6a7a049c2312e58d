// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * <ntevent.h>, <ntevent/nt.h>, <ntevent/windows.h> and <ntevent/winsock.h>
 * in one file, built with -std=c11 -pedantic-errors (see the Makefile): the shared Windows
 * types are defined once and nothing needs a GNU extension. Both faces
 * name the same handles. Needs no device.
 */
#include <ntevent/winsock.h>
#include <ntevent/nt.h>
#include <ntevent/windows.h>
#include <ntevent.h>
#include <ntevent/windows.h>
#include <ntevent/nt.h>
#include <ntevent/winsock.h>

#include <stdio.h>

int main(void)
{
	WSAEVENT w = WSA_INVALID_EVENT;
	HANDLE h = w;
	LARGE_INTEGER li;

	li.QuadPart = 0;
	if (h != NULL || WSA_MAXIMUM_WAIT_EVENTS != MAXIMUM_WAIT_OBJECTS ||
	    WSA_WAIT_TIMEOUT != (DWORD)STATUS_TIMEOUT ||
	    WSA_WAIT_IO_COMPLETION != (DWORD)STATUS_USER_APC ||
	    NTEVENT_ALL_ACCESS != EVENT_ALL_ACCESS || li.LowPart != 0 ||
	    WSA_INFINITE != 0xFFFFFFFFu || WSA_WAIT_FAILED != 0xFFFFFFFFu ||
	    WSA_WAIT_EVENT_0 != 0 || WAIT_TIMEOUT != WSA_WAIT_TIMEOUT ||
	    WAIT_IO_COMPLETION != WSA_WAIT_IO_COMPLETION ||
	    INFINITE != WSA_INFINITE || WAIT_FAILED != WSA_WAIT_FAILED ||
	    GetCurrentProcess() != NtCurrentProcess()) {
		fprintf(stderr, "FAIL headers_together: values disagree\n");
		return 1;
	}
	return 0;
}
