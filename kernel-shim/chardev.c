// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/vexfs_ipc: the ioctl interface (0x20-0x25). SEND_EMBEDDING_REQUEST
 * runs vexfs_ipc_embed() for the caller, so userspace exercises the same
 * path as the filesystem. Every user pointer, length, flag and reserved
 * field is checked before anything is done.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

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

static long send_embedding_request(struct vexfs_ipc_embedding_request __user *uarg)
{
	struct vexfs_ipc_embedding_request r;
	struct vexfs_ipc_embed_result res;
	struct vexfs_ipc_embed_args args;
	void *input = NULL, *vector = NULL;
	char *model = NULL;
	u32 need;
	long ret;

	if (copy_from_user(&r, uarg, sizeof(r)))
		return -EFAULT;
	if (r.flags & ~VEXFS_IPC_EMBED_F_ALL || r.reserved0 || r.reserved[0] || r.reserved[1])
		return -EINVAL;
	if (r.data_size == 0 || !r.data_ptr)
		return -EINVAL;
	if (r.data_size > VEXFS_IPC_MAX_INPUT_BYTES)
		return -E2BIG;
	if (r.dimensions == 0 || r.dimensions > VEXFS_IPC_MAX_DIMENSIONS || r.data_type > VEXFS_IPC_DTYPE_MAX)
		return -EINVAL;
	if (r.model_len >= VEXFS_IPC_MAX_MODEL_LEN)
		return -E2BIG;
	if (r.model_len && !r.model_ptr)
		return -EINVAL;
	if (r.timeout_ms > VEXFS_IPC_MAX_TIMEOUT_MS)
		return -EINVAL;
	need = vexfs_ipc_vector_bytes(r.dimensions, r.data_type);
	if (r.vector_size < need || !r.vector_ptr)
		return -ENOSPC;

	ret = -ENOMEM;
	input = alloc_buffer(r.data_size);
	vector = alloc_buffer(need);
	if (!input || !vector)
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

	args = (struct vexfs_ipc_embed_args){
		.input = input,
		.input_len = r.data_size,
		.model = model,
		.dimensions = r.dimensions,
		.data_type = r.data_type,
		.priority = r.priority,
		.timeout_ms = r.timeout_ms ? r.timeout_ms : VEXFS_IPC_DEFAULT_TIMEOUT_MS,
		.vector = vector,
		.vector_cap = need,
	};
	ret = vexfs_ipc_embed(&args, &res);
	if (ret)
		goto out;
	ret = -EFAULT;
	if (res.vector_len && copy_to_user(u64_to_user_ptr(r.vector_ptr), vector, res.vector_len))
		goto out;
	r.request_id = res.request_id;
	r.status = res.status;
	r.vector_size = res.vector_len;
	r.processing_time_ns = res.processing_ns;
	ret = copy_to_user(uarg, &r, sizeof(r)) ? -EFAULT : 0;
out:
	free_buffer(model);
	free_buffer(vector);
	free_buffer(input);
	return ret;
}

static long get_stats(struct vexfs_ipc_stats __user *uarg)
{
	struct vexfs_ipc_counters *c = &vexfs_ipc_stats;
	struct vexfs_ipc_stats s;
	u32 portid;

	if (copy_from_user(&s, uarg, sizeof(s)))
		return -EFAULT;
	if (s.flags)
		return -EINVAL;
	portid = vexfs_ipc_genl_daemon_portid();
	memset(&s, 0, sizeof(s));
	s.requests_submitted = atomic64_read(&c->submitted);
	s.requests_completed = atomic64_read(&c->completed);
	s.requests_failed = atomic64_read(&c->failed);
	s.requests_timed_out = atomic64_read(&c->timed_out);
	s.requests_cancelled = atomic64_read(&c->cancelled);
	s.requests_resent = atomic64_read(&c->resent);
	s.responses_late = atomic64_read(&c->late);
	s.messages_invalid = atomic64_read(&c->invalid);
	s.live_requests = atomic64_read(&c->live_requests);
	s.live_buffers = atomic64_read(&c->live_buffers);
	s.live_registrations = atomic64_read(&c->live_registrations);
	s.daemon_attached = portid != 0;
	s.transport = portid ? VEXFS_IPC_TRANSPORT_GENL : VEXFS_IPC_TRANSPORT_NONE;
	s.daemon_port_id = portid;
	s.inflight = vexfs_ipc_requests_inflight();
	s.pending_capacity = vexfs_ipc_max_pending;
	return copy_to_user(uarg, &s, sizeof(s)) ? -EFAULT : 0;
}

static long vexfs_ipc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case VEXFS_IOCTL_IPC_SEND_EMBEDDING_REQUEST:
		return send_embedding_request(argp);
	case VEXFS_IOCTL_IPC_GET_STATS:
		return get_stats(argp);
	case VEXFS_IOCTL_IPC_REGISTER_SERVICE:
	case VEXFS_IOCTL_IPC_UNREGISTER_SERVICE:
	case VEXFS_IOCTL_IPC_GET_SERVICE_STATUS:
	case VEXFS_IOCTL_IPC_LIST_SERVICES:
		return vexfs_ipc_control_ioctl(file, cmd, argp);
	default:
		return -ENOTTY;
	}
}

static int vexfs_ipc_open(struct inode *inode, struct file *file)
{
	int ret = nonseekable_open(inode, file);

	return ret ? ret : vexfs_ipc_control_open(file);
}

static int vexfs_ipc_release(struct inode *inode, struct file *file)
{
	vexfs_ipc_control_release(file);
	return 0;
}

static const struct file_operations vexfs_ipc_fops = {
	.owner = THIS_MODULE,
	.open = vexfs_ipc_open,
	.release = vexfs_ipc_release,
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
	return misc_register(&vexfs_ipc_misc);
}

void vexfs_ipc_chardev_uninit(void)
{
	misc_deregister(&vexfs_ipc_misc);
}
