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

#endif /* NTEVENT_INTERNAL_H */
