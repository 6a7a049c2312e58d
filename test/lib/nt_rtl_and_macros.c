// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * RtlInitUnicodeString() (UTF-16 lengths in bytes, NULL source, the
 * 0xfffc cap), InitializeObjectAttributes(), NT_SUCCESS() and
 * NtCurrentProcess(). Needs no device.
 */
#include <ntevent/nt.h>
#include "api.h"

int main(void)
{
	static WCHAR longstr[40000];
	UNICODE_STRING us;
	OBJECT_ATTRIBUTES oa;
	size_t i;

	RtlInitUnicodeString(&us, u"\\BaseNamedObjects\\x");
	CHECK_EQ(us.Length, 19 * 2);
	CHECK_EQ(us.MaximumLength, 20 * 2);
	CHECK(us.Buffer[0] == u'\\' && us.Buffer[18] == u'x');

	RtlInitUnicodeString(&us, u"");
	CHECK_EQ(us.Length, 0);
	CHECK_EQ(us.MaximumLength, 2);
	CHECK(us.Buffer != NULL);

	memset(&us, 0xa5, sizeof(us));
	RtlInitUnicodeString(&us, NULL);
	CHECK_EQ(us.Length, 0);
	CHECK_EQ(us.MaximumLength, 0);
	CHECK(us.Buffer == NULL);

	RtlInitUnicodeString(&us, u"\u00e9\u20ac");	/* two UTF-16 units */
	CHECK_EQ(us.Length, 4);

	for (i = 0; i < sizeof(longstr) / sizeof(longstr[0]) - 1; i++)
		longstr[i] = u'a';
	RtlInitUnicodeString(&us, longstr);
	CHECK_EQ(us.Length, 0xfffc);
	CHECK_EQ(us.MaximumLength, 0xfffe);

	memset(&oa, 0xa5, sizeof(oa));
	RtlInitUnicodeString(&us, u"name");
	InitializeObjectAttributes(&oa, &us, OBJ_CASE_INSENSITIVE | OBJ_OPENIF,
				   (HANDLE)(uintptr_t)16, (PVOID)&us);
	CHECK_EQ(oa.Length, sizeof(OBJECT_ATTRIBUTES));
	CHECK(oa.ObjectName == &us);
	CHECK_EQ(oa.Attributes, 0xc0);
	CHECK(oa.RootDirectory == (HANDLE)(uintptr_t)16);
	CHECK(oa.SecurityDescriptor == &us);
	CHECK(oa.SecurityQualityOfService == NULL);
	/* usable as a statement in an if without braces */
	if (oa.Length)
		InitializeObjectAttributes(&oa, NULL, 0, NULL, NULL);
	else
		CHECK(0);
	CHECK(oa.ObjectName == NULL);

	CHECK(NT_SUCCESS(STATUS_SUCCESS));
	CHECK(NT_SUCCESS(STATUS_WAIT_63));
	CHECK(NT_SUCCESS(STATUS_USER_APC));
	CHECK(NT_SUCCESS(STATUS_TIMEOUT));
	CHECK(NT_SUCCESS(STATUS_ALERTED));
	CHECK(NT_SUCCESS(STATUS_OBJECT_NAME_EXISTS));
	CHECK(!NT_SUCCESS(STATUS_INVALID_HANDLE));
	CHECK(!NT_SUCCESS(STATUS_INVALID_PARAMETER_MIX));
	CHECK(!NT_SUCCESS(STATUS_NOT_SUPPORTED));

	CHECK(NtCurrentProcess() == (HANDLE)(intptr_t)-1);
	CHECK(NtCurrentProcess() == INVALID_HANDLE_VALUE);
	CHECK(ZwCurrentProcess() == NtCurrentProcess());
	CHECK(NtCurrentThread() == (HANDLE)(intptr_t)-2);
	return T_PASS;
}
