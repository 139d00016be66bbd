/* SPDX-License-Identifier: GPL-2.0 */
/* A file with work and one reading of it (files.c keeps the table, job.c reads and stores). */
#ifndef _VEXFS_IPC_HOOK_FILES_H
#define _VEXFS_IPC_HOOK_FILES_H

#include <crypto/sha2.h>
#include <linux/kref.h>
#include <linux/path.h>
#include <linux/vexfs_ipc.h>
#include <linux/workqueue.h>
#include <uapi/linux/vexfs_hook.h>

struct job;

/* A file with work: in the table from its first close-after-write until its vectors are stored or it goes. */
struct hfile {
	struct kref ref;
	struct hlist_node node;
	struct inode *inode;
	struct path path;
	/* Reads the file and submits its chunks: one at a time per file; delayed for a retry. */
	struct delayed_work work;
	struct work_struct free_work;
	/* Bumped by each close-after-write: a job of an older one is stale. */
	u64 gen;
	/* Tries of this content that failed for a reason that may pass (TIMEOUT, OVERLOADED, ...). */
	u32 retries;
	/* Submissions of it refused for room, in a row (they set the wait before the next). */
	u32 waits;
	struct job *job;
	struct list_head parked;
	bool gone;
};

/* One reading of a file: its chunks as requests, and what came back. */
struct job {
	struct hfile *f;
	u64 gen;
	atomic_t remaining;
	u32 nchunks;
	u32 dims;
	u32 failed;		/* a failure status, if any chunk failed */
	u8 flags;
	u64 file_bytes;
	u8 sha[SHA256_DIGEST_SIZE];
	char model[VEXFS_IPC_MAX_MODEL_LEN];
	char *text;
	u8 *vectors;
	struct vexfs_hook_xattr_chunk *chunks;
	struct vexfs_ipc_req *reqs;
	struct vexfs_ipc_req **reqp;
};

/* What a job's failure means. No daemon to do it: wait for one (parked). */
static inline bool transient(u32 status)
{
	return status == VEXFS_IPC_STATUS_NO_DAEMON || status == VEXFS_IPC_STATUS_SHUTTING_DOWN;
}

/* The daemon could not do it now (a backlog, a limit, its service away): try again later. */
static inline bool retryable(u32 status)
{
	return status == VEXFS_IPC_STATUS_TIMEOUT || status == VEXFS_IPC_STATUS_OVERLOADED ||
	       status == VEXFS_IPC_STATUS_RATE_LIMITED || status == VEXFS_IPC_STATUS_NO_SERVICE;
}

/* The key a file's requests carry: cancel_owner() finds them all by it. */
static inline u64 owner_of(struct hfile *f)
{
	return (u64)(uintptr_t)f;
}

struct job *hook_job_read(struct hfile *f, u64 gen, vexfs_ipc_done_fn done, int *err);
/* Writes the attribute from a job whose chunks all succeeded; 0 or the errno of vfs_setxattr. */
/* Stores @j's vectors in the file's xattr; -EILSEQ when its chunks came from different models or versions. */
int hook_job_store(struct job *j);
void hook_job_free(struct job *j);

#endif
