// SPDX-License-Identifier: GPL-2.0
/*
 * The pending table, submission, completion and cancel (the in-kernel API
 * of include/linux/vexfs_ipc.h); send.c sends and re-sends what is in the
 * table, embed.c builds the sleeping calls on it.
 *
 * Exactly once: a request leaves the table once, under the table's lock,
 * and whoever takes it out (the answer, its timeout, a cancel, the grace
 * period's end, unload) sets its status and queues its completion work;
 * nothing else queues it. The completion work waits for everyone still
 * reading the request (the sender, a re-sender: its pins) and for its
 * timeout work, settles the counters, and calls ->done last: after that
 * the request is the caller's again.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/wait_bit.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "vexfs_ipc.h"

/* BH lock: submit and cancel may be called from softirq context. */
static DEFINE_XARRAY_FLAGS(pending, XA_FLAGS_LOCK_BH);
static atomic64_t next_id = ATOMIC64_INIT(0);
static atomic_t npending = ATOMIC_INIT(0);
/* Completions and timeouts run here, in process context. */
static struct workqueue_struct *wq;
static void grace_expired(struct work_struct *work);
static DECLARE_DELAYED_WORK(grace_work, grace_expired);

u64 vexfs_ipc_next_id(void)
{
	return atomic64_inc_return(&next_id);
}

u32 vexfs_ipc_requests_inflight(void)
{
	return atomic_read(&npending);
}

bool vexfs_ipc_req_settle(struct vexfs_ipc_req *req, u32 status)
{
	bool won;

	xa_lock_bh(&pending);
	won = __xa_cmpxchg(&pending, req->id, req, NULL, 0) == req;
	if (won)
		req->status = status;
	xa_unlock_bh(&pending);
	if (won)
		queue_work(wq, &req->complete_work);
	return won;
}

/* Settles every request still in the table with @status (grace over, unload). */
static void settle_all(u32 status)
{
	struct vexfs_ipc_req *req;
	unsigned long index;

	xa_lock_bh(&pending);
	xa_for_each(&pending, index, req) {
		__xa_erase(&pending, index);
		req->status = status;
		queue_work(wq, &req->complete_work);
	}
	xa_unlock_bh(&pending);
}

static void grace_expired(struct work_struct *work)
{
	if (vexfs_ipc_genl_daemon_portid())
		return;
	settle_all(VEXFS_IPC_STATUS_NO_DAEMON);
}

void vexfs_ipc_req_unpin(struct vexfs_ipc_req *req)
{
	if (atomic_dec_and_test(&req->pins))
		wake_up_var(&req->pins);
}

static void count_outcome(atomic64_t *global, atomic64_t *own)
{
	atomic64_inc(global);
	atomic64_inc(own);
}

static void complete_one(struct work_struct *work)
{
	struct vexfs_ipc_req *req = container_of(work, struct vexfs_ipc_req, complete_work);
	struct vexfs_ipc_consumer *c = req->consumer;
	u32 status = req->status;

	/* Submit (until it has armed the timeout), the sender or a re-sender may still be reading it. */
	wait_var_event(&req->pins, !atomic_read(&req->pins));
	/* The timeout work may be running (it lost the race to settle): let it finish with the request. */
	cancel_delayed_work_sync(&req->timeout_work);
	if ((status == VEXFS_IPC_STATUS_CANCELLED || status == VEXFS_IPC_STATUS_TIMEOUT) && READ_ONCE(req->sent))
		vexfs_ipc_genl_send_cancel(READ_ONCE(req->queue_port), req->id, status);
	if (status == VEXFS_IPC_STATUS_SUCCESS) {
		count_outcome(&vexfs_ipc_stats.completed, &c->completed);
	} else {
		count_outcome(&vexfs_ipc_stats.failed, &c->failed);
		if (status == VEXFS_IPC_STATUS_TIMEOUT)
			count_outcome(&vexfs_ipc_stats.timed_out, &c->timed_out);
		if (status == VEXFS_IPC_STATUS_CANCELLED)
			count_outcome(&vexfs_ipc_stats.cancelled, &c->cancelled);
	}
	atomic64_dec(&vexfs_ipc_stats.live_requests);
	atomic_dec(&npending);
	vexfs_ipc_consumer_unreserve(c, 1);
	spin_lock_bh(&c->lock);
	list_del_init(&req->node);
	c->running++;
	spin_unlock_bh(&c->lock);
	req->done(req);
	/* @req is the caller's now. Woken under the lock: once a waiter sees @c idle, nothing here touches it. */
	spin_lock_bh(&c->lock);
	c->running--;
	wake_up_all(&c->idle);
	spin_unlock_bh(&c->lock);
}

static void timed_out(struct work_struct *work)
{
	struct vexfs_ipc_req *req = container_of(to_delayed_work(work), struct vexfs_ipc_req, timeout_work);

	vexfs_ipc_req_settle(req, VEXFS_IPC_STATUS_TIMEOUT);
}

bool vexfs_ipc_req_pending(struct vexfs_ipc_req *req)
{
	return xa_load(&pending, req->id) == req;
}

void vexfs_ipc_requests_await_daemon(void)
{
	mod_delayed_work(wq, &grace_work, msecs_to_jiffies(vexfs_ipc_grace_ms));
}

void vexfs_ipc_requests_pin_sent(u32 from_port, struct list_head *todo)
{
	struct vexfs_ipc_req *req;
	unsigned long index;

	xa_lock_bh(&pending);
	xa_for_each(&pending, index, req) {
		/* Not sent yet: the sender sends it (sending it here too would be a duplicate id). */
		if (req->queued)
			continue;
		if (from_port && (!READ_ONCE(req->sent) || READ_ONCE(req->queue_port) != from_port))
			continue;
		atomic_inc(&req->pins);
		list_add_tail(&req->resend, todo);
	}
	xa_unlock_bh(&pending);
}

void vexfs_ipc_requests_daemon_changed(u32 portid)
{
	if (!portid) {
		if (!xa_empty(&pending))
			vexfs_ipc_requests_await_daemon();
		return;
	}
	cancel_delayed_work(&grace_work);
	vexfs_ipc_resend(0);
	vexfs_ipc_consumers_daemon_attached();
}

int vexfs_ipc_requests_answer(struct nlattr **attrs, const char **why)
{
	u64 id = nla_get_u64(attrs[VEXFS_IPC_A_REQUEST_ID]);
	u32 status = nla_get_u32(attrs[VEXFS_IPC_A_STATUS]);
	u32 flags = attrs[VEXFS_IPC_A_FLAGS] ? nla_get_u32(attrs[VEXFS_IPC_A_FLAGS]) : 0;
	struct vexfs_ipc_req *req;
	int err;

	if (flags & ~VEXFS_IPC_F_TRUNCATED) {
		*why = "FLAGS: only TRUNCATED may be set on a response";
		return -EINVAL;
	}
	xa_lock_bh(&pending);
	req = xa_load(&pending, id);
	if (!req) {
		xa_unlock_bh(&pending);
		atomic64_inc(&vexfs_ipc_stats.late);
		*why = "request is not pending (timed out, cancelled or already answered)";
		return -ENOENT;
	}
	if (status == VEXFS_IPC_STATUS_SUCCESS) {
		*why = vexfs_ipc_answer_misfit(req, attrs, &err);
		if (*why) {
			xa_unlock_bh(&pending);
			return err;
		}
	}
	/* Out of the table under the lock: the request is ours alone to settle. */
	__xa_erase(&pending, id);
	req->status = status;
	xa_unlock_bh(&pending);
	if (status == VEXFS_IPC_STATUS_SUCCESS) {
		req->vector_len = nla_len(attrs[VEXFS_IPC_A_VECTOR]);
		memcpy(req->args.vector, nla_data(attrs[VEXFS_IPC_A_VECTOR]), req->vector_len);
		vexfs_ipc_answer_provenance(req, attrs);
	}
	if (attrs[VEXFS_IPC_A_PROCESSING_NS])
		req->prov.processing_ns = nla_get_u64(attrs[VEXFS_IPC_A_PROCESSING_NS]);
	queue_work(wq, &req->complete_work);
	return 0;
}

/* Makes @req ready to go: out fields cleared, module fields set, on @c's live list. */
static void prepare(struct vexfs_ipc_consumer *c, struct vexfs_ipc_req *req, u64 now)
{
	req->id = vexfs_ipc_next_id();
	req->status = 0;
	req->vector_len = 0;
	memset(&req->prov, 0, sizeof(req->prov));
	req->consumer = c;
	INIT_LIST_HEAD(&req->resend);
	INIT_WORK(&req->complete_work, complete_one);
	INIT_DELAYED_WORK(&req->timeout_work, timed_out);
	/* Submit's own pin, handed to the sender. */
	atomic_set(&req->pins, 1);
	req->deadline_ns = now + (u64)req->args.timeout_ms * NSEC_PER_MSEC;
	/* Who caused it: the calling process, or nobody (0) for work a kernel thread or interrupt submits. */
	req->caller_uid = in_task() ? from_kuid_munged(&init_user_ns, current_uid()) : 0;
	req->caller_pid = in_task() ? task_tgid_nr(current) : 0;
	/* Set before the request is in the table: a re-send leaves a queued request to the sender. */
	req->queued = true;
	req->sent = false;
	req->cpu = raw_smp_processor_id();
	req->queue_port = 0;
}

int vexfs_ipc_submit(struct vexfs_ipc_consumer *c, struct vexfs_ipc_req **reqs, unsigned int n, gfp_t gfp)
{
	u64 now = ktime_get_ns();
	unsigned int i;
	int ret;

	if (IS_ERR_OR_NULL(c) || !reqs || n < 1 || n > VEXFS_IPC_MAX_BATCH_SIZE)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!reqs[i] || !reqs[i]->done)
			return -EINVAL;
		ret = vexfs_ipc_check_args(&reqs[i]->args);
		if (ret)
			return ret;
	}
	if (!vexfs_ipc_genl_daemon_portid())
		return -ENOTCONN;
	ret = vexfs_ipc_consumer_reserve(c, n);
	if (ret)
		return ret;
	/* Slots first: once a request is in the table it is settled, so nothing after that may fail. */
	for (i = 0; i < n; i++) {
		prepare(c, reqs[i], now);
		ret = xa_reserve_bh(&pending, reqs[i]->id, gfp);
		if (ret)
			goto err_reserve;
	}
	spin_lock_bh(&c->lock);
	for (i = 0; i < n; i++)
		list_add_tail(&reqs[i]->node, &c->live);
	spin_unlock_bh(&c->lock);
	xa_lock_bh(&pending);
	for (i = 0; i < n; i++)
		__xa_store(&pending, reqs[i]->id, reqs[i], GFP_ATOMIC);
	xa_unlock_bh(&pending);
	atomic_add(n, &npending);
	atomic64_add(n, &vexfs_ipc_stats.live_requests);
	atomic64_add(n, &vexfs_ipc_stats.submitted);
	atomic64_add(n, &c->submitted);
	for (i = 0; i < n; i++) {
		struct vexfs_ipc_req *req = reqs[i];

		queue_delayed_work(wq, &req->timeout_work, msecs_to_jiffies(req->args.timeout_ms));
		/* The daemon announced it sheds this priority: fail early rather than send. */
		if (req->args.priority < vexfs_ipc_genl_min_priority()) {
			vexfs_ipc_req_settle(req, VEXFS_IPC_STATUS_OVERLOADED);
			vexfs_ipc_req_unpin(req);
			continue;
		}
		vexfs_ipc_send_later(req);
	}
	vexfs_ipc_send_kick();
	return 0;

err_reserve:
	while (i--)
		xa_cmpxchg_bh(&pending, reqs[i]->id, XA_ZERO_ENTRY, NULL, 0);
	vexfs_ipc_consumer_unreserve(c, n);
	return ret;
}
EXPORT_SYMBOL_GPL(vexfs_ipc_submit);

bool vexfs_ipc_cancel(struct vexfs_ipc_req *req)
{
	return vexfs_ipc_req_settle(req, VEXFS_IPC_STATUS_CANCELLED);
}
EXPORT_SYMBOL_GPL(vexfs_ipc_cancel);

unsigned int vexfs_ipc_cancel_owner(struct vexfs_ipc_consumer *c, u64 owner)
{
	struct vexfs_ipc_req *req;
	unsigned int n = 0;

	spin_lock_bh(&c->lock);
	list_for_each_entry(req, &c->live, node)
		if (req->owner == owner && vexfs_ipc_req_settle(req, VEXFS_IPC_STATUS_CANCELLED))
			n++;
	spin_unlock_bh(&c->lock);
	return n;
}
EXPORT_SYMBOL_GPL(vexfs_ipc_cancel_owner);

void vexfs_ipc_requests_cancel_consumer(struct vexfs_ipc_consumer *c)
{
	struct vexfs_ipc_req *req;

	spin_lock_bh(&c->lock);
	list_for_each_entry(req, &c->live, node)
		vexfs_ipc_req_settle(req, VEXFS_IPC_STATUS_CANCELLED);
	spin_unlock_bh(&c->lock);
}

int vexfs_ipc_requests_init(void)
{
	int ret;

	ret = -ENOMEM;
	wq = alloc_workqueue("vexfs_ipc", WQ_UNBOUND, 0);
	if (!wq)
		goto err_wq;
	ret = vexfs_ipc_send_init();
	if (ret)
		goto err_send;
	ret = vexfs_ipc_consumers_init();
	if (ret)
		goto err_consumers;
	return 0;

err_consumers:
	vexfs_ipc_send_uninit();
err_send:
	destroy_workqueue(wq);
err_wq:
	return ret;
}

void vexfs_ipc_requests_uninit(void)
{
	cancel_delayed_work_sync(&grace_work);
	settle_all(VEXFS_IPC_STATUS_NO_DAEMON);
	/* The sender lets go of what it held (nothing is in the table to send), then every completion runs. */
	vexfs_ipc_send_flush();
	flush_workqueue(wq);
	vexfs_ipc_consumers_uninit();
	vexfs_ipc_send_uninit();
	destroy_workqueue(wq);
}
