/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent: system calls that return -errno and leave errno as it was.
 * The library never changes errno (liburing's convention): each wrapper
 * saves it and puts it back (NTEVENT__NO_ERRNO).
 */
#ifndef NTEVENT_SYS_H
#define NTEVENT_SYS_H

#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/*
 * The result of call, a libc call that returns -1 and sets errno on
 * failure, as that result or -errno; errno as it was before.
 */
#define NTEVENT__NO_ERRNO(call)						\
	({								\
		int saved_ = errno;					\
		int ret_ = (call);					\
									\
		if (ret_ < 0)						\
			ret_ = -errno;					\
		errno = saved_;						\
		ret_;							\
	})

#if defined(__x86_64__)
#include <sys/syscall.h>

/*
 * On x86-64 the ioctl is the syscall instruction itself, as liburing's
 * arch/x86/syscall.h does: the kernel's -errno comes back in rax and errno
 * is never touched, so nothing needs saving. This is the hot path of
 * every set, reset and wait (make bench measures it against raw ioctls).
 */
static inline int ntevent__ioctl(int fd, unsigned long req, void *arg)
{
	long ret;

	__asm__ volatile ("syscall"
			  : "=a" (ret)
			  : "0" ((long)SYS_ioctl), "D" ((long)fd), "S" (req),
			    "d" (arg)
			  : "rcx", "r11", "memory");
	return (int)ret;
}
#else
static inline int ntevent__ioctl(int fd, unsigned long req, void *arg)
{
	return NTEVENT__NO_ERRNO(ioctl(fd, req, arg));
}
#endif

static inline int ntevent__open(const char *path, int flags)
{
	return NTEVENT__NO_ERRNO(open(path, flags));
}

static inline int ntevent__close(int fd)
{
	return NTEVENT__NO_ERRNO(close(fd));
}

static inline int ntevent__fcntl(int fd, int cmd, int arg)
{
	return NTEVENT__NO_ERRNO(fcntl(fd, cmd, arg));
}

static inline int ntevent__clock_gettime(clockid_t clock, struct timespec *ts)
{
	return NTEVENT__NO_ERRNO(clock_gettime(clock, ts));
}

#endif /* NTEVENT_SYS_H */
