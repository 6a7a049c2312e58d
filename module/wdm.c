// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: what <ntevent/wdm.h> needs from the module: IoCreate*Event
 * (a UTF-16 name, an event created signaled, NULL on failure).
 */

#include <linux/module.h>
#include <linux/slab.h>

#include <linux/ntevent.h>
#include <ntevent/kevent.h>

/**
 * ntevent_io_create_event() - IoCreateNotificationEvent and
 * IoCreateSynchronizationEvent
 * @name:       UTF-16 NT path, not NUL-terminated
 * @len_bytes:  its length in bytes (UNICODE_STRING.Length)
 * @auto_reset: synchronization (true) or notification event
 *
 * Opens the named event a kernel caller made with this type, or creates it
 * signaled if absent, mode 0644: any user may query it, and wait on it if
 * it is a notification event; root may set it (and wait on a
 * synchronization event).
 *
 * Context: process.
 * Return: the event, or NULL (as Windows' calls do) on a bad name, no
 * memory, or a name that a user or a kernel event of the other type holds.
 * Release it with ntevent_put_named() (ZwClose()).
 */
struct ntevent *ntevent_io_create_event(const u16 *name, size_t len_bytes,
					bool auto_reset)
{
	size_t i, n = len_bytes / 2;
	struct ntevent *ev;
	char *utf8, *p;

	/* A valid name is ASCII prefix + at most 255 bytes: 4 per unit is ample */
	if (!n || n > sizeof(NTEVENT_NAME_PREFIX) - 1 + NTEVENT_NAME_MAX)
		return NULL;
	utf8 = kmalloc(n * 3 + 1, GFP_KERNEL);
	if (!utf8)
		return NULL;
	for (p = utf8, i = 0; i < n; i++) {
		u32 c = name[i];

		if (c >= 0xd800 && c <= 0xdbff && i + 1 < n &&
		    name[i + 1] >= 0xdc00 && name[i + 1] <= 0xdfff) {
			/* a surrogate pair: 4 bytes for 2 units */
			c = 0x10000 + ((c - 0xd800) << 10) + (name[++i] - 0xdc00);
			*p++ = 0xf0 | (c >> 18);
			*p++ = 0x80 | ((c >> 12) & 0x3f);
			*p++ = 0x80 | ((c >> 6) & 0x3f);
			*p++ = 0x80 | (c & 0x3f);
		} else if ((c >= 0xd800 && c <= 0xdfff) || !c) {
			kfree(utf8);	/* a lone surrogate, or a NUL */
			return NULL;
		} else if (c < 0x80) {
			*p++ = c;
		} else if (c < 0x800) {
			*p++ = 0xc0 | (c >> 6);
			*p++ = 0x80 | (c & 0x3f);
		} else {
			*p++ = 0xe0 | (c >> 12);
			*p++ = 0x80 | ((c >> 6) & 0x3f);
			*p++ = 0x80 | (c & 0x3f);
		}
	}
	*p = '\0';
	ev = ntevent_open_named(utf8, NTEVENT_KOPEN_CREATE, auto_reset, true,
				0644, NULL);
	kfree(utf8);
	return IS_ERR(ev) ? NULL : ev;
}
EXPORT_SYMBOL_NS_GPL(ntevent_io_create_event, NTEVENT);
