// SPDX-License-Identifier: GPL-2.0
/*
 * vexfs_ipc_hook: embeds files as they are written. A filesystem that
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

#include <crypto/sha2.h>
#include <linux/ctype.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fsnotify_backend.h>
#include <linux/hashtable.h>
#include <linux/kref.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/namei.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/vexfs_ipc.h>
#include <linux/workqueue.h>
#include <linux/xattr.h>
#include <uapi/linux/vexfs_hook.h>

static char model[VEXFS_IPC_MAX_MODEL_LEN];
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
	static unsigned int name = def; \
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


/* A watched directory: its fsnotify mark and the path it was set as. */
struct watch {
	struct fsnotify_mark mark;
	struct list_head node;
	/* The directory; its mark holds a reference to it. */
	struct inode *inode;
	char *path;
};

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

static struct fsnotify_group *group;
static struct vexfs_ipc_consumer *consumer;
static struct workqueue_struct *wq;
static DEFINE_MUTEX(lock);
/* Under @lock: the watches, the files, the parked list, closing. */
static LIST_HEAD(watches);
static DEFINE_HASHTABLE(files, 8);
static LIST_HEAD(parked);
static unsigned int nparked;
static bool closing;
static bool ready;

static atomic64_t st_written, st_superseded, st_cancelled, st_parked, st_dropped, st_failed, st_resubmitted, st_retried;

static u64 owner_of(struct hfile *f)
{
	return (u64)(uintptr_t)f;
}

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

static void job_free(struct job *j)
{
	kvfree(j->text);
	kvfree(j->vectors);
	kfree(j->chunks);
	kfree(j->reqs);
	kfree(j->reqp);
	kfree(j);
}

/* Parks @f until a daemon attaches; called with @lock held. False when the parked list is full. */
static bool park(struct hfile *f)
{
	if (!list_empty(&f->parked))
		return true;
	if (nparked >= READ_ONCE(max_parked)) {
		atomic64_inc(&st_dropped);
		return false;
	}
	list_add_tail(&f->parked, &parked);
	nparked++;
	atomic64_inc(&st_parked);
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
		atomic64_inc(&st_cancelled);
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

static void store(struct job *j, const struct vexfs_ipc_provenance *p, u64 processing_ns)
{
	size_t vec = (size_t)j->dims * sizeof(u32);
	size_t len = sizeof(struct vexfs_hook_xattr_header) + j->nchunks * (sizeof(*j->chunks) + vec);
	struct vexfs_hook_xattr_header *h;
	int ret;

	h = kvzalloc(len, GFP_KERNEL);
	if (!h) {
		atomic64_inc(&st_failed);
		return;
	}
	h->magic = cpu_to_le32(VEXFS_HOOK_XATTR_MAGIC);
	h->version = cpu_to_le16(VEXFS_HOOK_XATTR_VERSION);
	h->header_bytes = cpu_to_le16(sizeof(*h));
	h->dimensions = cpu_to_le32(j->dims);
	h->chunks = cpu_to_le16(j->nchunks);
	h->data_type = VEXFS_IPC_DTYPE_FLOAT32;
	h->flags = j->flags;
	h->file_bytes = cpu_to_le64(j->file_bytes);
	memcpy(h->sha256, j->sha, sizeof(h->sha256));
	strscpy(h->model, p->model, sizeof(h->model));
	strscpy(h->model_version, p->model_version, sizeof(h->model_version));
	strscpy(h->service_id, p->service_id, sizeof(h->service_id));
	h->processing_ns = cpu_to_le64(processing_ns);
	memcpy(h + 1, j->chunks, j->nchunks * sizeof(*j->chunks));
	/* Services answer little-endian float32, as the attribute stores them. */
	memcpy((u8 *)(h + 1) + j->nchunks * sizeof(*j->chunks), j->vectors, j->nchunks * vec);
	ret = vfs_setxattr(&init_user_ns, j->f->path.dentry, VEXFS_HOOK_XATTR, h, len, 0);
	if (ret) {
		atomic64_inc(&st_failed);
		pr_warn_ratelimited("storing the vectors of inode %lu failed: %d\n", j->f->inode->i_ino, ret);
	} else {
		atomic64_inc(&st_written);
	}
	kvfree(h);
}

/* No daemon to do it: wait for one (parked). */
static bool transient(u32 status)
{
	return status == VEXFS_IPC_STATUS_NO_DAEMON || status == VEXFS_IPC_STATUS_SHUTTING_DOWN;
}

/* The daemon could not do it now (a backlog, a limit, its service away): try again later. */
static bool retryable(u32 status)
{
	return status == VEXFS_IPC_STATUS_TIMEOUT || status == VEXFS_IPC_STATUS_OVERLOADED ||
	       status == VEXFS_IPC_STATUS_RATE_LIMITED || status == VEXFS_IPC_STATUS_NO_SERVICE;
}

/* Every chunk of @j is settled: store the vectors, park the file, or count the failure. */
static void finish(struct job *j)
{
	const struct vexfs_ipc_provenance *p = &j->reqs[0].prov;
	struct hfile *f = j->f;
	bool live, mixed = false;
	u64 processing = 0;
	u32 i;

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
		atomic64_inc(&st_retried);
		kick_after(f, msecs_to_jiffies(min(1000U << min(f->retries - 1, 6U), 60000U)));
		mutex_unlock(&lock);
		goto out;
	}
	mutex_unlock(&lock);
	if (!live) {
		atomic64_inc(&st_superseded);
		goto out;
	}
	if (j->failed) {
		atomic64_inc(&st_failed);
		pr_info_ratelimited("embedding inode %lu failed with status %u\n", f->inode->i_ino, j->failed);
		goto done;
	}
	for (i = 0; i < j->nchunks; i++) {
		const struct vexfs_ipc_provenance *q = &j->reqs[i].prov;

		mixed |= strcmp(q->model, p->model) || strcmp(q->model_version, p->model_version);
		if (q->flags & VEXFS_IPC_PROV_F_TRUNCATED)
			j->flags |= VEXFS_HOOK_F_INPUT_TRUNCATED;
		processing += q->processing_ns;
	}
	if (mixed) {
		/* Vectors of different models cannot be ranked together: none is stored. */
		atomic64_inc(&st_failed);
		pr_warn_ratelimited("inode %lu: its chunks came from different models or versions\n", f->inode->i_ino);
		goto done;
	}
	store(j, p, processing);
done:
	mutex_lock(&lock);
	retire(f, j->gen);
	mutex_unlock(&lock);
out:
	job_free(j);
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

/* Splits @len bytes of @text into chunks of about @size, ending at whitespace when one is near. */
static u32 split(struct job *j, size_t len, u32 size, u32 max)
{
	size_t at = 0, end;
	u32 n = 0, back;

	while (at < len && n < max) {
		end = min_t(size_t, len, at + size);
		if (end < len) {
			for (back = 0; back < size / 4 && end - back > at + 1; back++)
				if (isspace(j->text[end - back - 1]))
					break;
			if (back < size / 4 && end - back > at + 1)
				end -= back;
		}
		j->chunks[n].offset = cpu_to_le64(at);
		j->chunks[n].length = cpu_to_le32(end - at);
		n++;
		at = end;
	}
	if (at < len)
		j->flags |= VEXFS_HOOK_F_FILE_CUT;
	j->file_bytes = at;
	return n;
}

/* Reads the file into a new job; NULL with *err set (0: nothing to embed). */
static struct job *read_file(struct hfile *f, u64 gen, int *err)
{
	u32 dims = READ_ONCE(dimensions);
	u32 size = READ_ONCE(chunk_bytes);
	u32 limit = READ_ONCE(max_file_bytes);
	u32 fit = (XATTR_SIZE_MAX - sizeof(struct vexfs_hook_xattr_header)) / (sizeof(struct vexfs_hook_xattr_chunk) + dims * 4);
	u32 max = min_t(u32, VEXFS_HOOK_MAX_CHUNKS, fit);
	struct file *file;
	struct job *j;
	loff_t pos = 0;
	ssize_t got;
	u32 i;

	*err = -ENOMEM;
	j = kzalloc(sizeof(*j), GFP_KERNEL);
	if (!j)
		return NULL;
	j->f = f;
	j->gen = gen;
	j->dims = dims;
	strscpy(j->model, model, sizeof(j->model));
	j->text = kvmalloc(limit, GFP_KERNEL);
	j->chunks = kcalloc(max, sizeof(*j->chunks), GFP_KERNEL);
	if (!j->text || !j->chunks)
		goto err;
	file = dentry_open(&f->path, O_RDONLY | O_LARGEFILE, current_cred());
	if (IS_ERR(file)) {
		*err = PTR_ERR(file);
		goto err;
	}
	got = kernel_read(file, j->text, limit, &pos);
	/* One byte more says whether the file is longer than what is embedded. */
	if (got == limit && i_size_read(file_inode(file)) > limit)
		j->flags |= VEXFS_HOOK_F_FILE_CUT;
	fput(file);
	if (got < 0) {
		*err = got;
		goto err;
	}
	j->nchunks = split(j, got, size, max);
	if (j->file_bytes < got)
		j->flags |= VEXFS_HOOK_F_FILE_CUT;
	sha256(j->text, j->file_bytes, j->sha);
	*err = 0;
	if (!j->nchunks)
		goto err;
	*err = -ENOMEM;
	j->vectors = kvcalloc(j->nchunks, dims * 4, GFP_KERNEL);
	j->reqs = kcalloc(j->nchunks, sizeof(*j->reqs), GFP_KERNEL);
	j->reqp = kcalloc(j->nchunks, sizeof(*j->reqp), GFP_KERNEL);
	if (!j->vectors || !j->reqs || !j->reqp)
		goto err;
	for (i = 0; i < j->nchunks; i++) {
		struct vexfs_ipc_req *r = &j->reqs[i];

		r->args = (struct vexfs_ipc_embed_args){
			.input = j->text + le64_to_cpu(j->chunks[i].offset),
			.input_len = le32_to_cpu(j->chunks[i].length),
			.model = j->model[0] ? j->model : NULL,
			.dimensions = dims,
			.data_type = VEXFS_IPC_DTYPE_FLOAT32,
			.priority = READ_ONCE(priority),
			.timeout_ms = READ_ONCE(timeout_ms),
			.vector = j->vectors + (size_t)i * dims * 4,
			.vector_cap = dims * 4,
		};
		r->owner = owner_of(f);
		r->done = chunk_done;
		r->private = j;
		j->reqp[i] = r;
	}
	atomic_set(&j->remaining, j->nchunks);
	return j;

err:
	job_free(j);
	return NULL;
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
			atomic64_inc(&st_cancelled);
	}
	mutex_unlock(&lock);
	if (ret)
		goto out;
	/* The stored vectors describe the old content: gone until the new ones arrive. */
	ret = vfs_removexattr(&init_user_ns, f->path.dentry, VEXFS_HOOK_XATTR);
	if (ret && ret != -ENODATA)
		pr_warn_ratelimited("removing the old vectors of inode %lu failed: %d\n", f->inode->i_ino, ret);
	j = read_file(f, gen, &ret);
	if (!j) {
		if (ret)
			atomic64_inc(&st_failed);
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
		job_free(j);
		goto out;
	}
	kref_get(&f->ref);
	f->job = j;
	ret = vexfs_ipc_submit(consumer, j->reqp, j->nchunks, GFP_KERNEL);
	if (ret == -EBUSY || ret == -EDQUOT) {
		/* No room now (this consumer's cap, or the kernel's part of the table): room comes as work completes. */
		f->job = NULL;
		atomic64_inc(&st_retried);
		kick_after(f, msecs_to_jiffies(min(250U << min(f->waits++, 5U), 8000U)));
	} else if (ret) {
		f->job = NULL;
		/* No daemon: parked until one attaches; anything else is this file's failure. */
		if (ret != -ENOTCONN || !park(f)) {
			atomic64_inc(&st_failed);
			retire(f, gen);
		}
	} else {
		f->waits = 0;
		if (!list_empty(&f->parked)) {
			unpark(f);
			atomic64_inc(&st_resubmitted);
		}
	}
	mutex_unlock(&lock);
	if (ret) {
		job_free(j);
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

static void file_written(const struct path *path)
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
			atomic64_inc(&st_dropped);
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

static void file_gone(struct inode *inode)
{
	struct hfile *f;

	mutex_lock(&lock);
	f = lookup(inode);
	if (f)
		forget(f);
	mutex_unlock(&lock);
}

static int handle_event(struct fsnotify_group *g, u32 mask, const void *data, int data_type, struct inode *dir,
			const struct qstr *name, u32 cookie, struct fsnotify_iter_info *iter)
{
	const struct path *path = fsnotify_data_path(data, data_type);
	struct inode *inode = fsnotify_data_inode(data, data_type);

	if ((mask & FS_CLOSE_WRITE) && path && d_is_reg(path->dentry))
		file_written(path);
	else if ((mask & FS_DELETE) && inode && S_ISREG(inode->i_mode) && inode->i_nlink == 0)
		file_gone(inode);
	return 0;
}

static void free_mark(struct fsnotify_mark *mark)
{
	struct watch *w = container_of(mark, struct watch, mark);

	kfree(w->path);
	kfree(w);
}

static const struct fsnotify_ops hook_fsnotify_ops = {
	.handle_event = handle_event,
	.free_mark = free_mark,
};

static void unwatch_all(void)
{
	struct watch *w, *tmp;

	list_for_each_entry_safe(w, tmp, &watches, node) {
		list_del(&w->node);
		fsnotify_destroy_mark(&w->mark, group);
		fsnotify_put_mark(&w->mark);
	}
}

/*
 * Watches the directory at @path; called with @lock held. Paths are
 * resolved before (kern_path takes directory locks, and unlink in a
 * watched directory takes @lock under its directory's lock).
 */
static int watch(const char *name, const struct path *path, struct list_head *into)
{
	struct watch *w;
	int ret;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->path = kstrdup(name, GFP_KERNEL);
	if (!w->path) {
		kfree(w);
		return -ENOMEM;
	}
	fsnotify_init_mark(&w->mark, group);
	w->mark.mask = FS_CLOSE_WRITE | FS_DELETE | FS_EVENT_ON_CHILD;
	ret = fsnotify_add_inode_mark(&w->mark, d_inode(path->dentry), 0);
	if (ret) {
		/* The same directory twice (-EEXIST), or no memory: the mark's put frees it. */
		fsnotify_put_mark(&w->mark);
		return ret;
	}
	w->inode = d_inode(path->dentry);
	list_add_tail(&w->node, into);
	return 0;
}

/* The watch of @inode among the current ones, if any. Called with @lock held. */
static struct watch *watching(struct inode *inode)
{
	struct watch *w;

	list_for_each_entry(w, &watches, node)
		if (w->inode == inode)
			return w;
	return NULL;
}

/* The "dirs" parameter's text, kept for reading back. */
static char dirs[1024];
#define MAX_DIRS 16

/* Replaces the watched set with the comma-separated absolute paths in @val (all or nothing). */
static int apply_dirs(const char *val)
{
	struct path paths[MAX_DIRS];
	char *names[MAX_DIRS];
	char *copy, *cur, *name;
	unsigned int n = 0, i;
	LIST_HEAD(fresh);
	LIST_HEAD(kept);
	int ret = 0;

	copy = kstrndup(val, sizeof(dirs) - 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	cur = strim(copy);
	while (!ret && (name = strsep(&cur, ","))) {
		name = strim(name);
		if (!*name)
			continue;
		if (name[0] != '/' || n == MAX_DIRS) {
			ret = -EINVAL;
			break;
		}
		ret = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &paths[n]);
		if (!ret)
			names[n++] = name;
	}
	mutex_lock(&lock);
	for (i = 0; i < n && !ret; i++) {
		/* A directory already watched keeps its mark (a second one on it would be -EEXIST). */
		struct watch *old = watching(d_inode(paths[i].dentry));

		if (old)
			list_move_tail(&old->node, &kept);
		else
			ret = watch(names[i], &paths[i], &fresh);
	}
	if (ret) {
		/* Marks made now go; the ones kept stay watched. */
		while (!list_empty(&fresh)) {
			struct watch *w = list_first_entry(&fresh, struct watch, node);

			list_del(&w->node);
			fsnotify_destroy_mark(&w->mark, group);
			fsnotify_put_mark(&w->mark);
		}
		list_splice(&kept, &watches);
	} else {
		/* What is left of the old set is no longer wanted. */
		unwatch_all();
		list_splice(&kept, &watches);
		list_splice_tail(&fresh, &watches);
		/* Read back as the list that is watched. */
		dirs[0] = '\0';
		for (i = 0; i < n; i++) {
			if (i)
				strlcat(dirs, ",", sizeof(dirs));
			strlcat(dirs, names[i], sizeof(dirs));
		}
	}
	mutex_unlock(&lock);
	for (i = 0; i < n; i++)
		path_put(&paths[i]);
	kfree(copy);
	return ret;
}

static int dirs_set(const char *val, const struct kernel_param *kp)
{
	if (strlen(val) >= sizeof(dirs))
		return -E2BIG;
	if (!READ_ONCE(ready)) {
		/* At load: applied by init, once the group exists. */
		strscpy(dirs, val, sizeof(dirs));
		return 0;
	}
	return apply_dirs(val);
}

static int dirs_get(char *buf, const struct kernel_param *kp)
{
	int n;

	mutex_lock(&lock);
	n = scnprintf(buf, PAGE_SIZE, "%s\n", dirs);
	mutex_unlock(&lock);
	return n;
}

static const struct kernel_param_ops dirs_ops = {
	.set = dirs_set,
	.get = dirs_get,
};
module_param_cb(dirs, &dirs_ops, NULL, 0644);
MODULE_PARM_DESC(dirs, "Comma-separated absolute paths of the directories whose files are embedded (empty: none)");

#define STAT(name) \
	static ssize_t name##_show(struct kobject *k, struct kobj_attribute *a, char *buf) \
	{ \
		return sysfs_emit(buf, "%lld\n", atomic64_read(&st_##name)); \
	} \
	static struct kobj_attribute name##_attr = __ATTR_RO(name)
STAT(written);
STAT(superseded);
STAT(cancelled);
STAT(parked);
STAT(dropped);
STAT(failed);
STAT(resubmitted);
STAT(retried);
#undef STAT

static ssize_t waiting_show(struct kobject *k, struct kobj_attribute *a, char *buf)
{
	unsigned int n;

	mutex_lock(&lock);
	n = nparked;
	mutex_unlock(&lock);
	return sysfs_emit(buf, "%u\n", n);
}
static struct kobj_attribute waiting_attr = __ATTR_RO(waiting);

static struct attribute *stats_attrs[] = {
	&written_attr.attr, &superseded_attr.attr, &cancelled_attr.attr, &parked_attr.attr,
	&dropped_attr.attr, &failed_attr.attr, &resubmitted_attr.attr, &retried_attr.attr, &waiting_attr.attr, NULL,
};
static const struct attribute_group stats_group = { .name = "stats", .attrs = stats_attrs };

static int __init hook_init(void)
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
	group = fsnotify_alloc_group(&hook_fsnotify_ops, 0);
	if (IS_ERR(group)) {
		ret = PTR_ERR(group);
		goto err_group;
	}
	consumer = vexfs_ipc_consumer_create(&info);
	if (IS_ERR(consumer)) {
		ret = PTR_ERR(consumer);
		goto err_consumer;
	}
	ret = sysfs_create_group(&THIS_MODULE->mkobj.kobj, &stats_group);
	if (ret)
		goto err_sysfs;
	WRITE_ONCE(ready, true);
	ret = apply_dirs(dirs);
	if (ret)
		goto err_dirs;
	pr_info("watching \"%s\"\n", dirs);
	return 0;

err_dirs:
	sysfs_remove_group(&THIS_MODULE->mkobj.kobj, &stats_group);
err_sysfs:
	vexfs_ipc_consumer_destroy(consumer);
err_consumer:
	fsnotify_put_group(group);
err_group:
	destroy_workqueue(wq);
err_wq:
	return ret;
}

static void __exit hook_exit(void)
{
	struct hlist_node *tmp;
	struct hfile *f;
	int bkt;

	mutex_lock(&lock);
	closing = true;
	unwatch_all();
	/* Retries waiting for their time are dropped (with the reference each holds). */
	hash_for_each(files, bkt, f, node)
		if (cancel_delayed_work(&f->work))
			hfile_put(f);
	mutex_unlock(&lock);
	/* No handler runs after this, and every mark is freed. */
	fsnotify_wait_marks_destroyed();
	/* Work that was reading files stops at its next check of closing. */
	flush_workqueue(wq);
	mutex_lock(&lock);
	hash_for_each_safe(files, bkt, tmp, f, node)
		forget(f);
	mutex_unlock(&lock);
	/* Cancels what is still in flight and waits for every completion. */
	vexfs_ipc_consumer_destroy(consumer);
	destroy_workqueue(wq);
	sysfs_remove_group(&THIS_MODULE->mkobj.kobj, &stats_group);
	fsnotify_put_group(group);
	pr_info("unloaded (vectors stored %lld, work cancelled %lld)\n", atomic64_read(&st_written), atomic64_read(&st_cancelled));
}

module_init(hook_init);
module_exit(hook_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Embeds files written in watched directories through vexfs_ipc and stores the vectors in an xattr");
MODULE_AUTHOR("vexfs-bridge developers");
