// SPDX-License-Identifier: GPL-2.0
/*
 * Sending what is in the pending table (requests.c) to the daemon's queues:
 * submitted requests in bursts from one send work, and every request again
 * when a daemon attaches or a queue leaves. A sender pins each request it
 * reads, so its completion (and so its caller) waits until it is done.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/llist.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "vexfs_ipc.h"

/*
 * Sending runs apart from completions: a completion waits for the sender to
 * let go of its request, so the sender must never wait behind completions
 * for a worker.
 */
static struct workqueue_struct *send_wq;
/* Submitted, not yet sent: one send work takes them all, so a batch goes as one burst. */
static LLIST_HEAD(to_send);
static void send_queued(struct work_struct *work);
static DECLARE_WORK(send_work, send_queued);
/* One re-send at a time, and never with the sender: each uses the requests' resend nodes, and a request goes once. */
static DEFINE_MUTEX(resend_lock);

void vexfs_ipc_send_later(struct vexfs_ipc_req *req)
{
	llist_add(&req->send, &to_send);
}

void vexfs_ipc_send_kick(void)
{
	queue_work(send_wq, &send_work);
}

/*
 * Sends @req to its CPU's queue, or the next queue that takes it (a full
 * or closing socket does not), and notes where it went. Returns 0, or the
 * last queue's error (-ENOTCONN: no queue).
 */
static int send_to_queue(struct vexfs_ipc_req *req, bool resent)
{
	int ret = -ENOTCONN;
	u32 attempt, port;

	for (attempt = 0; (port = vexfs_ipc_queues_pick(req->cpu, attempt)); attempt++) {
		ret = vexfs_ipc_genl_send_request(port, req, resent);
		if (!ret) {
			WRITE_ONCE(req->queue_port, port);
			WRITE_ONCE(req->sent, true);
			vexfs_ipc_queues_count_sent(port, attempt > 0);
			return 0;
		}
		/* Only a queue that cannot take it now is passed over; a request that cannot be built fails. */
		if (ret != -EAGAIN && ret != -ENOBUFS && ret != -ECONNREFUSED)
			return ret;
	}
	return ret;
}

/* Not delivered to any queue: answered now rather than left to wait out its timeout. */
static void send_failed(struct vexfs_ipc_req *req, int ret)
{
	bool gone = ret == -ECONNREFUSED || ret == -ENOTCONN;

	vexfs_ipc_req_settle(req, gone ? VEXFS_IPC_STATUS_NO_DAEMON : VEXFS_IPC_STATUS_OVERLOADED);
}

static void send_queued(struct work_struct *work)
{
	struct llist_node *list = llist_reverse_order(llist_del_all(&to_send));
	struct vexfs_ipc_req *req, *tmp;
	int ret;

	mutex_lock(&resend_lock);
	llist_for_each_entry_safe(req, tmp, list, send) {
		if (!vexfs_ipc_req_pending(req)) {
			/* Settled before it went out (cancelled, timed out). */
		} else if (!vexfs_ipc_genl_daemon_portid()) {
			/* The daemon left since submit: the request waits for the next one, as if it had been sent. */
			vexfs_ipc_requests_await_daemon();
		} else {
			ret = send_to_queue(req, false);
			if (ret)
				send_failed(req, ret);
		}
		/* From now on a daemon that attaches gets it from the re-send. */
		req->queued = false;
		vexfs_ipc_req_unpin(req);
	}
	mutex_unlock(&resend_lock);
}

/*
 * Every request is pinned under the table's lock (no allocation there),
 * then built and sent with GFP_KERNEL outside it; resend_lock keeps the
 * sender from running meanwhile.
 */
void vexfs_ipc_resend(u32 from_port)
{
	struct vexfs_ipc_req *req, *tmp;
	LIST_HEAD(todo);
	int ret;

	mutex_lock(&resend_lock);
	vexfs_ipc_requests_pin_sent(from_port, &todo);
	list_for_each_entry_safe(req, tmp, &todo, resend) {
		list_del(&req->resend);
		ret = send_to_queue(req, true);
		if (!ret)
			atomic64_inc(&vexfs_ipc_stats.resent);
		else
			send_failed(req, ret);
		vexfs_ipc_req_unpin(req);
	}
	mutex_unlock(&resend_lock);
}

void vexfs_ipc_requests_queue_lost(u32 portid)
{
	vexfs_ipc_resend(portid);
}

int vexfs_ipc_send_init(void)
{
	send_wq = alloc_workqueue("vexfs_ipc_send", WQ_UNBOUND, 1);
	return send_wq ? 0 : -ENOMEM;
}

void vexfs_ipc_send_flush(void)
{
	flush_workqueue(send_wq);
}

void vexfs_ipc_send_uninit(void)
{
	destroy_workqueue(send_wq);
}
