// SPDX-License-Identifier: GPL-2.0
/*
 * Service registration and queries forwarded from /dev/vexfs_ipc to the
 * daemon: REGISTER_SERVICE, UNREGISTER_SERVICE, GET_SERVICE_STATUS and
 * LIST_SERVICES become kernel->daemon messages answered by REPLY.
 *
 * A registration belongs to the open file that made it: closing the file
 * (or the process dying) tells the daemon the service is gone. The module
 * keeps every registration so that a daemon attaching later learns them.
 * The daemon may revoke one (an administrator removed the service): it
 * leaves the list at once, and its file notices on its next ioctl or close.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/xarray.h>
#include <net/genetlink.h>

#include "vexfs_ipc.h"

const struct nla_policy vexfs_ipc_svc_policy[VEXFS_IPC_SVC_A_MAX + 1] = {
	[VEXFS_IPC_SVC_A_ID]		= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_SERVICE_ID_LEN - 1 },
	[VEXFS_IPC_SVC_A_NAME]		= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_NAME_LEN - 1 },
	[VEXFS_IPC_SVC_A_VERSION]	= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_VERSION_LEN - 1 },
	[VEXFS_IPC_SVC_A_DIMENSIONS]	= { .type = NLA_BINARY, .len = 4 * VEXFS_IPC_MAX_DIMENSION_SETS },
	[VEXFS_IPC_SVC_A_DATA_TYPES]	= NLA_POLICY_MASK(NLA_U32, (1U << (VEXFS_IPC_DTYPE_MAX + 1)) - 1),
	[VEXFS_IPC_SVC_A_MODELS]	= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_MODELS_LEN - 1 },
	[VEXFS_IPC_SVC_A_MAX_BATCH_SIZE] = NLA_POLICY_RANGE(NLA_U32, 1, VEXFS_IPC_MAX_BATCH_SIZE),
	[VEXFS_IPC_SVC_A_PRIORITY]	= NLA_POLICY_MAX(NLA_U32, 255),
	[VEXFS_IPC_SVC_A_ENDPOINT]	= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_ENDPOINT_LEN - 1 },
	[VEXFS_IPC_SVC_A_FLAGS]		= NLA_POLICY_MASK(NLA_U32, VEXFS_IPC_REGISTER_F_ALL),
	[VEXFS_IPC_SVC_A_STATE]		= NLA_POLICY_MAX(NLA_U32, VEXFS_IPC_SVC_MAX),
	[VEXFS_IPC_SVC_A_HEALTH]	= NLA_POLICY_MAX(NLA_U32, 100),
	[VEXFS_IPC_SVC_A_UID]		= { .type = NLA_U32 },
	[VEXFS_IPC_SVC_A_PID]		= { .type = NLA_U32 },
	[VEXFS_IPC_SVC_A_ACTIVE_REQUESTS] = { .type = NLA_U32 },
	[VEXFS_IPC_SVC_A_TOTAL_REQUESTS] = { .type = NLA_U64 },
	[VEXFS_IPC_SVC_A_FAILURES]	= { .type = NLA_U64 },
	[VEXFS_IPC_SVC_A_AVG_RESPONSE_NS] = { .type = NLA_U64 },
	[VEXFS_IPC_SVC_A_HEARTBEAT_AGE_MS] = { .type = NLA_U64 },
	[VEXFS_IPC_SVC_A_QUEUED]	= { .type = NLA_U32 },
	[VEXFS_IPC_SVC_A_CAPACITY]	= { .type = NLA_U32 },
	[VEXFS_IPC_SVC_A_BREAKER]	= NLA_POLICY_MAX(NLA_U32, VEXFS_IPC_BREAKER_MAX),
	[VEXFS_IPC_SVC_A_P50_RESPONSE_NS] = { .type = NLA_U64 },
	[VEXFS_IPC_SVC_A_P99_RESPONSE_NS] = { .type = NLA_U64 },
	[VEXFS_IPC_SVC_A_CPU_PERMILLE]	= { .type = NLA_U32 },
	[VEXFS_IPC_SVC_A_RSS_KIB]	= { .type = NLA_U32 },
};

/* What a registration says about its service, kept to re-announce it. */
struct service_spec {
	char id[VEXFS_IPC_MAX_SERVICE_ID_LEN];
	char name[VEXFS_IPC_MAX_NAME_LEN];
	char version[VEXFS_IPC_MAX_VERSION_LEN];
	char models[VEXFS_IPC_MAX_MODELS_LEN];
	char endpoint[VEXFS_IPC_MAX_ENDPOINT_LEN];
	char token[VEXFS_IPC_MAX_TOKEN_LEN];
	u32 dims[VEXFS_IPC_MAX_DIMENSION_SETS];
	u32 ndims, data_types, max_batch, priority;
	u32 uid, gid, pid;
};

struct registration {
	/* On registrations while the module holds it; empty once dropped or revoked. */
	struct list_head node;
	struct service_spec spec;
};

/* Per open file. */
struct control_file {
	struct mutex lock;
	struct registration *reg;
};

const struct nla_policy vexfs_ipc_stats_policy[VEXFS_IPC_STATS_A_MAX + 1] = {
	[VEXFS_IPC_STATS_A_REQUESTS_SUBMITTED ... VEXFS_IPC_STATS_A_UPTIME_MS] = { .type = NLA_U64 },
	[VEXFS_IPC_STATS_A_BY_STATUS]	    = { .type = NLA_BINARY, .len = sizeof(__u64) * VEXFS_IPC_STATUS_SLOTS },
	[VEXFS_IPC_STATS_A_QUEUED_BY_LEVEL] = { .type = NLA_BINARY, .len = sizeof(__u64) * VEXFS_IPC_PRIO_LEVELS },
};

/* A forwarded call waiting for the daemon's REPLY. */
struct query {
	u64 id;
	struct completion done;
	int err;
	struct vexfs_ipc_service_info *infos;
	u32 capacity, count, total;
	struct vexfs_ipc_stats *stats;
};

static LIST_HEAD(registrations);
/* Nests inside a file's lock; never held while waiting for the daemon. */
static DEFINE_MUTEX(registrations_lock);
static DEFINE_XARRAY(queries);

static int put_spec(struct sk_buff *skb, const struct service_spec *s)
{
	struct nlattr *nest = nla_nest_start(skb, VEXFS_IPC_A_SERVICE);

	if (!nest || nla_put_string(skb, VEXFS_IPC_SVC_A_ID, s->id) || nla_put_string(skb, VEXFS_IPC_SVC_A_NAME, s->name) ||
	    nla_put_string(skb, VEXFS_IPC_SVC_A_VERSION, s->version) ||
	    nla_put(skb, VEXFS_IPC_SVC_A_DIMENSIONS, s->ndims * sizeof(u32), s->dims) ||
	    nla_put_u32(skb, VEXFS_IPC_SVC_A_DATA_TYPES, s->data_types) ||
	    nla_put_string(skb, VEXFS_IPC_SVC_A_MODELS, s->models) ||
	    nla_put_u32(skb, VEXFS_IPC_SVC_A_MAX_BATCH_SIZE, s->max_batch) ||
	    nla_put_u32(skb, VEXFS_IPC_SVC_A_PRIORITY, s->priority) ||
	    nla_put_string(skb, VEXFS_IPC_SVC_A_ENDPOINT, s->endpoint) || nla_put_u32(skb, VEXFS_IPC_SVC_A_FLAGS, 0))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * Builds and sends one forwarded message; @id 0 means "no reply wanted".
 * @spec: the registration; REGISTER carries it, REGISTER and UNREGISTER
 * take the registrant's uid/pid from it (else current's).
 */
static int send_control(u32 portid, u8 cmd, u64 id, const struct service_spec *spec, const char *service_id, u32 flags)
{
	struct sk_buff *skb;
	void *hdr;

	skb = vexfs_ipc_genl_start(cmd, &hdr);
	if (!skb)
		return -ENOMEM;
	if (nla_put_u64_64bit(skb, VEXFS_IPC_A_REQUEST_ID, id ? id : vexfs_ipc_next_id(), VEXFS_IPC_A_PAD) ||
	    (spec && cmd == VEXFS_IPC_CMD_SERVICE_REGISTER && put_spec(skb, spec)) || (service_id && nla_put_string(skb, VEXFS_IPC_A_SERVICE_ID, service_id)) ||
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
static int run_query(struct query *q, u8 cmd, const struct service_spec *spec, const char *service_id)
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
			vexfs_ipc_chardev_drop(q->id);
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

static void fill_info(const struct nlattr *nest, struct vexfs_ipc_service_info *out)
{
	struct nlattr *tb[VEXFS_IPC_SVC_A_MAX + 1];

	memset(out, 0, sizeof(*out));
	/* Already validated against vexfs_ipc_svc_policy by the family policy. */
	if (nla_parse_nested(tb, VEXFS_IPC_SVC_A_MAX, nest, vexfs_ipc_svc_policy, NULL))
		return;
	if (tb[VEXFS_IPC_SVC_A_ID])
		nla_strscpy(out->id, tb[VEXFS_IPC_SVC_A_ID], sizeof(out->id));
	if (tb[VEXFS_IPC_SVC_A_NAME])
		nla_strscpy(out->name, tb[VEXFS_IPC_SVC_A_NAME], sizeof(out->name));
	if (tb[VEXFS_IPC_SVC_A_VERSION])
		nla_strscpy(out->version, tb[VEXFS_IPC_SVC_A_VERSION], sizeof(out->version));
	if (tb[VEXFS_IPC_SVC_A_MODELS])
		nla_strscpy(out->models, tb[VEXFS_IPC_SVC_A_MODELS], sizeof(out->models));
	if (tb[VEXFS_IPC_SVC_A_ENDPOINT])
		nla_strscpy(out->endpoint, tb[VEXFS_IPC_SVC_A_ENDPOINT], sizeof(out->endpoint));
	if (tb[VEXFS_IPC_SVC_A_DIMENSIONS]) {
		out->dimensions_count = nla_len(tb[VEXFS_IPC_SVC_A_DIMENSIONS]) / sizeof(u32);
		memcpy(out->dimensions, nla_data(tb[VEXFS_IPC_SVC_A_DIMENSIONS]), out->dimensions_count * sizeof(u32));
	}
#define U32(a, f) do { if (tb[a]) out->f = nla_get_u32(tb[a]); } while (0)
#define U64(a, f) do { if (tb[a]) out->f = nla_get_u64(tb[a]); } while (0)
	U32(VEXFS_IPC_SVC_A_DATA_TYPES, data_types);
	U32(VEXFS_IPC_SVC_A_MAX_BATCH_SIZE, max_batch_size);
	U32(VEXFS_IPC_SVC_A_PRIORITY, priority);
	U32(VEXFS_IPC_SVC_A_STATE, state);
	U32(VEXFS_IPC_SVC_A_HEALTH, health);
	U32(VEXFS_IPC_SVC_A_UID, uid);
	U32(VEXFS_IPC_SVC_A_PID, pid);
	U32(VEXFS_IPC_SVC_A_ACTIVE_REQUESTS, active_requests);
	U64(VEXFS_IPC_SVC_A_TOTAL_REQUESTS, total_requests);
	U64(VEXFS_IPC_SVC_A_FAILURES, failures);
	U64(VEXFS_IPC_SVC_A_AVG_RESPONSE_NS, avg_response_ns);
	U64(VEXFS_IPC_SVC_A_HEARTBEAT_AGE_MS, heartbeat_age_ms);
	U32(VEXFS_IPC_SVC_A_QUEUED, queued);
	U32(VEXFS_IPC_SVC_A_CAPACITY, capacity);
	U32(VEXFS_IPC_SVC_A_BREAKER, breaker);
	U64(VEXFS_IPC_SVC_A_P50_RESPONSE_NS, p50_response_ns);
	U64(VEXFS_IPC_SVC_A_P99_RESPONSE_NS, p99_response_ns);
	U32(VEXFS_IPC_SVC_A_CPU_PERMILLE, cpu_permille);
	U32(VEXFS_IPC_SVC_A_RSS_KIB, rss_kib);
#undef U32
#undef U64
}

static void append_services(struct query *q, const struct nlattr *list)
{
	struct nlattr *elem;
	int rem;

	nla_for_each_nested(elem, list, rem) {
		if (q->count < q->capacity)
			fill_info(elem, &q->infos[q->count++]);
		q->total++;
	}
}

int vexfs_ipc_control_reply(struct nlattr **attrs, struct netlink_ext_ack *extack)
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
		fill_info(attrs[VEXFS_IPC_A_SERVICE], &q->infos[0]);
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

/* Copies a user string of @len bytes (no NUL needed) into @dst of @size. */
static int copy_user_string(char *dst, size_t size, u64 ptr, u32 len, bool required)
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

static int read_spec(const struct vexfs_ipc_service_register *r, struct service_spec *s)
{
	int ret;
	u32 i;

	if (r->flags & ~VEXFS_IPC_REGISTER_F_ALL || r->reserved)
		return -EINVAL;
	if (r->dimensions_count == 0)
		return -EINVAL;
	if (r->dimensions_count > VEXFS_IPC_MAX_DIMENSION_SETS)
		return -E2BIG;
	if (!r->dimensions_ptr)
		return -EFAULT;
	if (r->max_batch_size < 1 || r->max_batch_size > VEXFS_IPC_MAX_BATCH_SIZE)
		return -EINVAL;
	if (r->data_types >= (1U << (VEXFS_IPC_DTYPE_MAX + 1)) || r->priority > 255)
		return -EINVAL;
	ret = copy_user_string(s->id, sizeof(s->id), r->service_id_ptr, r->service_id_len, true);
	if (!ret)
		ret = copy_user_string(s->name, sizeof(s->name), r->service_name_ptr, r->service_name_len, true);
	if (!ret)
		ret = copy_user_string(s->endpoint, sizeof(s->endpoint), r->endpoint_ptr, r->endpoint_len, true);
	if (!ret)
		ret = copy_user_string(s->version, sizeof(s->version), r->version_ptr, r->version_len, false);
	if (!ret)
		ret = copy_user_string(s->models, sizeof(s->models), r->models_ptr, r->models_len, false);
	if (!ret)
		ret = copy_user_string(s->token, sizeof(s->token), r->token_ptr, r->token_len, false);
	if (ret)
		return ret;
	if (copy_from_user(s->dims, u64_to_user_ptr(r->dimensions_ptr), r->dimensions_count * sizeof(u32)))
		return -EFAULT;
	for (i = 0; i < r->dimensions_count; i++)
		if (s->dims[i] < 1 || s->dims[i] > VEXFS_IPC_MAX_DIMENSIONS)
			return -EINVAL;
	s->ndims = r->dimensions_count;
	s->data_types = r->data_types;
	s->max_batch = r->max_batch_size;
	s->priority = r->priority;
	s->uid = from_kuid_munged(&init_user_ns, current_uid());
	s->gid = from_kgid_munged(&init_user_ns, current_gid());
	s->pid = task_tgid_nr(current);
	return 0;
}

static void tell_unregistered(const struct service_spec *spec)
{
	u32 portid = vexfs_ipc_genl_daemon_portid();

	if (portid)
		send_control(portid, VEXFS_IPC_CMD_SERVICE_UNREGISTER, 0, spec, spec->id, VEXFS_IPC_F_NO_REPLY);
}

/* Takes @reg off the list if it is still there; true if this call did. */
static bool unlink_registration_locked(struct registration *reg)
{
	lockdep_assert_held(&registrations_lock);
	if (list_empty(&reg->node))
		return false;
	list_del_init(&reg->node);
	atomic64_dec(&vexfs_ipc_stats.live_registrations);
	return true;
}

static bool unlink_registration(struct registration *reg)
{
	bool held;

	mutex_lock(&registrations_lock);
	held = unlink_registration_locked(reg);
	mutex_unlock(&registrations_lock);
	return held;
}

/*
 * Forgets this file's registration. The daemon is told (when @tell_daemon)
 * and the event sent only if the module still held it: a revoked one was
 * already gone from both.
 */
static void drop_registration(struct control_file *cf, bool tell_daemon)
{
	if (unlink_registration(cf->reg)) {
		if (tell_daemon)
			tell_unregistered(&cf->reg->spec);
		vexfs_ipc_genl_event(VEXFS_IPC_EVENT_SERVICE_UNREGISTERED, cf->reg->spec.id);
	}
	kfree(cf->reg);
	cf->reg = NULL;
}

/* A registration the daemon revoked no longer counts as this file's. */
static void forget_revoked(struct control_file *cf)
{
	bool held;

	if (!cf->reg)
		return;
	mutex_lock(&registrations_lock);
	held = !list_empty(&cf->reg->node);
	mutex_unlock(&registrations_lock);
	if (!held)
		drop_registration(cf, false);
}

void vexfs_ipc_control_revoke(const char *service_id)
{
	struct registration *reg;
	bool found = false;

	/*
	 * Only the list lock: the owning file may hold its own lock while it
	 * waits for this very daemon, which is blocked in this call.
	 */
	mutex_lock(&registrations_lock);
	list_for_each_entry(reg, &registrations, node) {
		if (!strcmp(reg->spec.id, service_id)) {
			found = unlink_registration_locked(reg);
			break;
		}
	}
	mutex_unlock(&registrations_lock);
	/* The file may free @reg from here on; the caller's id outlives this call. */
	if (found)
		vexfs_ipc_genl_event(VEXFS_IPC_EVENT_SERVICE_UNREGISTERED, service_id);
}

static long do_register(struct control_file *cf, struct vexfs_ipc_service_register __user *u)
{
	struct vexfs_ipc_service_register r;
	struct registration *reg, *other;
	struct query q = {};
	int ret;

	if (copy_from_user(&r, u, sizeof(r)))
		return -EFAULT;
	reg = kzalloc(sizeof(*reg), GFP_KERNEL);
	if (!reg)
		return -ENOMEM;
	INIT_LIST_HEAD(&reg->node);
	ret = read_spec(&r, &reg->spec);
	if (ret)
		goto err_free;
	mutex_lock(&cf->lock);
	forget_revoked(cf);
	if (cf->reg) {
		ret = -EBUSY;
		goto err_unlock;
	}
	/* Reserve the id across files before asking the daemon. */
	mutex_lock(&registrations_lock);
	list_for_each_entry(other, &registrations, node) {
		if (!strcmp(other->spec.id, reg->spec.id)) {
			mutex_unlock(&registrations_lock);
			ret = -EEXIST;
			goto err_unlock;
		}
	}
	list_add_tail(&reg->node, &registrations);
	atomic64_inc(&vexfs_ipc_stats.live_registrations);
	mutex_unlock(&registrations_lock);
	ret = run_query(&q, VEXFS_IPC_CMD_SERVICE_REGISTER, &reg->spec, NULL);
	if (ret) {
		unlink_registration(reg);
		/* The daemon may register it after all: tell it to drop what nobody holds. */
		if (ret == -ETIMEDOUT || ret == -EINTR)
			tell_unregistered(&reg->spec);
		goto err_unlock;
	}
	cf->reg = reg;
	mutex_unlock(&cf->lock);
	vexfs_ipc_genl_event(VEXFS_IPC_EVENT_SERVICE_REGISTERED, reg->spec.id);
	return 0;

err_unlock:
	mutex_unlock(&cf->lock);
err_free:
	kfree(reg);
	return ret;
}

static long do_unregister(struct control_file *cf, struct vexfs_ipc_service_unregister __user *u)
{
	struct vexfs_ipc_service_unregister r;
	char id[VEXFS_IPC_MAX_SERVICE_ID_LEN];
	struct query q = {};
	int ret;

	if (copy_from_user(&r, u, sizeof(r)))
		return -EFAULT;
	if (r.flags)
		return -EINVAL;
	ret = copy_user_string(id, sizeof(id), r.service_id_ptr, r.service_id_len, true);
	if (ret)
		return ret;
	mutex_lock(&cf->lock);
	forget_revoked(cf);
	if (!cf->reg || strcmp(cf->reg->spec.id, id)) {
		mutex_unlock(&cf->lock);
		return -ENOENT;
	}
	ret = run_query(&q, VEXFS_IPC_CMD_SERVICE_UNREGISTER, NULL, id);
	/* Gone from the daemon either way once it answered; keep it only if it could not be told. */
	if (!ret || ret == -ENOENT)
		drop_registration(cf, false);
	mutex_unlock(&cf->lock);
	return ret;
}

static long do_status(struct vexfs_ipc_service_status __user *u)
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
	ret = copy_user_string(id, sizeof(id), s->service_id_ptr, s->service_id_len, true);
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

static long do_list(struct vexfs_ipc_service_list __user *u)
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

int vexfs_ipc_control_daemon_stats(struct vexfs_ipc_stats *s)
{
	struct query q = { .stats = s };

	return run_query(&q, VEXFS_IPC_CMD_GET_STATS, NULL, NULL);
}

long vexfs_ipc_control_ioctl(struct file *file, unsigned int cmd, void __user *argp)
{
	struct control_file *cf = file->private_data;

	switch (cmd) {
	case VEXFS_IOCTL_IPC_REGISTER_SERVICE:
		return do_register(cf, argp);
	case VEXFS_IOCTL_IPC_UNREGISTER_SERVICE:
		return do_unregister(cf, argp);
	case VEXFS_IOCTL_IPC_GET_SERVICE_STATUS:
		return do_status(argp);
	case VEXFS_IOCTL_IPC_LIST_SERVICES:
		return do_list(argp);
	default:
		return -ENOTTY;
	}
}

int vexfs_ipc_control_open(struct file *file)
{
	struct control_file *cf = kzalloc(sizeof(*cf), GFP_KERNEL);

	if (!cf)
		return -ENOMEM;
	mutex_init(&cf->lock);
	file->private_data = cf;
	return 0;
}

void vexfs_ipc_control_release(struct file *file)
{
	struct control_file *cf = file->private_data;

	/* The registering process closed the device or died: the service is gone. */
	if (cf->reg)
		drop_registration(cf, true);
	mutex_destroy(&cf->lock);
	kfree(cf);
}

void vexfs_ipc_control_daemon_attached(u32 portid)
{
	struct registration *reg;

	mutex_lock(&registrations_lock);
	list_for_each_entry(reg, &registrations, node)
		send_control(portid, VEXFS_IPC_CMD_SERVICE_REGISTER, 0, &reg->spec, NULL, VEXFS_IPC_F_NO_REPLY);
	mutex_unlock(&registrations_lock);
}

int vexfs_ipc_control_init(void)
{
	return 0;
}

void vexfs_ipc_control_uninit(void)
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
