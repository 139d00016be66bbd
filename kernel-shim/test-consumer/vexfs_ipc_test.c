// SPDX-License-Identifier: GPL-2.0
/*
 * vexfs_ipc_test: uses the in-kernel API the way a filesystem would, for
 * the VM tier. Writing "DIMS TIMEOUT_MS MODEL TEXT" (MODEL "-" for none)
 * to /sys/kernel/debug/vexfs_ipc_test/embed runs vexfs_ipc_embed() from a
 * kworker (kernel context, kernel buffers, no user process behind it) and
 * waits for it; reading the file returns the last outcome: the call's
 * return value, status and vector length as three little-endian __s32/__u32
 * words, then the vector bytes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vexfs_ipc.h>
#include <linux/workqueue.h>

struct outcome {
	s32 ret;
	u32 status;
	u32 vector_len;
	u8 vector[VEXFS_IPC_MAX_VECTOR_BYTES];
};

struct call {
	struct work_struct work;
	struct vexfs_ipc_embed_args args;
	struct vexfs_ipc_embed_result res;
	char model[VEXFS_IPC_MAX_MODEL_LEN];
	char text[VEXFS_IPC_MAX_INPUT_BYTES];
	struct outcome *out;
};

static DEFINE_MUTEX(lock);
static struct outcome *last;
static struct dentry *dir;

static void run(struct work_struct *work)
{
	struct call *c = container_of(work, struct call, work);

	c->out->ret = vexfs_ipc_embed(&c->args, &c->res);
	c->out->status = c->res.status;
	c->out->vector_len = c->res.vector_len;
}

static ssize_t embed_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	unsigned int dims, timeout;
	struct call *c;
	char *line;
	int n = 0;
	ssize_t ret;

	if (count == 0 || count >= VEXFS_IPC_MAX_INPUT_BYTES + 64)
		return -EINVAL;
	line = memdup_user_nul(ubuf, count);
	if (IS_ERR(line))
		return PTR_ERR(line);
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c) {
		ret = -ENOMEM;
		goto out_line;
	}
	ret = -EINVAL;
	if (sscanf(line, "%u %u %63s %n", &dims, &timeout, c->model, &n) != 3 || !n || !line[n])
		goto out_call;
	strscpy(c->text, line + n, sizeof(c->text));
	c->args = (struct vexfs_ipc_embed_args){
		.input = c->text,
		.input_len = strlen(c->text),
		.model = strcmp(c->model, "-") ? c->model : NULL,
		.dimensions = dims,
		.data_type = VEXFS_IPC_DTYPE_FLOAT32,
		.priority = VEXFS_IPC_PRIO_CRITICAL,
		.timeout_ms = timeout,
		.vector_cap = VEXFS_IPC_MAX_VECTOR_BYTES,
	};
	mutex_lock(&lock);
	c->out = last;
	c->args.vector = last->vector;
	memset(last, 0, sizeof(*last));
	INIT_WORK(&c->work, run);
	queue_work(system_unbound_wq, &c->work);
	flush_work(&c->work);
	mutex_unlock(&lock);
	ret = count;
out_call:
	kfree(c);
out_line:
	kfree(line);
	return ret;
}

static ssize_t embed_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, last, offsetof(struct outcome, vector) + last->vector_len);
	mutex_unlock(&lock);
	return ret;
}

static const struct file_operations embed_fops = {
	.owner = THIS_MODULE,
	.write = embed_write,
	.read = embed_read,
	.llseek = default_llseek,
};

static int __init vexfs_ipc_test_init(void)
{
	int ret;

	last = kzalloc(sizeof(*last), GFP_KERNEL);
	if (!last) {
		ret = -ENOMEM;
		goto err_alloc;
	}
	dir = debugfs_create_dir("vexfs_ipc_test", NULL);
	if (IS_ERR(dir)) {
		ret = PTR_ERR(dir);
		goto err_dir;
	}
	debugfs_create_file("embed", 0600, dir, NULL, &embed_fops);
	return 0;

err_dir:
	kfree(last);
err_alloc:
	return ret;
}

static void __exit vexfs_ipc_test_exit(void)
{
	debugfs_remove_recursive(dir);
	kfree(last);
}

module_init(vexfs_ipc_test_init);
module_exit(vexfs_ipc_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A test user of vexfs_ipc's in-kernel API, driven through debugfs");
