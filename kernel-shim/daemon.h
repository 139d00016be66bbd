/* SPDX-License-Identifier: GPL-2.0 */
/* The daemon link both transports share (daemon.c). */
#ifndef _VEXFS_IPC_DAEMON_H
#define _VEXFS_IPC_DAEMON_H

#include <linux/types.h>
#include <net/netlink.h>

struct sock;

/* The daemon id of a daemon attached through the char device (not a netlink port id). */
#define VEXFS_IPC_CHARDEV_DAEMON	0xffffffffU

/* The attached daemon (0: none) and the priority below which it sheds. */
u32 vexfs_ipc_genl_daemon_portid(void);
u8 vexfs_ipc_genl_min_priority(void);
int vexfs_ipc_daemon_claim(u32 sender, struct sock *sk, struct netlink_ext_ack *extack, bool *fresh);
/* @sender becomes one more queue of the attached genetlink daemon (from the daemon's own process only). */
int vexfs_ipc_daemon_add_queue(u32 sender, struct sock *sk, struct netlink_ext_ack *extack, u32 *index);
/* Whether @portid is one of the daemon's queues and its socket still lives. */
bool vexfs_ipc_daemon_socket_alive(u32 portid);
/* The module is going: forget the daemon. */
void vexfs_ipc_daemon_reset(void);
void vexfs_ipc_daemon_attached(u32 sender);
/* @sender leaves: the whole daemon when it is its queue 0, else only that queue. */
void vexfs_ipc_daemon_detach(u32 sender, const char *why);
/* Daemon->kernel commands other than attach, for both transports. */
int vexfs_ipc_handle(u8 cmd, u32 sender, struct nlattr **attrs, struct netlink_ext_ack *extack);

#endif
