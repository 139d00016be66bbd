// SPDX-License-Identifier: GPL-2.0
/*
 * The pending table and vexfs_ipc_embed().
 *
 * Ownership: the caller of vexfs_ipc_embed() owns its request. Whoever
 * removes the request from the table (the response handler, the grace
 * timer, or the caller itself on timeout) is the one who settles it; the
 * caller frees it after that. The table's lock makes removal exclusive.
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

static DEFINE_XARRAY(pending);
static atomic64_t next_id = ATOMIC64_INIT(0);
static atomic_t npending = ATOMIC_INIT(0);
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

/* Settles every request still in the table with @status (grace over, unload). */
static void settle_all(u32 status)
{
	struct vexfs_ipc_request *req;
	unsigned long index;

	xa_lock(&pending);
	xa_for_each(&pending, index, req) {
		__xa_erase(&pending, index);
		req->status = status;
		complete(&req->done);
	}
	xa_unlock(&pending);
}

static void grace_expired(struct work_struct *work)
{
	if (vexfs_ipc_genl_daemon_portid())
		return;
	settle_all(VEXFS_IPC_STATUS_NO_DAEMON);
}

/* Settles @req with @status unless an answer, cancel or timeout already did. */
static void settle_one(struct vexfs_ipc_request *req, u32 status)
{
	xa_lock(&pending);
	if (__xa_cmpxchg(&pending, req->id, req, NULL, 0) == req) {
		req->status = status;
		complete(&req->done);
	}
	xa_unlock(&pending);
}

static void unpin(struct vexfs_ipc_request *req)
{
	if (atomic_dec_and_test(&req->pins))
		wake_up_var(&req->pins);
}

/* One re-send at a time: each uses the requests' resend list nodes. */
static DEFINE_MUTEX(resend_lock);

void vexfs_ipc_requests_daemon_changed(u32 portid)
{
	struct vexfs_ipc_request *req, *tmp;
	unsigned long index;
	LIST_HEAD(todo);
	int ret;

	if (!portid) {
		if (!xa_empty(&pending))
			mod_delayed_work(system_wq, &grace_work, msecs_to_jiffies(vexfs_ipc_grace_ms));
		return;
	}
	cancel_delayed_work(&grace_work);
	mutex_lock(&resend_lock);
	/*
	 * Pin every pending request under the lock (no allocation there), then
	 * build and send each with GFP_KERNEL outside it; the pin keeps the
	 * caller, and so its arguments, waiting until this is done with them.
	 */
	xa_lock(&pending);
	xa_for_each(&pending, index, req) {
		atomic_inc(&req->pins);
		list_add_tail(&req->resend, &todo);
	}
	xa_unlock(&pending);
	list_for_each_entry_safe(req, tmp, &todo, resend) {
		list_del(&req->resend);
		ret = vexfs_ipc_genl_send_request(portid, req, true);
		if (!ret)
			atomic64_inc(&vexfs_ipc_stats.resent);
		else
			/* Not delivered: answer it now rather than let it wait out its timeout. */
			settle_one(req, ret == -ECONNREFUSED ? VEXFS_IPC_STATUS_NO_DAEMON : VEXFS_IPC_STATUS_OVERLOADED);
		unpin(req);
	}
	mutex_unlock(&resend_lock);
}

int vexfs_ipc_requests_complete(u64 id, u32 status, const void *vector, u32 vector_len, u64 processing_ns,
				const char **why)
{
	struct vexfs_ipc_request *req;
	void *copy = NULL;
	u32 expected = 0;

	xa_lock(&pending);
	req = xa_load(&pending, id);
	if (req && status == VEXFS_IPC_STATUS_SUCCESS)
		expected = vexfs_ipc_vector_bytes(req->args->dimensions, req->args->data_type);
	xa_unlock(&pending);
	if (!req) {
		atomic64_inc(&vexfs_ipc_stats.late);
		*why = "request is not pending (timed out, cancelled or already answered)";
		return -ENOENT;
	}
	if (status == VEXFS_IPC_STATUS_SUCCESS) {
		if (!vector) {
			*why = "VECTOR is required with status SUCCESS";
			return -EINVAL;
		}
		if (vector_len != expected) {
			*why = "VECTOR length does not match the request's dimensions and data type";
			return -EMSGSIZE;
		}
		copy = kvmalloc(vector_len, GFP_KERNEL);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, vector, vector_len);
		atomic64_inc(&vexfs_ipc_stats.live_buffers);
	}
	xa_lock(&pending);
	/* Still the same request and still pending? Then it is ours to settle. */
	if (__xa_cmpxchg(&pending, id, req, NULL, 0) != req) {
		xa_unlock(&pending);
		if (copy) {
			kvfree(copy);
			atomic64_dec(&vexfs_ipc_stats.live_buffers);
		}
		atomic64_inc(&vexfs_ipc_stats.late);
		*why = "request is not pending (timed out, cancelled or already answered)";
		return -ENOENT;
	}
	req->status = status;
	req->vector = copy;
	req->vector_len = copy ? vector_len : 0;
	req->processing_ns = processing_ns;
	complete(&req->done);
	xa_unlock(&pending);
	return 0;
}

static int check_args(const struct vexfs_ipc_embed_args *a)
{
	if (!a->input || a->input_len < 1 || a->input_len > VEXFS_IPC_MAX_INPUT_BYTES)
		return -EINVAL;
	if (a->dimensions < 1 || a->dimensions > VEXFS_IPC_MAX_DIMENSIONS || a->data_type > VEXFS_IPC_DTYPE_MAX)
		return -EINVAL;
	if (a->timeout_ms < 1 || a->timeout_ms > VEXFS_IPC_MAX_TIMEOUT_MS)
		return -EINVAL;
	if (a->model && strnlen(a->model, VEXFS_IPC_MAX_MODEL_LEN) >= VEXFS_IPC_MAX_MODEL_LEN)
		return -E2BIG;
	if (!a->vector || a->vector_cap < vexfs_ipc_vector_bytes(a->dimensions, a->data_type))
		return -ENOSPC;
	return 0;
}

/**
 * vexfs_ipc_embed() - get one embedding from the userspace services
 * @args: the request; see struct vexfs_ipc_embed_args.
 * @res: the outcome.
 *
 * Sleeps until the daemon answers, the timeout passes, or a fatal signal
 * arrives (then the daemon is told to cancel). Returns 0 when the request
 * reached a conclusion (@res->status says which; on SUCCESS the vector is in
 * @args->vector), -EINVAL/-E2BIG/-ENOSPC for bad arguments, -ENOTCONN with
 * no daemon attached, -EBUSY when the pending table is full, -ENOMEM, or
 * -EINTR after a fatal signal. Never uses floating point.
 */
int vexfs_ipc_embed(const struct vexfs_ipc_embed_args *args, struct vexfs_ipc_embed_result *res)
{
	struct vexfs_ipc_request *req;
	bool killed = false;
	long left;
	u32 portid;
	int ret;

	memset(res, 0, sizeof(*res));
	ret = check_args(args);
	if (ret)
		return ret;
	portid = vexfs_ipc_genl_daemon_portid();
	if (!portid)
		return -ENOTCONN;
	if (args->priority < vexfs_ipc_genl_min_priority()) {
		/* The daemon announced it sheds this priority: fail early. */
		atomic64_inc(&vexfs_ipc_stats.submitted);
		atomic64_inc(&vexfs_ipc_stats.failed);
		res->status = VEXFS_IPC_STATUS_OVERLOADED;
		return 0;
	}
	if (atomic_inc_return(&npending) > vexfs_ipc_max_pending) {
		ret = -EBUSY;
		goto err_full;
	}
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req) {
		ret = -ENOMEM;
		goto err_full;
	}
	atomic64_inc(&vexfs_ipc_stats.live_requests);
	init_completion(&req->done);
	INIT_LIST_HEAD(&req->resend);
	req->id = vexfs_ipc_next_id();
	req->args = args;
	req->deadline_ns = ktime_get_ns() + (u64)args->timeout_ms * NSEC_PER_MSEC;
	req->caller_uid = from_kuid_munged(&init_user_ns, current_uid());
	req->caller_pid = task_tgid_nr(current);
	res->request_id = req->id;

	ret = xa_insert(&pending, req->id, req, GFP_KERNEL);
	if (ret)
		goto err_insert;
	atomic64_inc(&vexfs_ipc_stats.submitted);

	ret = vexfs_ipc_genl_send_request(portid, req, false);
	if (ret) {
		/* Not delivered: settle it now unless something else already did. */
		if (xa_cmpxchg(&pending, req->id, req, NULL, 0) == req)
			req->status = ret == -ECONNREFUSED ? VEXFS_IPC_STATUS_NO_DAEMON : VEXFS_IPC_STATUS_OVERLOADED;
		else
			wait_for_completion(&req->done);
		goto settled;
	}

	left = wait_for_completion_killable_timeout(&req->done, msecs_to_jiffies(args->timeout_ms));
	if (left <= 0) {
		killed = left < 0;
		if (xa_cmpxchg(&pending, req->id, req, NULL, 0) == req) {
			req->status = killed ? VEXFS_IPC_STATUS_CANCELLED : VEXFS_IPC_STATUS_TIMEOUT;
			vexfs_ipc_genl_send_cancel(req->id, req->status);
		} else {
			/* A completer took it from the table first and is about to complete. */
			wait_for_completion(&req->done);
			killed = false;
		}
	}

settled:
	res->status = req->status;
	res->processing_ns = req->processing_ns;
	if (req->status == VEXFS_IPC_STATUS_SUCCESS) {
		memcpy(args->vector, req->vector, req->vector_len);
		res->vector_len = req->vector_len;
		atomic64_inc(&vexfs_ipc_stats.completed);
	} else {
		atomic64_inc(&vexfs_ipc_stats.failed);
		if (req->status == VEXFS_IPC_STATUS_TIMEOUT)
			atomic64_inc(&vexfs_ipc_stats.timed_out);
		if (req->status == VEXFS_IPC_STATUS_CANCELLED)
			atomic64_inc(&vexfs_ipc_stats.cancelled);
	}
	if (req->vector) {
		kvfree(req->vector);
		atomic64_dec(&vexfs_ipc_stats.live_buffers);
	}
	/* A re-sender may still be reading the arguments. */
	wait_var_event(&req->pins, !atomic_read(&req->pins));
	kfree(req);
	atomic64_dec(&vexfs_ipc_stats.live_requests);
	atomic_dec(&npending);
	return killed ? -EINTR : 0;

err_insert:
	kfree(req);
	atomic64_dec(&vexfs_ipc_stats.live_requests);
err_full:
	atomic_dec(&npending);
	return ret;
}
EXPORT_SYMBOL_GPL(vexfs_ipc_embed);

/* uid -> pending SEND_EMBEDDING_REQUEST calls, as xarray value entries. */
static DEFINE_XARRAY(uid_pending);

int vexfs_ipc_uid_pending_get(u32 uid)
{
	unsigned int limit = READ_ONCE(vexfs_ipc_max_pending_per_uid);
	unsigned long n;
	void *old;

	/*
	 * Counted whether or not a limit is set, so the counts stay true when
	 * max_pending_per_uid changes from 0 at run time. Never more than a
	 * quarter of the table, so one user cannot fill it whatever the parameters.
	 */
	if (limit)
		limit = min(limit, max(1U, READ_ONCE(vexfs_ipc_max_pending) / 4));
	xa_lock(&uid_pending);
	n = xa_to_value(xa_load(&uid_pending, uid) ?: xa_mk_value(0));
	if (limit && n >= limit) {
		xa_unlock(&uid_pending);
		return -EDQUOT;
	}
	old = __xa_store(&uid_pending, uid, xa_mk_value(n + 1), GFP_ATOMIC);
	xa_unlock(&uid_pending);
	return xa_is_err(old) ? xa_err(old) : 0;
}

void vexfs_ipc_uid_pending_put(u32 uid)
{
	unsigned long n;
	void *entry;

	xa_lock(&uid_pending);
	entry = xa_load(&uid_pending, uid);
	if (entry) {
		n = xa_to_value(entry);
		if (n <= 1)
			__xa_erase(&uid_pending, uid);
		else
			__xa_store(&uid_pending, uid, xa_mk_value(n - 1), GFP_ATOMIC);
	}
	xa_unlock(&uid_pending);
}

int vexfs_ipc_requests_init(void)
{
	return 0;
}

void vexfs_ipc_requests_uninit(void)
{
	cancel_delayed_work_sync(&grace_work);
	settle_all(VEXFS_IPC_STATUS_NO_DAEMON);
	xa_destroy(&uid_pending);
}
