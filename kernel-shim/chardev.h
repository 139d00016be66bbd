/* SPDX-License-Identifier: GPL-2.0 */
/* /dev/vexfs_ipc: the ioctls (chardev.c) and the framed transport behind read/write/poll (frames.c). */
#ifndef _VEXFS_IPC_CHARDEV_H
#define _VEXFS_IPC_CHARDEV_H

#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/types.h>

struct sk_buff;

int vexfs_ipc_chardev_init(void);
void vexfs_ipc_chardev_uninit(void);

void vexfs_ipc_frames_init(void);
void vexfs_ipc_frames_uninit(void);
ssize_t vexfs_ipc_frames_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos);
ssize_t vexfs_ipc_frames_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos);
__poll_t vexfs_ipc_frames_poll(struct file *file, poll_table *wait);
/* A closing file: if it is the framed daemon, the daemon detaches. */
void vexfs_ipc_frames_release(struct file *file);
/* Queues a kernel->daemon message for the char-device daemon (takes the skb). */
int vexfs_ipc_frames_deliver(struct sk_buff *skb);
void vexfs_ipc_frames_detached(void);
/* Drops a still-unread message with this REQUEST_ID from the framed transport's queue. */
void vexfs_ipc_frames_drop(u64 id);

#endif
