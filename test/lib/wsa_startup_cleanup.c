// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * WSAStartup() and WSACleanup() keep a reference count: each successful
 * startup needs its cleanup, one cleanup too many is SOCKET_ERROR with
 * WSANOTINITIALISED. WSAStartup() negotiates the version (up to 2.2),
 * fills WSADATA, refuses version 0.x with WSAVERNOTSUPPORTED (without
 * counting it) and a NULL WSADATA with WSAEFAULT, and returns its error
 * rather than setting WSAGetLastError(). Needs no device.
 */
#include <ntevent/winsock.h>
#include "api.h"

int main(void)
{
	WSADATA d;

	WSASetLastError(0);
	CHECK_EQ(WSACleanup(), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);

	memset(&d, 0xa5, sizeof(d));
	WSASetLastError(1234);
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	CHECK_EQ(WSAGetLastError(), 1234);
	CHECK_EQ(d.wVersion, MAKEWORD(2, 2));
	CHECK_EQ(d.wHighVersion, MAKEWORD(2, 2));
	CHECK_EQ(LOBYTE(d.wVersion), 2);
	CHECK_EQ(HIBYTE(d.wVersion), 2);
	CHECK(d.lpVendorInfo == NULL);
	CHECK(memchr(d.szDescription, 0, sizeof(d.szDescription)) != NULL);
	CHECK(memchr(d.szSystemStatus, 0, sizeof(d.szSystemStatus)) != NULL);
	CHECK(strlen(d.szDescription) > 0);

	CHECK_EQ(WSAStartup(MAKEWORD(1, 1), &d), 0);
	CHECK_EQ(d.wVersion, MAKEWORD(1, 1));
	CHECK_EQ(WSAStartup(MAKEWORD(2, 0), &d), 0);
	CHECK_EQ(d.wVersion, MAKEWORD(2, 0));
	CHECK_EQ(WSAStartup(MAKEWORD(3, 0), &d), 0);
	CHECK_EQ(d.wVersion, MAKEWORD(2, 2));
	CHECK_EQ(WSAStartup(MAKEWORD(2, 7), &d), 0);
	CHECK_EQ(d.wVersion, MAKEWORD(2, 2));
	CHECK_EQ(WSAStartup(MAKEWORD(1, 5), &d), 0);
	CHECK_EQ(d.wVersion, MAKEWORD(1, 1));
	/* six startups so far */

	CHECK_EQ(WSAStartup(MAKEWORD(0, 9), &d), WSAVERNOTSUPPORTED);
	CHECK_EQ(d.wHighVersion, MAKEWORD(2, 2));
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), NULL), WSAEFAULT);
	CHECK_EQ(WSAGetLastError(), 1234);

	CHECK_EQ(WSACleanup(), 0);
	CHECK_EQ(WSACleanup(), 0);
	CHECK_EQ(WSACleanup(), 0);
	CHECK_EQ(WSACleanup(), 0);
	CHECK_EQ(WSACleanup(), 0);
	CHECK_EQ(WSAGetLastError(), 1234);
	CHECK_EQ(WSACleanup(), 0);
	CHECK_EQ(WSACleanup(), SOCKET_ERROR);
	CHECK_EQ(WSAGetLastError(), WSANOTINITIALISED);

	/* and again from the start */
	CHECK_EQ(WSAStartup(MAKEWORD(2, 2), &d), 0);
	CHECK_EQ(WSACleanup(), 0);
	CHECK_EQ(WSACleanup(), SOCKET_ERROR);
	return T_PASS;
}
