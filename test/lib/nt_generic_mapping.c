// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The event's generic mapping is the same for every call that takes a
 * DesiredAccess: NtCreateEvent (named), NtOpenEvent and NtDuplicateObject
 * grant GENERIC_READ = QUERY_STATE | READ_CONTROL, GENERIC_WRITE =
 * MODIFY_STATE | READ_CONTROL, GENERIC_EXECUTE = SYNCHRONIZE |
 * READ_CONTROL, GENERIC_ALL = EVENT_ALL_ACCESS, combinations their union,
 * specific and standard rights as given, and drop bits an event does not
 * have. The handles behave accordingly.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

#define SELF NtCurrentProcess()

static const struct {
	ACCESS_MASK desired;
	uint32_t granted;
} map[] = {
	{ GENERIC_READ, EVENT_QUERY_STATE | READ_CONTROL },
	{ GENERIC_WRITE, EVENT_MODIFY_STATE | READ_CONTROL },
	{ GENERIC_EXECUTE, SYNCHRONIZE | READ_CONTROL },
	{ GENERIC_ALL, EVENT_ALL_ACCESS },
	{ GENERIC_READ | GENERIC_EXECUTE,
	  EVENT_QUERY_STATE | SYNCHRONIZE | READ_CONTROL },
	{ GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE,
	  EVENT_QUERY_STATE | EVENT_MODIFY_STATE | SYNCHRONIZE | READ_CONTROL },
	{ GENERIC_WRITE | DELETE, EVENT_MODIFY_STATE | READ_CONTROL | DELETE },
	{ EVENT_ALL_ACCESS, EVENT_ALL_ACCESS },
	{ EVENT_QUERY_STATE | WRITE_DAC, EVENT_QUERY_STATE | WRITE_DAC },
	{ SYNCHRONIZE | 0x4 | 0x100 | ACCESS_SYSTEM_SECURITY, SYNCHRONIZE },
	{ 0, 0 },
};

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

/* What the handle may do is what its rights say. */
static void behaves(HANDLE h, uint32_t granted)
{
	static const LARGE_INTEGER zero = { .QuadPart = 0 };
	EVENT_BASIC_INFORMATION info;
	NTSTATUS st;

	st = NtSetEvent(h, NULL);
	CHECK_ST(st, granted & EVENT_MODIFY_STATE ? STATUS_SUCCESS : STATUS_ACCESS_DENIED);
	st = NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL);
	CHECK_ST(st, granted & EVENT_QUERY_STATE ? STATUS_SUCCESS : STATUS_ACCESS_DENIED);
	st = NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero);
	if (granted & SYNCHRONIZE)
		CHECK(st == STATUS_WAIT_0 || st == STATUS_TIMEOUT);
	else
		CHECK_ST(st, STATUS_ACCESS_DENIED);
}

int main(void)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING name;
	WCHAR buf[128];
	char ascii[128];
	HANDLE owner, h;
	size_t i;

	t_require_device();
	t_name(ascii, sizeof(ascii), "map");
	t_unicode(&name, buf, 128, ascii);
	InitializeObjectAttributes(&oa, &name, OBJ_OPENIF, NULL, NULL);
	CHECK_ST(NtCreateEvent(&owner, EVENT_ALL_ACCESS, &oa, NotificationEvent,
			       FALSE), STATUS_SUCCESS);

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		uint32_t want = map[i].granted;

		/* NtCreateEvent, opening the existing name (OBJ_OPENIF) */
		CHECK_ST(NtCreateEvent(&h, map[i].desired, &oa, NotificationEvent,
				       FALSE), STATUS_OBJECT_NAME_EXISTS);
		CHECK_EQ(rights(h), want);
		behaves(h, want);
		CHECK_ST(NtClose(h), STATUS_SUCCESS);

		CHECK_ST(NtOpenEvent(&h, map[i].desired, &oa), STATUS_SUCCESS);
		CHECK_EQ(rights(h), want);
		behaves(h, want);
		CHECK_ST(NtClose(h), STATUS_SUCCESS);

		CHECK_ST(NtDuplicateObject(SELF, owner, SELF, &h, map[i].desired,
					   0, 0), STATUS_SUCCESS);
		CHECK_EQ(rights(h), want);
		behaves(h, want);
		CHECK_ST(NtClose(h), STATUS_SUCCESS);
	}
	/* a new named event, too */
	CHECK_ST(NtClose(owner), STATUS_SUCCESS);
	CHECK_ST(NtCreateEvent(&h, GENERIC_EXECUTE, &oa, NotificationEvent, TRUE),
		 STATUS_SUCCESS);
	CHECK_EQ(rights(h), SYNCHRONIZE | READ_CONTROL);
	behaves(h, SYNCHRONIZE | READ_CONTROL);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	return T_PASS;
}
