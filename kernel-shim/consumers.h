/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consumers (consumers.c): who submits requests. In-kernel consumers share
 * one part of the pending table (kernel_share_pct of max_pending) and the
 * SEND_EMBEDDING_REQUEST callers, as the built-in "ioctl" consumer, the
 * rest: neither can starve the other.
 */
#ifndef _VEXFS_IPC_CONSUMERS_H
#define _VEXFS_IPC_CONSUMERS_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/vexfs_ipc.h>
#include <linux/wait.h>

struct vexfs_ipc_consumer {
	char name[VEXFS_IPC_MAX_CONSUMER_NAME_LEN];
	u32 max_inflight;
	/* The SEND_EMBEDDING_REQUEST callers' part of the table, not the in-kernel one. */
	bool user;
	void (*daemon_attached)(void *private);
	void *private;
	/* Guards @live and @running; taken before the request table's lock. */
	spinlock_t lock;
	/* Submitted requests whose ->done has not started. */
	struct list_head live;
	/* ->done calls running now. */
	unsigned int running;
	wait_queue_head_t idle;
	atomic_t inflight;
	atomic64_t submitted, completed, failed, cancelled, timed_out;
	struct list_head node;
};

int vexfs_ipc_consumers_init(void);
void vexfs_ipc_consumers_uninit(void);
/* Built in: SEND_EMBEDDING_REQUEST callers, and vexfs_ipc_embed()'s in-kernel callers. */
extern struct vexfs_ipc_consumer *vexfs_ipc_ioctl_consumer, *vexfs_ipc_embed_consumer;
/* Reserves @n requests against @c's cap (-EDQUOT) and its part of the table (-EBUSY). */
int vexfs_ipc_consumer_reserve(struct vexfs_ipc_consumer *c, unsigned int n);
void vexfs_ipc_consumer_unreserve(struct vexfs_ipc_consumer *c, unsigned int n);
/* Each consumer's daemon_attached hook (a daemon attached: parked work may go again). */
void vexfs_ipc_consumers_daemon_attached(void);
/* GET_STATS: the in-kernel part of the table, and up to @cap consumers into @out. */
u32 vexfs_ipc_kernel_inflight(void);
u32 vexfs_ipc_kernel_capacity(void);
u32 vexfs_ipc_consumers_fill(struct vexfs_ipc_consumer_stats *out, u32 cap, u32 *total);

#endif
