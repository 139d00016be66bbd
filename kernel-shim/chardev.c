// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/vexfs_ipc: the ioctl interface (0x20-0x25). SEND_EMBEDDING_REQUEST
 * runs vexfs_ipc_embed() for the caller, so userspace exercises the same
 * path as the filesystem. Every user pointer, length, flag and reserved
 * field is checked before anything is done. read/write/poll are the
 * framed transport (frames.c).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/xarray.h>

#include "vexfs_ipc.h"

static void *alloc_buffer(size_t len)
{
	void *p = kvmalloc(len, GFP_KERNEL);

	if (p)
		atomic64_inc(&vexfs_ipc_stats.live_buffers);
	return p;
}

static void free_buffer(void *p)
{
	if (!p)
		return;
	kvfree(p);
	atomic64_dec(&vexfs_ipc_stats.live_buffers);
}

/* uid -> pending SEND_EMBEDDING_REQUEST calls, as xarray value entries. */
static DEFINE_XARRAY(uid_pending);

static int uid_pending_get(u32 uid)
{
	unsigned int limit = READ_ONCE(vexfs_ipc_max_pending_per_uid);
	unsigned long n;
	void *old;

	/*
	 * Counted whether or not a limit is set, so the counts stay true when
	 * max_pending_per_uid changes from 0 at run time. Never more than a
	 * quarter of the table, so one user cannot fill it whatever the parameters.
	 */
	if (limit)
		limit = min(limit, max(1U, READ_ONCE(vexfs_ipc_max_pending) / 4));
	xa_lock(&uid_pending);
	n = xa_to_value(xa_load(&uid_pending, uid) ?: xa_mk_value(0));
	if (limit && n >= limit) {
		xa_unlock(&uid_pending);
		return -EDQUOT;
	}
	old = __xa_store(&uid_pending, uid, xa_mk_value(n + 1), GFP_ATOMIC);
	xa_unlock(&uid_pending);
	return xa_is_err(old) ? xa_err(old) : 0;
}

static void uid_pending_put(u32 uid)
{
	unsigned long n;
	void *entry;

	xa_lock(&uid_pending);
	entry = xa_load(&uid_pending, uid);
	if (entry) {
		n = xa_to_value(entry);
		if (n <= 1)
			__xa_erase(&uid_pending, uid);
		else
			__xa_store(&uid_pending, uid, xa_mk_value(n - 1), GFP_ATOMIC);
	}
	xa_unlock(&uid_pending);
}

/* Whether a SEND_EMBEDDING_REQUEST caller may use every priority (the in-kernel API always may). */
static bool may_use_any_priority(void)
{
	int gid = READ_ONCE(vexfs_ipc_priority_gid);

	return capable(CAP_SYS_NICE) || (gid >= 0 && in_group_p(make_kgid(&init_user_ns, gid)));
}

static long send_embedding_request(struct vexfs_ipc_embedding_request __user *uarg)
{
	u32 uid = from_kuid_munged(&init_user_ns, current_uid());
	struct vexfs_ipc_embedding_request r;
	struct vexfs_ipc_provenance *prov = NULL;
	struct vexfs_ipc_embed_result res;
	struct vexfs_ipc_embed_args args;
	void *input = NULL, *vector = NULL;
	char *model = NULL;
	unsigned int ceiling;
	bool clamped;
	u32 need;
	long ret;

	if (copy_from_user(&r, uarg, sizeof(r)))
		return -EFAULT;
	if (r.flags & ~VEXFS_IPC_EMBED_F_ALL || r.reserved0)
		return -EINVAL;
	if (r.data_size == 0)
		return -EINVAL;
	if (!r.data_ptr)
		return -EFAULT;
	if (r.data_size > VEXFS_IPC_MAX_INPUT_BYTES)
		return -E2BIG;
	if (r.dimensions == 0 || r.dimensions > VEXFS_IPC_MAX_DIMENSIONS || r.data_type > VEXFS_IPC_DTYPE_MAX)
		return -EINVAL;
	if (r.model_len >= VEXFS_IPC_MAX_MODEL_LEN)
		return -E2BIG;
	if (r.model_len && !r.model_ptr)
		return -EFAULT;
	if (r.timeout_ms > VEXFS_IPC_MAX_TIMEOUT_MS)
		return -EINVAL;
	need = vexfs_ipc_vector_bytes(r.dimensions, r.data_type);
	if (r.vector_size < need)
		return -ENOSPC;
	if (!r.vector_ptr)
		return -EFAULT;

	ret = -ENOMEM;
	input = alloc_buffer(r.data_size);
	vector = alloc_buffer(need);
	if (r.provenance_ptr)
		prov = alloc_buffer(sizeof(*prov));
	if (!input || !vector || (r.provenance_ptr && !prov))
		goto out;
	ret = -EFAULT;
	if (copy_from_user(input, u64_to_user_ptr(r.data_ptr), r.data_size))
		goto out;
	if (r.model_len) {
		model = alloc_buffer(r.model_len + 1);
		ret = -ENOMEM;
		if (!model)
			goto out;
		ret = -EFAULT;
		if (copy_from_user(model, u64_to_user_ptr(r.model_ptr), r.model_len))
			goto out;
		model[r.model_len] = '\0';
		ret = -EINVAL;
		if (strlen(model) != r.model_len)
			goto out;
	}

	/* An unprivileged user cannot take High/Critical ahead of the filesystem's own requests. */
	ceiling = min(READ_ONCE(vexfs_ipc_user_max_priority), 255U);
	clamped = r.priority > ceiling && !may_use_any_priority();
	args = (struct vexfs_ipc_embed_args){
		.input = input,
		.input_len = r.data_size,
		.model = model,
		.dimensions = r.dimensions,
		.data_type = r.data_type,
		.priority = clamped ? ceiling : r.priority,
		.timeout_ms = r.timeout_ms ? r.timeout_ms : VEXFS_IPC_DEFAULT_TIMEOUT_MS,
		.vector = vector,
		.vector_cap = need,
		.session_key = r.session_key,
	};
	ret = uid_pending_get(uid);
	if (ret)
		goto out;
	ret = vexfs_ipc_embed_on(vexfs_ipc_ioctl_consumer, &args, &res, prov);
	uid_pending_put(uid);
	if (ret)
		goto out;
	ret = -EFAULT;
	if (res.vector_len && copy_to_user(u64_to_user_ptr(r.vector_ptr), vector, res.vector_len))
		goto out;
	if (prov && copy_to_user(u64_to_user_ptr(r.provenance_ptr), prov, sizeof(*prov)))
		goto out;
	r.flags = clamped ? VEXFS_IPC_EMBED_F_PRIORITY_CLAMPED : 0;
	r.request_id = res.request_id;
	r.status = res.status;
	r.vector_size = res.vector_len;
	r.processing_time_ns = res.processing_ns;
	ret = copy_to_user(uarg, &r, sizeof(r)) ? -EFAULT : 0;
out:
	free_buffer(prov);
	free_buffer(model);
	free_buffer(vector);
	free_buffer(input);
	return ret;
}



static long vexfs_ipc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case VEXFS_IOCTL_IPC_SEND_EMBEDDING_REQUEST:
		return send_embedding_request(argp);
	case VEXFS_IOCTL_IPC_GET_STATS:
		return vexfs_ipc_stats_ioctl(argp);
	case VEXFS_IOCTL_IPC_REGISTER_SERVICE:
	case VEXFS_IOCTL_IPC_UNREGISTER_SERVICE:
	case VEXFS_IOCTL_IPC_GET_SERVICE_STATUS:
	case VEXFS_IOCTL_IPC_LIST_SERVICES:
		return vexfs_ipc_registrations_ioctl(file, cmd, argp);
	default:
		return -ENOTTY;
	}
}

static int vexfs_ipc_open(struct inode *inode, struct file *file)
{
	int ret = nonseekable_open(inode, file);

	return ret ? ret : vexfs_ipc_registrations_open(file);
}

static int vexfs_ipc_release(struct inode *inode, struct file *file)
{
	vexfs_ipc_frames_release(file);
	vexfs_ipc_registrations_release(file);
	return 0;
}

static const struct file_operations vexfs_ipc_fops = {
	.owner = THIS_MODULE,
	.open = vexfs_ipc_open,
	.release = vexfs_ipc_release,
	.read = vexfs_ipc_frames_read,
	.write = vexfs_ipc_frames_write,
	.poll = vexfs_ipc_frames_poll,
	.unlocked_ioctl = vexfs_ipc_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = no_llseek,
};

static struct miscdevice vexfs_ipc_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "vexfs_ipc",
	.fops = &vexfs_ipc_fops,
	.mode = 0660,
};

int vexfs_ipc_chardev_init(void)
{
	vexfs_ipc_frames_init();
	return misc_register(&vexfs_ipc_misc);
}

void vexfs_ipc_chardev_uninit(void)
{
	misc_deregister(&vexfs_ipc_misc);
	vexfs_ipc_frames_uninit();
	xa_destroy(&uid_pending);
}
