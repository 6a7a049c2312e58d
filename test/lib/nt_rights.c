// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The rights of an NT event handle.
 *
 * The generic mapping is the same for every call that takes a
 * DesiredAccess: NtCreateEvent (unnamed, named new, named existing with
 * OBJ_OPENIF), NtOpenEvent and NtDuplicateObject grant GENERIC_READ =
 * QUERY_STATE | READ_CONTROL, GENERIC_WRITE = MODIFY_STATE | READ_CONTROL,
 * GENERIC_EXECUTE = SYNCHRONIZE | READ_CONTROL, GENERIC_ALL and
 * MAXIMUM_ALLOWED = EVENT_ALL_ACCESS, combinations their union, specific
 * and standard rights as given, and drop bits an event does not have. The
 * handles behave accordingly: a missing right is STATUS_ACCESS_DENIED for
 * set/reset/pulse/clear (MODIFY_STATE), query (QUERY_STATE) and waits
 * (SYNCHRONIZE), and the event is unchanged. (rights_every_face checks the
 * same denials through the other faces.)
 *
 * NtDuplicateObject within the current process: DUPLICATE_SAME_ACCESS
 * keeps the source's rights; DesiredAccess may drop rights but never add
 * one (STATUS_ACCESS_DENIED), and neither may a duplicate of a reduced
 * duplicate; MAXIMUM_ALLOWED means the source's rights.
 * DUPLICATE_CLOSE_SOURCE closes the source, on success and on failure
 * alike, and alone with a NULL target process. OBJ_INHERIT (or
 * DUPLICATE_SAME_ATTRIBUTES of an inheritable source) clears
 * close-on-exec. Any process handle but NtCurrentProcess() is
 * STATUS_INVALID_HANDLE; unknown options or attributes
 * STATUS_INVALID_PARAMETER; a bad source handle STATUS_INVALID_HANDLE.
 * ZwDuplicateObject is the same call.
 */
#include <ntevent.h>
#include <ntevent/nt.h>
#include "api.h"

#define SELF NtCurrentProcess()

static const LARGE_INTEGER zero = { .QuadPart = 0 };

/* ---- the generic mapping: desired -> granted, every way ---- */

static const struct map_row {
	const char *name;
	ACCESS_MASK desired;
	uint32_t granted;
} map[] = {
	{ "GENERIC_READ", GENERIC_READ, EVENT_QUERY_STATE | READ_CONTROL },
	{ "GENERIC_WRITE", GENERIC_WRITE, EVENT_MODIFY_STATE | READ_CONTROL },
	{ "GENERIC_EXECUTE", GENERIC_EXECUTE, SYNCHRONIZE | READ_CONTROL },
	{ "GENERIC_ALL", GENERIC_ALL, EVENT_ALL_ACCESS },
	{ "MAXIMUM_ALLOWED", MAXIMUM_ALLOWED, EVENT_ALL_ACCESS },
	{ "EVENT_ALL_ACCESS", EVENT_ALL_ACCESS, EVENT_ALL_ACCESS },
	{ "GENERIC_READ|EXECUTE", GENERIC_READ | GENERIC_EXECUTE,
	  EVENT_QUERY_STATE | SYNCHRONIZE | READ_CONTROL },
	{ "GENERIC_READ|WRITE|EXECUTE",
	  GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE,
	  EVENT_QUERY_STATE | EVENT_MODIFY_STATE | SYNCHRONIZE | READ_CONTROL },
	{ "GENERIC_WRITE|DELETE", GENERIC_WRITE | DELETE,
	  EVENT_MODIFY_STATE | READ_CONTROL | DELETE },
	{ "QUERY_STATE|SYNCHRONIZE", EVENT_QUERY_STATE | SYNCHRONIZE,
	  EVENT_QUERY_STATE | SYNCHRONIZE },
	{ "QUERY_STATE|WRITE_DAC", EVENT_QUERY_STATE | WRITE_DAC,
	  EVENT_QUERY_STATE | WRITE_DAC },
	{ "MODIFY_STATE|0x4|ACCESS_SYSTEM_SECURITY",
	  EVENT_MODIFY_STATE | 0x4 | ACCESS_SYSTEM_SECURITY,
	  EVENT_MODIFY_STATE },
	{ "SYNCHRONIZE|0x4|0x100|ACCESS_SYSTEM_SECURITY",
	  SYNCHRONIZE | 0x4 | 0x100 | ACCESS_SYSTEM_SECURITY, SYNCHRONIZE },
	{ "0", 0, 0 },
};

/* The ways to a handle with the desired access to the event. */
enum way { CREATE, CREATE_NAMED, CREATE_OPENIF, OPEN, DUPLICATE, WAYS };

static const char *const way_names[WAYS] = {
	[CREATE] = "NtCreateEvent",
	[CREATE_NAMED] = "NtCreateEvent named",
	[CREATE_OPENIF] = "NtCreateEvent OBJ_OPENIF existing",
	[OPEN] = "NtOpenEvent",
	[DUPLICATE] = "NtDuplicateObject",
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

/*
 * What the handle may do is what its rights say; a denied call changes
 * nothing. full: every right to the same event, to set it first and to
 * look; NULL: none, the event is signaled already.
 */
static void behaves(HANDLE h, HANDLE full, uint32_t granted)
{
	bool modify = granted & EVENT_MODIFY_STATE;
	EVENT_BASIC_INFORMATION info;
	struct ntevent_state st;
	LONG prev = 7;
	NTSTATUS s;

	/* the rights as the handle itself reads them, where it may */
	if (granted & EVENT_QUERY_STATE) {
		CHECK_RET(ntevent_read(ntevent_handle_to_fd(h), &st), 0);
		CHECK_ST(st.access, granted);
	}

	if (full)
		CHECK_ST(NtSetEvent(full, NULL), STATUS_SUCCESS);
	CHECK_ST(NtResetEvent(h, &prev),
		 modify ? STATUS_SUCCESS : STATUS_ACCESS_DENIED);
	CHECK_EQ(prev, modify ? 1 : 7);
	if (full)
		CHECK_EQ(t_nt_state(full), modify ? 0 : 1);
	CHECK_ST(NtPulseEvent(h, NULL),
		 modify ? STATUS_SUCCESS : STATUS_ACCESS_DENIED);
	CHECK_ST(NtClearEvent(h),
		 modify ? STATUS_SUCCESS : STATUS_ACCESS_DENIED);
	prev = 7;
	CHECK_ST(NtSetEvent(h, &prev),
		 modify ? STATUS_SUCCESS : STATUS_ACCESS_DENIED);
	CHECK_EQ(prev, modify ? 0 : 7);
	if (full)
		CHECK_EQ(t_nt_state(full), 1);

	s = NtQueryEvent(h, EventBasicInformation, &info, sizeof(info), NULL);
	CHECK_ST(s, granted & EVENT_QUERY_STATE ? STATUS_SUCCESS :
						  STATUS_ACCESS_DENIED);
	if (granted & EVENT_QUERY_STATE)
		CHECK_EQ(info.EventState, 1);
	s = NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero);
	CHECK_ST(s, granted & SYNCHRONIZE ? STATUS_WAIT_0 :
					    STATUS_ACCESS_DENIED);
}

/* A handle with row->desired to the named event (full has every right). */
static HANDLE get_handle(enum way w, const struct map_row *row,
			 OBJECT_ATTRIBUTES *oa, HANDLE *full)
{
	HANDLE h;

	switch (w) {
	case CREATE:
		/* no other handle: signaled from the start, as behaves wants */
		CHECK_ST(NtCreateEvent(&h, row->desired, NULL,
				       NotificationEvent, TRUE),
			 STATUS_SUCCESS);
		*full = NULL;
		break;
	case CREATE_NAMED:
		CHECK_ST(NtCreateEvent(&h, row->desired, oa, NotificationEvent,
				       FALSE), STATUS_SUCCESS);
		CHECK_ST(NtOpenEvent(full, EVENT_ALL_ACCESS, oa),
			 STATUS_SUCCESS);
		break;
	case CREATE_OPENIF:
		CHECK_ST(NtCreateEvent(full, EVENT_ALL_ACCESS, oa,
				       NotificationEvent, FALSE),
			 STATUS_SUCCESS);
		oa->Attributes = OBJ_OPENIF;
		CHECK_ST(NtCreateEvent(&h, row->desired, oa, NotificationEvent,
				       FALSE), STATUS_OBJECT_NAME_EXISTS);
		oa->Attributes = 0;
		break;
	case OPEN:
		CHECK_ST(NtCreateEvent(full, EVENT_ALL_ACCESS, oa,
				       NotificationEvent, FALSE),
			 STATUS_SUCCESS);
		CHECK_ST(NtOpenEvent(&h, row->desired, oa), STATUS_SUCCESS);
		break;
	default:
		CHECK_ST(NtCreateEvent(full, EVENT_ALL_ACCESS, oa,
				       NotificationEvent, FALSE),
			 STATUS_SUCCESS);
		CHECK_ST(NtDuplicateObject(SELF, *full, SELF, &h, row->desired,
					   0, 0), STATUS_SUCCESS);
		break;
	}
	return h;
}

static void map_row(const struct map_row *row, enum way w)
{
	OBJECT_ATTRIBUTES oa;
	UNICODE_STRING name;
	char ascii[128], tag[32], where[160];
	WCHAR buf[128];
	HANDLE h, full;
	static int n;

	snprintf(where, sizeof(where), "%s, %s", way_names[w], row->name);
	t_case = where;
	snprintf(tag, sizeof(tag), "map%d", n++);
	t_name(ascii, sizeof(ascii), tag);
	t_unicode(&name, buf, 128, ascii);
	InitializeObjectAttributes(&oa, &name, 0, NULL, NULL);

	h = get_handle(w, row, &oa, &full);
	CHECK_EQ(rights(h), row->granted);
	behaves(h, full, row->granted);
	if (full)
		CHECK_ST(NtClose(full), STATUS_SUCCESS);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	t_case = NULL;
}

/*
 * Generic handles to one auto-reset event, against each other: a
 * signal-and-wait needs MODIFY_STATE for its signal and SYNCHRONIZE for
 * its wait; a wait through a GENERIC_EXECUTE handle consumes.
 */
static HANDLE create_auto(ACCESS_MASK access)
{
	HANDLE h;

	CHECK_ST(NtCreateEvent(&h, access, NULL, SynchronizationEvent, TRUE),
		 STATUS_SUCCESS);
	return h;
}

static void generic_handles(void)
{
	EVENT_BASIC_INFORMATION info;
	HANDLE h, hs[2];
	LONG prev;

	t_case = "generic handles";
	/* GENERIC_READ: query yes, modify and wait no */
	h = create_auto(GENERIC_READ);
	prev = 7;
	CHECK_ST(NtSetEvent(h, &prev), STATUS_ACCESS_DENIED);
	CHECK_EQ(prev, 7);
	CHECK_ST(NtResetEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtPulseEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtClearEvent(h), STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info),
			      NULL), STATUS_SUCCESS);
	CHECK_EQ(info.EventState, 1);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* GENERIC_WRITE: modify yes, query and wait no */
	h = create_auto(GENERIC_WRITE);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info),
			      NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtWaitForSingleObject(h, FALSE, (PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtResetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 1);
	CHECK_ST(NtSetEvent(h, &prev), STATUS_SUCCESS);
	CHECK_EQ(prev, 0);
	/* signal-and-wait: signal needs MODIFY_STATE, the wait SYNCHRONIZE */
	hs[0] = create_auto(GENERIC_EXECUTE);
	CHECK_ST(NtSignalAndWaitForSingleObject(h, h, FALSE,
						(PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtSignalAndWaitForSingleObject(hs[0], hs[0], FALSE,
						(PLARGE_INTEGER)&zero),
		 STATUS_ACCESS_DENIED);
	CHECK_ST(NtSignalAndWaitForSingleObject(h, hs[0], FALSE,
						(PLARGE_INTEGER)&zero),
		 STATUS_WAIT_0);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);

	/* GENERIC_EXECUTE: wait yes (and it consumes), the rest no */
	h = hs[0];
	CHECK_ST(NtSetEvent(h, NULL), STATUS_ACCESS_DENIED);
	CHECK_ST(NtQueryEvent(h, EventBasicInformation, &info, sizeof(info),
			      NULL), STATUS_ACCESS_DENIED);
	hs[1] = create_auto(GENERIC_ALL);
	CHECK_ST(NtWaitForMultipleObjects(2, hs, WaitAll, FALSE,
					  (PLARGE_INTEGER)&zero),
		 STATUS_TIMEOUT);
	CHECK_ST(NtClose(h), STATUS_SUCCESS);
	CHECK_ST(NtClose(hs[1]), STATUS_SUCCESS);
	t_case = NULL;
}

/* ---- NtDuplicateObject ---- */

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

/* A duplicate of a reduced (QUERY_STATE | SYNCHRONIZE) duplicate. */
static const struct {
	const char *name;
	ACCESS_MASK desired;
	NTSTATUS want;
	uint32_t granted;
} from_reduced[] = {
	{ "EVENT_MODIFY_STATE", EVENT_MODIFY_STATE, STATUS_ACCESS_DENIED, 0 },
	{ "EVENT_ALL_ACCESS", EVENT_ALL_ACCESS, STATUS_ACCESS_DENIED, 0 },
	{ "GENERIC_ALL", GENERIC_ALL, STATUS_ACCESS_DENIED, 0 },
	/* READ_CONTROL is not in the source's rights */
	{ "GENERIC_READ", GENERIC_READ, STATUS_ACCESS_DENIED, 0 },
	/* MAXIMUM_ALLOWED: the source's rights, no more */
	{ "MAXIMUM_ALLOWED", MAXIMUM_ALLOWED, STATUS_SUCCESS,
	  EVENT_QUERY_STATE | SYNCHRONIZE },
	{ "SYNCHRONIZE", SYNCHRONIZE, STATUS_SUCCESS, SYNCHRONIZE },
};

static void duplicate_access(HANDLE src)
{
	const ACCESS_MASK q_s = EVENT_QUERY_STATE | SYNCHRONIZE;
	HANDLE dup, dup2;
	LONG prev;
	size_t i;

	t_case = "duplicate: same access";
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, 0, 0,
				   DUPLICATE_SAME_ACCESS), STATUS_SUCCESS);
	CHECK(dup != src);
	CHECK_EQ(rights(dup), EVENT_ALL_ACCESS);
	CHECK(cloexec(dup));
	CHECK_ST(NtSetEvent(dup, &prev), STATUS_SUCCESS);
	CHECK_EQ(t_nt_state(src), 1);
	CHECK_ST(NtClose(dup), STATUS_SUCCESS);

	t_case = "duplicate: reduced";
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, q_s, 0, 0),
		 STATUS_SUCCESS);
	CHECK_EQ(rights(dup), q_s);
	CHECK_ST(NtResetEvent(dup, &prev), STATUS_ACCESS_DENIED);
	CHECK_EQ(t_nt_state(dup), 1);
	/* more than the source: denied, nothing written */
	for (i = 0; i < sizeof(from_reduced) / sizeof(from_reduced[0]); i++) {
		t_case = from_reduced[i].name;
		dup2 = (HANDLE)0x1234;
		CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2,
					   from_reduced[i].desired, 0, 0),
			 from_reduced[i].want);
		if (from_reduced[i].want != STATUS_SUCCESS) {
			CHECK(dup2 == (HANDLE)0x1234);
			continue;
		}
		CHECK_EQ(rights(dup2), from_reduced[i].granted);
		CHECK_ST(NtWaitForSingleObject(dup2, FALSE,
					       (PLARGE_INTEGER)&zero),
			 STATUS_WAIT_0);
		CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	}
	CHECK_ST(NtClose(dup), STATUS_SUCCESS);
	t_case = NULL;
}

static void duplicate_close_source(void)
{
	HANDLE dup, dup2;

	t_case = "DUPLICATE_CLOSE_SOURCE";
	/* on success ... */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, SYNCHRONIZE, 0,
				   DUPLICATE_CLOSE_SOURCE), STATUS_SUCCESS);
	CHECK(closed(dup));
	CHECK_EQ(rights(dup2), SYNCHRONIZE);
	/* ... and on failure (Windows: "regardless of any error status") */
	CHECK_ST(NtDuplicateObject(SELF, dup2, SELF, &dup, EVENT_MODIFY_STATE,
				   0, DUPLICATE_CLOSE_SOURCE),
		 STATUS_ACCESS_DENIED);
	CHECK(closed(dup2));
	/* ... and alone, with no target process */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, NULL, NULL, 0, 0,
				   DUPLICATE_CLOSE_SOURCE), STATUS_SUCCESS);
	CHECK(closed(dup));
	/* both at once: a reduced handle replacing the source */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, 0, 0,
				   DUPLICATE_SAME_ACCESS |
				   DUPLICATE_CLOSE_SOURCE), STATUS_SUCCESS);
	CHECK(closed(dup));
	CHECK_EQ(rights(dup2), EVENT_ALL_ACCESS);
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	/* a NULL TargetHandle: made and dropped; the source still closes */
	dup = create(EVENT_ALL_ACCESS);
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, NULL, 0, 0,
				   DUPLICATE_SAME_ACCESS |
				   DUPLICATE_CLOSE_SOURCE), STATUS_SUCCESS);
	CHECK(closed(dup));
	t_case = NULL;
}

static void duplicate_attributes(HANDLE src)
{
	HANDLE dup, dup2;

	t_case = "duplicate attributes";
	/* inheritable on request, or as the source is */
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup, 0, OBJ_INHERIT,
				   DUPLICATE_SAME_ACCESS), STATUS_SUCCESS);
	CHECK(!cloexec(dup));
	CHECK_ST(NtDuplicateObject(SELF, dup, SELF, &dup2, 0, 0,
				   DUPLICATE_SAME_ACCESS |
				   DUPLICATE_SAME_ATTRIBUTES), STATUS_SUCCESS);
	CHECK(!cloexec(dup2));
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	CHECK_ST(NtDuplicateObject(SELF, src, SELF, &dup2, 0, OBJ_INHERIT,
				   DUPLICATE_SAME_ACCESS |
				   DUPLICATE_SAME_ATTRIBUTES), STATUS_SUCCESS);
	CHECK(cloexec(dup2));	/* src is close-on-exec; OBJ_INHERIT ignored */
	CHECK_ST(NtClose(dup2), STATUS_SUCCESS);
	CHECK_ST(NtClose(dup), STATUS_SUCCESS);
	t_case = NULL;
}

/* Bad processes, arguments and source handles: nothing is made. */
enum { SRC, PIPE, CLOSED };
#define H(x)	((HANDLE)(intptr_t)(x))

static const struct bad_dup {
	const char *name;
	HANDLE sproc;
	int source;		/* SRC, PIPE, CLOSED, or a handle value + 3 */
	HANDLE tproc;
	ULONG attributes, options;
	NTSTATUS want;
} bad_dups[] = {
	{ "NULL source process", NULL, SRC, SELF, 0, DUPLICATE_SAME_ACCESS,
	  STATUS_INVALID_HANDLE },
	{ "event as source process", H(-3), SRC, SELF, 0,
	  DUPLICATE_SAME_ACCESS, STATUS_INVALID_HANDLE },
	{ "NULL target process", SELF, SRC, NULL, 0, DUPLICATE_SAME_ACCESS,
	  STATUS_INVALID_HANDLE },
	{ "thread as target process", SELF, SRC, NtCurrentThread(), 0,
	  DUPLICATE_SAME_ACCESS, STATUS_INVALID_HANDLE },
	{ "0x40 as target process", SELF, SRC, H(0x40), 0,
	  DUPLICATE_SAME_ACCESS, STATUS_INVALID_HANDLE },
	/* the source is not closed when the source process is wrong */
	{ "NULL source process, close source", NULL, SRC, SELF, 0,
	  DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE,
	  STATUS_INVALID_HANDLE },
	{ "unknown option", SELF, SRC, SELF, 0, 0x8,
	  STATUS_INVALID_PARAMETER },
	{ "unknown attribute", SELF, SRC, SELF, 0x1, DUPLICATE_SAME_ACCESS,
	  STATUS_INVALID_PARAMETER },
	{ "NULL source", SELF, 3, SELF, 0, DUPLICATE_SAME_ACCESS,
	  STATUS_INVALID_HANDLE },
	{ "closed source", SELF, CLOSED, SELF, 0, DUPLICATE_SAME_ACCESS,
	  STATUS_INVALID_HANDLE },
	{ "pipe source", SELF, PIPE, SELF, 0, DUPLICATE_SAME_ACCESS,
	  STATUS_OBJECT_TYPE_MISMATCH },
};

static void duplicate_bad(HANDLE src)
{
	HANDLE pipe_h = ntevent_fd_to_handle(t_pipe_fd());
	HANDLE closed_h = ntevent_fd_to_handle(t_closed_fd());
	size_t i;

	for (i = 0; i < sizeof(bad_dups) / sizeof(bad_dups[0]); i++) {
		const struct bad_dup *b = &bad_dups[i];
		HANDLE dup = H(0x1234), s;

		t_case = b->name;
		s = b->source == SRC ? src : b->source == PIPE ? pipe_h :
		    b->source == CLOSED ? closed_h : H(b->source - 3);
		CHECK_ST(NtDuplicateObject(b->sproc == H(-3) ? src : b->sproc,
					   s, b->tproc, &dup, 0,
					   b->attributes, b->options),
			 b->want);
		CHECK(dup == H(0x1234));
		CHECK(!closed(src));
	}
	t_case = NULL;
	CHECK_ST(NtClose(pipe_h), STATUS_SUCCESS);
}

int main(void)
{
	HANDLE src, dup;
	size_t i;
	int w;

	t_require_device();
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		for (w = 0; w < WAYS; w++)
			map_row(&map[i], (enum way)w);
	generic_handles();

	src = create(EVENT_ALL_ACCESS);
	duplicate_access(src);
	duplicate_close_source();
	duplicate_attributes(src);
	duplicate_bad(src);
	/* Zw */
	t_case = "ZwDuplicateObject";
	CHECK_ST(ZwDuplicateObject(SELF, src, SELF, &dup, EVENT_QUERY_STATE, 0,
				   0), STATUS_SUCCESS);
	CHECK_EQ(rights(dup), EVENT_QUERY_STATE);
	CHECK_ST(ZwClose(dup), STATUS_SUCCESS);
	CHECK_ST(NtClose(src), STATUS_SUCCESS);
	return T_PASS;
}
