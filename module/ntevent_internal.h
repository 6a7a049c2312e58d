/* SPDX-License-Identifier: GPL-2.0 */
/* ntevent: what the core, the names and the device layer share. */
#ifndef _NTEVENT_INTERNAL_H
#define _NTEVENT_INTERNAL_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/uidgid.h>
#include <linux/user_namespace.h>

#include <ntevent/kevent.h>

/**
 * struct ntevent_obj - an event reached through descriptors or by name
 * @ref:      one reference per descriptor and per kernel user
 * @ev:       the event
 * @node:     link in the name table; ntevent_names_lock
 * @name:     the full NT path, NUL-terminated, or NULL if anonymous;
 *            constant
 * @name_len: length of @name; constant
 * @user_ns:  namespace of the name, referenced; constant
 * @uid:      owner (the creator's euid); constant
 * @gid:      group (the creator's egid); constant
 * @mode:     permission bits; constant
 *
 * The last reference of a named event removes it from the table under
 * ntevent_names_lock (kref_put_mutex), so a lookup under that lock never
 * meets an object whose count has reached zero.
 */
struct ntevent_obj {
	struct kref ref;
	struct ntevent ev;
	struct hlist_node node;
	char *name;
	unsigned int name_len;
	struct user_namespace *user_ns;
	kuid_t uid;
	kgid_t gid;
	umode_t mode;
};

bool ntevent_poll_state(struct ntevent *ev);

struct ntevent_obj *ntevent_obj_new(bool auto_reset, bool signaled);
void ntevent_obj_put(struct ntevent_obj *obj);
int ntevent_name_check(const char *name, size_t len);
struct ntevent_obj *ntevent_name_open(const char *name, size_t len,
				      unsigned int flags, bool auto_reset,
				      bool signaled, umode_t mode, u32 access,
				      bool kernel, bool *created);

#endif /* _NTEVENT_INTERNAL_H */
