/* SPDX-License-Identifier: LGPL-2.1-or-later OR MIT */
/* libntevent: what the library's files share; nothing here is exported. */
#ifndef NTEVENT_INTERNAL_H
#define NTEVENT_INTERNAL_H

#include <ntevent.h>

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
 * An event operation (ntevent_set, _reset, _pulse) on the descriptor a
 * HANDLE names: 0 or -errno, -EBADF/-EBADFD for a handle that names none.
 */
int ntevent__handle_op(const void *handle, int (*op)(int fd, int *prev),
		       int *prev);

/* Close the descriptor a HANDLE names; any bad handle is -EBADF. */
int ntevent__handle_close(const void *handle);

#endif /* NTEVENT_INTERNAL_H */
