// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: the native API, one thin function per ioctl.
 *
 * The device descriptor is opened on first use and kept for the life of
 * the process; it is O_CLOEXEC and is inherited across fork(), so a child
 * keeps using it. A failed open is not remembered: the next call tries
 * again (the module may have been loaded meanwhile).
 */
#include <limits.h>
#include <string.h>
#include <stdint.h>

#include "internal.h"
#include "sys.h"

/* -1 until the device is open; then its descriptor, for good. */
static int ntevent_dev_fd = -1;

int ntevent__device(void)
{
	int fd = __atomic_load_n(&ntevent_dev_fd, __ATOMIC_ACQUIRE);
	int expected = -1;

	if (fd >= 0)
		return fd;
	fd = ntevent__open(NTEVENT_DEVICE, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return fd;
	/* Two threads may race to open it: the first one stored wins. */
	if (!__atomic_compare_exchange_n(&ntevent_dev_fd, &expected, fd, 0,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		ntevent__close(fd);
		fd = expected;
	}
	return fd;
}

int ntevent__device_enodev(void)
{
	int fd = ntevent__device();

	return fd == -ENOENT ? -ENODEV : fd;
}

NTEVENT_EXPORT int ntevent_create(unsigned int type, unsigned int signaled,
				  uint32_t access)
{
	struct ntevent_create_args args = {
		.type = type,
		.state = signaled,
		.access = access,
	};
	int dev, ret;

	/* As in ntevent_do_wait(): EINVAL with or without the module. */
	if (type != NTEVENT_TYPE_NOTIFICATION &&
	    type != NTEVENT_TYPE_SYNCHRONIZATION)
		return -EINVAL;
	if (signaled > 1 || (access & ~NTEVENT_ALL_ACCESS))
		return -EINVAL;
	dev = ntevent__device();
	if (dev < 0)
		return dev;
	ret = ntevent__ioctl(dev, NTEVENT_IOC_CREATE, &args);
	if (ret < 0)
		return ret;
	return (int)args.fd;
}

NTEVENT_EXPORT int ntevent_open_named(const char *name, size_t name_len,
				      unsigned int flags, uint32_t access,
				      unsigned int type, unsigned int signaled,
				      unsigned int mode, int *created)
{
	struct ntevent_open_args args = {
		.name = (uint64_t)(uintptr_t)name,
		.flags = flags,
		.access = access,
		.type = type,
		.state = signaled,
		.mode = mode,
	};
	int dev, ret;

	/* As the kernel does: type and state too, even if nothing is created. */
	if ((flags & ~NTEVENT_OPEN_FLAGS) || flags == NTEVENT_OPEN_EXCL)
		return -EINVAL;
	if (type != NTEVENT_TYPE_NOTIFICATION &&
	    type != NTEVENT_TYPE_SYNCHRONIZATION)
		return -EINVAL;
	if (signaled > 1 || (access & ~NTEVENT_ALL_ACCESS) || (mode & ~0777u))
		return -EINVAL;
	if (!name_len)
		return -EILSEQ;		/* what the kernel says of "" */
	if (!name)
		return -EFAULT;
	if ((uint64_t)name_len > UINT32_MAX)
		return -ENAMETOOLONG;
	args.name_len = (uint32_t)name_len;
	/* ENOENT is "no such name" here: a missing device is ENODEV. */
	dev = ntevent__device_enodev();
	if (dev < 0)
		return dev;
	ret = ntevent__ioctl(dev, NTEVENT_IOC_OPEN, &args);
	if (ret < 0)
		return ret;
	if (created)
		*created = args.created ? 1 : 0;
	return (int)args.fd;
}

NTEVENT_EXPORT int ntevent_dup(int fd, uint32_t access, unsigned int flags)
{
	struct ntevent_dup_args args = {
		.access = access,
		.flags = flags,
	};
	int ret;

	/* The kernel checks flags, access and fd (EINVAL, EBADF). */
	ret = ntevent__ioctl(fd, NTEVENT_IOC_DUP, &args);
	if (ret < 0)
		return ret;
	return (int)args.fd;
}

NTEVENT_EXPORT int ntevent_sock_select(int sock, int event_fd, uint32_t mask)
{
	struct ntevent_sock_select_args args = {
		.sock_fd = (uint32_t)sock,
		.event_fd = mask ? (uint32_t)event_fd : 0,
		.mask = mask,
	};
	int dev = ntevent__device();

	if (dev < 0)
		return dev;
	return ntevent__ioctl(dev, NTEVENT_IOC_SOCK_SELECT, &args);
}

/* One NTEVENT_IOC_SOCK_ENUM; reset_fd -1 resets nothing. */
static int ntevent_sock_ioc_enum(int sock, int reset_fd, uint32_t flags,
				 struct ntevent_sock_enum_args *args)
{
	int dev = ntevent__device();

	if (dev < 0)
		return dev;
	memset(args, 0, sizeof(*args));
	args->sock_fd = (uint32_t)sock;
	args->flags = flags;
	if (reset_fd != -1) {
		args->event_fd = (uint32_t)reset_fd;
		args->flags |= NTEVENT_SOCK_RESET;
	}
	return ntevent__ioctl(dev, NTEVENT_IOC_SOCK_ENUM, args);
}

NTEVENT_EXPORT int ntevent_sock_enum(int sock, int reset_fd, uint32_t *events,
				     int *errors)
{
	struct ntevent_sock_enum_args args;
	int ret, i;

	ret = ntevent_sock_ioc_enum(sock, reset_fd, 0, &args);
	if (ret < 0)
		return ret;
	*events = args.events;
	for (i = 0; i < NTEVENT_FD_MAX_EVENTS; i++)
		if (args.events & (1u << i))
			errors[i] = args.errors[i];
	return 0;
}

NTEVENT_EXPORT int ntevent_sock_mask(int sock)
{
	struct ntevent_sock_enum_args args;
	int ret = ntevent_sock_ioc_enum(sock, -1, NTEVENT_SOCK_PEEK, &args);

	return ret < 0 ? ret : (int)args.mask;
}

NTEVENT_EXPORT int ntevent_sock_enable(int sock, uint32_t events, int listener)
{
	struct ntevent_sock_enable_args args = {
		.sock_fd = (uint32_t)sock,
		.events = events,
	};
	int dev = ntevent__device();

	if (dev < 0)
		return dev;
	if (listener != -1) {
		args.from_fd = (uint32_t)listener;
		args.flags = NTEVENT_SOCK_INHERIT;
	}
	return ntevent__ioctl(dev, NTEVENT_IOC_SOCK_ENABLE, &args);
}

NTEVENT_EXPORT int ntevent_set(int fd, int *prev)
{
	return ntevent__ioctl(fd, NTEVENT_IOC_SET, prev);
}

NTEVENT_EXPORT int ntevent_reset(int fd, int *prev)
{
	return ntevent__ioctl(fd, NTEVENT_IOC_RESET, prev);
}

NTEVENT_EXPORT int ntevent_pulse(int fd, int *prev)
{
	return ntevent__ioctl(fd, NTEVENT_IOC_PULSE, prev);
}

NTEVENT_EXPORT int ntevent_clear(int fd)
{
	return ntevent__ioctl(fd, NTEVENT_IOC_CLEAR, NULL);
}

NTEVENT_EXPORT int ntevent_read(int fd, struct ntevent_state *state)
{
	return ntevent__ioctl(fd, NTEVENT_IOC_READ, state);	/* NULL: EFAULT */
}

/*
 * One wait ioctl. The kernel restarts a non-alertable wait after a signal
 * handler with the same arguments, hence the same absolute deadline; with
 * NTEVENT_WAIT_SIGNAL it rewrites args so the restart does not set the
 * signal event twice, which is why args lives here and is writable.
 */
static int ntevent_do_wait(unsigned long req, const int *fds,
			   unsigned int count, uint64_t deadline,
			   unsigned int flags, int signal_fd)
{
	struct ntevent_wait_args args = {
		.timeout = deadline,
		.fds = (uint64_t)(uintptr_t)fds,
		.count = count,
		.flags = flags,
	};
	int dev, ret;

	/* NTEVENT_WAIT_SIGNAL is the library's to set, never the caller's. */
	if (flags & ~(NTEVENT_WAIT_REALTIME | NTEVENT_WAIT_ALERTABLE))
		return -EINVAL;
	/*
	 * The kernel checks these too; here they come before the device is
	 * opened, so that a bad call is EINVAL/EFAULT whether or not the
	 * module is loaded (test/lib/no_device.c).
	 */
	if (!count || count > NTEVENT_MAX_WAIT_COUNT)
		return -EINVAL;
	if (!fds)
		return -EFAULT;
	if (signal_fd != -1) {
		args.flags |= NTEVENT_WAIT_SIGNAL;
		args.signal_fd = (uint32_t)signal_fd;
	}
	dev = ntevent__device();
	if (dev < 0)
		return dev;
	ret = ntevent__wait_ioctl(dev, req, &args);
	if (ret < 0)
		return ret;
	return (int)args.index;
}

NTEVENT_EXPORT int ntevent_wait(int fd, uint64_t deadline, unsigned int flags)
{
	return ntevent_do_wait(NTEVENT_IOC_WAIT_ANY, &fd, 1, deadline, flags, -1);
}

NTEVENT_EXPORT int ntevent_wait_any(const int *fds, unsigned int count,
				    uint64_t deadline, unsigned int flags)
{
	return ntevent_do_wait(NTEVENT_IOC_WAIT_ANY, fds, count, deadline,
			       flags, -1);
}

NTEVENT_EXPORT int ntevent_wait_all(const int *fds, unsigned int count,
				    uint64_t deadline, unsigned int flags)
{
	return ntevent_do_wait(NTEVENT_IOC_WAIT_ALL, fds, count, deadline,
			       flags, -1);
}

NTEVENT_EXPORT int ntevent_signal_and_wait(int signal_fd, int wait_fd,
					   uint64_t deadline,
					   unsigned int flags)
{
	/* -1 means "no signal" inside; as a descriptor it is simply bad. */
	if (signal_fd < 0)
		return -EBADF;
	return ntevent_do_wait(NTEVENT_IOC_WAIT_ANY, &wait_fd, 1, deadline,
			       flags, signal_fd);
}

NTEVENT_EXPORT int ntevent_close(int fd)
{
	int ret;

	/* The library's own device descriptor is not the caller's to close. */
	if (fd < 0 || fd == __atomic_load_n(&ntevent_dev_fd, __ATOMIC_ACQUIRE))
		return -EBADF;
	ret = ntevent__close(fd);
	/* Wait sets made before may name the event by its old number. */
	ntevent__waitset_retire();
	/* Linux frees the descriptor even when close() reports EINTR. */
	if (ret == -EINTR)
		ret = 0;
	return ret;
}

NTEVENT_EXPORT uint64_t ntevent_deadline_after(uint64_t ns)
{
	struct timespec ts;
	uint64_t now;

	if (ntevent__clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return NTEVENT_INFINITE;	/* cannot happen on Linux */
	now = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	/* The kernel takes any deadline from INT64_MAX on as "never". */
	if (ns >= (uint64_t)INT64_MAX - now)
		return NTEVENT_INFINITE;
	return now + ns;
}

NTEVENT_EXPORT void *ntevent_fd_to_handle(int fd)
{
	if (fd < 0 || fd > NTEVENT_HANDLE_MAX_FD)
		return NULL;
	return (void *)(((uintptr_t)fd + 1) << 2);
}

NTEVENT_EXPORT int ntevent_handle_to_fd(const void *handle)
{
	return ntevent__handle_fd(handle);
}

int ntevent__handle_close(const void *handle)
{
	int fd = ntevent_handle_to_fd(handle);

	/* Pseudo-handles cannot be closed either: -EBADF, not -EBADFD. */
	return fd < 0 ? -EBADF : ntevent_close(fd);
}
