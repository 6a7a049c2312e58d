// SPDX-License-Identifier: GPL-2.0
/*
 * Event descriptors cross exec: one whose FD_CLOEXEC was cleared is still
 * the same event in the new program (which sets it), while one left
 * close-on-exec is gone there.
 */
#include "abi.h"

int main(int argc, char **argv)
{
	int dev, kept, gone;
	pid_t pid;

	if (argc == 3) {
		/* The exec'd program: argv[1] kept, argv[2] should be gone. */
		kept = atoi(argv[1]);
		gone = atoi(argv[2]);
		if (fcntl(gone, F_GETFD) != -1 || errno != EBADF)
			T_FAILF("close-on-exec event fd %d survived exec", gone);
		if (t_read(kept).type != T_MANUAL)
			T_FAILF("inherited fd %d is not the manual event", kept);
		if (t_set(kept) != 0)
			T_FAILF("inherited event was already set");
		_exit(0);
	}

	dev = t_open_dev();
	kept = t_create(dev, T_MANUAL, 0);
	gone = t_create(dev, T_AUTO, 0);
	CHECK_OK(fcntl(kept, F_SETFD, 0));
	pid = t_fork();
	if (pid == 0) {
		char a[16], b[16];

		snprintf(a, sizeof(a), "%d", kept);
		snprintf(b, sizeof(b), "%d", gone);
		execl("/proc/self/exe", argv[0], a, b, (char *)NULL);
		T_FAILF("exec: %s", strerror(errno));
	}
	t_reap_ok(pid);
	CHECK_STATE(kept, 1);
	CHECK_STATE(gone, 0);
	return T_PASS;
}
