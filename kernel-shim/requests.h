/* SPDX-License-Identifier: GPL-2.0 */
/* Pending embedding requests (requests.c): the table, ids, per-uid counts, re-sending. */
#ifndef _VEXFS_IPC_REQUESTS_H
#define _VEXFS_IPC_REQUESTS_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/list.h>
#include <linux/types.h>
#include <linux/vexfs_ipc.h>

int vexfs_ipc_requests_init(void);
void vexfs_ipc_requests_uninit(void);
/* Per-uid count of pending SEND_EMBEDDING_REQUEST calls: -EDQUOT over the limit. */
int vexfs_ipc_uid_pending_get(u32 uid);
void vexfs_ipc_uid_pending_put(u32 uid);
/* A response from the daemon; returns 0 or a negative errno for the sender. */
int vexfs_ipc_requests_complete(u64 id, u32 status, const void *vector, u32 vector_len, u64 processing_ns,
				const char **why);
/* The daemon went away (0) or a new one attached (portid): re-send or start the grace period. */
void vexfs_ipc_requests_daemon_changed(u32 portid);
u32 vexfs_ipc_requests_inflight(void);
/* Ids for requests and queries come from one counter, so they never collide. */
u64 vexfs_ipc_next_id(void);

/* A pending request (requests.c owns it; netlink.c reads it to send). */
struct vexfs_ipc_request {
	u64 id;
	/* The caller's arguments: they live until vexfs_ipc_embed() returns, which outlasts the request. */
	const struct vexfs_ipc_embed_args *args;
	u64 deadline_ns;
	u32 caller_uid;
	u32 caller_pid;
	struct completion done;
	/* Re-senders reading @args: the caller does not return (and free them) while any pin is held. */
	atomic_t pins;
	struct list_head resend;
	/* Filled by the completer before complete(). */
	u32 status;
	void *vector;
	u32 vector_len;
	u64 processing_ns;
};

#endif
