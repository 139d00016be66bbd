/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vexfs_ipc internals shared by the module's files. The in-kernel API for
 * the filesystem is include/linux/vexfs_ipc.h.
 */
#ifndef _VEXFS_IPC_INTERNAL_H
#define _VEXFS_IPC_INTERNAL_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/types.h>
#include <net/netlink.h>
#include <linux/vexfs_ipc.h>

/* Module parameters (main.c). */
extern unsigned int vexfs_ipc_max_pending;
extern unsigned int vexfs_ipc_grace_ms;
extern unsigned int vexfs_ipc_reply_timeout_ms;
extern unsigned int vexfs_ipc_max_pending_per_uid;
extern unsigned int vexfs_ipc_user_max_priority;
extern int vexfs_ipc_priority_gid;


/* Fills the module's counters into @s (GET_STATS over genetlink and ioctl alike). */
struct vexfs_ipc_stats;
void vexfs_ipc_fill_stats(struct vexfs_ipc_stats *s);

/* Object counters: every allocation has a matching free, so all return to zero when idle. */
struct vexfs_ipc_counters {
	atomic64_t submitted, completed, failed, timed_out, cancelled, resent, late, invalid;
	atomic64_t live_requests, live_buffers, live_registrations;
};
extern struct vexfs_ipc_counters vexfs_ipc_stats;

/* requests.c */
int vexfs_ipc_requests_init(void);
/* Drops a still-unread message with this REQUEST_ID from the framed transport's queue. */
void vexfs_ipc_chardev_drop(u64 id);
/* Per-uid count of pending SEND_EMBEDDING_REQUEST calls: -EDQUOT over the limit. */
int vexfs_ipc_uid_pending_get(u32 uid);
void vexfs_ipc_uid_pending_put(u32 uid);
void vexfs_ipc_requests_uninit(void);
/* A response from the daemon; returns 0 or a negative errno for the sender. */
int vexfs_ipc_requests_complete(u64 id, u32 status, const void *vector, u32 vector_len, u64 processing_ns,
				const char **why);
/* The daemon went away (0) or a new one attached (portid): re-send or start the grace period. */
void vexfs_ipc_requests_daemon_changed(u32 portid);
u32 vexfs_ipc_requests_inflight(void);
/* Ids for requests and queries come from one counter, so they never collide. */
u64 vexfs_ipc_next_id(void);

/* netlink.c (the family, sending) and daemon.c (the daemon link) */
int vexfs_ipc_genl_init(void);
void vexfs_ipc_genl_uninit(void);
u32 vexfs_ipc_genl_daemon_portid(void);
u8 vexfs_ipc_genl_min_priority(void);
struct vexfs_ipc_request;
int vexfs_ipc_genl_send_request(u32 portid, const struct vexfs_ipc_request *req, bool resent);
void vexfs_ipc_genl_send_cancel(u64 id, u32 status);
/* The daemon id of a daemon attached through the char device (not a netlink port id). */
#define VEXFS_IPC_CHARDEV_DAEMON	0xffffffffU
extern const struct nla_policy vexfs_ipc_policy[VEXFS_IPC_A_MAX + 1];
int vexfs_ipc_daemon_claim(u32 sender, struct sock *sk, struct netlink_ext_ack *extack, bool *fresh);
/* daemon.c: whether @portid is the daemon's and its socket still lives; forgetting the daemon at unload. */
bool vexfs_ipc_daemon_socket_alive(u32 portid);
void vexfs_ipc_daemon_reset(void);
void vexfs_ipc_daemon_attached(u32 sender);
void vexfs_ipc_daemon_detach(u32 sender, const char *why);
/* Multicasts an enum vexfs_ipc_event on the "events" group. */
void vexfs_ipc_genl_event(u32 event, const char *service_id);
/* Daemon->kernel commands other than attach, for both transports. */
int vexfs_ipc_handle(u8 cmd, u32 sender, struct nlattr **attrs, struct netlink_ext_ack *extack);
/* chardev.c: queue a kernel->daemon message for the char-device daemon (takes the skb). */
int vexfs_ipc_chardev_deliver(struct sk_buff *skb);
void vexfs_ipc_chardev_detached(void);

/* A kernel->daemon message of @cmd: start it, add attributes, then send (frees on error). */
struct sk_buff *vexfs_ipc_genl_start(u8 cmd, void **hdr);
int vexfs_ipc_genl_send(struct sk_buff *skb, void *hdr, u32 portid);

#include "queries.h"
#include "registrations.h"

/* chardev.c */
int vexfs_ipc_chardev_init(void);
void vexfs_ipc_chardev_uninit(void);

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
