// SPDX-License-Identifier: GPL-2.0
/*
 * ntevent: /dev/ntevent and event descriptors.
 *
 * This layer only copies arguments in and out and checks them; every state
 * change is done by the core (core.c) through the same functions that other
 * kernel modules call.
 *
 * An event descriptor is an anonymous-inode file whose private data is a
 * struct ntevent_file: the rights of that descriptor and a counted
 * reference to the event object. The file holds a reference to this module
 * (fops.owner), so the module cannot be unloaded while a descriptor exists.
 */

#include <linux/anon_inodes.h>
#include <linux/compat.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/net.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stringify.h>
#include <linux/time_namespace.h>
#include <linux/uaccess.h>

#include <linux/ntevent.h>
#include <ntevent/kevent.h>

#include "ntevent_internal.h"

/* Waits on up to this many descriptors keep their arrays on the stack. */
#define NTEVENT_STACK_FDS	4

/**
 * struct ntevent_file - what one event descriptor holds
 * @obj:    the event; constant
 * @access: rights of this descriptor (NTEVENT_*_STATE, SYNCHRONIZE...);
 *          constant
 */
struct ntevent_file {
	struct ntevent_obj *obj;
	u32 access;
};

static const struct file_operations ntevent_event_fops;

static int ntevent_event_release(struct inode *inode, struct file *file)
{
	struct ntevent_file *h = file->private_data;

	ntevent_obj_put(h->obj);
	kfree(h);
	return 0;
}

/*
 * Set, reset or pulse, storing the previous state unless uprev is NULL.
 * The store must not fail after the change (nothing changes on EFAULT), so
 * the current state is stored first as a guess, which proves the pointer
 * writable; it is corrected in the rare case the state moved meanwhile.
 */
static __always_inline int ntevent_ioctl_op(struct ntevent_file *h,
					    u32 __user *uprev,
					    int (*op)(struct ntevent *ev))
{
	struct ntevent *ev = &h->obj->ev;
	int guess, prev;

	if (unlikely(!(h->access & NTEVENT_MODIFY_STATE)))
		return -EACCES;
	if (!uprev) {
		op(ev);
		return 0;
	}
	guess = ntevent_read(ev);
	if (put_user(guess, uprev))
		return -EFAULT;
	prev = op(ev);
	if (unlikely(prev != guess) && put_user(prev, uprev))
		return -EFAULT;
	return 0;
}

static int ntevent_ioctl_read(struct ntevent_file *h,
			      struct ntevent_state __user *ustate)
{
	struct ntevent_state st = {};

	if (!(h->access & NTEVENT_QUERY_STATE))
		return -EACCES;
	st.type = ntevent_is_auto_reset(&h->obj->ev) ?
		  NTEVENT_TYPE_SYNCHRONIZATION : NTEVENT_TYPE_NOTIFICATION;
	st.state = ntevent_read(&h->obj->ev);
	st.access = h->access;
	if (copy_to_user(ustate, &st, sizeof(st)))
		return -EFAULT;
	return 0;
}

/*
 * A new O_CLOEXEC anonymous-inode descriptor of @fops for @priv, its number
 * stored in *ufd: 0, or -errno with @priv still the caller's. The number
 * is stored before the descriptor exists, so a failure undoes nothing
 * that user space could have used.
 */
static int ntevent_new_fd(const char *name,
			  const struct file_operations *fops, void *priv,
			  u32 __user *ufd)
{
	struct file *file;
	int fd;

	fd = get_unused_fd_flags(O_CLOEXEC);
	if (fd < 0)
		return fd;
	if (put_user(fd, ufd)) {
		put_unused_fd(fd);
		return -EFAULT;
	}
	file = anon_inode_getfile(name, fops, priv, O_RDWR);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);
	}
	fd_install(fd, file);
	return 0;
}

/*
 * Give obj a new O_CLOEXEC descriptor with these rights and store its
 * number in *ufd. Takes over the caller's reference to obj: on failure it
 * is dropped.
 */
static int ntevent_install(struct ntevent_obj *obj, u32 access,
			   u32 __user *ufd)
{
	struct ntevent_file *h;
	int ret;

	h = kzalloc(sizeof(*h), GFP_KERNEL_ACCOUNT);
	if (!h) {
		ntevent_obj_put(obj);
		return -ENOMEM;
	}
	h->obj = obj;
	h->access = access;
	ret = ntevent_new_fd("[ntevent]", &ntevent_event_fops, h, ufd);
	if (ret) {
		ntevent_obj_put(obj);
		kfree(h);
	}
	return ret;
}

/* The checks that creating an event, anonymous or named, shares. */
static int ntevent_check_new(u32 type, u32 state, u32 access)
{
	if (type != NTEVENT_TYPE_NOTIFICATION &&
	    type != NTEVENT_TYPE_SYNCHRONIZATION)
		return -EINVAL;
	if (state > 1 || (access & ~NTEVENT_ALL_ACCESS))
		return -EINVAL;
	return 0;
}

static int ntevent_ioctl_dup(struct ntevent_file *src,
			     struct ntevent_dup_args __user *uargs)
{
	struct ntevent_dup_args args;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if ((args.flags & ~NTEVENT_DUP_FLAGS) || args.pad)
		return -EINVAL;
	if (args.flags & NTEVENT_DUP_SAME_ACCESS)
		args.access = src->access;
	if (args.access & ~NTEVENT_ALL_ACCESS)
		return -EINVAL;
	if (args.access & ~src->access)
		return -EACCES;

	kref_get(&src->obj->ref);
	return ntevent_install(src->obj, args.access, &uargs->fd);
}

static long ntevent_event_ioctl(struct file *file, unsigned int cmd,
				unsigned long arg)
{
	struct ntevent_file *h = file->private_data;
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case NTEVENT_IOC_SET:
		return ntevent_ioctl_op(h, argp, ntevent_set);
	case NTEVENT_IOC_RESET:
		return ntevent_ioctl_op(h, argp, ntevent_reset);
	case NTEVENT_IOC_PULSE:
		return ntevent_ioctl_op(h, argp, ntevent_pulse);
	case NTEVENT_IOC_CLEAR:
		if (!(h->access & NTEVENT_MODIFY_STATE))
			return -EACCES;
		ntevent_clear(&h->obj->ev);
		return 0;
	case NTEVENT_IOC_READ:
		return ntevent_ioctl_read(h, argp);
	case NTEVENT_IOC_DUP:
		return ntevent_ioctl_dup(h, argp);
	default:
		return -ENOTTY;
	}
}

/*
 * Readable while signaled; polling never consumes. Without SYNCHRONIZE a
 * descriptor may not wait, so poll reports an error instead of a state.
 */
static __poll_t ntevent_event_poll(struct file *file, poll_table *wait)
{
	struct ntevent_file *h = file->private_data;
	struct ntevent *ev = &h->obj->ev;

	if (!(h->access & NTEVENT_SYNCHRONIZE))
		return EPOLLERR;
	poll_wait(file, &ev->poll_wq, wait);
	return ntevent_poll_state(ev) ? EPOLLIN | EPOLLRDNORM : 0;
}

static void ntevent_event_show_fdinfo(struct seq_file *m, struct file *file)
{
	struct ntevent_file *h = file->private_data;
	struct ntevent *ev = &h->obj->ev;

	seq_printf(m, "ntevent-type:\t%s\n",
		   ntevent_is_auto_reset(ev) ? "synchronization" : "notification");
	/*
	 * The state only to a descriptor that may see it anyway: by reading
	 * it (QUERY_STATE) or by polling it (SYNCHRONIZE).
	 */
	if (h->access & (NTEVENT_QUERY_STATE | NTEVENT_SYNCHRONIZE))
		seq_printf(m, "ntevent-state:\t%d\n", ntevent_read(ev));
	seq_printf(m, "ntevent-access:\t%#x\n", h->access);
	if (h->obj->name)
		seq_printf(m, "ntevent-name:\t%s\n", h->obj->name);
}

static const struct file_operations ntevent_event_fops = {
	.owner		= THIS_MODULE,
	.release	= ntevent_event_release,
	.unlocked_ioctl	= ntevent_event_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.poll		= ntevent_event_poll,
	.show_fdinfo	= ntevent_event_show_fdinfo,
	.llseek		= noop_llseek,
};

static int ntevent_ioctl_create(struct ntevent_create_args __user *uargs)
{
	struct ntevent_create_args args;
	struct ntevent_obj *obj;
	int ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if (args.flags || args.pad)
		return -EINVAL;
	ret = ntevent_check_new(args.type, args.state, args.access);
	if (ret)
		return ret;

	obj = ntevent_obj_new(args.type == NTEVENT_TYPE_SYNCHRONIZATION,
			      args.state, false);
	if (!obj)
		return -ENOMEM;
	return ntevent_install(obj, args.access, &uargs->fd);
}

static int ntevent_ioctl_open(struct ntevent_open_args __user *uargs)
{
	struct ntevent_open_args args;
	struct ntevent_obj *obj;
	bool created;
	char *name;
	int ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if ((args.flags & ~NTEVENT_OPEN_FLAGS) ||
	    args.flags == NTEVENT_OPEN_EXCL || (args.mode & ~0777))
		return -EINVAL;
	ret = ntevent_check_new(args.type, args.state, args.access);
	if (ret)
		return ret;
	/* Bound the copy; ntevent_name_check() judges the name itself. */
	if (args.name_len > sizeof(NTEVENT_NAME_PREFIX) + NTEVENT_NAME_MAX)
		return -ENAMETOOLONG;

	name = memdup_user(u64_to_user_ptr(args.name), args.name_len);
	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = ntevent_name_check(name, args.name_len);
	if (ret) {
		kfree(name);
		return ret;
	}
	obj = ntevent_name_open(name, args.name_len, args.flags,
				args.type == NTEVENT_TYPE_SYNCHRONIZATION,
				args.state, args.mode & ~current_umask(),
				args.access, false, &created);
	kfree(name);
	if (IS_ERR(obj))
		return PTR_ERR(obj);
	/* Report "created" first: a failure then undoes everything. */
	if (put_user(created, &uargs->created)) {
		ntevent_obj_put(obj);
		return -EFAULT;
	}
	return ntevent_install(obj, args.access, &uargs->fd);
}

/* The event of a looked-up descriptor that has the rights @need. */
static int ntevent_check_event(struct file *file, u32 need,
			       struct ntevent **ev)
{
	struct ntevent_file *h;

	if (!file)
		return -EBADF;
	if (file->f_op != &ntevent_event_fops)
		return -EBADFD;
	h = file->private_data;
	if ((h->access & need) != need)
		return -EACCES;
	*ev = &h->obj->ev;
	return 0;
}

/*
 * Look up an event descriptor for a wait and take a file reference, which
 * keeps the event alive even if the descriptor is closed meanwhile.
 */
static struct file *ntevent_get_event(u32 fd, u32 need, struct ntevent **ev)
{
	struct file *file;
	int ret;

	file = fget(fd);
	ret = ntevent_check_event(file, need, ev);
	if (ret) {
		if (file)
			fput(file);
		return ERR_PTR(ret);
	}
	return file;
}

/*
 * A CLOCK_MONOTONIC deadline given inside a time namespace is on that
 * namespace's clock; the timers run on the host's (as clock_nanosleep and
 * timerfd translate them). A deadline before the host's boot has passed;
 * one that the offset would carry past KTIME_MAX never comes.
 */
static ktime_t ntevent_deadline_to_host(ktime_t deadline, clockid_t clock)
{
#ifdef CONFIG_TIME_NS
	struct timens_offsets *ns_offsets;
	ktime_t offset;

	if (clock != CLOCK_MONOTONIC || deadline == NTEVENT_INFINITE)
		return deadline;
	ns_offsets = &current->nsproxy->time_ns->offsets;
	offset = timespec64_to_ktime(ns_offsets->monotonic);
	if (deadline <= offset)
		return NTEVENT_POLL;
	if (offset < 0 && deadline > KTIME_MAX + offset)
		return NTEVENT_INFINITE;
	return deadline - offset;
#else
	return deadline;
#endif
}

/* The clock and the host deadline of a wait's timeout and flags. */
static __always_inline ktime_t
ntevent_wait_deadline(u64 timeout, u32 flags, clockid_t *clock)
{
	*clock = flags & NTEVENT_WAIT_REALTIME ? CLOCK_REALTIME :
						 CLOCK_MONOTONIC;
	if (timeout >= (u64)KTIME_MAX)
		return NTEVENT_INFINITE;
	return ntevent_deadline_to_host(timeout, *clock);
}

/*
 * The result of a wait that consumed events could not be stored: give the
 * consumed auto-reset events back, so that nothing is lost.
 */
static void ntevent_unconsume(struct ntevent **evs, unsigned int count,
			      bool all, int index)
{
	unsigned int i;

	for (i = 0; i < count; i++)
		if ((all || i == index) && ntevent_is_auto_reset(evs[i]))
			ntevent_set(evs[i]);
}

/*
 * A wait-any wider than the stack arrays that an object satisfies now:
 * checks every descriptor as the full path does, then takes the lowest
 * signaled object and stores its index, without allocating and without a
 * file reference per descriptor (fdget() takes none while the descriptor
 * table is not shared, and a reference otherwise). Returns 0 once stored,
 * -EAGAIN if no object is signaled (the caller queues), or the first bad
 * descriptor's error. What Windows' wait-any does in the loop of a server
 * that waits on 64 sockets' events: one object ready among many.
 */
static noinline_for_stack int
ntevent_wait_any_now(struct ntevent_wait_args __user *uargs,
		     const struct ntevent_wait_args *args)
{
	u32 fds[NTEVENT_MAX_WAIT_COUNT];
	unsigned int i, first = args->count;
	struct ntevent *ev;
	struct fd f;
	int ret;

	if (copy_from_user(fds, u64_to_user_ptr(args->fds),
			   args->count * sizeof(*fds)))
		return -EFAULT;
	for (i = 0; i < args->count; i++) {
		f = fdget(fds[i]);
		ret = ntevent_check_event(fd_file(f), NTEVENT_SYNCHRONIZE, &ev);
		if (!ret && first == args->count &&
		    ntevent_signaled_hint(ev))
			first = i;
		fdput(f);
		if (ret)
			return ret;
	}
	/*
	 * From the first object seen signaled: one before it set since is
	 * one set after the scan passed it, as in ntevent_try_any(). As in a
	 * queued wait, a descriptor closed meanwhile fails the wait.
	 */
	for (i = first; i < args->count; i++) {
		f = fdget(fds[i]);
		ret = ntevent_check_event(fd_file(f), NTEVENT_SYNCHRONIZE, &ev);
		if (!ret && ntevent_try_claim(ev)) {
			if (put_user(i, &uargs->index)) {
				ntevent_unconsume(&ev, 1, false, 0);
				ret = -EFAULT;
			}
			fdput(f);
			return ret;
		}
		fdput(f);
		if (ret)
			return ret;
	}
	return -EAGAIN;
}

/*
 * A wait that a signal interrupted restarts with the same absolute
 * deadline: always when not alertable (after the handler, if any), and
 * when alertable only if no handler ran (a stop and continue, a
 * debugger); a handler that ran is the APC and ends an alertable wait
 * with EINTR.
 */
static int ntevent_wait_restart(u32 flags)
{
	return flags & NTEVENT_WAIT_ALERTABLE ? -ERESTARTNOHAND :
						-ERESTARTNOINTR;
}

/* An alertable wait whose alert word (if any) is set ends at once. */
static int ntevent_check_alert(const u32 __user *alert)
{
	u32 alerted;

	if (!alert)
		return 0;
	if (get_user(alerted, alert))
		return -EFAULT;
	return alerted ? -EINTR : 0;
}

/*
 * @alert: the caller's alert word (NTEVENT_IOC_WAIT_*_ALERT), or NULL. An
 * alertable wait whose word is set ends before it takes anything; one
 * that is set later comes with a signal, which ends the sleep.
 */
static int ntevent_ioctl_wait(struct ntevent_wait_args __user *uargs, bool all,
			      const u32 __user *alert)
{
	u32 stack_fds[NTEVENT_STACK_FDS];
	struct file *stack_files[NTEVENT_STACK_FDS];
	struct ntevent *stack_evs[NTEVENT_STACK_FDS];
	struct ntevent_wait_args args;
	struct file *signal_file = NULL;
	struct ntevent *signal = NULL;
	struct file **files = stack_files;
	struct ntevent **evs = stack_evs;
	u32 *fds = stack_fds;
	unsigned int kflags, i, got = 0;
	void *buf = NULL;
	ktime_t deadline;
	clockid_t clock;
	int ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if (args.flags & ~NTEVENT_WAIT_FLAGS)
		return -EINVAL;
	if (!(args.flags & NTEVENT_WAIT_SIGNAL) && args.signal_fd)
		return -EINVAL;
	if (!args.count || args.count > NTEVENT_MAX_WAIT_COUNT)
		return -EINVAL;
	/* The result must be storable: a consumed event is never lost. */
	if (put_user(0, &uargs->index))
		return -EFAULT;
	if (args.flags & NTEVENT_WAIT_ALERTABLE) {
		ret = ntevent_check_alert(alert);
		if (ret)
			return ret;
	}

	if (args.count > NTEVENT_STACK_FDS && !all &&
	    !(args.flags & NTEVENT_WAIT_SIGNAL)) {
		ret = ntevent_wait_any_now(uargs, &args);
		if (ret != -EAGAIN)
			return ret;
	}
	if (args.count > NTEVENT_STACK_FDS) {
		buf = kmalloc_array(args.count, sizeof(*fds) + sizeof(*files) +
				    sizeof(*evs), GFP_KERNEL_ACCOUNT);
		if (!buf)
			return -ENOMEM;
		files = buf;
		evs = (struct ntevent **)(files + args.count);
		fds = (u32 *)(evs + args.count);
	}
	if (args.count == 1) {
		if (get_user(fds[0], (u32 __user *)u64_to_user_ptr(args.fds))) {
			ret = -EFAULT;
			goto out;
		}
	} else if (copy_from_user(fds, u64_to_user_ptr(args.fds),
				  args.count * sizeof(*fds))) {
		ret = -EFAULT;
		goto out;
	}
	for (got = 0; got < args.count; got++) {
		files[got] = ntevent_get_event(fds[got], NTEVENT_SYNCHRONIZE,
					       &evs[got]);
		if (IS_ERR(files[got])) {
			ret = PTR_ERR(files[got]);
			goto out;
		}
	}
	if (args.flags & NTEVENT_WAIT_SIGNAL) {
		signal_file = ntevent_get_event(args.signal_fd,
						NTEVENT_MODIFY_STATE, &signal);
		if (IS_ERR(signal_file)) {
			ret = PTR_ERR(signal_file);
			signal_file = NULL;
			goto out;
		}
	}

	deadline = ntevent_wait_deadline(args.timeout, args.flags, &clock);
	kflags = NTEVENT_KWAIT_INTERRUPTIBLE | (all ? NTEVENT_KWAIT_ALL : 0);

	ret = __ntevent_wait_multiple(args.count, evs, kflags, clock, deadline,
				      signal, GFP_KERNEL_ACCOUNT);
	if (ret >= 0) {
		if (put_user(ret, &uargs->index)) {
			ntevent_unconsume(evs, args.count, all, ret);
			ret = -EFAULT;
		} else {
			ret = 0;
		}
	} else if (ret == -EINTR) {
		/*
		 * The signal event was set already; clear the request so
		 * that a restarted call does not set it twice.
		 */
		ret = ntevent_wait_restart(args.flags);
		if (signal) {
			args.flags &= ~NTEVENT_WAIT_SIGNAL;
			args.signal_fd = 0;
			if (put_user(args.flags, &uargs->flags) ||
			    put_user(args.signal_fd, &uargs->signal_fd))
				ret = -EFAULT;
		}
	}

out:
	if (signal_file)
		fput(signal_file);
	for (i = 0; i < got; i++)
		fput(files[i]);
	kfree(buf);
	return ret;
}

static int ntevent_ioctl_wait_alert(struct ntevent_wait_alert_args __user *uargs,
				    bool all)
{
	u64 alert;

	if (get_user(alert, &uargs->alert))
		return -EFAULT;
	if (!alert)
		return -EINVAL;
	return ntevent_ioctl_wait(&uargs->wait, all, u64_to_user_ptr(alert));
}

/*
 * The object of an event descriptor that has the rights @need, with a
 * reference of its own.
 */
static struct ntevent_obj *ntevent_get_obj(u32 fd, u32 need)
{
	struct ntevent_obj *obj;
	struct ntevent *ev;
	struct file *file;

	file = ntevent_get_event(fd, need, &ev);
	if (IS_ERR(file))
		return ERR_CAST(file);
	obj = ((struct ntevent_file *)file->private_data)->obj;
	kref_get(&obj->ref);
	fput(file);
	return obj;
}

static int ntevent_ioctl_sock_select(struct ntevent_sock_select_args __user *uargs)
{
	struct ntevent_sock_select_args args;
	struct ntevent_obj *obj = NULL;
	struct socket *sock;
	int ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if (args.flags || (args.mask & ~NTEVENT_FD_ALL) ||
	    (!args.mask && args.event_fd))
		return -EINVAL;
	sock = sockfd_lookup(args.sock_fd, &ret);
	if (!sock)
		return ret;
	if (args.mask) {
		obj = ntevent_get_obj(args.event_fd, NTEVENT_MODIFY_STATE);
		if (IS_ERR(obj)) {
			sockfd_put(sock);
			return PTR_ERR(obj);
		}
	}
	ret = __ntevent_sock_select(sock, obj ? &obj->ev : NULL, obj,
				    args.mask, GFP_KERNEL_ACCOUNT);
	sockfd_put(sock);
	return ret;
}

static int ntevent_ioctl_sock_enum(struct ntevent_sock_enum_args __user *uargs)
{
	struct ntevent_sock_enum_args args;
	int errors[NTEVENT_FD_MAX_EVENTS];
	struct ntevent_obj *obj = NULL;
	struct socket *sock;
	u32 events, mask;
	int ret, i;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if ((args.flags & ~NTEVENT_SOCK_ENUM_FLAGS) || args.pad ||
	    (!(args.flags & NTEVENT_SOCK_RESET) && args.event_fd))
		return -EINVAL;
	sock = sockfd_lookup(args.sock_fd, &ret);
	if (!sock)
		return ret;
	if (args.flags & NTEVENT_SOCK_RESET) {
		obj = ntevent_get_obj(args.event_fd, NTEVENT_MODIFY_STATE);
		if (IS_ERR(obj)) {
			sockfd_put(sock);
			return PTR_ERR(obj);
		}
	}
	ret = ntevent_sock_enum(sock, obj ? &obj->ev : NULL,
				args.flags & NTEVENT_SOCK_PEEK, &events, &mask,
				errors);
	if (!ret) {
		args.events = events;
		args.mask = mask;
		for (i = 0; i < NTEVENT_FD_MAX_EVENTS; i++)
			if (events & (1u << i))
				args.errors[i] = errors[i];
		/* Nothing is lost: what could not be reported stays. */
		if (copy_to_user(uargs, &args, sizeof(args))) {
			if (!(args.flags & NTEVENT_SOCK_PEEK))
				ntevent_sock_unenum(sock, events);
			ret = -EFAULT;
		}
	}
	if (obj)
		ntevent_obj_put(obj);
	sockfd_put(sock);
	return ret;
}

static int ntevent_ioctl_sock_enable(struct ntevent_sock_enable_args __user *uargs)
{
	struct ntevent_sock_enable_args args;
	struct socket *sock, *from = NULL;
	int ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if ((args.flags & ~NTEVENT_SOCK_INHERIT) ||
	    (!(args.flags & NTEVENT_SOCK_INHERIT) && args.from_fd))
		return -EINVAL;
	sock = sockfd_lookup(args.sock_fd, &ret);
	if (!sock)
		return ret;
	if (args.flags & NTEVENT_SOCK_INHERIT) {
		from = sockfd_lookup(args.from_fd, &ret);
		if (!from) {
			sockfd_put(sock);
			return ret;
		}
	}
	ret = ntevent_sock_enable(sock, args.events, from);
	if (from)
		sockfd_put(from);
	sockfd_put(sock);
	return ret;
}

/**
 * struct ntevent_waitset_file - what a wait set descriptor holds
 * @ws:    the wait set; constant
 * @count: number of its events; constant
 * @objs:  their objects, each referenced; constant
 */
struct ntevent_waitset_file {
	struct ntevent_waitset *ws;
	unsigned int count;
	struct ntevent_obj *objs[];
};

static void ntevent_waitset_file_free(struct ntevent_waitset_file *wf,
				      unsigned int got)
{
	unsigned int i;

	for (i = 0; i < got; i++)
		ntevent_obj_put(wf->objs[i]);
	kfree(wf);
}

static int ntevent_waitset_release(struct inode *inode, struct file *file)
{
	struct ntevent_waitset_file *wf = file->private_data;

	ntevent_waitset_free(wf->ws);
	ntevent_waitset_file_free(wf, wf->count);
	return 0;
}

static int ntevent_ioctl_waitset_wait(struct ntevent_waitset_file *wf,
				      struct ntevent_waitset_wait_args __user *uargs)
{
	struct ntevent_waitset_wait_args args;
	ktime_t deadline;
	clockid_t clock;
	int ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if (args.flags & ~(NTEVENT_WAIT_REALTIME | NTEVENT_WAIT_ALERTABLE))
		return -EINVAL;
	if (args.alert && !(args.flags & NTEVENT_WAIT_ALERTABLE))
		return -EINVAL;
	/* The result must be storable: a consumed event is never lost. */
	if (put_user(0, &uargs->index))
		return -EFAULT;
	if (args.flags & NTEVENT_WAIT_ALERTABLE) {
		ret = ntevent_check_alert(u64_to_user_ptr(args.alert));
		if (ret)
			return ret;
	}
	deadline = ntevent_wait_deadline(args.timeout, args.flags, &clock);
	ret = ntevent_waitset_wait(wf->ws, NTEVENT_KWAIT_INTERRUPTIBLE, clock,
				   deadline);
	if (ret >= 0) {
		if (put_user(ret, &uargs->index)) {
			struct ntevent *ev = &wf->objs[ret]->ev;

			ntevent_unconsume(&ev, 1, false, 0);
			return -EFAULT;
		}
		return 0;
	}
	if (ret == -EINTR)
		ret = ntevent_wait_restart(args.flags);
	return ret;
}

static long ntevent_waitset_ioctl(struct file *file, unsigned int cmd,
				  unsigned long arg)
{
	if (cmd != NTEVENT_IOC_WAITSET_WAIT)
		return -ENOTTY;
	return ntevent_ioctl_waitset_wait(file->private_data,
					  (void __user *)arg);
}

static const struct file_operations ntevent_waitset_fops = {
	.owner		= THIS_MODULE,
	.release	= ntevent_waitset_release,
	.unlocked_ioctl	= ntevent_waitset_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

/*
 * A wait set over the events of args.fds, each checked as a wait checks
 * it; the objects are referenced, not the descriptors. Its memory is
 * charged to the caller.
 */
static int ntevent_ioctl_waitset_create(struct ntevent_waitset_args __user *uargs)
{
	struct ntevent *evs[NTEVENT_MAX_WAIT_COUNT];
	u32 fds[NTEVENT_MAX_WAIT_COUNT];
	struct ntevent_waitset_args args;
	struct ntevent_waitset_file *wf;
	unsigned int got;
	int ret;

	if (copy_from_user(&args, uargs, sizeof(args)))
		return -EFAULT;
	if (args.flags || args.pad)
		return -EINVAL;
	if (!args.count || args.count > NTEVENT_MAX_WAIT_COUNT)
		return -EINVAL;
	if (copy_from_user(fds, u64_to_user_ptr(args.fds),
			   args.count * sizeof(*fds)))
		return -EFAULT;
	wf = kzalloc(struct_size(wf, objs, args.count), GFP_KERNEL_ACCOUNT);
	if (!wf)
		return -ENOMEM;
	for (got = 0; got < args.count; got++) {
		wf->objs[got] = ntevent_get_obj(fds[got], NTEVENT_SYNCHRONIZE);
		if (IS_ERR(wf->objs[got])) {
			ret = PTR_ERR(wf->objs[got]);
			goto err;
		}
		evs[got] = &wf->objs[got]->ev;
	}
	wf->count = args.count;
	wf->ws = ntevent_waitset_new(args.count, evs, GFP_KERNEL_ACCOUNT);
	if (IS_ERR(wf->ws)) {
		ret = PTR_ERR(wf->ws);
		goto err;
	}

	ret = ntevent_new_fd("[ntevent-waitset]", &ntevent_waitset_fops, wf,
			     &uargs->fd);
	if (!ret)
		return 0;
	ntevent_waitset_free(wf->ws);
err:
	ntevent_waitset_file_free(wf, got);
	return ret;
}

static long ntevent_dev_ioctl(struct file *file, unsigned int cmd,
			      unsigned long arg)
{
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case NTEVENT_IOC_CREATE:
		return ntevent_ioctl_create(argp);
	case NTEVENT_IOC_WAIT_ANY:
		return ntevent_ioctl_wait(argp, false, NULL);
	case NTEVENT_IOC_WAIT_ALL:
		return ntevent_ioctl_wait(argp, true, NULL);
	case NTEVENT_IOC_WAIT_ANY_ALERT:
	case NTEVENT_IOC_WAIT_ALL_ALERT:
		return ntevent_ioctl_wait_alert(argp, cmd ==
						NTEVENT_IOC_WAIT_ALL_ALERT);
	case NTEVENT_IOC_WAITSET_CREATE:
		return ntevent_ioctl_waitset_create(argp);
	case NTEVENT_IOC_OPEN:
		return ntevent_ioctl_open(argp);
	case NTEVENT_IOC_SOCK_SELECT:
		return ntevent_ioctl_sock_select(argp);
	case NTEVENT_IOC_SOCK_ENUM:
		return ntevent_ioctl_sock_enum(argp);
	case NTEVENT_IOC_SOCK_ENABLE:
		return ntevent_ioctl_sock_enable(argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ntevent_dev_fops = {
	.owner		= THIS_MODULE,
	.unlocked_ioctl	= ntevent_dev_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= noop_llseek,
};

static struct miscdevice ntevent_misc = {
	.minor		= MISC_DYNAMIC_MINOR,
	.name		= "ntevent",
	.fops		= &ntevent_dev_fops,
	.mode		= 0666,
};

static int __init ntevent_module_init(void)
{
	int ret = ntevent_domains_init();

	if (ret)
		return ret;
	ret = misc_register(&ntevent_misc);
	if (ret)
		ntevent_domains_exit();
	return ret;
}

static void __exit ntevent_module_exit(void)
{
	misc_deregister(&ntevent_misc);
	ntevent_socks_exit();
	ntevent_domains_exit();
}

module_init(ntevent_module_init);
module_exit(ntevent_module_exit);

MODULE_AUTHOR("The ntevent developers");
MODULE_DESCRIPTION("Windows NT event objects");
MODULE_VERSION(__stringify(NTEVENT_VERSION_MAJOR) "."
	       __stringify(NTEVENT_VERSION_MINOR) "."
	       __stringify(NTEVENT_VERSION_PATCH));
MODULE_LICENSE("GPL");
