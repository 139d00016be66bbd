/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Service registrations made through /dev/vexfs_ipc (registrations.c): each
 * belongs to the open file that made it, and the module keeps them all to
 * announce them to a daemon that attaches later.
 */
#ifndef _VEXFS_IPC_REGISTRATIONS_H
#define _VEXFS_IPC_REGISTRATIONS_H

#include <linux/types.h>

struct file;
int vexfs_ipc_registrations_open(struct file *file);
void vexfs_ipc_registrations_release(struct file *file);
/* REGISTER_SERVICE, UNREGISTER_SERVICE, and the two queries about services. */
long vexfs_ipc_registrations_ioctl(struct file *file, unsigned int cmd, void __user *argp);
/* The daemon removed a device registration (SERVICE_REVOKE). */
void vexfs_ipc_registrations_revoke(const char *service_id);
/* A daemon attached at @portid: every registration is announced to it. */
void vexfs_ipc_registrations_daemon_attached(u32 portid);

#endif
