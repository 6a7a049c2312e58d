// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: the lifetime of an event object reached through descriptors or
 * by name (struct ntevent_obj).
 *
 * An object is born with one reference (its creator's descriptor, or a
 * kernel caller's), belongs to the domain of its creator's IPC namespace
 * and holds a reference to that domain. Every descriptor and every kernel
 * user holds a reference; the last put frees the object, after taking its
 * name, if any, out of the name table (names.c). The memory goes after an
 * RCU grace period, once no poll wake-up of the event can be pending
 * (ntevent_quiesce()).
 */

#include <linux/slab.h>

#include "ntevent_internal.h"

/**
 * ntevent_obj_new() - a new, anonymous event object
 * @auto_reset: synchronization (true) or notification event
 * @signaled:   initial state
 * @kernel:     a kernel caller: the initial IPC namespace's domain
 *
 * The object belongs to the current task's IPC namespace. Its memory is
 * charged to the caller's memory cgroup.
 *
 * Context: process.
 * Return: the object with one reference, or NULL when out of memory.
 */
struct ntevent_obj *ntevent_obj_new(bool auto_reset, bool signaled,
				    bool kernel)
{
	struct ntevent_obj *obj = kzalloc(sizeof(*obj), GFP_KERNEL_ACCOUNT);
	struct ntevent_domain *d;

	if (!obj)
		return NULL;
	d = ntevent_domain_get(kernel);
	if (!d) {
		kfree(obj);
		return NULL;
	}
	kref_init(&obj->ref);
	ntevent_init(&obj->ev, auto_reset, signaled);
	obj->ev.domain = d;
	obj->kernel = kernel;
	return obj;
}

/* Free an object nobody references any more (or never did). */
void ntevent_obj_free(struct ntevent_obj *obj)
{
	ntevent_quiesce(&obj->ev);
	ntevent_domain_put(obj->ev.domain);
	kfree(obj->name);
	kfree_rcu(obj, rcu);
}

static void ntevent_obj_release(struct kref *ref)
{
	ntevent_obj_free(container_of(ref, struct ntevent_obj, ref));
}

/**
 * ntevent_obj_put() - drop a reference to an event object
 * @obj: the object
 *
 * Context: process (a named object takes its domain's names_lock).
 */
void ntevent_obj_put(struct ntevent_obj *obj)
{
	if (obj->name)
		ntevent_name_put(obj);
	else
		kref_put(&obj->ref, ntevent_obj_release);
}
