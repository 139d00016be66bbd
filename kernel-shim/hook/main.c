// SPDX-License-Identifier: GPL-2.0
/*
 * vexfs_ipc_hook (main.c: its parameters and init ladder; watch.c: the
 * watched directories; files.c: the files with work): embeds files as they are written. A filesystem that
 * wants embeddings of its files (VexFS) would call vexfs_ipc's in-kernel
 * API from its own write path; this module does the same for any
 * filesystem with the kernel's fsnotify, so the API is exercised the way a
 * filesystem uses it: one file's chunks as one batch, cancelled when the
 * file changes or goes, the vectors stored with their provenance
 * (include/uapi/linux/vexfs_hook.h) from the completion.
 *
 * Configuration is module parameters, all 0644 (root): "dirs", the
 * directories to watch, is one value that an administrator sets at load
 * (modprobe vexfs_ipc_hook dirs=/srv/notes) or at run time by writing
 * /sys/module/vexfs_ipc_hook/parameters/dirs, and reads back there; no
 * tool or new netlink family is needed, and each path is resolved when it
 * is set, so a bad one is refused at once (-ENOENT, -ENOTDIR, -EINVAL) and
 * a directory renamed later stays watched. Counters are files in
 * /sys/module/vexfs_ipc_hook/stats/.
 *
 * Bounds: a file's first max_file_bytes are read (the attribute says when
 * it was cut), in chunks of about chunk_bytes split at whitespace, at most
 * as many as fit one extended attribute. The hook holds a reference to the
 * inode and path of each file with work (so it is not evicted meanwhile);
 * unlinking the file cancels the work. Files whose work could not be
 * submitted because no daemon was attached, or failed NO_DAEMON or
 * SHUTTING_DOWN, are parked (at most max_parked; more are dropped and
 * counted) and read and submitted again when a daemon attaches; files whose
 * chunks failed TIMEOUT, OVERLOADED, RATE_LIMITED or NO_SERVICE are read and
 * submitted again 1, 2, 4 ... s later, at most max_retries times; files
 * refused for room (their consumer cap or the kernel part of the table
 * full) are tried again a little later until there is room.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/sysfs.h>

#include "hook.h"

char model[VEXFS_IPC_MAX_MODEL_LEN];
module_param_string(model, model, sizeof(model), 0644);
MODULE_PARM_DESC(model, "Model to embed with (default empty: the daemon's choice; at most 63 bytes, -ENOSPC past that)");

/* A number parameter with its accepted range: a value outside it is refused (-ERANGE), not clamped. */
struct ranged {
	unsigned int *value;
	unsigned int min, max;
};

static int ranged_set(const char *val, const struct kernel_param *kp)
{
	const struct ranged *r = kp->arg;
	unsigned int v;
	int ret;

	ret = kstrtouint(val, 0, &v);
	if (ret)
		return ret;
	if (v < r->min || v > r->max)
		return -ERANGE;
	WRITE_ONCE(*r->value, v);
	return 0;
}

static int ranged_get(char *buf, const struct kernel_param *kp)
{
	const struct ranged *r = kp->arg;

	return sysfs_emit(buf, "%u\n", READ_ONCE(*r->value));
}

static const struct kernel_param_ops ranged_ops = {
	.set = ranged_set,
	.get = ranged_get,
};

#define RANGED_PARAM(name, def, lo, hi, perm, desc) \
	unsigned int name = def; \
	static const struct ranged name##_range = { &name, lo, hi }; \
	module_param_cb(name, &ranged_ops, (void *)&name##_range, perm); \
	MODULE_PARM_DESC(name, desc)

#define MAX_FILE_BYTES_LIMIT	(1U << 20)

RANGED_PARAM(dimensions, 384, 1, VEXFS_IPC_MAX_DIMENSIONS, 0644, "Dimensions of the vectors (1..8192, default 384)");
RANGED_PARAM(chunk_bytes, 1024, 64, VEXFS_IPC_MAX_INPUT_BYTES, 0644, "Bytes per chunk, split at whitespace when it can (64..16384, default 1024)");
RANGED_PARAM(max_file_bytes, 65536, 1, MAX_FILE_BYTES_LIMIT, 0644, "Bytes of a file that are embedded at most (1..1048576, default 65536)");
RANGED_PARAM(timeout_ms, 60000, 1, VEXFS_IPC_MAX_TIMEOUT_MS, 0644, "Time one chunk may take (1..600000 ms, default 60000)");
RANGED_PARAM(priority, VEXFS_IPC_PRIO_NORMAL, 0, 255, 0644, "Priority of the requests (0..255, default 128)");
RANGED_PARAM(max_parked, 256, 0, 65536, 0644, "Files waiting for a daemon at most; more are dropped and counted (0..65536, default 256)");
RANGED_PARAM(max_retries, 5, 0, 20, 0644, "Tries again of a file whose chunks failed TIMEOUT, OVERLOADED, RATE_LIMITED or NO_SERVICE, 1 s, 2 s, 4 s ... apart (0..20, default 5)");
RANGED_PARAM(max_inflight, 1024, 1, 65536, 0444, "Requests in flight at most (1..65536, read at load, default 1024)");


static int __init hook_init(void)
{
	int ret;

	ret = hook_files_init();
	if (ret)
		goto err_files;
	ret = hook_watch_init();
	if (ret)
		goto err_watch;
	return 0;

err_watch:
	hook_files_uninit();
err_files:
	return ret;
}

static void __exit hook_exit(void)
{
	/* No new events first, then the files' work goes. */
	hook_watch_uninit();
	hook_files_uninit();
}

module_init(hook_init);
module_exit(hook_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Embeds files written in watched directories through vexfs_ipc and stores the vectors in an xattr");
MODULE_AUTHOR("vexfs-bridge developers");
