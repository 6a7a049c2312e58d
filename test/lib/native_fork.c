// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * After fork() the library still works in both processes: the child sets
 * an event it inherited, which releases the parent, and creates and waits
 * on events of its own through the inherited device descriptor.
 */
#include <ntevent.h>
#include "api.h"

int main(void)
{
	int ev, back;
	pid_t pid;

	t_require_device();
	ev = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 0, NTEVENT_ALL_ACCESS);
	back = ntevent_create(NTEVENT_TYPE_SYNCHRONIZATION, 0, NTEVENT_ALL_ACCESS);
	CHECK(ev >= 0 && back >= 0);

	pid = t_fork();
	if (pid == 0) {
		int own = ntevent_create(NTEVENT_TYPE_NOTIFICATION, 1,
					 NTEVENT_ALL_ACCESS);

		CHECK(own >= 0);
		CHECK_RET(ntevent_wait(own, 0, 0), 0);
		CHECK_RET(ntevent_close(own), 0);
		t_sleep_ms(100);
		CHECK_RET(ntevent_set(ev, NULL), 0);
		CHECK_RET(ntevent_wait(back, ntevent_deadline_after(10000000000ull), 0), 0);
		_exit(0);
	}
	CHECK_RET(ntevent_wait(ev, ntevent_deadline_after(10000000000ull), 0), 0);
	CHECK_RET(ntevent_set(back, NULL), 0);
	t_reap_ok(pid);
	CHECK_RET(ntevent_close(ev), 0);
	CHECK_RET(ntevent_close(back), 0);
	return T_PASS;
}
