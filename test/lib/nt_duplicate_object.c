// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * NtDuplicateObject within the current process: DUPLICATE_SAME_ACCESS
 * keeps the source's rights; DesiredAccess (through the generic mapping)
 * may drop rights but never add one (STATUS_ACCESS_DENIED), and neither
 * may a duplicate of a reduced duplicate; MAXIMUM_ALLOWED means the
 * source's rights. DUPLICATE_CLOSE_SOURCE closes the source, on success
 * and on failure alike, and alone with a NULL target process. OBJ_INHERIT
 * (or DUPLICATE_SAME_ATTRIBUTES of an inheritable source) clears
 * close-on-exec. Any process handle but NtCurrentProcess() is
 * STATUS_INVALID_HANDLE; unknown options or attributes
 * STATUS_INVALID_PARAMETER; a bad source handle STATUS_INVALID_HANDLE.
 * ZwDuplicateObject is the same call.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

#define SELF NtCurrentProcess()

/* The rights of a handle, from the kernel's fdinfo (no right needed). */
static uint32_t rights(HANDLE h)
{
	char path[64], line[128];
	unsigned int access;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d",
		 ntevent_handle_to_fd(h));
	f = fopen(path, "re");
	if (!f)
		T_FAILF("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "ntevent-access: %x", &access) == 1) {
			fclose(f);
			return access;
		}
	fclose(f);
	T_FAILF("%s: no ntevent-access line", path);
}

static bool closed(HANDLE h)
{
	return fcntl(ntevent_handle_to_fd(h), F_GETFD) < 0 && errno == EBADF;
}

static bool cloexec(HANDLE h)
{
	return CHECK_OK(fcntl(ntevent_handle_to_fd(h), F_GETFD)) & FD_CLOEXEC;
}

static HANDLE create(ACCESS_MASK access)
{
	HANDLE h;

	CHECK_ST(NtCreateEvent(&h, access, NULL, NotificationEvent, FALSE),
		 STATUS_SUCCESS);
	return h;
}

int main(void)
{
	const ACCESS_MASK q_s = EVENT_QUERY_STATE | SYNCHRONIZE;
	HANDLE src, dup, dup2, pipe_h;
	LONG prev;

	t_require_device();
	src = create(EVENT_ALL_ACCESS);

	/* same access: the same object, every right */
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_SUCCESS);
	CHECK(dup != src);
	CHECK_EQ(rights(dup), EVENT_ALL_ACCESS);
	CHECK(cloexec(dup));
	CHECK_ST(NtSetEvent(dup, &prev), STATUS_SUCCESS);
	CHECK_EQ(t_nt_state(src), 1);
	CHECK_ST(NtClose(dup), STATUS_SUCCESS);

	/* reduced */
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, q_s, 0, 0), STATUS_SUCCESS);
	CHECK_EQ(rights(dup), q_s);
	CHECK_ST(NtResetEvent(dup, &prev), STATUS_ACCESS_DENIED);
	CHECK_EQ(t_nt_state(dup), 1);
	/* generic rights map first */
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup2, GENERIC_WRITE, 0, 0),
		 STATUS_SUCCESS);
	CHECK_EQ(rights(dup2), EVENT_MODIFY_STATE | READ_CONTROL);
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);

	/* more than the source: denied, nothing written; the reduced one
	 * cannot win the right back */
	dup2 = (HANDLE)0x1234;
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, EVENT_MODIFY_STATE, 0, 0),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, EVENT_ALL_ACCESS, 0, 0),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, GENERIC_ALL, 0, 0),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, GENERIC_READ, 0, 0),
		 STATUS_ACCESS_DENIED);	/* READ_CONTROL is not in q_s */
	CHECK(dup2 == (HANDLE)0x1234);
	/* MAXIMUM_ALLOWED: the source's rights, no more */
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, MAXIMUM_ALLOWED, 0, 0),
		 STATUS_SUCCESS);
	CHECK_EQ(rights(dup2), q_s);
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, SYNCHRONIZE, 0, 0),
		 STATUS_SUCCESS);
	CHECK_ST(NtWaitForSingleObject(dup2, FALSE, &(LARGE_INTEGER){ .QuadPart = 0 }),
		 STATUS_WAIT_0);
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	CHECK_ST(NtClose(dup), STATUS_SUCCESS);

	/* DUPLICATE_CLOSE_SOURCE: on success ... */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, SYNCHRONIZE, 0,
				   DUPLICATE_CLOSE_SOURCE), STATUS_SUCCESS);
	CHECK(closed(dup));
	CHECK_EQ(rights(dup2), SYNCHRONIZE);
	/* ... and on failure (Windows: "regardless of any error status") */
	CHECK_ST(NtDuplicateObject(SELF, dup2, SELF, &dup, EVENT_MODIFY_STATE, 0,
				   DUPLICATE_CLOSE_SOURCE), STATUS_ACCESS_DENIED);
	CHECK(closed(dup2));
	/* ... and alone, with no target process */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, NULL, NULL, 0, 0, DUPLICATE_CLOSE_SOURCE),
		 STATUS_SUCCESS);
	CHECK(closed(dup));
	/* both at once: a reduced handle replacing the source */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, 0, 0,
				   DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE),
		 STATUS_SUCCESS);
	CHECK(closed(dup));
	CHECK_EQ(rights(dup2), EVENT_ALL_ACCESS);
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	/* a NULL TargetHandle: made and dropped; the source still closes */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, NULL, 0, 0,
				   DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE),
		 STATUS_SUCCESS);
	CHECK(closed(dup));

	/* attributes: inheritable on request, or as the source is */
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, 0, OBJ_INHERIT,
				   DUPLICATE_SAME_ACCESS), STATUS_SUCCESS);
	CHECK(!cloexec(dup));
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, 0, 0,
				   DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES),
		 STATUS_SUCCESS);
	CHECK(!cloexec(dup2));
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup2, 0, OBJ_INHERIT,
				   DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES),
		 STATUS_SUCCESS);
	CHECK(cloexec(dup2));	/* src is close-on-exec; OBJ_INHERIT ignored */
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	CHECK_ST(NtClose(dup), STATUS_SUCCESS);

	/* process handles: only the current process */
	dup = (HANDLE)0x1234;
	CHECK_ST(NtDuplicateObject(NULL, src, SELF, &dup, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_INVALID_HANDLE);
	CHECK_ST(NtDuplicateObject(src, src, SELF, &dup, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_INVALID_HANDLE);
	CHECK_ST(NtDuplicateObject(SELF, src, NULL, &dup, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_INVALID_HANDLE);
	CHECK_ST(NtDuplicateObject(SELF, src, NtCurrentThread(), &dup, 0, 0,
				   DUPLICATE_SAME_ACCESS), STATUS_INVALID_HANDLE);
	CHECK_ST(NtDuplicateObject(SELF, src, (HANDLE)(uintptr_t)0x40, &dup, 0, 0,
				   DUPLICATE_SAME_ACCESS), STATUS_INVALID_HANDLE);
	/* ... the source is not closed when the source process is wrong */
	CHECK_ST(NtDuplicateObject(NULL, src, SELF, &dup, 0, 0,
				   DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE),
		 STATUS_INVALID_HANDLE);
	CHECK(!closed(src));

	/* bad arguments and handles */
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, 0, 0, 0x8),
		 STATUS_INVALID_PARAMETER);
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, 0, 0x1, DUPLICATE_SAME_ACCESS),
		 STATUS_INVALID_PARAMETER);
	CHECK_ST(NtDuplicateObject(SELF, NULL, SELF, &dup, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_INVALID_HANDLE);
	CHECK_ST(NtDuplicateObject(SELF, ntevent_fd_to_handle(t_closed_fd()), SELF,
				   &dup, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_INVALID_HANDLE);
	pipe_h = ntevent_fd_to_handle(t_pipe_fd());
	CHECK_ST(NtDuplicateObject(SELF, pipe_h, SELF, &dup, 0, 0, DUPLICATE_SAME_ACCESS),
		 STATUS_OBJECT_TYPE_MISMATCH);
	CHECK(dup == (HANDLE)0x1234);
	CHECK_ST(NtClose(pipe_h), STATUS_SUCCESS);

	/* Zw */
	CHECK_ST(ZwDuplicateObject(SELF, src, SELF, &dup, EVENT_QUERY_STATE, 0, 0),
		 STATUS_SUCCESS);
	CHECK_EQ(rights(dup), EVENT_QUERY_STATE);
	CHECK_ST(ZwClose(dup), STATUS_SUCCESS);
	CHECK_ST(NtClose(src), STATUS_SUCCESS);
	return T_PASS;
}
