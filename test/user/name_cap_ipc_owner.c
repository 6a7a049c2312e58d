// SPDX-License-Identifier: GPL-2.0
/*
 * CAP_IPC_OWNER overrides the mode of a named event, and uid 0 without it
 * does not: an event of uid/gid 1000 with mode 0000 opens with all rights
 * for root; root without CAP_IPC_OWNER in its effective set is refused
 * (EACCES); uid 2000 with CAP_IPC_OWNER effective opens it.
 */
#include "abi.h"

#include <linux/capability.h>
#include <sys/prctl.h>

static char name[128];

/* Turn CAP_IPC_OWNER in the effective set on or off. */
static void cap_ipc_owner(bool on)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[2];

	CHECK_OK(syscall(SYS_capget, &h, d));
	if (on)
		d[0].effective |= 1u << CAP_IPC_OWNER;
	else
		d[0].effective &= ~(1u << CAP_IPC_OWNER);
	CHECK_OK(syscall(SYS_capset, &h, d));
}

static int try_open(uint32_t access)
{
	int dev = t_open_dev();
	int r = t_open_name_raw(dev, name, 0, access, 0, 0, 0, NULL);

	if (r >= 0)
		close(r);
	close(dev);
	return r < 0 ? r : 0;
}

int main(void)
{
	int dev = t_open_dev();
	int e, o;
	pid_t pid;

	t_need_root();
	umask(0);
	t_name(name, sizeof(name), "0000");
	CHECK_OK(setegid(1000));
	CHECK_OK(seteuid(1000));
	e = t_create_name(dev, name, T_MANUAL, 0, 0);
	CHECK_OK(seteuid(0));
	CHECK_OK(setegid(0));

	/* Root, with CAP_IPC_OWNER. */
	o = t_open_name(dev, name, NTEVENT_ALL_ACCESS);
	CHECK_EQ(t_set(o), 0);
	CHECK_STATE(e, 1);
	close(o);

	/* Root without it. */
	pid = t_fork();
	if (pid == 0) {
		cap_ipc_owner(false);
		CHECK_RET(try_open(NTEVENT_SYNCHRONIZE), -EACCES);
		CHECK_RET(try_open(NTEVENT_ALL_ACCESS), -EACCES);
		cap_ipc_owner(true);
		CHECK_RET(try_open(NTEVENT_ALL_ACCESS), 0);
		_exit(0);
	}
	t_reap_ok(pid);

	/* uid 2000 with it (kept across setuid, then made effective). */
	pid = t_fork();
	if (pid == 0) {
		CHECK_OK(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0));
		CHECK_OK(setgroups(0, NULL));
		CHECK_OK(setresgid(2000, 2000, 2000));
		CHECK_OK(setresuid(2000, 2000, 2000));
		CHECK_RET(try_open(NTEVENT_SYNCHRONIZE), -EACCES);
		cap_ipc_owner(true);
		CHECK_RET(try_open(NTEVENT_ALL_ACCESS), 0);
		_exit(0);
	}
	t_reap_ok(pid);
	CHECK_STATE(e, 1);
	return T_PASS;
}
