/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The in-kernel API of vexfs_ipc, for a filesystem (VexFS) that wants
 * embeddings of what is written to it. Using it makes the caller's module
 * depend on vexfs_ipc, which stays loaded while the caller is.
 *
 * The model is the crypto API's asynchronous requests and blk-mq's:
 *
 *   consumer  - who asks (one per module, e.g. the filesystem): it has an
 *               in-flight cap, its own counters in GET_STATS, and is told
 *               when a daemon attaches. vexfs_ipc_consumer_create().
 *   request   - struct vexfs_ipc_req, allocated by the caller, which fills
 *               the (in) fields and keeps the request, its input and its
 *               vector buffer alive until ->done has run.
 *   submit    - vexfs_ipc_submit() queues one request or a batch (one
 *               file's chunks) and returns at once; a batch travels to the
 *               daemon as one burst, so the daemon can put it in one
 *               service batch.
 *   done      - ->done(req) runs exactly once per submitted request, for
 *               every outcome: SUCCESS, a failure status from the daemon,
 *               TIMEOUT (args.timeout_ms after submit), CANCELLED
 *               (vexfs_ipc_cancel*), NO_DAEMON (no daemon came back within
 *               the grace_ms parameter), OVERLOADED (the daemon sheds this
 *               priority, or the message could not be queued to it). It
 *               runs in process context from a workqueue: it may sleep,
 *               allocate with GFP_KERNEL and write an xattr. It must not
 *               call vexfs_ipc_wait_owner() or vexfs_ipc_consumer_destroy().
 *
 * Contexts: vexfs_ipc_submit() with GFP_ATOMIC or GFP_NOWAIT and the
 * cancel calls never sleep and may be called from process or softirq
 * context (not hard IRQ: the request table's lock is a BH lock).
 * vexfs_ipc_wait_owner(), vexfs_ipc_consumer_*() and vexfs_ipc_embed()
 * sleep. kernel-shim/hook/ is a filesystem hook built on this API;
 * kernel-shim/test-consumer/ drives it from the VM tests.
 */
#ifndef _LINUX_VEXFS_IPC_H
#define _LINUX_VEXFS_IPC_H

#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <uapi/linux/vexfs_ipc.h>

/**
 * struct vexfs_ipc_embed_args - what to embed (in)
 * @input:	input bytes, 1..VEXFS_IPC_MAX_INPUT_BYTES.
 * @input_len:	their length.
 * @model:	NUL-terminated model name or NULL for any.
 * @dimensions:	1..VEXFS_IPC_MAX_DIMENSIONS.
 * @data_type:	enum vexfs_ipc_data_type.
 * @priority:	0-255.
 * @timeout_ms:	1..VEXFS_IPC_MAX_TIMEOUT_MS.
 * @vector:	where the vector is written.
 * @vector_cap:	capacity of @vector; must hold vexfs_ipc_vector_bytes().
 * @session_key: the caller's session for sticky routing, 0 for none.
 */
struct vexfs_ipc_embed_args {
	const void *input;
	u32 input_len;
	const char *model;
	u32 dimensions;
	u8 data_type;
	u8 priority;
	u32 timeout_ms;
	void *vector;
	u32 vector_cap;
	u64 session_key;
};

struct vexfs_ipc_consumer;
struct vexfs_ipc_req;

typedef void (*vexfs_ipc_done_fn)(struct vexfs_ipc_req *req);

/**
 * struct vexfs_ipc_req - one asynchronous embedding request
 * @args:	(in) what to embed; @args.vector receives the vector.
 * @owner:	(in) the caller's key for vexfs_ipc_cancel_owner() and
 *		vexfs_ipc_wait_owner() (a filesystem uses the inode).
 * @done:	(in) runs once when the request is settled (see above).
 * @private:	(in) the caller's.
 * @id:		(out, at submit) the id the daemon sees.
 * @status:	(out, in @done) enum vexfs_ipc_status.
 * @vector_len:	(out, in @done) bytes written to @args.vector (SUCCESS only).
 * @prov:	(out, in @done) who made the vector (SUCCESS only; fields the
 *		daemon did not send are empty or 0).
 *
 * The fields after @prov belong to vexfs_ipc; the caller zeroes the whole
 * struct before filling it (a request may be submitted again once its
 * @done has run).
 */
struct vexfs_ipc_req {
	struct vexfs_ipc_embed_args args;
	u64 owner;
	vexfs_ipc_done_fn done;
	void *private;
	u64 id;
	u32 status;
	u32 vector_len;
	struct vexfs_ipc_provenance prov;

	/* private to vexfs_ipc */
	struct vexfs_ipc_consumer *consumer;
	struct list_head node;
	struct list_head resend;
	struct llist_node send;
	struct work_struct complete_work;
	struct delayed_work timeout_work;
	atomic_t pins;
	u64 deadline_ns;
	u32 caller_uid;
	u32 caller_pid;
	/* The submitting CPU (its queue first), and the port of the queue it went to. */
	u32 cpu;
	u32 queue_port;
	bool queued;
	bool sent;
};

/**
 * struct vexfs_ipc_consumer_info - who is asking
 * @name:	shown in GET_STATS and vexfsctl stats, < VEXFS_IPC_MAX_CONSUMER_NAME_LEN.
 * @max_inflight: requests it may have submitted and not yet completed
 *		(1..the module's kernel share of max_pending); over it submit
 *		answers -EDQUOT.
 * @daemon_attached: optional; runs (process context) when a daemon
 *		attaches, so work parked for lack of one can be submitted again.
 * @private:	passed to @daemon_attached.
 */
struct vexfs_ipc_consumer_info {
	const char *name;
	u32 max_inflight;
	void (*daemon_attached)(void *private);
	void *private;
};

/*
 * Errors of the calls below: -EINVAL bad arguments or info (a name too
 * long, max_inflight 0, a NULL @done, a timeout, dimension or data type out
 * of range, an empty or too long input), -E2BIG a model name too long,
 * -ENOSPC a vector buffer smaller than vexfs_ipc_vector_bytes(),
 * -ENOTCONN no daemon attached, -EDQUOT over the consumer's max_inflight,
 * -EBUSY the in-kernel share of the pending table is full, -ENOMEM.
 */
struct vexfs_ipc_consumer *vexfs_ipc_consumer_create(const struct vexfs_ipc_consumer_info *info);
/* Cancels what it still has, waits until every ->done has returned, frees it. Sleeps. */
void vexfs_ipc_consumer_destroy(struct vexfs_ipc_consumer *c);

/*
 * Submits @n requests (1..VEXFS_IPC_MAX_BATCH_SIZE) as one burst: all are
 * accepted (0, and each ->done will run) or none is (a negative errno, and
 * no ->done runs). @gfp: GFP_KERNEL from process context, GFP_ATOMIC or
 * GFP_NOWAIT where sleeping is not allowed.
 */
int vexfs_ipc_submit(struct vexfs_ipc_consumer *c, struct vexfs_ipc_req **reqs, unsigned int n, gfp_t gfp);
/*
 * Cancels @req: true when this call settled it (its ->done runs with
 * CANCELLED, nothing is written to its vector buffer, and the daemon is
 * told to drop it), false when it was already settled (its ->done runs or
 * ran with that outcome). Never sleeps.
 */
bool vexfs_ipc_cancel(struct vexfs_ipc_req *req);
/* Cancels every request of @c with @owner; returns how many this call settled. Never sleeps. */
unsigned int vexfs_ipc_cancel_owner(struct vexfs_ipc_consumer *c, u64 owner);
/* Sleeps until no request of @c with @owner is pending and no ->done of @c is running. */
void vexfs_ipc_wait_owner(struct vexfs_ipc_consumer *c, u64 owner);

/**
 * struct vexfs_ipc_embed_result - outcome of vexfs_ipc_embed()
 * @request_id:	id the module gave the request.
 * @status:	enum vexfs_ipc_status.
 * @vector_len:	bytes written to args->vector (0 unless SUCCESS).
 * @processing_ns: time the daemon reported.
 */
struct vexfs_ipc_embed_result {
	u64 request_id;
	u32 status;
	u32 vector_len;
	u64 processing_ns;
};

/*
 * One embedding, waiting for it: submit and sleep until ->done (the
 * module's own "embed" consumer). Returns 0 when the request reached a
 * conclusion (@res->status says which), an errno of the list above, or
 * -EINTR after a fatal signal (the request is cancelled). Never uses
 * floating point.
 */
int vexfs_ipc_embed(const struct vexfs_ipc_embed_args *args, struct vexfs_ipc_embed_result *res);

#endif /* _LINUX_VEXFS_IPC_H */
