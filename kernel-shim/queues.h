/* SPDX-License-Identifier: GPL-2.0 */
/* The daemon's queues (queues.c). Changes are made with daemon.c's lock held. */
#ifndef _VEXFS_IPC_QUEUES_H
#define _VEXFS_IPC_QUEUES_H

#include <linux/types.h>
#include <net/netlink.h>

struct sock;
struct sk_buff;

extern const struct nla_policy vexfs_ipc_queue_policy[VEXFS_IPC_QUEUE_A_MAX + 1];

/* A daemon attached on @portid (@sk held; NULL for the char device): it is queue 0, the only one. */
int vexfs_ipc_queues_start(u32 portid, struct sock *sk);
/* The daemon left: every queue goes. */
void vexfs_ipc_queues_stop(void);
/* One more queue (its index in @index; a port that is one already: its index). */
int vexfs_ipc_queues_add(u32 portid, struct sock *sk, u32 *index);
/* Takes out the queue of @portid unless it is queue 0; whether it was one. */
bool vexfs_ipc_queues_remove(u32 portid);

/* Whether @portid is a queue's port and its socket still lives. */
bool vexfs_ipc_queues_alive(u32 portid);
/* The index of @portid's queue, or -1. */
int vexfs_ipc_queues_index(u32 portid);
/* The port of queue (@cpu + @attempt) mod queues, or 0 when @attempt has tried them all. */
u32 vexfs_ipc_queues_pick(u32 cpu, u32 attempt);
u32 vexfs_ipc_queues_count(void);
void vexfs_ipc_queues_count_sent(u32 portid, bool fallback);
void vexfs_ipc_queues_count_answered(u32 portid);
/* VEXFS_IPC_A_QUEUES for GET_STATS (nothing without a genetlink daemon). */
int vexfs_ipc_queues_put(struct sk_buff *skb);

#endif
