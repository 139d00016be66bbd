/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Queries to the daemon (queries.c): every control message the module sends
 * it, and the calls that wait for its REPLY.
 */
#ifndef _VEXFS_IPC_QUERIES_H
#define _VEXFS_IPC_QUERIES_H

#include <linux/types.h>
#include <net/netlink.h>
#include <uapi/linux/vexfs_ipc.h>

#include "service.h"

/* REGISTER or UNREGISTER (@spec: the registrant; @id: the service) and wait for the daemon's answer. */
int vexfs_ipc_query_register(const struct vexfs_ipc_service_spec *spec);
int vexfs_ipc_query_unregister(const struct vexfs_ipc_service_spec *spec, const char *id);
/* Without a reply: the registration is gone (file closed, or a REGISTER given up), or announced to a new daemon. */
void vexfs_ipc_query_tell_unregistered(const struct vexfs_ipc_service_spec *spec);
void vexfs_ipc_query_announce(u32 portid, const struct vexfs_ipc_service_spec *spec);
/* GET_SERVICE_STATUS and LIST_SERVICES ioctls. */
long vexfs_ipc_query_status_ioctl(struct vexfs_ipc_service_status __user *u);
long vexfs_ipc_query_list_ioctl(struct vexfs_ipc_service_list __user *u);
/* Fills the daemon_* fields of @s by asking the daemon (GET_STATS query). */
int vexfs_ipc_query_daemon_stats(struct vexfs_ipc_stats *s);
/* The daemon's REPLY (or one part of it), from either transport. */
int vexfs_ipc_query_reply(struct nlattr **attrs, struct netlink_ext_ack *extack);
/* Copies a user string of @len bytes (no NUL needed) into @dst of @size. */
int vexfs_ipc_copy_user_string(char *dst, size_t size, u64 ptr, u32 len, bool required);
void vexfs_ipc_queries_uninit(void);

#endif
