// SPDX-License-Identifier: GPL-2.0
/*
 * EINTR comes only from a signal handler: an alertable wait in a process
 * that is stopped (SIGSTOP) and continued (SIGCONT), with no handler
 * running, keeps waiting and is then satisfied by a set; a non-alertable
 * one too.
 */
#include "abi.h"

int main(void)
{
	int dev = t_open_dev();
	int e = t_create(dev, T_AUTO, 0);
	int alertable;

	for (alertable = 0; alertable <= 1; alertable++) {
		pid_t pid = t_fork();
		int status;

		if (pid == 0) {
			int ret;

			ret = t_wait_full(dev, false, (uint32_t[]){ e }, 1,
					  t_after_ms(5000),
					  alertable ? NTEVENT_WAIT_ALERTABLE : 0,
					  0, NULL);
			if (ret)
				T_FAILF("alertable=%d wait after stop/continue: %s, expected success",
					alertable, t_errname(-ret));
			_exit(0);
		}
		t_await_blocked(pid, SYS_ioctl);
		CHECK_OK(kill(pid, SIGSTOP));
		CHECK_EQ(CHECK_OK(waitpid(pid, &status, WUNTRACED)), pid);
		CHECK(WIFSTOPPED(status));
		CHECK_OK(kill(pid, SIGCONT));
		t_sleep_ms(200);
		CHECK_EQ(t_set(e), 0);
		t_reap_ok(pid);
		CHECK_STATE(e, 0);
	}
	return T_PASS;
}
