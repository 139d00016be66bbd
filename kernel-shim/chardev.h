/* SPDX-License-Identifier: GPL-2.0 */
/* /dev/vexfs_ipc (chardev.c): the ioctls and the framed transport. */
#ifndef _VEXFS_IPC_CHARDEV_H
#define _VEXFS_IPC_CHARDEV_H

#include <linux/types.h>

struct sk_buff;

int vexfs_ipc_chardev_init(void);
void vexfs_ipc_chardev_uninit(void);
/* Queues a kernel->daemon message for the char-device daemon (takes the skb). */
int vexfs_ipc_chardev_deliver(struct sk_buff *skb);
void vexfs_ipc_chardev_detached(void);
/* Drops a still-unread message with this REQUEST_ID from the framed transport's queue. */
void vexfs_ipc_chardev_drop(u64 id);

#endif
