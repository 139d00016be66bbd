// SPDX-License-Identifier: GPL-2.0
/*
 * The framed fallback transport: one file may attach as the daemon by
 * writing a DAEMON_ATTACH frame; kernel->daemon messages then queue here
 * and are read as frames, one per read().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/crc32.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <net/genetlink.h>

#include "vexfs_ipc.h"

/* Guards daemon_file changes together with purging the queue, and each read's dequeue. */
static DEFINE_MUTEX(daemon_file_lock);
static struct file *daemon_file;
static struct sk_buff_head daemon_queue;
static DECLARE_WAIT_QUEUE_HEAD(daemon_wait);
/* What the daemon has not read yet; beyond either bound, sends fail like a full socket. */
#define DAEMON_QUEUE_MAX 65536
#define DAEMON_QUEUE_MAX_BYTES (32 * 1024 * 1024)
static atomic_t daemon_queue_bytes = ATOMIC_INIT(0);

static const u32 msg_type_of_cmd[__VEXFS_IPC_CMD_MAX] = {
	[VEXFS_IPC_CMD_DAEMON_ATTACH]	= VEXFS_IPC_MSG_SERVICE_DISCOVERY,
	[VEXFS_IPC_CMD_DAEMON_DETACH]	= VEXFS_IPC_MSG_SERVICE_DISCOVERY,
	[VEXFS_IPC_CMD_EMBED_REQUEST]	= VEXFS_IPC_MSG_EMBEDDING_REQUEST,
	[VEXFS_IPC_CMD_EMBED_RESPONSE]	= VEXFS_IPC_MSG_EMBEDDING_RESPONSE,
	[VEXFS_IPC_CMD_CANCEL]		= VEXFS_IPC_MSG_NACK,
	[VEXFS_IPC_CMD_SERVICE_REGISTER] = VEXFS_IPC_MSG_SERVICE_REGISTER,
	[VEXFS_IPC_CMD_SERVICE_UNREGISTER] = VEXFS_IPC_MSG_SERVICE_UNREGISTER,
	[VEXFS_IPC_CMD_SERVICE_STATUS]	= VEXFS_IPC_MSG_STATUS_REQUEST,
	[VEXFS_IPC_CMD_LIST_SERVICES]	= VEXFS_IPC_MSG_STATUS_REQUEST,
	[VEXFS_IPC_CMD_GET_STATS]	= VEXFS_IPC_MSG_STATUS_REQUEST,
	[VEXFS_IPC_CMD_REPLY]		= VEXFS_IPC_MSG_STATUS_RESPONSE,
	[VEXFS_IPC_CMD_HEARTBEAT]	= VEXFS_IPC_MSG_SERVICE_HEARTBEAT,
	[VEXFS_IPC_CMD_EVENT]		= VEXFS_IPC_MSG_SERVICE_DISCOVERY,
	[VEXFS_IPC_CMD_SERVICE_REVOKE]	= VEXFS_IPC_MSG_SERVICE_UNREGISTER,
};

static u32 frame_crc(const struct vexfs_ipc_msg_header *h, const void *body, u32 len)
{
	struct vexfs_ipc_msg_header copy = *h;
	u32 crc;

	copy.checksum = 0;
	crc = crc32_le(~0U, (const u8 *)&copy, sizeof(copy));
	return ~crc32_le(crc, body, len);
}

int vexfs_ipc_frames_deliver(struct sk_buff *skb)
{
	if (!READ_ONCE(daemon_file)) {
		kfree_skb(skb);
		return -ECONNREFUSED;
	}
	if (skb_queue_len(&daemon_queue) >= DAEMON_QUEUE_MAX ||
	    atomic_read(&daemon_queue_bytes) + skb->truesize > DAEMON_QUEUE_MAX_BYTES) {
		kfree_skb(skb);
		return -EAGAIN;
	}
	atomic_add(skb->truesize, &daemon_queue_bytes);
	skb_queue_tail(&daemon_queue, skb);
	wake_up_interruptible(&daemon_wait);
	return 0;
}

static void queue_unlinked(struct sk_buff *skb)
{
	atomic_sub(skb->truesize, &daemon_queue_bytes);
}

static void purge_queue(void)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&daemon_queue))) {
		queue_unlinked(skb);
		kfree_skb(skb);
	}
}

static u64 skb_request_id(const struct sk_buff *skb)
{
	const struct nlmsghdr *nlh = nlmsg_hdr(skb);
	const struct nlattr *id = nla_find((const struct nlattr *)((const u8 *)nlmsg_data(nlh) + GENL_HDRLEN),
					   nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN, VEXFS_IPC_A_REQUEST_ID);

	return id && nla_len(id) == sizeof(u64) ? nla_get_u64(id) : 0;
}

/* A query that timed out: its message, if still unread, is not worth the daemon's time. */
void vexfs_ipc_frames_drop(u64 id)
{
	struct sk_buff *skb, *tmp;
	unsigned long flags;

	spin_lock_irqsave(&daemon_queue.lock, flags);
	skb_queue_walk_safe(&daemon_queue, skb, tmp) {
		if (skb_request_id(skb) == id) {
			__skb_unlink(skb, &daemon_queue);
			queue_unlinked(skb);
			kfree_skb(skb);
			break;
		}
	}
	spin_unlock_irqrestore(&daemon_queue.lock, flags);
}

/* The char-device daemon is gone (detached, or its file closed). */
void vexfs_ipc_frames_detached(void)
{
	mutex_lock(&daemon_file_lock);
	/* Attaches claim under this lock: a file that became the daemon since keeps its queue. */
	if (vexfs_ipc_genl_daemon_portid() != VEXFS_IPC_CHARDEV_DAEMON) {
		WRITE_ONCE(daemon_file, NULL);
		purge_queue();
	}
	mutex_unlock(&daemon_file_lock);
	wake_up_interruptible(&daemon_wait);
}

/* The next queued message for @file while it is the daemon; NULL when none, ERR_PTR when it is not the daemon. */
static struct sk_buff *dequeue_for(struct file *file)
{
	struct sk_buff *skb;

	mutex_lock(&daemon_file_lock);
	if (READ_ONCE(daemon_file) != file)
		skb = ERR_PTR(-ENOTCONN);
	else
		skb = skb_dequeue(&daemon_queue);
	mutex_unlock(&daemon_file_lock);
	if (!IS_ERR_OR_NULL(skb))
		queue_unlinked(skb);
	return skb;
}

static void requeue(struct sk_buff *skb)
{
	atomic_add(skb->truesize, &daemon_queue_bytes);
	skb_queue_head(&daemon_queue, skb);
}

ssize_t vexfs_ipc_frames_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct vexfs_ipc_msg_header h = {};
	struct genlmsghdr *gh;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	struct nlattr *id;
	u32 blen;
	void *body;
	int ret;

	if (READ_ONCE(daemon_file) != file)
		return -ENOTCONN;
	/* Dequeued under the daemon lock: a file that stopped being the daemon never takes the next one's message. */
	while (!(skb = dequeue_for(file))) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = wait_event_interruptible(daemon_wait,
					       !skb_queue_empty(&daemon_queue) || READ_ONCE(daemon_file) != file);
		if (ret)
			return ret;
	}
	if (IS_ERR(skb))
		return 0;
	nlh = nlmsg_hdr(skb);
	gh = nlmsg_data(nlh);
	body = (u8 *)gh + GENL_HDRLEN;
	blen = nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN;
	if (count < sizeof(h) + blen) {
		requeue(skb);
		return -EMSGSIZE;
	}
	id = nla_find(body, blen, VEXFS_IPC_A_REQUEST_ID);
	h.magic = VEXFS_IPC_MAGIC;
	h.version = VEXFS_IPC_PROTOCOL_VERSION;
	h.message_type = msg_type_of_cmd[gh->cmd];
	h.length = sizeof(h) + blen;
	h.correlation_id = id && nla_len(id) == sizeof(u64) ? nla_get_u64(id) : 0;
	h.timestamp = div_u64(ktime_get_real_ns(), NSEC_PER_MSEC);
	h.flags = (u32)gh->cmd << VEXFS_IPC_MSG_F_GENL_CMD_SHIFT;
	h.checksum = frame_crc(&h, body, blen);
	if (copy_to_user(ubuf, &h, sizeof(h)) || copy_to_user(ubuf + sizeof(h), body, blen)) {
		requeue(skb);
		return -EFAULT;
	}
	consume_skb(skb);
	return sizeof(h) + blen;
}

static int frame_attach(struct file *file, struct nlattr **tb)
{
	struct sk_buff *skb;
	bool fresh;
	void *hdr;
	int ret;

	/* The opener's credentials too: a file passed to a privileged process does not make its opener the daemon. */
	if (!file_ns_capable(file, &init_user_ns, CAP_NET_ADMIN) || !capable(CAP_NET_ADMIN))
		return -EPERM;
	if (!tb[VEXFS_IPC_A_PROTOCOL_VERSION])
		return -EINVAL;
	if (nla_get_u32(tb[VEXFS_IPC_A_PROTOCOL_VERSION]) != VEXFS_IPC_PROTOCOL_VERSION)
		return -EPROTONOSUPPORT;
	/* The char device has one queue: workers attach over genetlink. */
	if (tb[VEXFS_IPC_A_FLAGS] && (nla_get_u32(tb[VEXFS_IPC_A_FLAGS]) & VEXFS_IPC_F_QUEUE))
		return -EOPNOTSUPP;
	mutex_lock(&daemon_file_lock);
	if (daemon_file && daemon_file != file) {
		mutex_unlock(&daemon_file_lock);
		return -EBUSY;
	}
	ret = vexfs_ipc_daemon_claim(VEXFS_IPC_CHARDEV_DAEMON, NULL, NULL, &fresh);
	if (!ret)
		WRITE_ONCE(daemon_file, file);
	mutex_unlock(&daemon_file_lock);
	if (ret)
		return ret;
	skb = vexfs_ipc_genl_start(VEXFS_IPC_CMD_DAEMON_ATTACH, &hdr);
	if (skb) {
		if (nla_put_u32(skb, VEXFS_IPC_A_PROTOCOL_VERSION, VEXFS_IPC_PROTOCOL_VERSION) ||
		    nla_put_u32(skb, VEXFS_IPC_A_MAX_INFLIGHT, vexfs_ipc_max_pending) ||
		    nla_put_u32(skb, VEXFS_IPC_A_QUEUE, 0))
			nlmsg_free(skb);
		else
			vexfs_ipc_genl_send(skb, hdr, VEXFS_IPC_CHARDEV_DAEMON);
	}
	if (fresh)
		vexfs_ipc_daemon_attached(VEXFS_IPC_CHARDEV_DAEMON);
	return 0;
}

/* Checks and applies one frame; returns its length or a negative errno. */
static int write_frame(struct file *file, const u8 *p, size_t avail)
{
	struct nlattr *tb[VEXFS_IPC_A_MAX + 1];
	struct vexfs_ipc_msg_header h;
	u32 blen, cmd;
	int ret;

	if (avail < sizeof(h))
		return -EINVAL;
	memcpy(&h, p, sizeof(h));
	if (h.magic != VEXFS_IPC_MAGIC || h.version != VEXFS_IPC_PROTOCOL_VERSION)
		return -EPROTO;
	if (h.length < sizeof(h) || h.length > VEXFS_IPC_MAX_MSG_BYTES || h.length > avail || (h.length - sizeof(h)) % 4)
		return -EINVAL;
	if (h.flags & ~VEXFS_IPC_MSG_F_ALL)
		return -EINVAL;
	cmd = h.flags >> VEXFS_IPC_MSG_F_GENL_CMD_SHIFT;
	if (cmd == VEXFS_IPC_CMD_UNSPEC || cmd > VEXFS_IPC_CMD_MAX || msg_type_of_cmd[cmd] != h.message_type)
		return -EINVAL;
	blen = h.length - sizeof(h);
	if (frame_crc(&h, p + sizeof(h), blen) != h.checksum)
		return -EBADMSG;
	ret = nla_parse(tb, VEXFS_IPC_A_MAX, (const struct nlattr *)(p + sizeof(h)), blen, vexfs_ipc_policy, NULL);
	if (ret)
		return ret;
	if (cmd == VEXFS_IPC_CMD_DAEMON_ATTACH)
		ret = frame_attach(file, tb);
	else if (READ_ONCE(daemon_file) != file)
		ret = -ENOTCONN;
	else
		ret = vexfs_ipc_handle(cmd, VEXFS_IPC_CHARDEV_DAEMON, tb, NULL);
	return ret ? ret : h.length;
}

/*
 * Applies every frame in the buffer; when one is refused, the others are
 * still applied and the first refusal's errno is returned.
 */
ssize_t vexfs_ipc_frames_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	size_t pos = 0;
	int first = 0;
	u8 *buf;

	if (count < sizeof(struct vexfs_ipc_msg_header) || count > 16 * VEXFS_IPC_MAX_MSG_BYTES)
		return -EINVAL;
	buf = kvmalloc(count, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, ubuf, count)) {
		kvfree(buf);
		return -EFAULT;
	}
	while (pos < count) {
		int n = write_frame(file, buf + pos, count - pos);

		if (n < 0) {
			atomic64_inc(&vexfs_ipc_stats.invalid);
			if (!first)
				first = n;
			/* A frame whose length cannot be trusted ends the buffer. */
			if (n == -EINVAL || n == -EPROTO || n == -EBADMSG)
				break;
			memcpy(&n, buf + pos + offsetof(struct vexfs_ipc_msg_header, length), sizeof(n));
		}
		pos += n;
	}
	kvfree(buf);
	return first ? first : (ssize_t)count;
}

__poll_t vexfs_ipc_frames_poll(struct file *file, poll_table *wait)
{
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &daemon_wait, wait);
	if (READ_ONCE(daemon_file) == file && !skb_queue_empty(&daemon_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

/* The daemon's file closed: it stops being the daemon. */
void vexfs_ipc_frames_release(struct file *file)
{
	if (READ_ONCE(daemon_file) == file)
		vexfs_ipc_daemon_detach(VEXFS_IPC_CHARDEV_DAEMON, "device closed");
}

void vexfs_ipc_frames_init(void)
{
	skb_queue_head_init(&daemon_queue);
}

void vexfs_ipc_frames_uninit(void)
{
	purge_queue();
}
