/* SPDX-License-Identifier: GPL-2.0 */
/* The VEXFS_IPC generic netlink family (netlink.c). */
#ifndef _VEXFS_IPC_NETLINK_H
#define _VEXFS_IPC_NETLINK_H

#include <linux/types.h>
#include <net/netlink.h>
#include <uapi/linux/vexfs_ipc.h>

int vexfs_ipc_genl_init(void);
void vexfs_ipc_genl_uninit(void);
extern const struct nla_policy vexfs_ipc_policy[VEXFS_IPC_A_MAX + 1];
struct vexfs_ipc_req;
int vexfs_ipc_genl_send_request(u32 portid, const struct vexfs_ipc_req *req, bool resent);
void vexfs_ipc_genl_send_cancel(u32 portid, u64 id, u32 status);
/* Multicasts an enum vexfs_ipc_event on the "events" group. */
void vexfs_ipc_genl_event(u32 event, const char *service_id);
/* A kernel->daemon message of @cmd: start it, add attributes, then send (frees on error). */
struct sk_buff *vexfs_ipc_genl_start(u8 cmd, void **hdr);
int vexfs_ipc_genl_send(struct sk_buff *skb, void *hdr, u32 portid);

#endif
