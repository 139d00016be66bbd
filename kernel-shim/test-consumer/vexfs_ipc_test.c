// SPDX-License-Identifier: GPL-2.0
/*
 * vexfs_ipc_test: uses the in-kernel API the way a filesystem would, for
 * the VM tier. Writing "DIMS TIMEOUT_MS MODEL TEXT" (MODEL "-" for none)
 * to /sys/kernel/debug/vexfs_ipc_test/embed runs vexfs_ipc_embed() from a
 * kworker (kernel context, kernel buffers, no user process behind it) and
 * waits for it; reading the file returns the last outcome: the call's
 * return value, status and vector length as three little-endian __s32/__u32
 * words, then the vector bytes.
 *
 * /sys/kernel/debug/vexfs_ipc_test/race drives the asynchronous API for
 * the exactly-once tests, with a daemon the test plays itself: write
 * "submit N TIMEOUT_MS" (N requests of 8 float32 dimensions in one batch,
 * submitted with bottom halves off and GFP_ATOMIC, owners 1 and 2 in turn,
 * each vector buffer filled with a canary), "cancel OWNER" or "cancel-each"
 * while the daemon answers; reading waits until every completion has run
 * and reports one line: "n= calls= max= success= cancelled= timeout=
 * no_daemon= other= canary= wrong=" (max: the most completions one request
 * got; canary: requests not SUCCESS whose buffer was written; wrong:
 * SUCCESS vectors other than the daemon's, which fills each with the low
 * byte of its request id).
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
#include <linux/bottom_half.h>

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

#define RACE_MAX	1024
#define RACE_DIMS	8
#define RACE_BYTES	(RACE_DIMS * 4)
#define CANARY		0xa5

/* One round of asynchronous requests; under @race_lock except the completions' own slots. */
static struct {
	struct vexfs_ipc_consumer *consumer;
	struct vexfs_ipc_req reqs[RACE_MAX];
	struct vexfs_ipc_req *reqp[RACE_MAX];
	u8 vectors[RACE_MAX][RACE_BYTES];
	atomic_t calls[RACE_MAX];
	u32 status[RACE_MAX];
	u32 n;
} *race;
static DEFINE_MUTEX(race_lock);
static const char race_input[] = "race";

static void race_done(struct vexfs_ipc_req *req)
{
	u32 i = (u32)(uintptr_t)req->private;

	race->status[i] = req->status;
	atomic_inc(&race->calls[i]);
}

static int race_submit(u32 n, u32 timeout)
{
	u32 i;
	int ret;

	if (n < 1 || n > RACE_MAX || timeout < 1)
		return -EINVAL;
	/* The previous round is over: every completion ran (reading waits for that). */
	vexfs_ipc_wait_owner(race->consumer, 1);
	vexfs_ipc_wait_owner(race->consumer, 2);
	for (i = 0; i < n; i++) {
		struct vexfs_ipc_req *r = &race->reqs[i];

		memset(r, 0, sizeof(*r));
		memset(race->vectors[i], CANARY, RACE_BYTES);
		atomic_set(&race->calls[i], 0);
		race->status[i] = U32_MAX;
		r->args = (struct vexfs_ipc_embed_args){
			.input = race_input,
			.input_len = sizeof(race_input) - 1,
			.dimensions = RACE_DIMS,
			.data_type = VEXFS_IPC_DTYPE_FLOAT32,
			.priority = VEXFS_IPC_PRIO_NORMAL,
			.timeout_ms = timeout,
			.vector = race->vectors[i],
			.vector_cap = RACE_BYTES,
		};
		r->owner = 1 + (i & 1);
		r->done = race_done;
		r->private = (void *)(uintptr_t)i;
		race->reqp[i] = r;
	}
	race->n = n;
	/* Where a filesystem may submit from: no sleeping allowed. */
	local_bh_disable();
	ret = vexfs_ipc_submit(race->consumer, race->reqp, n, GFP_ATOMIC);
	local_bh_enable();
	if (ret)
		race->n = 0;
	return ret;
}

static ssize_t race_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	char line[64];
	u32 a, b, i;
	int ret = -EINVAL;

	if (count == 0 || count >= sizeof(line))
		return -EINVAL;
	if (copy_from_user(line, ubuf, count))
		return -EFAULT;
	line[count] = '\0';
	mutex_lock(&race_lock);
	if (sscanf(line, "submit %u %u", &a, &b) == 2) {
		ret = race_submit(a, b);
	} else if (sscanf(line, "cancel %u", &a) == 1) {
		vexfs_ipc_cancel_owner(race->consumer, a);
		ret = 0;
	} else if (!strncmp(line, "cancel-each", 11)) {
		for (i = 0; i < race->n; i++)
			vexfs_ipc_cancel(&race->reqs[i]);
		ret = 0;
	}
	mutex_unlock(&race_lock);
	return ret ? ret : count;
}

static ssize_t race_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	u32 calls = 0, max = 0, success = 0, cancelled = 0, timeout = 0, no_daemon = 0, other = 0, canary = 0, wrong = 0;
	u32 i, k, c;
	char out[200];
	int len;

	if (*ppos == 0) {
		vexfs_ipc_wait_owner(race->consumer, 1);
		vexfs_ipc_wait_owner(race->consumer, 2);
	}
	mutex_lock(&race_lock);
	for (i = 0; i < race->n; i++) {
		bool written = false, right = true;

		c = atomic_read(&race->calls[i]);
		calls += c;
		max = max(max, c);
		for (k = 0; k < RACE_BYTES; k++) {
			written |= race->vectors[i][k] != CANARY;
			right &= race->vectors[i][k] == (u8)race->reqs[i].id;
		}
		switch (race->status[i]) {
		case VEXFS_IPC_STATUS_SUCCESS:
			success++;
			wrong += !right;
			continue;
		case VEXFS_IPC_STATUS_CANCELLED:
			cancelled++;
			break;
		case VEXFS_IPC_STATUS_TIMEOUT:
			timeout++;
			break;
		case VEXFS_IPC_STATUS_NO_DAEMON:
			no_daemon++;
			break;
		default:
			other++;
		}
		canary += written;
	}
	len = scnprintf(out, sizeof(out), "n=%u calls=%u max=%u success=%u cancelled=%u timeout=%u no_daemon=%u other=%u canary=%u wrong=%u\n",
			race->n, calls, max, success, cancelled, timeout, no_daemon, other, canary, wrong);
	mutex_unlock(&race_lock);
	return simple_read_from_buffer(ubuf, count, ppos, out, len);
}

static const struct file_operations race_fops = {
	.owner = THIS_MODULE,
	.write = race_write,
	.read = race_read,
	.llseek = default_llseek,
};

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
	const struct vexfs_ipc_consumer_info info = { .name = "test", .max_inflight = RACE_MAX };
	int ret;

	last = kzalloc(sizeof(*last), GFP_KERNEL);
	if (!last) {
		ret = -ENOMEM;
		goto err_alloc;
	}
	race = kvzalloc(sizeof(*race), GFP_KERNEL);
	if (!race) {
		ret = -ENOMEM;
		goto err_race;
	}
	race->consumer = vexfs_ipc_consumer_create(&info);
	if (IS_ERR(race->consumer)) {
		ret = PTR_ERR(race->consumer);
		goto err_consumer;
	}
	dir = debugfs_create_dir("vexfs_ipc_test", NULL);
	if (IS_ERR(dir)) {
		ret = PTR_ERR(dir);
		goto err_dir;
	}
	debugfs_create_file("embed", 0600, dir, NULL, &embed_fops);
	debugfs_create_file("race", 0600, dir, NULL, &race_fops);
	return 0;

err_dir:
	vexfs_ipc_consumer_destroy(race->consumer);
err_consumer:
	kvfree(race);
err_race:
	kfree(last);
err_alloc:
	return ret;
}

static void __exit vexfs_ipc_test_exit(void)
{
	debugfs_remove_recursive(dir);
	/* Cancels a round still in flight and waits for its completions. */
	vexfs_ipc_consumer_destroy(race->consumer);
	kvfree(race);
	kfree(last);
}

module_init(vexfs_ipc_test_init);
module_exit(vexfs_ipc_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A test user of vexfs_ipc's in-kernel API, driven through debugfs");
