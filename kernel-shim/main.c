// SPDX-License-Identifier: GPL-2.0
/*
 * vexfs_ipc: lets an in-kernel subsystem get embeddings from userspace
 * embedding services through the vexfs-bridged daemon. See
 * include/uapi/linux/vexfs_ipc.h for the ABI.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

#include "vexfs_ipc.h"

unsigned int vexfs_ipc_max_pending = 4096;
module_param_named(max_pending, vexfs_ipc_max_pending, uint, 0644);
MODULE_PARM_DESC(max_pending, "Requests pending at once before -EBUSY (default 4096)");

unsigned int vexfs_ipc_grace_ms = 5000;
module_param_named(grace_ms, vexfs_ipc_grace_ms, uint, 0644);
MODULE_PARM_DESC(grace_ms, "How long requests of a vanished daemon wait for a new one (default 5000 ms)");

unsigned int vexfs_ipc_reply_timeout_ms = 5000;
module_param_named(reply_timeout_ms, vexfs_ipc_reply_timeout_ms, uint, 0644);
MODULE_PARM_DESC(reply_timeout_ms, "How long a forwarded register/status/list ioctl waits for the daemon (default 5000 ms)");

unsigned int vexfs_ipc_max_pending_per_uid = 1024;
module_param_named(max_pending_per_uid, vexfs_ipc_max_pending_per_uid, uint, 0644);
MODULE_PARM_DESC(max_pending_per_uid, "SEND_EMBEDDING_REQUEST calls one uid may have pending before -EDQUOT, at most a quarter of max_pending; 0 = no limit (default 1024); in-kernel consumers have their own caps");

unsigned int vexfs_ipc_user_max_priority = 191;
module_param_named(user_max_priority, vexfs_ipc_user_max_priority, uint, 0644);
MODULE_PARM_DESC(user_max_priority, "Highest priority a SEND_EMBEDDING_REQUEST caller without CAP_SYS_NICE (or priority_gid) gets; higher is lowered to it (default 191, the top of Normal)");

int vexfs_ipc_priority_gid = -1;
module_param_named(priority_gid, vexfs_ipc_priority_gid, int, 0644);
MODULE_PARM_DESC(priority_gid, "Members of this group may use every priority through SEND_EMBEDDING_REQUEST (default -1: none)");

unsigned int vexfs_ipc_kernel_share_pct = 50;
module_param_named(kernel_share_pct, vexfs_ipc_kernel_share_pct, uint, 0644);
MODULE_PARM_DESC(kernel_share_pct, "Percent of max_pending the in-kernel API's consumers may hold together; SEND_EMBEDDING_REQUEST callers get the rest (default 50, at most 100)");

static int __init vexfs_ipc_init(void)
{
	int ret;

	ret = vexfs_ipc_requests_init();
	if (ret)
		goto err_requests;
	ret = vexfs_ipc_genl_init();
	if (ret)
		goto err_genl;
	ret = vexfs_ipc_chardev_init();
	if (ret)
		goto err_chardev;
	pr_info("loaded (max_pending=%u grace_ms=%u)\n", vexfs_ipc_max_pending, vexfs_ipc_grace_ms);
	return 0;

err_chardev:
	vexfs_ipc_genl_uninit();
err_genl:
	vexfs_ipc_requests_uninit();
err_requests:
	return ret;
}

static void __exit vexfs_ipc_exit(void)
{
	vexfs_ipc_chardev_uninit();
	vexfs_ipc_genl_uninit();
	vexfs_ipc_queries_uninit();
	vexfs_ipc_requests_uninit();
	pr_info("unloaded (live requests %lld, buffers %lld, registrations %lld)\n",
		atomic64_read(&vexfs_ipc_stats.live_requests), atomic64_read(&vexfs_ipc_stats.live_buffers),
		atomic64_read(&vexfs_ipc_stats.live_registrations));
}

module_init(vexfs_ipc_init);
module_exit(vexfs_ipc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("VexFS kernel <-> userspace embedding bridge");
MODULE_AUTHOR("vexfs-bridge developers");
