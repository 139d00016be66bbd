/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vexfs_ipc internals: the module parameters, and every object's header
 * (one per .c). The in-kernel API for the filesystem is
 * include/linux/vexfs_ipc.h.
 */
#ifndef _VEXFS_IPC_INTERNAL_H
#define _VEXFS_IPC_INTERNAL_H

#include <linux/types.h>
#include <linux/vexfs_ipc.h>

/* Module parameters (main.c). */
extern unsigned int vexfs_ipc_max_pending;
extern unsigned int vexfs_ipc_grace_ms;
extern unsigned int vexfs_ipc_reply_timeout_ms;
extern unsigned int vexfs_ipc_max_pending_per_uid;
extern unsigned int vexfs_ipc_user_max_priority;
extern int vexfs_ipc_priority_gid;
extern unsigned int vexfs_ipc_kernel_share_pct;

#include "chardev.h"
#include "consumers.h"
#include "daemon.h"
#include "netlink.h"
#include "queries.h"
#include "queues.h"
#include "registrations.h"
#include "requests.h"
#include "service.h"
#include "stats.h"

#endif
