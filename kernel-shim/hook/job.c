// SPDX-License-Identifier: GPL-2.0
/*
 * One reading of a file (vexfs_ipc_hook): its first max_file_bytes split
 * into chunks at whitespace, as many as one attribute holds, each a
 * request of the batch; and the attribute written from the answers
 * (include/uapi/linux/vexfs_hook.h).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xattr.h>

#include "files.h"
#include "hook.h"

void hook_job_free(struct job *j)
{
	kvfree(j->text);
	kvfree(j->vectors);
	kfree(j->chunks);
	kfree(j->reqs);
	kfree(j->reqp);
	kfree(j);
}

int hook_job_store(struct job *j)
{
	const struct vexfs_ipc_provenance *p = &j->reqs[0].prov;
	size_t vec = (size_t)j->dims * sizeof(u32);
	size_t len = sizeof(struct vexfs_hook_xattr_header) + j->nchunks * (sizeof(*j->chunks) + vec);
	struct vexfs_hook_xattr_header *h;
	u64 processing_ns = 0;
	u32 i;
	int ret;

	/* One model and version for every chunk, or nothing is stored; the file is truncated if any chunk was. */
	for (i = 0; i < j->nchunks; i++) {
		const struct vexfs_ipc_provenance *q = &j->reqs[i].prov;

		if (strcmp(q->model, p->model) || strcmp(q->model_version, p->model_version))
			return -EILSEQ;
		if (q->flags & VEXFS_IPC_PROV_F_TRUNCATED)
			j->flags |= VEXFS_HOOK_F_INPUT_TRUNCATED;
		processing_ns += q->processing_ns;
	}

	h = kvzalloc(len, GFP_KERNEL);
	if (!h)
		return -ENOMEM;
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
	kvfree(h);
	return ret;
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

/* Reads @f into a new job for content @gen, each chunk completing with @done; NULL with *err set (0: nothing to embed). */
struct job *hook_job_read(struct hfile *f, u64 gen, vexfs_ipc_done_fn done, int *err)
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
		r->done = done;
		r->private = j;
		j->reqp[i] = r;
	}
	atomic_set(&j->remaining, j->nchunks);
	return j;

err:
	hook_job_free(j);
	return NULL;
}
