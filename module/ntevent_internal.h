/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntevent: what the core, the domains, the objects, the names and the
 * device share.
 */
#ifndef _NTEVENT_INTERNAL_H
#define _NTEVENT_INTERNAL_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/rhashtable-types.h>
#include <linux/uidgid.h>
#include <linux/xarray.h>

#include <ntevent/kevent.h>

struct ipc_namespace;
struct socket;

/**
 * struct ntevent_domain - the events and names of one IPC namespace
 * @all_lock:   taken before more than one event lock of the domain (a
 *              wait-all); see the locking comment in core.c
 * @ref:        one per event object of the domain; the initial domain is
 *              static and not counted
 * @ns:         the IPC namespace, referenced (so that its address is not
 *              reused while the domain lives); NULL for the initial domain;
 *              constant
 * @user_ns:    the user namespace owning @ns: CAP_IPC_OWNER there overrides
 *              the mode of a name; constant
 * @node:       link in the domain table; domain table lock, RCU readers
 * @rcu:        frees the domain after RCU readers of the table
 * @names_lock: protects @names, @user_names and the @node of every named
 *              object of the domain
 * @names:      the named events, by name
 * @user_names: how many names each owner (by kuid) has here
 */
struct ntevent_domain {
	raw_spinlock_t all_lock;
	refcount_t ref;
	struct ipc_namespace *ns;
	struct user_namespace *user_ns;
	struct hlist_node node;
	struct rcu_head rcu;
	struct mutex names_lock;	/* see the kernel-doc above */
	struct rhashtable names;
	struct xarray user_names;
};

extern struct ntevent_domain ntevent_init_domain;

/**
 * struct ntevent_obj - an event reached through descriptors or by name
 * @ref:      one reference per descriptor and per kernel user
 * @ev:       the event; ev.domain is referenced by the object
 * @node:     link in the domain's name table; its names_lock
 * @name:     the full NT path, NUL-terminated, or NULL if anonymous;
 *            constant
 * @name_len: length of @name; constant
 * @uid:      owner (the creator's euid); constant
 * @gid:      group (the creator's egid); constant
 * @mode:     permission bits; constant
 * @kernel:   created by a kernel caller (ntevent_open_named()); constant
 * @rcu:      frees the object (see ntevent_quiesce())
 *
 * The last reference of a named event removes it from the table under the
 * domain's names_lock (kref_put_mutex), so a lookup under that lock never
 * meets an object whose count has reached zero.
 */
struct ntevent_obj {
	struct kref ref;
	struct ntevent ev;
	struct rhash_head node;
	char *name;
	unsigned int name_len;
	kuid_t uid;
	kgid_t gid;
	umode_t mode;
	bool kernel;
	struct rcu_head rcu;
};

bool ntevent_poll_state(struct ntevent *ev);
bool ntevent_try_claim(struct ntevent *ev);

/* The state read without the lock: a hint; ntevent_try_claim() decides. */
static inline bool ntevent_signaled_hint(const struct ntevent *ev)
{
	return READ_ONCE(ev->signaled);
}

void ntevent_quiesce(struct ntevent *ev);
int __ntevent_wait_multiple(unsigned int count, struct ntevent *const *evs,
			    unsigned int flags, clockid_t clock,
			    ktime_t deadline, struct ntevent *signal, gfp_t gfp);

int ntevent_domains_init(void);
void ntevent_domains_exit(void);
struct ntevent_domain *ntevent_domain_get(bool kernel);
void ntevent_domain_put(struct ntevent_domain *d);
int ntevent_names_init(struct ntevent_domain *d);
void ntevent_names_destroy(struct ntevent_domain *d);

struct ntevent_obj *ntevent_obj_new(bool auto_reset, bool signaled,
				    bool kernel);
void ntevent_obj_free(struct ntevent_obj *obj);
void ntevent_obj_put(struct ntevent_obj *obj);
void ntevent_name_put(struct ntevent_obj *obj);
int ntevent_name_check(const char *name, size_t len);
struct ntevent_obj *ntevent_name_open(const char *name, size_t len,
				      unsigned int flags, bool auto_reset,
				      bool signaled, umode_t mode, u32 access,
				      bool kernel, bool *created);

int __ntevent_sock_select(struct socket *sock, struct ntevent *ev,
			  struct ntevent_obj *obj, u32 mask, gfp_t gfp);
void ntevent_sock_unenum(struct socket *sock, u32 events);
void ntevent_socks_exit(void);

#endif /* _NTEVENT_INTERNAL_H */
