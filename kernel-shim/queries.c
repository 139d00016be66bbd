// SPDX-License-Identifier: GPL-2.0
/*
 * Queries to the daemon: REGISTER_SERVICE, UNREGISTER_SERVICE,
 * GET_SERVICE_STATUS, LIST_SERVICES and the daemon part of GET_STATS become
 * kernel->daemon messages answered by REPLY (a long list in parts). Each
 * waiting call has an id in the queries table; the REPLY with that id
 * completes it, bounded by reply_timeout_ms and killable.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/xarray.h>
#include <net/genetlink.h>

#include "vexfs_ipc.h"

/* A forwarded call waiting for the daemon's REPLY. */
struct query {
	u64 id;
	struct completion done;
	int err;
	struct vexfs_ipc_service_info *infos;
	u32 capacity, count, total;
	struct vexfs_ipc_stats *stats;
};

static DEFINE_XARRAY(queries);

/*
 * Builds and sends one forwarded message; @id 0 means "no reply wanted".
 * @spec: the registration; REGISTER carries it, REGISTER and UNREGISTER
 * take the registrant's uid/pid from it (else current's).
 */
static int send_control(u32 portid, u8 cmd, u64 id, const struct vexfs_ipc_service_spec *spec, const char *service_id, u32 flags)
{
	struct sk_buff *skb;
	void *hdr;

	skb = vexfs_ipc_genl_start(cmd, &hdr);
	if (!skb)
		return -ENOMEM;
	if (nla_put_u64_64bit(skb, VEXFS_IPC_A_REQUEST_ID, id ? id : vexfs_ipc_next_id(), VEXFS_IPC_A_PAD) ||
	    (spec && cmd == VEXFS_IPC_CMD_SERVICE_REGISTER && vexfs_ipc_service_put(skb, spec)) || (service_id && nla_put_string(skb, VEXFS_IPC_A_SERVICE_ID, service_id)) ||
	    ((cmd == VEXFS_IPC_CMD_SERVICE_REGISTER || cmd == VEXFS_IPC_CMD_SERVICE_UNREGISTER) &&
	     (nla_put_u32(skb, VEXFS_IPC_A_CALLER_UID, spec ? spec->uid : from_kuid_munged(&init_user_ns, current_uid())) ||
	      nla_put_u32(skb, VEXFS_IPC_A_CALLER_PID, spec ? spec->pid : task_tgid_nr(current)))) ||
	    (cmd == VEXFS_IPC_CMD_SERVICE_REGISTER && spec &&
	     (nla_put_u32(skb, VEXFS_IPC_A_CALLER_GID, spec->gid) ||
	      (spec->token[0] && nla_put_string(skb, VEXFS_IPC_A_TOKEN, spec->token)))) ||
	    (flags && nla_put_u32(skb, VEXFS_IPC_A_FLAGS, flags))) {
		nlmsg_free(skb);
		return -EMSGSIZE;
	}
	return vexfs_ipc_genl_send(skb, hdr, portid);
}

/* Sends a query and waits (bounded, killable) for its REPLY. */
static int run_query(struct query *q, u8 cmd, const struct vexfs_ipc_service_spec *spec, const char *service_id)
{
	u32 portid = vexfs_ipc_genl_daemon_portid();
	long left;
	int ret;

	if (!portid)
		return -ENOTCONN;
	q->id = vexfs_ipc_next_id();
	init_completion(&q->done);
	ret = xa_insert(&queries, q->id, q, GFP_KERNEL);
	if (ret)
		return ret;
	ret = send_control(portid, cmd, q->id, spec, service_id, 0);
	if (ret) {
		/* A REPLY to a guessed id may have taken it meanwhile: then wait for that one to finish with it. */
		if (xa_cmpxchg(&queries, q->id, q, NULL, 0) != q)
			wait_for_completion(&q->done);
		return ret == -ECONNREFUSED ? -ENOTCONN : ret;
	}
	left = wait_for_completion_killable_timeout(&q->done, msecs_to_jiffies(vexfs_ipc_reply_timeout_ms));
	if (left <= 0) {
		if (xa_cmpxchg(&queries, q->id, q, NULL, 0) == q) {
			/* Unanswered: its message need not wait in the framed transport's queue any longer. */
			vexfs_ipc_frames_drop(q->id);
			return left < 0 ? -EINTR : -ETIMEDOUT;
		}
		wait_for_completion(&q->done);
	}
	return q->err;
}

/*
 * Errnos a daemon may answer with, as the uapi header lists them; anything
 * else (a kernel-internal value such as -ERESTARTSYS, or an errno no caller
 * expects) becomes -EIO rather than reach userspace.
 */
static int daemon_errno(u32 err)
{
	switch (err) {
	case 0:
	case EINVAL:
	case E2BIG:
	case EEXIST:
	case ENOENT:
	case ENOSPC:
	case EPERM:
	case EACCES:
	case EDQUOT:
	case EBUSY:
	case ENOMEM:
	case EIO:
		return -(int)err;
	default:
		return -EIO;
	}
}

static void append_services(struct query *q, const struct nlattr *list)
{
	struct nlattr *elem;
	int rem;

	nla_for_each_nested(elem, list, rem) {
		if (q->count < q->capacity)
			vexfs_ipc_service_fill(elem, &q->infos[q->count++]);
		q->total++;
	}
}

int vexfs_ipc_query_reply(struct nlattr **attrs, struct netlink_ext_ack *extack)
{
	u64 id = nla_get_u64(attrs[VEXFS_IPC_A_REQUEST_ID]);
	u32 flags = attrs[VEXFS_IPC_A_FLAGS] ? nla_get_u32(attrs[VEXFS_IPC_A_FLAGS]) : 0;
	struct query *q;

	if (flags & VEXFS_IPC_F_MORE) {
		/*
		 * A part of a long list: the query stays waiting. Appending under
		 * the xarray lock keeps a waiter that times out meanwhile from
		 * taking the query (and freeing its buffer) mid-copy.
		 */
		xa_lock(&queries);
		q = xa_load(&queries, id);
		if (q && attrs[VEXFS_IPC_A_SERVICES])
			append_services(q, attrs[VEXFS_IPC_A_SERVICES]);
		xa_unlock(&queries);
		if (!q)
			goto late;
		return 0;
	}
	q = xa_erase(&queries, id);
	if (!q)
		goto late;
	q->err = daemon_errno(nla_get_u32(attrs[VEXFS_IPC_A_ERRNO]));
	if (!q->err && attrs[VEXFS_IPC_A_SERVICE] && q->capacity) {
		vexfs_ipc_service_fill(attrs[VEXFS_IPC_A_SERVICE], &q->infos[0]);
		q->count = q->total = 1;
	}
	if (!q->err && attrs[VEXFS_IPC_A_STATS] && q->stats) {
		struct nlattr *tb[VEXFS_IPC_STATS_A_MAX + 1];
		struct vexfs_ipc_stats *s = q->stats;

		if (!nla_parse_nested(tb, VEXFS_IPC_STATS_A_MAX, attrs[VEXFS_IPC_A_STATS], vexfs_ipc_stats_policy, extack)) {
#define D(a, f) do { if (tb[a]) s->f = nla_get_u64(tb[a]); } while (0)
			D(VEXFS_IPC_STATS_A_REQUESTS_COMPLETED, daemon_requests_completed);
			D(VEXFS_IPC_STATS_A_REQUESTS_FAILED, daemon_requests_failed);
			D(VEXFS_IPC_STATS_A_INFLIGHT, daemon_inflight);
			D(VEXFS_IPC_STATS_A_QUEUED, daemon_queued);
			D(VEXFS_IPC_STATS_A_SERVICES, daemon_services);
			D(VEXFS_IPC_STATS_A_AVG_LATENCY_NS, daemon_avg_latency_ns);
			D(VEXFS_IPC_STATS_A_CACHE_HITS, daemon_cache_hits);
			D(VEXFS_IPC_STATS_A_CACHE_MISSES, daemon_cache_misses);
			D(VEXFS_IPC_STATS_A_CACHE_COALESCED, daemon_cache_coalesced);
			D(VEXFS_IPC_STATS_A_P50_LATENCY_NS, daemon_p50_latency_ns);
			D(VEXFS_IPC_STATS_A_P99_LATENCY_NS, daemon_p99_latency_ns);
			D(VEXFS_IPC_STATS_A_SHED, daemon_shed);
			D(VEXFS_IPC_STATS_A_RATE_LIMITED, daemon_rate_limited);
			D(VEXFS_IPC_STATS_A_RETRIES, daemon_retries);
			D(VEXFS_IPC_STATS_A_UPTIME_MS, daemon_uptime_ms);
#undef D
			/* Arrays: whole u64 entries only; a shorter one leaves the rest 0. */
			if (tb[VEXFS_IPC_STATS_A_BY_STATUS])
				memcpy(s->daemon_by_status, nla_data(tb[VEXFS_IPC_STATS_A_BY_STATUS]),
				       round_down(nla_len(tb[VEXFS_IPC_STATS_A_BY_STATUS]), sizeof(__u64)));
			if (tb[VEXFS_IPC_STATS_A_QUEUED_BY_LEVEL])
				memcpy(s->daemon_queued_by_level, nla_data(tb[VEXFS_IPC_STATS_A_QUEUED_BY_LEVEL]),
				       round_down(nla_len(tb[VEXFS_IPC_STATS_A_QUEUED_BY_LEVEL]), sizeof(__u64)));
			s->daemon_valid = 1;
		}
	}
	if (!q->err && attrs[VEXFS_IPC_A_SERVICES])
		append_services(q, attrs[VEXFS_IPC_A_SERVICES]);
	complete(&q->done);
	return 0;

late:
	atomic64_inc(&vexfs_ipc_stats.late);
	NL_SET_ERR_MSG(extack, "no query with this id is waiting (it timed out)");
	return -ENOENT;
}

int vexfs_ipc_query_register(const struct vexfs_ipc_service_spec *spec)
{
	struct query q = {};

	return run_query(&q, VEXFS_IPC_CMD_SERVICE_REGISTER, spec, NULL);
}

int vexfs_ipc_query_unregister(const struct vexfs_ipc_service_spec *spec, const char *id)
{
	struct query q = {};

	return run_query(&q, VEXFS_IPC_CMD_SERVICE_UNREGISTER, spec, id);
}

void vexfs_ipc_query_tell_unregistered(const struct vexfs_ipc_service_spec *spec)
{
	u32 portid = vexfs_ipc_genl_daemon_portid();

	if (portid)
		send_control(portid, VEXFS_IPC_CMD_SERVICE_UNREGISTER, 0, spec, spec->id, VEXFS_IPC_F_NO_REPLY);
}

void vexfs_ipc_query_announce(u32 portid, const struct vexfs_ipc_service_spec *spec)
{
	send_control(portid, VEXFS_IPC_CMD_SERVICE_REGISTER, 0, spec, NULL, VEXFS_IPC_F_NO_REPLY);
}

/* Copies a user string of @len bytes (no NUL needed) into @dst of @size. */
int vexfs_ipc_copy_user_string(char *dst, size_t size, u64 ptr, u32 len, bool required)
{
	if (len == 0)
		return required ? -EINVAL : 0;
	if (len >= size)
		return -E2BIG;
	if (!ptr)
		return -EFAULT;
	if (copy_from_user(dst, u64_to_user_ptr(ptr), len))
		return -EFAULT;
	dst[len] = '\0';
	return strlen(dst) == len ? 0 : -EINVAL;
}

long vexfs_ipc_query_status_ioctl(struct vexfs_ipc_service_status __user *u)
{
	struct vexfs_ipc_service_status *s;
	char id[VEXFS_IPC_MAX_SERVICE_ID_LEN];
	struct query q = {};
	int ret;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(s, u, sizeof(*s)))
		goto out;
	ret = -EINVAL;
	if (s->flags)
		goto out;
	ret = vexfs_ipc_copy_user_string(id, sizeof(id), s->service_id_ptr, s->service_id_len, true);
	if (ret)
		goto out;
	q.infos = &s->info;
	q.capacity = 1;
	ret = run_query(&q, VEXFS_IPC_CMD_SERVICE_STATUS, NULL, id);
	if (!ret && q.count == 0)
		ret = -ENOENT;
	if (!ret && copy_to_user(u, s, sizeof(*s)))
		ret = -EFAULT;
out:
	kfree(s);
	return ret;
}

long vexfs_ipc_query_list_ioctl(struct vexfs_ipc_service_list __user *u)
{
	struct vexfs_ipc_service_list r;
	struct query q = {};
	int ret;

	if (copy_from_user(&r, u, sizeof(r)))
		return -EFAULT;
	if (r.flags || r.entries_capacity > VEXFS_IPC_MAX_SERVICES)
		return -EINVAL;
	if (r.entries_capacity && !r.entries_ptr)
		return -EFAULT;
	if (r.entries_capacity) {
		q.infos = kvcalloc(r.entries_capacity, sizeof(*q.infos), GFP_KERNEL);
		if (!q.infos)
			return -ENOMEM;
		atomic64_inc(&vexfs_ipc_stats.live_buffers);
		q.capacity = r.entries_capacity;
	}
	ret = run_query(&q, VEXFS_IPC_CMD_LIST_SERVICES, NULL, NULL);
	if (!ret && q.count && copy_to_user(u64_to_user_ptr(r.entries_ptr), q.infos, q.count * sizeof(*q.infos)))
		ret = -EFAULT;
	if (!ret) {
		r.entries_count = q.count;
		r.total_services = q.total;
		if (copy_to_user(u, &r, sizeof(r)))
			ret = -EFAULT;
	}
	if (q.infos) {
		kvfree(q.infos);
		atomic64_dec(&vexfs_ipc_stats.live_buffers);
	}
	return ret;
}

int vexfs_ipc_query_daemon_stats(struct vexfs_ipc_stats *s)
{
	struct query q = { .stats = s };

	return run_query(&q, VEXFS_IPC_CMD_GET_STATS, NULL, NULL);
}

void vexfs_ipc_queries_uninit(void)
{
	struct query *q;
	unsigned long id;

	/* Files hold a module reference, so no registration outlives them; wake any waiter. */
	xa_lock(&queries);
	xa_for_each(&queries, id, q) {
		__xa_erase(&queries, id);
		q->err = -ENOTCONN;
		complete(&q->done);
	}
	xa_unlock(&queries);
}
