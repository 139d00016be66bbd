/* SPDX-License-Identifier: GPL-2.0 */
/* A service on the wire (service.c): the SERVICE nest's policy, writer and reader. */
#ifndef _VEXFS_IPC_SERVICE_H
#define _VEXFS_IPC_SERVICE_H

#include <linux/types.h>
#include <net/netlink.h>
#include <uapi/linux/vexfs_ipc.h>

/* What a registration says about its service, kept to re-announce it. */
struct vexfs_ipc_service_spec {
	char id[VEXFS_IPC_MAX_SERVICE_ID_LEN];
	char name[VEXFS_IPC_MAX_NAME_LEN];
	char version[VEXFS_IPC_MAX_VERSION_LEN];
	char models[VEXFS_IPC_MAX_MODELS_LEN];
	char endpoint[VEXFS_IPC_MAX_ENDPOINT_LEN];
	char token[VEXFS_IPC_MAX_TOKEN_LEN];
	u32 dims[VEXFS_IPC_MAX_DIMENSION_SETS];
	u32 ndims, data_types, max_batch, priority;
	u32 uid, gid, pid;
};

extern const struct nla_policy vexfs_ipc_svc_policy[VEXFS_IPC_SVC_A_MAX + 1];

/* Writes @s as a VEXFS_IPC_A_SERVICE nest for the daemon; -EMSGSIZE when @skb is full. */
int vexfs_ipc_service_put(struct sk_buff *skb, const struct vexfs_ipc_service_spec *s);
/* Reads the daemon's description of a service (already checked by the family policy) into @out. */
void vexfs_ipc_service_fill(const struct nlattr *nest, struct vexfs_ipc_service_info *out);

#endif
