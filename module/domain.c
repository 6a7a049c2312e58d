// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: domains, one per IPC namespace.
 *
 * A domain holds what the events of one IPC namespace share and no other
 * namespace may touch: the lock of their wait-alls (core.c) and their names
 * (names.c). An event belongs to the domain of the process that created it;
 * events of kernel callers, embedded (ntevent_init()) or named, belong to
 * the initial domain, which is static. Other domains are made when their
 * namespace creates its first event and freed with its last one; a domain
 * holds a reference to its namespace, so that a namespace that dies while
 * its events live on (passed to another namespace) is not mistaken for a
 * new one at the same address.
 *
 * The table of domains is read under RCU; ntevent_domains_lock serialises
 * the first event of a namespace and the last, and nothing else.
 */

#include <linux/hashtable.h>
#include <linux/ipc_namespace.h>
#include <linux/nsproxy.h>
#include <linux/proc_ns.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include "ntevent_internal.h"

struct ntevent_domain ntevent_init_domain = {
	.all_lock = __RAW_SPIN_LOCK_UNLOCKED(ntevent_init_domain.all_lock),
	.user_ns = &init_user_ns,
	.names_lock = __MUTEX_INITIALIZER(ntevent_init_domain.names_lock),
	.user_names = XARRAY_INIT(ntevent_init_domain.user_names, 0),
};

/* Protects ntevent_domains against writers; readers use RCU. */
static DEFINE_MUTEX(ntevent_domains_lock);
static DEFINE_HASHTABLE(ntevent_domains, 6);

/* init_ipc_ns is not exported on every kernel; its inode number is fixed. */
static bool ntevent_ns_is_init(struct ipc_namespace *ns)
{
	return ns->ns.inum == PROC_IPC_INIT_INO;
}

static struct ntevent_domain *ntevent_domain_lookup(struct ipc_namespace *ns)
{
	struct ntevent_domain *d;

	hash_for_each_possible_rcu(ntevent_domains, d, node, (unsigned long)ns)
		if (d->ns == ns && refcount_inc_not_zero(&d->ref))
			return d;
	return NULL;
}

static struct ntevent_domain *ntevent_domain_new(struct ipc_namespace *ns)
{
	struct ntevent_domain *d = kzalloc(sizeof(*d), GFP_KERNEL_ACCOUNT);

	if (!d)
		return NULL;
	raw_spin_lock_init(&d->all_lock);
	refcount_set(&d->ref, 1);
	mutex_init(&d->names_lock);
	xa_init(&d->user_names);
	if (ntevent_names_init(d)) {
		kfree(d);
		return NULL;
	}
	d->ns = get_ipc_ns(ns);
	d->user_ns = ns->user_ns;
	return d;
}

/**
 * ntevent_domain_get() - the domain of the current task's IPC namespace
 * @kernel: a kernel caller: the initial domain, whatever the task
 *
 * Context: process.
 * Return: a referenced domain, or NULL when out of memory.
 */
struct ntevent_domain *ntevent_domain_get(bool kernel)
{
	struct ipc_namespace *ns;
	struct ntevent_domain *d;

	if (kernel)
		return &ntevent_init_domain;
	ns = current->nsproxy->ipc_ns;
	if (ntevent_ns_is_init(ns))
		return &ntevent_init_domain;

	rcu_read_lock();
	d = ntevent_domain_lookup(ns);
	rcu_read_unlock();
	if (d)
		return d;

	mutex_lock(&ntevent_domains_lock);
	d = ntevent_domain_lookup(ns);
	if (!d) {
		d = ntevent_domain_new(ns);
		if (d)
			hash_add_rcu(ntevent_domains, &d->node,
				     (unsigned long)ns);
	}
	mutex_unlock(&ntevent_domains_lock);
	return d;
}

/**
 * ntevent_domain_put() - drop a reference from ntevent_domain_get()
 * @d: the domain
 *
 * Context: process.
 */
void ntevent_domain_put(struct ntevent_domain *d)
{
	struct ipc_namespace *ns = d->ns;

	if (d == &ntevent_init_domain)
		return;
	if (!refcount_dec_and_mutex_lock(&d->ref, &ntevent_domains_lock))
		return;
	hash_del_rcu(&d->node);
	mutex_unlock(&ntevent_domains_lock);
	ntevent_names_destroy(d);
	/* put_ipc_ns() is not exported on every kernel: nsfs's way. */
	ns->ns.ops->put(&ns->ns);
	kfree_rcu(d, rcu);
}

int ntevent_domains_init(void)
{
	return ntevent_names_init(&ntevent_init_domain);
}

void ntevent_domains_exit(void)
{
	rcu_barrier();	/* the kfree_rcu() of the last domains */
	ntevent_names_destroy(&ntevent_init_domain);
}
