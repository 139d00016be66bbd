// SPDX-License-Identifier: GPL-2.0
/*
 * Consumers: who submits requests, each with an in-flight cap and its own
 * counters. The pending table has two parts: in-kernel consumers together
 * hold at most kernel_share_pct of max_pending, SEND_EMBEDDING_REQUEST
 * callers (the built-in "ioctl" consumer) the rest, so a busy filesystem
 * cannot starve users of the device and they cannot starve it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/limits.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "vexfs_ipc.h"

static DEFINE_MUTEX(consumers_lock);
static LIST_HEAD(consumers);
static unsigned int nconsumers;
/* Requests pending per part of the table: [0] in-kernel, [1] SEND_EMBEDDING_REQUEST. */
static atomic_t part_inflight[2];

struct vexfs_ipc_consumer *vexfs_ipc_ioctl_consumer, *vexfs_ipc_embed_consumer;

u32 vexfs_ipc_kernel_capacity(void)
{
	u32 pct = min(READ_ONCE(vexfs_ipc_kernel_share_pct), 100U);

	return (u32)div_u64((u64)READ_ONCE(vexfs_ipc_max_pending) * pct, 100);
}

static u32 part_capacity(bool user)
{
	u32 kernel = vexfs_ipc_kernel_capacity();

	return user ? READ_ONCE(vexfs_ipc_max_pending) - kernel : kernel;
}

u32 vexfs_ipc_kernel_inflight(void)
{
	return atomic_read(&part_inflight[0]);
}

int vexfs_ipc_consumer_reserve(struct vexfs_ipc_consumer *c, unsigned int n)
{
	atomic_t *part = &part_inflight[c->user];

	if (atomic_add_return(n, &c->inflight) > c->max_inflight) {
		atomic_sub(n, &c->inflight);
		return -EDQUOT;
	}
	if (atomic_add_return(n, part) > part_capacity(c->user)) {
		atomic_sub(n, part);
		atomic_sub(n, &c->inflight);
		return -EBUSY;
	}
	return 0;
}

void vexfs_ipc_consumer_unreserve(struct vexfs_ipc_consumer *c, unsigned int n)
{
	atomic_sub(n, &part_inflight[c->user]);
	atomic_sub(n, &c->inflight);
}

static struct vexfs_ipc_consumer *create(const struct vexfs_ipc_consumer_info *info, bool user)
{
	struct vexfs_ipc_consumer *c;

	if (!info || !info->name || !info->name[0] || !info->max_inflight)
		return ERR_PTR(-EINVAL);
	if (strnlen(info->name, VEXFS_IPC_MAX_CONSUMER_NAME_LEN) >= VEXFS_IPC_MAX_CONSUMER_NAME_LEN)
		return ERR_PTR(-EINVAL);
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return ERR_PTR(-ENOMEM);
	strscpy(c->name, info->name, sizeof(c->name));
	c->max_inflight = info->max_inflight;
	c->user = user;
	c->daemon_attached = info->daemon_attached;
	c->private = info->private;
	spin_lock_init(&c->lock);
	INIT_LIST_HEAD(&c->live);
	init_waitqueue_head(&c->idle);
	mutex_lock(&consumers_lock);
	if (nconsumers >= VEXFS_IPC_MAX_CONSUMERS) {
		mutex_unlock(&consumers_lock);
		kfree(c);
		return ERR_PTR(-ENOSPC);
	}
	nconsumers++;
	list_add_tail(&c->node, &consumers);
	mutex_unlock(&consumers_lock);
	return c;
}

/**
 * vexfs_ipc_consumer_create() - a new in-kernel consumer
 * @info: its name, cap and daemon_attached hook (copied).
 *
 * Returns the consumer or ERR_PTR(-EINVAL) for bad @info, -ENOSPC when
 * VEXFS_IPC_MAX_CONSUMERS exist, -ENOMEM. Sleeps.
 */
struct vexfs_ipc_consumer *vexfs_ipc_consumer_create(const struct vexfs_ipc_consumer_info *info)
{
	return create(info, false);
}
EXPORT_SYMBOL_GPL(vexfs_ipc_consumer_create);

static bool idle(struct vexfs_ipc_consumer *c)
{
	bool ret;

	spin_lock_bh(&c->lock);
	ret = list_empty(&c->live) && !c->running;
	spin_unlock_bh(&c->lock);
	return ret;
}

void vexfs_ipc_consumer_destroy(struct vexfs_ipc_consumer *c)
{
	if (IS_ERR_OR_NULL(c))
		return;
	/* Out of the list first: no daemon_attached hook runs once this returns. */
	mutex_lock(&consumers_lock);
	list_del(&c->node);
	nconsumers--;
	mutex_unlock(&consumers_lock);
	vexfs_ipc_requests_cancel_consumer(c);
	wait_event(c->idle, idle(c));
	kfree(c);
}
EXPORT_SYMBOL_GPL(vexfs_ipc_consumer_destroy);

void vexfs_ipc_consumers_daemon_attached(void)
{
	struct vexfs_ipc_consumer *c;

	mutex_lock(&consumers_lock);
	list_for_each_entry(c, &consumers, node)
		if (c->daemon_attached)
			c->daemon_attached(c->private);
	mutex_unlock(&consumers_lock);
}

u32 vexfs_ipc_consumers_fill(struct vexfs_ipc_consumer_stats *out, u32 cap, u32 *total)
{
	struct vexfs_ipc_consumer *c;
	u32 n = 0;

	mutex_lock(&consumers_lock);
	list_for_each_entry(c, &consumers, node) {
		if (n < cap) {
			struct vexfs_ipc_consumer_stats *s = &out[n++];

			memset(s, 0, sizeof(*s));
			strscpy(s->name, c->name, sizeof(s->name));
			s->submitted = atomic64_read(&c->submitted);
			s->completed = atomic64_read(&c->completed);
			s->failed = atomic64_read(&c->failed);
			s->cancelled = atomic64_read(&c->cancelled);
			s->timed_out = atomic64_read(&c->timed_out);
			s->inflight = atomic_read(&c->inflight);
			/* What it may really hold: its own cap or its part of the table, whichever is smaller. */
			s->max_inflight = min(c->max_inflight, part_capacity(c->user));
		}
	}
	*total = nconsumers;
	mutex_unlock(&consumers_lock);
	return n;
}

int vexfs_ipc_consumers_init(void)
{
	/* Their caps are their parts of the table: the per-uid limit and the part's size bound them further. */
	const struct vexfs_ipc_consumer_info ioctl = { .name = "ioctl", .max_inflight = U32_MAX };
	const struct vexfs_ipc_consumer_info embed = { .name = "embed", .max_inflight = U32_MAX };

	vexfs_ipc_ioctl_consumer = create(&ioctl, true);
	if (IS_ERR(vexfs_ipc_ioctl_consumer))
		goto err_ioctl;
	vexfs_ipc_embed_consumer = create(&embed, false);
	if (IS_ERR(vexfs_ipc_embed_consumer))
		goto err_embed;
	return 0;

err_embed:
	vexfs_ipc_consumer_destroy(vexfs_ipc_ioctl_consumer);
	return PTR_ERR(vexfs_ipc_embed_consumer);
err_ioctl:
	return PTR_ERR(vexfs_ipc_ioctl_consumer);
}

void vexfs_ipc_consumers_uninit(void)
{
	vexfs_ipc_consumer_destroy(vexfs_ipc_embed_consumer);
	vexfs_ipc_consumer_destroy(vexfs_ipc_ioctl_consumer);
}
