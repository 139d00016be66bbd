/* SPDX-License-Identifier: GPL-2.0 */
/* vexfs_ipc_hook's parts: parameters (main.c), watched directories (watch.c), files with work (files.c), counters (stats.c). */
#ifndef _VEXFS_IPC_HOOK_H
#define _VEXFS_IPC_HOOK_H

#include <linux/atomic.h>
#include <linux/path.h>
#include <linux/types.h>
#include <linux/vexfs_ipc.h>

/* Parameters (main.c); the ranged ones are always within their documented range. */
extern char model[VEXFS_IPC_MAX_MODEL_LEN];
extern unsigned int dimensions, chunk_bytes, max_file_bytes, timeout_ms, priority, max_parked, max_retries, max_inflight;

/* Files with work (files.c): the consumer, the table, the jobs, the stored vectors. */
int hook_files_init(void);
/* Cancels every file's work and waits for it; called once no event can come. */
void hook_files_uninit(void);
/* A regular file in a watched directory was closed after a write. */
void hook_file_written(const struct path *path);
/* @inode was unlinked (its last link): its work is cancelled. */
void hook_file_gone(struct inode *inode);

/* Files parked until a daemon attaches. */
unsigned int hook_files_waiting(void);

/* Counters (stats.c), shown in sysfs. */
struct hook_stats {
	atomic64_t written, superseded, cancelled, parked, dropped, failed, resubmitted, retried;
};
extern struct hook_stats hook_stats;
int hook_stats_init(void);
void hook_stats_uninit(void);

/* Watched directories (watch.c): the fsnotify group, its marks and the "dirs" parameter. */
int hook_watch_init(void);
void hook_watch_uninit(void);

#endif
