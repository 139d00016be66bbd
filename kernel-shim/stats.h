/* SPDX-License-Identifier: GPL-2.0 */
/* The module's counters (stats.c): objects it holds and requests it saw. */
#ifndef _VEXFS_IPC_STATS_H
#define _VEXFS_IPC_STATS_H

#include <linux/atomic.h>
#include <net/netlink.h>
#include <uapi/linux/vexfs_ipc.h>

/* Object counters: every allocation has a matching free, so all return to zero when idle. */
struct vexfs_ipc_counters {
	atomic64_t submitted, completed, failed, timed_out, cancelled, resent, late, invalid;
	atomic64_t live_requests, live_buffers, live_registrations;
};
extern struct vexfs_ipc_counters vexfs_ipc_stats;
extern const struct nla_policy vexfs_ipc_stats_policy[VEXFS_IPC_STATS_A_MAX + 1];

/* Fills the module's counters into @s (GET_STATS over genetlink and ioctl alike). */
void vexfs_ipc_fill_stats(struct vexfs_ipc_stats *s);
/* The GET_STATS ioctl (with VEXFS_IPC_STATS_F_DAEMON, the daemon's counters too). */
long vexfs_ipc_stats_ioctl(struct vexfs_ipc_stats __user *uarg);

#endif
