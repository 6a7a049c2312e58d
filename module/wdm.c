// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: what <ntevent/wdm.h> needs from the module: IoCreate*Event
 * (a UTF-16 name, an event created signaled, NULL on failure).
 */

#include <linux/module.h>
#include <linux/nls.h>
#include <linux/slab.h>

#include <linux/ntevent.h>
#include <ntevent/kevent.h>

/*
 * Is this UTF-16 an event name's worth: no NUL, and every surrogate in a
 * pair? (utf16s_to_utf8s() would drop a lone surrogate silently.)
 */
static bool ntevent_utf16_valid(const u16 *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!s[i] || (s[i] >= 0xdc00 && s[i] <= 0xdfff))
			return false;
		if (s[i] >= 0xd800 && s[i] <= 0xdbff &&
		    (++i == n || s[i] < 0xdc00 || s[i] > 0xdfff))
			return false;
	}
	return true;
}

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
	size_t n = len_bytes / 2, max;
	struct ntevent *ev;
	char *utf8;
	int len;

	/* A valid name is ASCII prefix + at most 255 bytes: 3 per unit is ample */
	if (!n || n > sizeof(NTEVENT_NAME_PREFIX) - 1 + NTEVENT_NAME_MAX ||
	    !ntevent_utf16_valid(name, n))
		return NULL;
	max = n * 3;
	utf8 = kmalloc(max + 1, GFP_KERNEL);
	if (!utf8)
		return NULL;
	len = utf16s_to_utf8s((const wchar_t *)name, n, UTF16_HOST_ENDIAN,
			      utf8, max);
	utf8[len] = '\0';
	ev = ntevent_open_named(utf8, NTEVENT_KOPEN_CREATE, auto_reset, true,
				0644, NULL);
	kfree(utf8);
	return IS_ERR(ev) ? NULL : ev;
}
EXPORT_SYMBOL_NS_GPL(ntevent_io_create_event, NTEVENT_NS);
