// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * A PreviousState pointer the kernel cannot write is
 * STATUS_ACCESS_VIOLATION and the event is unchanged (the kernel checks
 * before it changes anything); a handle array that cannot be read is
 * STATUS_ACCESS_VIOLATION too.
 */
#include <sys/mman.h>
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	EVENT_BASIC_INFORMATION info;
	void *bad;
	HANDLE h;

	t_require_device();
	bad = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(bad != MAP_FAILED);
	CHECK_ST(NtCreateEvent(&h, EVENT_ALL_ACCESS, NULL, SynchronizationEvent,
			       FALSE), STATUS_SUCCESS);

	CHECK_ST(NtSetEvent(h, bad), STATUS_ACCESS_VIOLATION);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 0);
	CHECK_ST(NtSetEvent(h, NULL), STATUS_SUCCESS);
	CHECK_ST(NtResetEvent(h, bad), STATUS_ACCESS_VIOLATION);
	CHECK_ST(NtPulseEvent(h, bad), STATUS_ACCESS_VIOLATION);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL),
		 STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 1);

	/* the native API: the same pointer, -EFAULT */
	CHECK_RET(ntevent_set(ntevent_handle_to_fd(h), bad), -EFAULT);
	CHECK_RET(ntevent_wait_any(bad, 1, 0, 0), -EFAULT);
	CHECK_RET(ntevent_read(ntevent_handle_to_fd(h), bad), -EFAULT);

	CHECK_ST(NtWaitForSingleObject(h, FALSE, &zero), STATUS_WAIT_0);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	return T_PASS;
}
