/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent: the native API over /dev/ntevent.
 *
 * Every function returns a non-negative value on success or a negative
 * errno value on failure, and never reads or writes errno. An event is a
 * file descriptor; ntevent_fd_to_handle() and ntevent_handle_to_fd() turn
 * it into the HANDLE of the Windows faces (<ntevent/nt.h>,
 * <ntevent/winsock.h>) and back. ntevent(7) is the overview.
 */
#ifndef NTEVENT_H
#define NTEVENT_H

#include <stddef.h>
#include <stdint.h>

/*
 * The kernel ABI: NTEVENT_TYPE_*, the access rights NTEVENT_*_STATE,
 * NTEVENT_SYNCHRONIZE, NTEVENT_ALL_ACCESS, the wait flags NTEVENT_WAIT_*,
 * struct ntevent_state, the name rules (NTEVENT_NAME_PREFIX,
 * NTEVENT_NAME_MAX), NTEVENT_OPEN_* and NTEVENT_DUP_SAME_ACCESS. The
 * library carries its own copy, so it builds where the system's kernel
 * headers lack <linux/ntevent.h>; the include guard is the installed
 * kernel header's, so both may be included.
 */
#include <ntevent/uapi/linux/ntevent.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A deadline that never comes: wait without a timeout. */
#define NTEVENT_INFINITE	NTEVENT_NO_TIMEOUT

/* The device the library opens (once, lazily, O_CLOEXEC). */
#define NTEVENT_DEVICE		"/dev/ntevent"

int ntevent_create(unsigned int type, unsigned int signaled, uint32_t access);
int ntevent_set(int fd, int *prev);
int ntevent_reset(int fd, int *prev);
int ntevent_pulse(int fd, int *prev);
int ntevent_clear(int fd);
int ntevent_read(int fd, struct ntevent_state *state);
int ntevent_wait(int fd, uint64_t deadline, unsigned int flags);
int ntevent_wait_any(const int *fds, unsigned int count, uint64_t deadline,
		     unsigned int flags);
int ntevent_wait_all(const int *fds, unsigned int count, uint64_t deadline,
		     unsigned int flags);
int ntevent_signal_and_wait(int signal_fd, int wait_fd, uint64_t deadline,
			    unsigned int flags);
int ntevent_close(int fd);

/* Since LIBNTEVENT_1.1: named events and duplicates. */
int ntevent_open_named(const char *name, size_t name_len, unsigned int flags,
		       uint32_t access, unsigned int type, unsigned int signaled,
		       unsigned int mode, int *created);
int ntevent_dup(int fd, uint32_t access, unsigned int flags);

/*
 * Since LIBNTEVENT_1.2: network events of sockets (WSAEventSelect); the
 * NTEVENT_FD_* bits of the kernel ABI.
 */
int ntevent_sock_select(int sock, int event_fd, uint32_t mask);
int ntevent_sock_enum(int sock, int reset_fd, uint32_t *events, int *errors);
int ntevent_sock_enable(int sock, uint32_t events, int listener);
int ntevent_sock_mask(int sock);

uint64_t ntevent_deadline_after(uint64_t ns);

void *ntevent_fd_to_handle(int fd);
int ntevent_handle_to_fd(const void *handle);

int32_t ntevent_errno_to_ntstatus(int err);
int ntevent_errno_to_wsa(int err);

#ifdef __cplusplus
}
#endif

#endif /* NTEVENT_H */
