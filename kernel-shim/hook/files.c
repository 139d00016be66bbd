// SPDX-License-Identifier: GPL-2.0
/*
 * vexfs_ipc_hook's files with work: a table of the files closed after a
 * write, each read into a job whose chunks go to vexfs_ipc as one batch
 * (the inode's entry as their owner), whose completion stores the vectors
 * (include/uapi/linux/vexfs_hook.h), parks the file until a daemon comes,
 * tries it again later, or counts its failure (the counters: stats.c).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/hashtable.h>
#include <linux/kref.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vexfs_ipc.h>
#include <linux/workqueue.h>
#include <linux/xattr.h>
#include <uapi/linux/vexfs_hook.h>

#include "files.h"
#include "hook.h"

static struct vexfs_ipc_consumer *consumer;
static struct workqueue_struct *wq;
static DEFINE_MUTEX(lock);
/* Under @lock: the files, the parked list, closing. */
static DEFINE_HASHTABLE(files, 8);
static LIST_HEAD(parked);
static unsigned int nparked;
static bool closing;

static void hfile_free(struct work_struct *work)
{
	struct hfile *f = container_of(work, struct hfile, free_work);

	path_put(&f->path);
	iput(f->inode);
	kfree(f);
}

/* The last put may come from an fsnotify handler: path_put and iput wait for the workqueue. */
static void hfile_release(struct kref *ref)
{
	struct hfile *f = container_of(ref, struct hfile, ref);

	INIT_WORK(&f->free_work, hfile_free);
	queue_work(wq, &f->free_work);
}

static void hfile_put(struct hfile *f)
{
	kref_put(&f->ref, hfile_release);
}

/* Queues @f's work to run after @delay, holding a reference for it. Called with @lock held. */
static void kick_after(struct hfile *f, unsigned long delay)
{
	kref_get(&f->ref);
	/* Already queued: that one holds a reference, and runs now (a kick) or keeps its time (a retry). */
	if (delay ? !queue_delayed_work(wq, &f->work, delay) : mod_delayed_work(wq, &f->work, 0))
		hfile_put(f);
}

static void kick(struct hfile *f)
{
	kick_after(f, 0);
}

static struct hfile *lookup(struct inode *inode)
{
	struct hfile *f;

	hash_for_each_possible(files, f, node, (unsigned long)inode)
		if (f->inode == inode)
			return f;
	return NULL;
}

/* Parks @f until a daemon attaches; called with @lock held. False when the parked list is full. */
static bool park(struct hfile *f)
{
	if (!list_empty(&f->parked))
		return true;
	if (nparked >= READ_ONCE(max_parked)) {
		atomic64_inc(&hook_stats.dropped);
		return false;
	}
	list_add_tail(&f->parked, &parked);
	nparked++;
	atomic64_inc(&hook_stats.parked);
	return true;
}

static void unpark(struct hfile *f)
{
	if (list_empty(&f->parked))
		return;
	list_del_init(&f->parked);
	nparked--;
}

/* Takes @f out of the table (it was unlinked, or the module is going): its work is cancelled. */
static void forget(struct hfile *f)
{
	f->gone = true;
	hash_del(&f->node);
	unpark(f);
	f->job = NULL;
	if (vexfs_ipc_cancel_owner(consumer, owner_of(f)))
		atomic64_inc(&hook_stats.cancelled);
	hfile_put(f);
}

/*
 * @f's work for @gen is over (stored, failed for good, or nothing to
 * embed): it leaves the table, and its inode and path are let go, unless
 * newer work came meanwhile. Called with @lock held.
 */
static void retire(struct hfile *f, u64 gen)
{
	if (f->gone || f->job || !list_empty(&f->parked) || f->gen != gen || delayed_work_pending(&f->work))
		return;
	f->gone = true;
	hash_del(&f->node);
	hfile_put(f);
}

/* Every chunk of @j is settled: store the vectors, park the file, or count the failure. */
static void finish(struct job *j)
{
	struct hfile *f = j->f;
	bool live;
	int ret;

	mutex_lock(&lock);
	live = !closing && !f->gone && f->job == j && f->gen == j->gen;
	if (live)
		f->job = NULL;
	if (live && transient(j->failed)) {
		/* Read and submitted again when a daemon attaches (or now, if one already has). */
		if (park(f))
			kick(f);
		else
			retire(f, j->gen);
		mutex_unlock(&lock);
		goto out;
	}
	if (live && retryable(j->failed) && f->retries < READ_ONCE(max_retries)) {
		/* 1, 2, 4 ... s, at most a minute: a backlog has time to clear. */
		f->retries++;
		atomic64_inc(&hook_stats.retried);
		kick_after(f, msecs_to_jiffies(min(1000U << min(f->retries - 1, 6U), 60000U)));
		mutex_unlock(&lock);
		goto out;
	}
	mutex_unlock(&lock);
	if (!live) {
		atomic64_inc(&hook_stats.superseded);
		goto out;
	}
	if (j->failed) {
		atomic64_inc(&hook_stats.failed);
		pr_info_ratelimited("embedding inode %lu failed with status %u\n", f->inode->i_ino, j->failed);
		goto done;
	}
	ret = hook_job_store(j);
	if (ret == -EILSEQ) {
		/* Vectors of different models cannot be ranked together: none is stored. */
		atomic64_inc(&hook_stats.failed);
		pr_warn_ratelimited("inode %lu: its chunks came from different models or versions\n", f->inode->i_ino);
	} else if (ret) {
		atomic64_inc(&hook_stats.failed);
		pr_warn_ratelimited("storing the vectors of inode %lu failed: %d\n", f->inode->i_ino, ret);
	} else {
		atomic64_inc(&hook_stats.written);
	}
done:
	mutex_lock(&lock);
	retire(f, j->gen);
	mutex_unlock(&lock);
out:
	hook_job_free(j);
	hfile_put(f);
}

static void chunk_done(struct vexfs_ipc_req *req)
{
	struct job *j = req->private;

	if (req->status != VEXFS_IPC_STATUS_SUCCESS) {
		/* The first failure names the job's; a transient one is kept over a cancel. */
		if (!j->failed || transient(req->status))
			j->failed = req->status;
	}
	if (atomic_dec_and_test(&j->remaining))
		finish(j);
}

/* A file was closed after a write (or parked work may go again): read it and submit its chunks. */
static void embed_file(struct work_struct *work)
{
	struct hfile *f = container_of(to_delayed_work(work), struct hfile, work);
	struct job *j;
	u64 gen;
	int ret;

	mutex_lock(&lock);
	gen = f->gen;
	ret = closing || f->gone;
	/* Whatever it was doing is for older content. */
	if (!ret && f->job) {
		f->job = NULL;
		if (vexfs_ipc_cancel_owner(consumer, owner_of(f)))
			atomic64_inc(&hook_stats.cancelled);
	}
	mutex_unlock(&lock);
	if (ret)
		goto out;
	/* The stored vectors describe the old content: gone until the new ones arrive. */
	ret = vfs_removexattr(&init_user_ns, f->path.dentry, VEXFS_HOOK_XATTR);
	if (ret && ret != -ENODATA)
		pr_warn_ratelimited("removing the old vectors of inode %lu failed: %d\n", f->inode->i_ino, ret);
	j = hook_job_read(f, gen, chunk_done, &ret);
	if (!j) {
		if (ret)
			atomic64_inc(&hook_stats.failed);
		/* Empty, or unreadable: nothing to wait for. */
		mutex_lock(&lock);
		retire(f, gen);
		mutex_unlock(&lock);
		goto out;
	}
	mutex_lock(&lock);
	if (closing || f->gone || f->gen != gen) {
		/* Written again meanwhile (its work is queued again) or gone. */
		mutex_unlock(&lock);
		hook_job_free(j);
		goto out;
	}
	kref_get(&f->ref);
	f->job = j;
	ret = vexfs_ipc_submit(consumer, j->reqp, j->nchunks, GFP_KERNEL);
	if (ret == -EBUSY || ret == -EDQUOT) {
		/* No room now (this consumer's cap, or the kernel's part of the table): room comes as work completes. */
		f->job = NULL;
		atomic64_inc(&hook_stats.retried);
		kick_after(f, msecs_to_jiffies(min(250U << min(f->waits++, 5U), 8000U)));
	} else if (ret) {
		f->job = NULL;
		/* No daemon: parked until one attaches; anything else is this file's failure. */
		if (ret != -ENOTCONN || !park(f)) {
			atomic64_inc(&hook_stats.failed);
			retire(f, gen);
		}
	} else {
		f->waits = 0;
		if (!list_empty(&f->parked)) {
			unpark(f);
			atomic64_inc(&hook_stats.resubmitted);
		}
	}
	mutex_unlock(&lock);
	if (ret) {
		hook_job_free(j);
		hfile_put(f);
	}
out:
	hfile_put(f);
}

static void daemon_attached(void *unused)
{
	struct hfile *f;

	mutex_lock(&lock);
	list_for_each_entry(f, &parked, parked)
		kick(f);
	mutex_unlock(&lock);
}

void hook_file_written(const struct path *path)
{
	struct inode *inode = d_inode(path->dentry);
	struct hfile *f;

	mutex_lock(&lock);
	if (closing)
		goto out;
	f = lookup(inode);
	if (!f) {
		f = kzalloc(sizeof(*f), GFP_KERNEL);
		if (!f) {
			atomic64_inc(&hook_stats.dropped);
			goto out;
		}
		kref_init(&f->ref);
		INIT_DELAYED_WORK(&f->work, embed_file);
		INIT_LIST_HEAD(&f->parked);
		f->inode = igrab(inode);
		if (!f->inode) {
			kfree(f);
			goto out;
		}
		f->path = *path;
		path_get(&f->path);
		hash_add(files, &f->node, (unsigned long)inode);
	}
	f->gen++;
	f->retries = 0;
	kick(f);
out:
	mutex_unlock(&lock);
}

void hook_file_gone(struct inode *inode)
{
	struct hfile *f;

	mutex_lock(&lock);
	f = lookup(inode);
	if (f)
		forget(f);
	mutex_unlock(&lock);
}

unsigned int hook_files_waiting(void)
{
	unsigned int n;

	mutex_lock(&lock);
	n = nparked;
	mutex_unlock(&lock);
	return n;
}

int hook_files_init(void)
{
	const struct vexfs_ipc_consumer_info info = {
		.name = "hook",
		.max_inflight = max_inflight,
		.daemon_attached = daemon_attached,
	};
	int ret;

	wq = alloc_workqueue("vexfs_ipc_hook", WQ_UNBOUND, 0);
	if (!wq) {
		ret = -ENOMEM;
		goto err_wq;
	}
	consumer = vexfs_ipc_consumer_create(&info);
	if (IS_ERR(consumer)) {
		ret = PTR_ERR(consumer);
		goto err_consumer;
	}
	ret = hook_stats_init();
	if (ret)
		goto err_sysfs;
	return 0;

err_sysfs:
	vexfs_ipc_consumer_destroy(consumer);
err_consumer:
	destroy_workqueue(wq);
err_wq:
	return ret;
}

void hook_files_uninit(void)
{
	struct hlist_node *tmp;
	struct hfile *f;
	int bkt;

	mutex_lock(&lock);
	closing = true;
	/* Retries waiting for their time are dropped (with the reference each holds). */
	hash_for_each(files, bkt, f, node)
		if (cancel_delayed_work(&f->work))
			hfile_put(f);
	mutex_unlock(&lock);
	/* Work that was reading files stops at its next check of closing. */
	flush_workqueue(wq);
	mutex_lock(&lock);
	hash_for_each_safe(files, bkt, tmp, f, node)
		forget(f);
	mutex_unlock(&lock);
	/* Cancels what is still in flight and waits for every completion. */
	vexfs_ipc_consumer_destroy(consumer);
	destroy_workqueue(wq);
	hook_stats_uninit();
	pr_info("unloaded (vectors stored %lld, work cancelled %lld)\n", atomic64_read(&hook_stats.written), atomic64_read(&hook_stats.cancelled));
}
