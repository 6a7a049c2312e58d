// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: named events.
 *
 * A name is an NT object path, "\BaseNamedObjects\<name>", with 1 to
 * NTEVENT_NAME_MAX bytes of <name>, valid UTF-8 with neither a backslash
 * nor a control character in them. Names compare byte for byte. Each IPC
 * namespace has a set of names of its own, as it has its own POSIX message
 * queues (struct ntevent_domain, domain.c): a container does not see
 * another's.
 *
 * Who may open a name is decided the way POSIX IPC objects decide: the
 * creator's euid and egid own it, and its mode gives owner, group and
 * others read and write rights. Read grants QUERY_STATE and READ_CONTROL,
 * and SYNCHRONIZE on a notification event; write grants MODIFY_STATE,
 * DELETE, WRITE_DAC and WRITE_OWNER, and SYNCHRONIZE on a synchronization
 * event, because waiting on one consumes it: a reader must not be able to
 * take the sets meant for another waiter. CAP_IPC_OWNER in the user
 * namespace owning the IPC namespace overrides the mode.
 *
 * Names that kernel callers create cannot be squatted: a kernel open only
 * ever returns an event that a kernel caller created, of the type it asks
 * for; a user who created the name first makes it fail with -EEXIST.
 *
 * A user may own at most max_names_per_user names in one IPC namespace
 * (a module parameter; CAP_SYS_RESOURCE lifts it); the memory of names and events is charged to the
 * creator's memory cgroup.
 *
 * A name lives exactly as long as its event: the table holds no reference,
 * and the last put removes the entry under the domain's names_lock.
 */

#include <linux/cred.h>
#include <linux/jhash.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include <linux/ntevent.h>
#include <ntevent/kevent.h>

#include "ntevent_internal.h"

static unsigned int max_names_per_user = 65536;
module_param(max_names_per_user, uint, 0644);
MODULE_PARM_DESC(max_names_per_user,
		 "names one user may own in one IPC namespace (default 65536)");

#define NTEVENT_PREFIX_LEN	(sizeof(NTEVENT_NAME_PREFIX) - 1)

/* The key of the name table: the full path, not NUL-terminated. */
struct ntevent_name_key {
	const char *name;
	size_t len;
};

static u32 ntevent_name_hash(const void *data, u32 len, u32 seed)
{
	const struct ntevent_name_key *key = data;

	return jhash(key->name, key->len, seed);
}

static u32 ntevent_name_obj_hash(const void *data, u32 len, u32 seed)
{
	const struct ntevent_obj *obj = data;

	return jhash(obj->name, obj->name_len, seed);
}

static int ntevent_name_cmp(struct rhashtable_compare_arg *arg,
			    const void *data)
{
	const struct ntevent_name_key *key = arg->key;
	const struct ntevent_obj *obj = data;

	return obj->name_len != key->len || memcmp(obj->name, key->name,
						   key->len);
}

static const struct rhashtable_params ntevent_names_params = {
	.head_offset		= offsetof(struct ntevent_obj, node),
	.hashfn			= ntevent_name_hash,
	.obj_hashfn		= ntevent_name_obj_hash,
	.obj_cmpfn		= ntevent_name_cmp,
	.automatic_shrinking	= true,
};

int ntevent_names_init(struct ntevent_domain *d)
{
	return rhashtable_init(&d->names, &ntevent_names_params);
}

/* Context: process; the domain has no object left. */
void ntevent_names_destroy(struct ntevent_domain *d)
{
	rhashtable_destroy(&d->names);
	xa_destroy(&d->user_names);
}

/*
 * Count a name of uid in d, within the limit (which CAP_SYS_RESOURCE
 * lifts, as for POSIX message queues); names_lock held.
 */
static int ntevent_user_names_add(struct ntevent_domain *d, kuid_t uid,
				  int delta)
{
	unsigned long idx = __kuid_val(uid);
	void *cur = xa_load(&d->user_names, idx);
	unsigned long n = cur ? xa_to_value(cur) : 0;

	lockdep_assert_held(&d->names_lock);
	if (delta > 0 && n >= max_names_per_user &&
	    !capable(CAP_SYS_RESOURCE))
		return -ENOSPC;
	n += delta;
	if (!n) {
		xa_erase(&d->user_names, idx);
		return 0;
	}
	return xa_err(xa_store(&d->user_names, idx, xa_mk_value(n),
			       GFP_KERNEL_ACCOUNT));
}

/* Called with the domain's names_lock held, which it drops. */
static void ntevent_obj_release_named(struct kref *ref)
{
	struct ntevent_obj *obj = container_of(ref, struct ntevent_obj, ref);
	struct ntevent_domain *d = obj->ev.domain;

	rhashtable_remove_fast(&d->names, &obj->node, ntevent_names_params);
	ntevent_user_names_add(d, obj->uid, -1);
	mutex_unlock(&d->names_lock);
	ntevent_obj_free(obj);
}

/*
 * Drop a reference to a named event: the last one takes the name out of
 * the table under the names_lock, so that a lookup never meets an object
 * on its way out. Context: process.
 */
void ntevent_name_put(struct ntevent_obj *obj)
{
	kref_put_mutex(&obj->ref, ntevent_obj_release_named,
		       &obj->ev.domain->names_lock);
}

/* Is s[0..len) valid UTF-8 (shortest forms, no surrogates, <= U+10FFFF)? */
static bool ntevent_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		unsigned int n, c, min;

		if (*p < 0x80) {
			p++;
			continue;
		} else if ((*p & 0xe0) == 0xc0) {
			n = 1, c = *p & 0x1f, min = 0x80;
		} else if ((*p & 0xf0) == 0xe0) {
			n = 2, c = *p & 0x0f, min = 0x800;
		} else if ((*p & 0xf8) == 0xf0) {
			n = 3, c = *p & 0x07, min = 0x10000;
		} else {
			return false;
		}
		if (end - p <= n)
			return false;
		while (n--) {
			if ((*++p & 0xc0) != 0x80)
				return false;
			c = c << 6 | (*p & 0x3f);
		}
		p++;
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return false;
	}
	return true;
}

/**
 * ntevent_name_check() - is this a well-formed event name?
 * @name: the NT path (need not be NUL-terminated)
 * @len:  its length in bytes
 *
 * Return: 0, -ENAMETOOLONG if the part after the prefix is longer than
 * %NTEVENT_NAME_MAX, -EILSEQ if the prefix is missing, the rest is empty,
 * is not valid UTF-8 or holds a backslash or a control character (NUL
 * included: names appear in fdinfo, one per line).
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
	return ntevent_utf8_valid(name + NTEVENT_PREFIX_LEN,
				  len - NTEVENT_PREFIX_LEN) ? 0 : -EILSEQ;
}

static u32 ntevent_mode_rights(umode_t bits, bool auto_reset)
{
	u32 r = 0;

	if (bits & 4)
		r |= NTEVENT_MODE_READ_RIGHTS |
		     (auto_reset ? 0 : NTEVENT_SYNCHRONIZE);
	if (bits & 2)
		r |= NTEVENT_MODE_WRITE_RIGHTS |
		     (auto_reset ? NTEVENT_SYNCHRONIZE : 0);
	return r;
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
	granted = ntevent_mode_rights(bits & 7,
				      ntevent_is_auto_reset(&obj->ev));
	/*
	 * An open that asks for no right still needs the mode to grant the
	 * caller something, as NT's access check does: otherwise anyone could
	 * hold any name open, and keep it alive.
	 */
	if (access ? !(access & ~granted) : granted)
		return 0;
	if (ns_capable(obj->ev.domain->user_ns, CAP_IPC_OWNER))
		return 0;
	return -EACCES;
}

/*
 * May a kernel caller adopt obj? Only an event a kernel caller created, of
 * the type asked for when creating: a user cannot squat a driver's name.
 */
static int ntevent_name_kernel_check(struct ntevent_obj *obj,
				     unsigned int flags, bool auto_reset)
{
	if (!obj->kernel)
		return -EEXIST;
	if ((flags & NTEVENT_OPEN_CREATE) &&
	    ntevent_is_auto_reset(&obj->ev) != auto_reset)
		return -EEXIST;
	return 0;
}

/* A named event not yet in the table (ntevent_name_open()). */
static struct ntevent_obj *ntevent_name_new(const char *name, size_t len,
					    bool auto_reset, bool signaled,
					    umode_t mode, bool kernel)
{
	struct ntevent_obj *obj = ntevent_obj_new(auto_reset, signaled, kernel);

	if (!obj)
		return NULL;
	obj->name = kmemdup_nul(name, len, GFP_KERNEL_ACCOUNT);
	if (!obj->name) {
		ntevent_obj_free(obj);
		return NULL;
	}
	obj->name_len = len;
	obj->mode = mode & 0777;
	if (kernel) {
		obj->uid = GLOBAL_ROOT_UID;
		obj->gid = GLOBAL_ROOT_GID;
	} else {
		obj->uid = current_euid();
		obj->gid = current_egid();
	}
	return obj;
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
 * @kernel:     a kernel caller: the initial IPC namespace, owned by root,
 *              no permission check, only a kernel event of its type adopted
 * @created:    out: whether the event was created
 *
 * Context: process.
 * Return: a referenced object or an ERR_PTR: -ENOENT, -EEXIST, -EACCES,
 * -ENOSPC (the user's max_names_per_user), -ENOMEM.
 */
struct ntevent_obj *ntevent_name_open(const char *name, size_t len,
				      unsigned int flags, bool auto_reset,
				      bool signaled, umode_t mode, u32 access,
				      bool kernel, bool *created)
{
	struct ntevent_name_key key = { .name = name, .len = len };
	struct ntevent_obj *obj, *new = NULL;
	struct ntevent_domain *d;
	int ret;

	*created = false;
	if (flags & NTEVENT_OPEN_CREATE) {
		/* Allocate outside the lock; freed if the name exists. */
		new = ntevent_name_new(name, len, auto_reset, signaled, mode,
				       kernel);
		if (!new)
			return ERR_PTR(-ENOMEM);
		d = new->ev.domain;
	} else {
		d = ntevent_domain_get(kernel);
		if (!d)
			return ERR_PTR(-ENOMEM);
	}

	mutex_lock(&d->names_lock);
	obj = rhashtable_lookup_fast(&d->names, &key, ntevent_names_params);
	if (obj) {
		ret = 0;
		if (flags & NTEVENT_OPEN_EXCL)
			ret = -EEXIST;
		else if (kernel)
			ret = ntevent_name_kernel_check(obj, flags, auto_reset);
		else
			ret = ntevent_name_permission(obj, access);
		if (!ret)
			kref_get(&obj->ref);
		else
			obj = ERR_PTR(ret);
	} else if (!(flags & NTEVENT_OPEN_CREATE)) {
		obj = ERR_PTR(-ENOENT);
	} else {
		ret = ntevent_user_names_add(d, new->uid, 1);
		if (!ret) {
			/* Fails only for memory (a table it cannot grow). */
			if (rhashtable_insert_fast(&d->names, &new->node,
						   ntevent_names_params)) {
				ntevent_user_names_add(d, new->uid, -1);
				ret = -ENOMEM;
			}
		}
		if (!ret) {
			obj = new;
			new = NULL;
			*created = true;
		} else {
			obj = ERR_PTR(ret);
		}
	}
	mutex_unlock(&d->names_lock);

	if (new)
		ntevent_obj_free(new);
	if (!(flags & NTEVENT_OPEN_CREATE))
		ntevent_domain_put(d);
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
 * The event lives in the initial IPC namespace, where user programs can
 * open it by name if @mode lets them. Only an event that kernel code
 * created, of the type asked for with %NTEVENT_KOPEN_CREATE, is ever
 * opened: a name a user took first is -EEXIST. Release it with
 * ntevent_put_named().
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
EXPORT_SYMBOL_NS_GPL(ntevent_open_named, NTEVENT_NS);

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
EXPORT_SYMBOL_NS_GPL(ntevent_put_named, NTEVENT_NS);
