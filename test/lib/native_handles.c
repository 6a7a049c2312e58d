// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * The HANDLE encoding: handle = (fd + 1) * 4, one handle per descriptor
 * and back; NULL, the pseudo-handles -1 (INVALID_HANDLE_VALUE,
 * NtCurrentProcess()) to -6 and values that are not multiples of 4 never
 * decode to a descriptor. Needs no device.
 */
#include <limits.h>
#include <ntevent.h>
#include "api.h"

int main(void)
{
	int fd;

	CHECK(ntevent_fd_to_handle(0) == (void *)4);
	CHECK(ntevent_fd_to_handle(1) == (void *)8);
	CHECK(ntevent_fd_to_handle(-1) == NULL);
	CHECK(ntevent_fd_to_handle(INT_MIN) == NULL);
	for (fd = 0; fd < 100000; fd += 7) {
		void *h = ntevent_fd_to_handle(fd);

		CHECK(h != NULL);
		CHECK(h != (void *)(intptr_t)-1);
		CHECK(((uintptr_t)h & 3) == 0);
		CHECK_EQ(ntevent_handle_to_fd(h), fd);
	}
	CHECK(ntevent_fd_to_handle(INT_MAX) != NULL);
	CHECK_EQ(ntevent_handle_to_fd(ntevent_fd_to_handle(INT_MAX)), INT_MAX);

	CHECK_RET(ntevent_handle_to_fd(NULL), -EBADF);
	for (fd = 1; fd <= 6; fd++)
		CHECK_RET(ntevent_handle_to_fd((void *)(intptr_t)-fd), -EBADFD);
	CHECK_RET(ntevent_handle_to_fd((void *)(intptr_t)-7), -EBADF);
	CHECK_RET(ntevent_handle_to_fd((void *)(intptr_t)-8), -EBADF);
	CHECK_RET(ntevent_handle_to_fd((void *)1), -EBADF);
	CHECK_RET(ntevent_handle_to_fd((void *)2), -EBADF);
	CHECK_RET(ntevent_handle_to_fd((void *)6), -EBADF);
	CHECK_RET(ntevent_handle_to_fd((void *)(((uintptr_t)INT_MAX + 2) * 4)),
		  -EBADF);
	return T_PASS;
}
