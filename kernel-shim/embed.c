// SPDX-License-Identifier: GPL-2.0
/*
 * The sleeping side of the in-kernel API, built on submit, cancel and
 * completion (requests.c): waiting until an owner's requests are done, and
 * vexfs_ipc_embed() — one request submitted and waited for, cancelled when
 * the waiting task is killed.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/wait.h>

#include "vexfs_ipc.h"

static bool owner_idle(struct vexfs_ipc_consumer *c, u64 owner)
{
	struct vexfs_ipc_req *req;
	bool busy;

	spin_lock_bh(&c->lock);
	busy = c->running;
	list_for_each_entry(req, &c->live, node)
		busy |= req->owner == owner;
	spin_unlock_bh(&c->lock);
	return !busy;
}

void vexfs_ipc_wait_owner(struct vexfs_ipc_consumer *c, u64 owner)
{
	wait_event(c->idle, owner_idle(c, owner));
}
EXPORT_SYMBOL_GPL(vexfs_ipc_wait_owner);

static void sync_done(struct vexfs_ipc_req *req)
{
	complete(req->private);
}

int vexfs_ipc_embed_on(struct vexfs_ipc_consumer *c, const struct vexfs_ipc_embed_args *args,
		       struct vexfs_ipc_embed_result *res, struct vexfs_ipc_provenance *prov)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct vexfs_ipc_req *req;
	bool killed = false;
	int ret;

	memset(res, 0, sizeof(*res));
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	req->args = *args;
	req->done = sync_done;
	req->private = &done;
	ret = vexfs_ipc_submit(c, &req, 1, GFP_KERNEL);
	if (ret)
		goto out;
	res->request_id = req->id;
	if (wait_for_completion_killable(&done)) {
		killed = vexfs_ipc_cancel(req);
		wait_for_completion(&done);
	}
	res->status = req->status;
	res->vector_len = req->vector_len;
	res->processing_ns = req->prov.processing_ns;
	if (prov)
		*prov = req->prov;
	ret = killed ? -EINTR : 0;
out:
	kfree(req);
	return ret;
}

/**
 * vexfs_ipc_embed() - get one embedding from the userspace services
 * @args: the request; see struct vexfs_ipc_embed_args.
 * @res: the outcome.
 *
 * Sleeps until the request is settled (see include/linux/vexfs_ipc.h).
 */
int vexfs_ipc_embed(const struct vexfs_ipc_embed_args *args, struct vexfs_ipc_embed_result *res)
{
	return vexfs_ipc_embed_on(vexfs_ipc_embed_consumer, args, res, NULL);
}
EXPORT_SYMBOL_GPL(vexfs_ipc_embed);
