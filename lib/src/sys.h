/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/*
 * libntevent: system calls that return -errno and leave errno as it was.
 * The library never changes errno (liburing's convention): each wrapper
 * saves it and puts it back.
 */
#ifndef NTEVENT_SYS_H
#define NTEVENT_SYS_H

#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

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
	int saved = errno;
	int ret = ioctl(fd, req, arg);

	if (ret < 0)
		ret = -errno;
	errno = saved;
	return ret;
}
#endif

static inline int ntevent__open(const char *path, int flags)
{
	int saved = errno;
	int ret = open(path, flags);

	if (ret < 0)
		ret = -errno;
	errno = saved;
	return ret;
}

static inline int ntevent__close(int fd)
{
	int saved = errno;
	int ret = close(fd);

	if (ret < 0)
		ret = -errno;
	errno = saved;
	return ret;
}

static inline int ntevent__fcntl(int fd, int cmd, int arg)
{
	int saved = errno;
	int ret = fcntl(fd, cmd, arg);

	if (ret < 0)
		ret = -errno;
	errno = saved;
	return ret;
}

static inline int ntevent__clock_gettime(clockid_t clock, struct timespec *ts)
{
	int saved = errno;
	int ret = clock_gettime(clock, ts);

	if (ret < 0)
		ret = -errno;
	errno = saved;
	return ret;
}

#endif /* NTEVENT_SYS_H */
