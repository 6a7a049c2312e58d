/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/* libntevent: what the library's files share; nothing here is exported. */
#ifndef NTEVENT_INTERNAL_H
#define NTEVENT_INTERNAL_H

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <sys/socket.h>

#include <ntevent.h>

#include "sys.h"

/* Marks a definition that belongs to the public API (see libntevent.map). */
#define NTEVENT_EXPORT __attribute__((visibility("default")))

/* Make `other` a second exported name of the entry point `name`. */
#define NTEVENT_ALIAS(name, other) \
	extern __typeof__(name) other \
		__attribute__((alias(#name), visibility("default")))

/* The /dev/ntevent descriptor, opened on first use; or -errno. */
int ntevent__device(void);

/*
 * The same, for callers to whom ENOENT means something else (a name that
 * does not exist): a missing device is -ENODEV. The Windows faces call it
 * before any call that needs the device, so that the one errno table can
 * map ENOENT, which then only ever comes from NTEVENT_IOC_OPEN, to
 * STATUS_OBJECT_NAME_NOT_FOUND.
 */
int ntevent__device_enodev(void);

/*
 * HANDLE encoding: handle = (fd + 1) * 4. Like Windows' handles, every
 * event handle is a non-zero multiple of 4, so NULL (WSA_INVALID_EVENT)
 * and the pseudo-handles -1 (INVALID_HANDLE_VALUE, NtCurrentProcess())
 * and -2 (NtCurrentThread()) are never events, and each descriptor has
 * exactly one handle.
 */
#define NTEVENT_HANDLE_MAX_FD	((int)((UINTPTR_MAX >> 2) - 1 > INT_MAX ? \
				       INT_MAX : (UINTPTR_MAX >> 2) - 1))
/* -1 .. -6: NtCurrentProcess, Thread, Session, ProcessToken, ThreadToken... */
#define NTEVENT_PSEUDO_HANDLES	6

/*
 * The descriptor a HANDLE names (ntevent_handle_to_fd(), inlined into the
 * hot paths): -1..-NTEVENT_PSEUDO_HANDLES are pseudo-handles (-EBADFD),
 * anything that is not an encoded descriptor is -EBADF.
 */
static inline int ntevent__handle_fd(const void *handle)
{
	intptr_t v = (intptr_t)handle;
	uintptr_t u = (uintptr_t)handle;

	if (v < 0 && v >= -NTEVENT_PSEUDO_HANDLES)
		return -EBADFD;		/* a handle, but not to an event */
	if (v <= 0 || (u & 3))
		return -EBADF;		/* not a handle at all */
	u = (u >> 2) - 1;
	if (u > (uintptr_t)NTEVENT_HANDLE_MAX_FD)
		return -EBADF;
	return (int)u;
}

/*
 * An event ioctl without argument checks (NTEVENT_IOC_SET, _RESET, _PULSE:
 * the kernel makes them) on the descriptor a HANDLE names: 0 or -errno,
 * -EBADF/-EBADFD for a handle that names none.
 */
static inline int ntevent__handle_op(const void *handle, unsigned long req,
				     int *prev)
{
	int fd = ntevent__handle_fd(handle);

	return fd < 0 ? fd : ntevent__ioctl(fd, req, prev);
}

/*
 * User APCs (apc.c). NTEVENT_APC_SIGNAL ends a thread's alertable wait
 * when an APC is queued to it; the library installs a handler that does
 * nothing (SA_RESTART) the first time a thread takes part.
 */
#define NTEVENT_APC_SIGNAL	(SIGRTMAX - 1)
struct ntevent__thread;
/* The calling thread's record, made on first use; NULL and *err. */
struct ntevent__thread *ntevent__thread_self(int *err);
void ntevent__thread_get(struct ntevent__thread *t);
void ntevent__thread_put(struct ntevent__thread *t);
/* Queue fn(data) to run in the thread's next alertable wait: 0 or -errno. */
int ntevent__queue_apc(struct ntevent__thread *t, void (*fn)(uintptr_t),
		       uintptr_t data);
/* The calling thread's record, if it has one. */
extern _Thread_local struct ntevent__thread *ntevent__apc_self;
int ntevent__wait_ioctl_alert(int dev, unsigned long req,
			      struct ntevent_wait_args *args);
int ntevent__waitset_ioctl_alert(int ws, struct ntevent_waitset_wait_args *args);

/*
 * A wait ioctl (NTEVENT_IOC_WAIT_ANY or _ALL): 0 or -errno. An alertable
 * one of a thread that takes part in APCs runs the thread's APCs, queued
 * before or during it, and is -EINTR; others cost one test more.
 */
static inline int ntevent__wait_ioctl(int dev, unsigned long req,
				      struct ntevent_wait_args *args)
{
	if ((args->flags & NTEVENT_WAIT_ALERTABLE) && ntevent__apc_self)
		return ntevent__wait_ioctl_alert(dev, req, args);
	return ntevent__ioctl(dev, req, args);
}

/*
 * A wait ioctl on the device dev, with arguments the caller built itself
 * (the kernel checks count, fds and flags): the index, or -errno.
 */
static inline int ntevent__wait_on(int dev, unsigned long req, const int *fds,
				   unsigned int count, uint64_t deadline,
				   unsigned int flags)
{
	struct ntevent_wait_args args = {
		.timeout = deadline,
		.fds = (uint64_t)(uintptr_t)fds,
		.count = count,
		.flags = flags,
	};
	int ret = ntevent__wait_ioctl(dev, req, &args);

	return ret < 0 ? ret : (int)args.index;
}

/*
 * The descriptors of a wait's count handles into fds, with /dev/ntevent
 * open: 0, or the first bad handle's -EBADF, or -ENODEV.
 */
static inline int ntevent__wait_fds(void *const *handles, unsigned int count,
				    int *fds)
{
	uintptr_t bad = 0;
	unsigned int i;
	int dev;

	/*
	 * The common case, every handle an encoded descriptor, in one pass
	 * without a branch per handle (a server's 64 every call); the first
	 * bad one's error from ntevent__handle_fd().
	 */
	for (i = 0; i < count; i++) {
		uintptr_t u = (uintptr_t)handles[i];
		uintptr_t fd = (u >> 2) - 1;

		bad |= (u & 3) | (fd > (uintptr_t)NTEVENT_HANDLE_MAX_FD);
		fds[i] = (int)fd;
	}
	for (i = 0; bad && i < count; i++) {
		fds[i] = ntevent__handle_fd(handles[i]);
		if (fds[i] < 0)
			return fds[i];
	}
	dev = ntevent__device_enodev();
	return dev < 0 ? dev : 0;
}

/*
 * A wait-any of a Windows face on 1..64 handles (count checked, handles
 * not NULL): ntevent__wait_fds(), then ntevent__wait_on(dev,
 * NTEVENT_IOC_WAIT_ANY, ...), through the calling thread's wait set when
 * the same handles come again (waitset.c). The index or -errno.
 */
int ntevent__wait_any_handles(void *const *handles, unsigned int count,
			      uint64_t deadline, unsigned int flags);

/* Counts the handles closed (ntevent_close()): wait sets made before go. */
extern unsigned long ntevent__close_gen;

/*
 * A handle was closed: every thread's wait set made before goes at its
 * next wait, the calling thread's at once (so that the events it held,
 * and their names, go with the last handle, as on Windows).
 */
void ntevent__waitset_retire(void);

/*
 * The thread's last error (kernel32.c): GetLastError() and
 * WSAGetLastError() read one slot, as on Windows.
 */
extern _Thread_local int ntevent__last_error;

/*
 * Winsock's re-enabling calls (WSAEventSelect): a receive re-enables
 * FD_READ (FD_OOB with MSG_OOB), a send that would block FD_WRITE. One
 * rule for recv, WSARecv and the overlapped completions alike.
 */
static inline void ntevent__ws_received(int fd, int flags)
{
	ntevent_sock_enable(fd, flags & MSG_OOB ? NTEVENT_FD_OOB :
			    NTEVENT_FD_READ, -1);
}

static inline void ntevent__ws_would_block(int fd)
{
	ntevent_sock_enable(fd, NTEVENT_FD_WRITE, -1);
}

/* End a socket's pending overlapped operations before it closes. */
void ntevent__ov_close(int fd);

/* The WSAE* code of a socket call's errno (errmap.c). */
int ntevent__sock_errno_to_wsa(int err);

/* Close the descriptor a HANDLE names; any bad handle is -EBADF. */
int ntevent__handle_close(const void *handle);

#endif /* NTEVENT_INTERNAL_H */
