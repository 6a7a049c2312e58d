// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: named events.
 *
 * A name is an NT object path, "\BaseNamedObjects\<name>", with 1 to
 * NTEVENT_NAME_MAX bytes of <name> and neither a backslash nor a control
 * character in them. Names compare byte for byte. Each user namespace has a set of
 * names of its own: a container does not see another's.
 *
 * Who may open a name is decided the way POSIX IPC objects decide: the
 * creator's euid and egid own it, and its mode gives owner, group and
 * others read (query, wait) and write (set, reset, pulse) rights.
 * CAP_IPC_OWNER in the name's user namespace overrides the mode.
 *
 * A name lives exactly as long as its event: the table holds no reference,
 * and the last put removes the entry under ntevent_names_lock.
 */

#include <linux/cred.h>
#include <linux/hashtable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/stringhash.h>

#include <linux/ntevent.h>
#include <ntevent/kevent.h>

#include "ntevent_internal.h"

/* Protects ntevent_names and every ntevent_obj.node. */
static DEFINE_MUTEX(ntevent_names_lock);
static DEFINE_HASHTABLE(ntevent_names, 8);

#define NTEVENT_PREFIX_LEN	(sizeof(NTEVENT_NAME_PREFIX) - 1)

/* Rights a read or write permission bit grants. */
#define NTEVENT_READ_RIGHTS	(NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE | \
				 NTEVENT_READ_CONTROL)
#define NTEVENT_WRITE_RIGHTS	(NTEVENT_MODIFY_STATE | NTEVENT_DELETE | \
				 NTEVENT_WRITE_DAC | NTEVENT_WRITE_OWNER)

struct ntevent_obj *ntevent_obj_new(bool auto_reset, bool signaled)
{
	struct ntevent_obj *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	kref_init(&obj->ref);
	ntevent_init(&obj->ev, auto_reset, signaled);
	return obj;
}

static void ntevent_obj_free(struct ntevent_obj *obj)
{
	if (obj->user_ns)
		put_user_ns(obj->user_ns);
	kfree(obj->name);
	kfree(obj);
}

static void ntevent_obj_release(struct kref *ref)
{
	ntevent_obj_free(container_of(ref, struct ntevent_obj, ref));
}

/* Called with ntevent_names_lock held, which it drops. */
static void ntevent_obj_release_named(struct kref *ref)
{
	struct ntevent_obj *obj = container_of(ref, struct ntevent_obj, ref);

	hash_del(&obj->node);
	mutex_unlock(&ntevent_names_lock);
	ntevent_obj_free(obj);
}

/* Drop a reference. Context: process (a named event takes a mutex). */
void ntevent_obj_put(struct ntevent_obj *obj)
{
	if (!obj->name)
		kref_put(&obj->ref, ntevent_obj_release);
	else
		kref_put_mutex(&obj->ref, ntevent_obj_release_named,
			       &ntevent_names_lock);
}

/**
 * ntevent_name_check() - is this a well-formed event name?
 * @name: the NT path (need not be NUL-terminated)
 * @len:  its length in bytes
 *
 * Return: 0, -ENAMETOOLONG if the part after the prefix is longer than
 * %NTEVENT_NAME_MAX, -EILSEQ if the prefix is missing, the rest is empty or
 * holds a backslash or a control character (NUL included: names appear
 * in fdinfo, one per line).
 */
int ntevent_name_check(const char *name, size_t len)
{
	size_t i;

	if (len <= NTEVENT_PREFIX_LEN ||
	    memcmp(name, NTEVENT_NAME_PREFIX, NTEVENT_PREFIX_LEN))
		return -EILSEQ;
	if (len - NTEVENT_PREFIX_LEN > NTEVENT_NAME_MAX)
		return -ENAMETOOLONG;
	for (i = NTEVENT_PREFIX_LEN; i < len; i++)
		if (name[i] == '\\' || (unsigned char)name[i] < 0x20 ||
		    name[i] == 0x7f)
			return -EILSEQ;
	return 0;
}

static u32 ntevent_mode_rights(umode_t bits)
{
	return (bits & 4 ? NTEVENT_READ_RIGHTS : 0) |
	       (bits & 2 ? NTEVENT_WRITE_RIGHTS : 0);
}

/* May the current task open obj with these rights? */
static int ntevent_name_permission(struct ntevent_obj *obj, u32 access)
{
	umode_t bits = obj->mode;
	u32 granted;

	if (uid_eq(current_euid(), obj->uid))
		bits >>= 6;
	else if (in_egroup_p(obj->gid))
		bits >>= 3;
	granted = ntevent_mode_rights(bits & 7);
	/*
	 * An open that asks for no right still needs the mode to grant the
	 * caller something, as NT's access check does: otherwise anyone could
	 * hold any name open, and keep it alive.
	 */
	if (access ? !(access & ~granted) : granted)
		return 0;
	if (ns_capable(obj->user_ns, CAP_IPC_OWNER))
		return 0;
	return -EACCES;
}

static struct ntevent_obj *ntevent_name_lookup(struct user_namespace *ns,
					       const char *name, size_t len,
					       u32 hash)
{
	struct ntevent_obj *obj;

	lockdep_assert_held(&ntevent_names_lock);
	hash_for_each_possible(ntevent_names, obj, node, hash) {
		if (obj->user_ns == ns && obj->name_len == len &&
		    !memcmp(obj->name, name, len))
			return obj;
	}
	return NULL;
}

/**
 * ntevent_name_open() - open, or create, a named event
 * @name:       the NT path, already checked by ntevent_name_check()
 * @len:        its length
 * @flags:      %NTEVENT_OPEN_CREATE, %NTEVENT_OPEN_EXCL
 * @auto_reset: type of a new event
 * @signaled:   initial state of a new event
 * @mode:       permission bits of a new event
 * @access:     rights wanted, checked against the mode of an existing
 *              event unless @kernel
 * @kernel:     a kernel caller: the initial user namespace, owned by root,
 *              no permission check
 * @created:    out: whether the event was created
 *
 * Context: process.
 * Return: a referenced object or an ERR_PTR: -ENOENT, -EEXIST, -EACCES,
 * -ENOMEM.
 */
struct ntevent_obj *ntevent_name_open(const char *name, size_t len,
				      unsigned int flags, bool auto_reset,
				      bool signaled, umode_t mode, u32 access,
				      bool kernel, bool *created)
{
	struct user_namespace *ns = kernel ? &init_user_ns : current_user_ns();
	struct ntevent_obj *obj, *new = NULL;
	u32 hash = full_name_hash(ns, name, len);
	int ret;

	*created = false;
	if (flags & NTEVENT_OPEN_CREATE) {
		/* Allocate outside the lock; freed if the name exists. */
		new = ntevent_obj_new(auto_reset, signaled);
		if (!new)
			return ERR_PTR(-ENOMEM);
		new->name = kmemdup_nul(name, len, GFP_KERNEL);
		if (!new->name) {
			kfree(new);
			return ERR_PTR(-ENOMEM);
		}
		new->name_len = len;
		new->mode = mode & 0777;
		if (kernel) {
			new->uid = GLOBAL_ROOT_UID;
			new->gid = GLOBAL_ROOT_GID;
		} else {
			new->uid = current_euid();
			new->gid = current_egid();
		}
	}

	mutex_lock(&ntevent_names_lock);
	obj = ntevent_name_lookup(ns, name, len, hash);
	if (obj) {
		ret = 0;
		if (flags & NTEVENT_OPEN_EXCL)
			ret = -EEXIST;
		else if (!kernel)
			ret = ntevent_name_permission(obj, access);
		if (!ret)
			kref_get(&obj->ref);
		else
			obj = ERR_PTR(ret);
	} else if (new) {
		new->user_ns = get_user_ns(ns);
		hash_add(ntevent_names, &new->node, hash);
		obj = new;
		new = NULL;
		*created = true;
	} else {
		obj = ERR_PTR(-ENOENT);
	}
	mutex_unlock(&ntevent_names_lock);

	if (new) {
		kfree(new->name);
		kfree(new);
	}
	return obj;
}

/**
 * ntevent_open_named() - create or open a named event from kernel code
 * @name:       NUL-terminated NT path, "\BaseNamedObjects\<name>"
 * @flags:      %NTEVENT_KOPEN_CREATE to create it if absent,
 *              %NTEVENT_KOPEN_EXCL to fail if present; 0 opens only
 * @auto_reset: type of a new event
 * @signaled:   initial state of a new event
 * @mode:       permission bits of a new event for user space (owner root)
 * @created:    out, may be NULL: whether the event was created
 *
 * The event lives in the initial user namespace, where user programs can
 * open it by name if @mode lets them. Release it with ntevent_put_named().
 *
 * Context: process.
 * Return: the event, or an ERR_PTR: -EILSEQ or -ENAMETOOLONG for a bad
 * name, -EINVAL for bad flags, -ENOENT, -EEXIST, -ENOMEM.
 */
struct ntevent *ntevent_open_named(const char *name, unsigned int flags,
				   bool auto_reset, bool signaled,
				   umode_t mode, bool *created)
{
	struct ntevent_obj *obj;
	size_t len = strlen(name);
	bool made;
	int ret;

	BUILD_BUG_ON(NTEVENT_KOPEN_CREATE != NTEVENT_OPEN_CREATE);
	BUILD_BUG_ON(NTEVENT_KOPEN_EXCL != NTEVENT_OPEN_EXCL);
	if ((flags & ~NTEVENT_OPEN_FLAGS) ||
	    flags == NTEVENT_OPEN_EXCL || (mode & ~0777))
		return ERR_PTR(-EINVAL);
	ret = ntevent_name_check(name, len);
	if (ret)
		return ERR_PTR(ret);
	obj = ntevent_name_open(name, len, flags, auto_reset, signaled, mode,
				0, true, &made);
	if (IS_ERR(obj))
		return ERR_CAST(obj);
	if (created)
		*created = made;
	return &obj->ev;
}
EXPORT_SYMBOL_NS_GPL(ntevent_open_named, NTEVENT);

/**
 * ntevent_put_named() - release an event from ntevent_open_named()
 * @ev: the event
 *
 * The name disappears with the last reference, kernel or descriptor.
 *
 * Context: process; may sleep.
 */
void ntevent_put_named(struct ntevent *ev)
{
	ntevent_obj_put(container_of(ev, struct ntevent_obj, ev));
}
EXPORT_SYMBOL_NS_GPL(ntevent_put_named, NTEVENT);

/**
 * ntevent_io_create_event() - IoCreateNotificationEvent and
 * IoCreateSynchronizationEvent
 * @name:       UTF-16 NT path, not NUL-terminated
 * @len_bytes:  its length in bytes (UNICODE_STRING.Length)
 * @auto_reset: synchronization (true) or notification event
 *
 * Opens the named event, or creates it signaled if absent, mode 0644 (any
 * user may wait on it and query it, root may set it).
 *
 * Context: process.
 * Return: the event, or NULL (as Windows' calls do) on a bad name or no
 * memory. Release it with ntevent_put_named() (ZwClose()).
 */
struct ntevent *ntevent_io_create_event(const u16 *name, size_t len_bytes,
					bool auto_reset)
{
	size_t i, n = len_bytes / 2;
	struct ntevent *ev;
	char *utf8, *p;

	/* A valid name is ASCII prefix + at most 255 bytes: 4 per unit is ample */
	if (!n || n > NTEVENT_PREFIX_LEN + NTEVENT_NAME_MAX)
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
