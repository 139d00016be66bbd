// SPDX-License-Identifier: GPL-2.0
/*
 * The VEXFS_IPC generic netlink family: its attribute policy and ops (attach,
 * the daemon's commands, the module's statistics), the events group, building
 * and sending kernel->daemon messages, and NETLINK_URELEASE, which detaches a
 * daemon whose socket closes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/notifier.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "vexfs_ipc.h"

static struct genl_family vexfs_ipc_family;

const struct nla_policy vexfs_ipc_policy[VEXFS_IPC_A_MAX + 1] = {
	[VEXFS_IPC_A_REQUEST_ID]	= NLA_POLICY_MIN(NLA_U64, 1),
	[VEXFS_IPC_A_STATUS]		= NLA_POLICY_MAX(NLA_U32, VEXFS_IPC_STATUS_MAX),
	[VEXFS_IPC_A_VECTOR]		= { .type = NLA_BINARY, .len = VEXFS_IPC_MAX_VECTOR_BYTES },
	[VEXFS_IPC_A_PROCESSING_NS]	= { .type = NLA_U64 },
	[VEXFS_IPC_A_SERVICE_ID]	= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_SERVICE_ID_LEN - 1 },
	[VEXFS_IPC_A_PROTOCOL_VERSION]	= { .type = NLA_U32 },
	[VEXFS_IPC_A_MAX_INFLIGHT]	= NLA_POLICY_MIN(NLA_U32, 1),
	[VEXFS_IPC_A_MIN_PRIORITY]	= { .type = NLA_U8 },
	[VEXFS_IPC_A_INFLIGHT]		= { .type = NLA_U32 },
	[VEXFS_IPC_A_ERRNO]		= NLA_POLICY_MAX(NLA_U32, 4095),
	[VEXFS_IPC_A_ERROR_MSG]		= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_ERROR_MSG_LEN - 1 },
	[VEXFS_IPC_A_SERVICE]		= NLA_POLICY_NESTED(vexfs_ipc_svc_policy),
	[VEXFS_IPC_A_SERVICES]		= NLA_POLICY_NESTED_ARRAY(vexfs_ipc_svc_policy),
	[VEXFS_IPC_A_STATS]		= NLA_POLICY_NESTED(vexfs_ipc_stats_policy),
	[VEXFS_IPC_A_SESSION_KEY]	= NLA_POLICY_MIN(NLA_U64, 1),
	[VEXFS_IPC_A_FLAGS]		= NLA_POLICY_MASK(NLA_U32, VEXFS_IPC_F_ALL),
	/* The provenance of an EMBED_RESPONSE. */
	[VEXFS_IPC_A_MODEL]		= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_MODEL_LEN - 1 },
	[VEXFS_IPC_A_MODEL_VERSION]	= { .type = NLA_NUL_STRING, .len = VEXFS_IPC_MAX_VERSION_LEN - 1 },
	[VEXFS_IPC_A_DIMENSIONS]	= NLA_POLICY_RANGE(NLA_U32, 1, VEXFS_IPC_MAX_DIMENSIONS),
	[VEXFS_IPC_A_DATA_TYPE]		= NLA_POLICY_MAX(NLA_U8, VEXFS_IPC_DTYPE_MAX),
	/* Kernel->daemon only (the attach answer, GET_STATS); listed so a peer's copy is checked like any other. */
	[VEXFS_IPC_A_QUEUE]		= NLA_POLICY_MAX(NLA_U32, VEXFS_IPC_MAX_QUEUES - 1),
	[VEXFS_IPC_A_QUEUES]		= NLA_POLICY_NESTED_ARRAY(vexfs_ipc_queue_policy),
};

static int vexfs_ipc_attach(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *flags = info->attrs[VEXFS_IPC_A_FLAGS];
	bool queue = flags && (nla_get_u32(flags) & VEXFS_IPC_F_QUEUE);
	struct sk_buff *reply;
	u32 version, index = 0;
	bool fresh = false;
	void *hdr;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, VEXFS_IPC_A_PROTOCOL_VERSION))
		return -EINVAL;
	version = nla_get_u32(info->attrs[VEXFS_IPC_A_PROTOCOL_VERSION]);
	if (version != VEXFS_IPC_PROTOCOL_VERSION) {
		GENL_SET_ERR_MSG(info, "unsupported protocol version");
		return -EPROTONOSUPPORT;
	}
	reply = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!reply)
		return -ENOMEM;
	hdr = genlmsg_put_reply(reply, info, &vexfs_ipc_family, 0, VEXFS_IPC_CMD_DAEMON_ATTACH);
	if (!hdr || nla_put_u32(reply, VEXFS_IPC_A_PROTOCOL_VERSION, VEXFS_IPC_PROTOCOL_VERSION) ||
	    nla_put_u32(reply, VEXFS_IPC_A_MAX_INFLIGHT, vexfs_ipc_max_pending)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	if (info->snd_portid == VEXFS_IPC_CHARDEV_DAEMON) {
		nlmsg_free(reply);
		GENL_SET_ERR_MSG(info, "this port id is reserved");
		return -EINVAL;
	}
	if (queue)
		ret = vexfs_ipc_daemon_add_queue(info->snd_portid, NETLINK_CB(skb).sk, info->extack, &index);
	else
		ret = vexfs_ipc_daemon_claim(info->snd_portid, NETLINK_CB(skb).sk, info->extack, &fresh);
	if (ret) {
		nlmsg_free(reply);
		return ret;
	}
	if (nla_put_u32(reply, VEXFS_IPC_A_QUEUE, index)) {
		/* Attached all the same: the daemon learns its queue from the next attach. */
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	genlmsg_reply(reply, info);
	if (fresh)
		vexfs_ipc_daemon_attached(info->snd_portid);
	return 0;
}

/*
 * Announces a state change on the "events" group; nobody listening is fine.
 * Anyone may listen, so the daemon's port id is not said here.
 */
void vexfs_ipc_genl_event(u32 event, const char *service_id)
{
	struct sk_buff *skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	void *hdr;

	if (!skb)
		return;
	hdr = genlmsg_put(skb, 0, 0, &vexfs_ipc_family, 0, VEXFS_IPC_CMD_EVENT);
	if (!hdr || nla_put_u32(skb, VEXFS_IPC_A_EVENT, event) ||
	    (service_id && nla_put_string(skb, VEXFS_IPC_A_SERVICE_ID, service_id))) {
		nlmsg_free(skb);
		return;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast(&vexfs_ipc_family, skb, 0, VEXFS_IPC_MCGRP_EVENTS_IDX, GFP_KERNEL);
}

static int vexfs_ipc_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vexfs_ipc_handle(info->genlhdr->cmd, info->snd_portid, info->attrs, info->extack);
}

static int put_stats(struct sk_buff *skb)
{
	struct nlattr *nest = nla_nest_start(skb, VEXFS_IPC_A_STATS);
	struct vexfs_ipc_stats s;

	if (!nest)
		return -EMSGSIZE;
	vexfs_ipc_fill_stats(&s);
	if (nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_REQUESTS_SUBMITTED, s.requests_submitted, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_REQUESTS_COMPLETED, s.requests_completed, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_REQUESTS_FAILED, s.requests_failed, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_REQUESTS_TIMED_OUT, s.requests_timed_out, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_REQUESTS_CANCELLED, s.requests_cancelled, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_REQUESTS_RESENT, s.requests_resent, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_RESPONSES_LATE, s.responses_late, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_MESSAGES_INVALID, s.messages_invalid, VEXFS_IPC_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_STATS_A_INFLIGHT, s.inflight, VEXFS_IPC_STATS_A_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int vexfs_ipc_get_stats(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *reply = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	void *hdr;

	if (!reply)
		return -ENOMEM;
	hdr = genlmsg_put_reply(reply, info, &vexfs_ipc_family, 0, VEXFS_IPC_CMD_GET_STATS);
	if (!hdr || put_stats(reply) || vexfs_ipc_queues_put(reply)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static const struct genl_small_ops vexfs_ipc_ops[] = {
	{ .cmd = VEXFS_IPC_CMD_DAEMON_ATTACH, .doit = vexfs_ipc_attach, .flags = GENL_ADMIN_PERM },
	{ .cmd = VEXFS_IPC_CMD_DAEMON_DETACH, .doit = vexfs_ipc_doit, .flags = GENL_ADMIN_PERM },
	{ .cmd = VEXFS_IPC_CMD_EMBED_RESPONSE, .doit = vexfs_ipc_doit, .flags = GENL_ADMIN_PERM },
	{ .cmd = VEXFS_IPC_CMD_HEARTBEAT, .doit = vexfs_ipc_doit, .flags = GENL_ADMIN_PERM },
	{ .cmd = VEXFS_IPC_CMD_GET_STATS, .doit = vexfs_ipc_get_stats },
	{ .cmd = VEXFS_IPC_CMD_REPLY, .doit = vexfs_ipc_doit, .flags = GENL_ADMIN_PERM },
	{ .cmd = VEXFS_IPC_CMD_SERVICE_REVOKE, .doit = vexfs_ipc_doit, .flags = GENL_ADMIN_PERM },
};

static const struct genl_multicast_group vexfs_ipc_mcgrps[] = {
	[VEXFS_IPC_MCGRP_EVENTS_IDX] = { .name = VEXFS_IPC_MCGRP_EVENTS },
};

static struct genl_family vexfs_ipc_family __ro_after_init = {
	.name = VEXFS_IPC_GENL_NAME,
	.version = VEXFS_IPC_GENL_VERSION,
	.maxattr = VEXFS_IPC_A_MAX,
	.policy = vexfs_ipc_policy,
	.module = THIS_MODULE,
	.small_ops = vexfs_ipc_ops,
	.n_small_ops = ARRAY_SIZE(vexfs_ipc_ops),
	.mcgrps = vexfs_ipc_mcgrps,
	.n_mcgrps = ARRAY_SIZE(vexfs_ipc_mcgrps),
};

/* Sends one request to the daemon (@resent: again, to a daemon that attached since). */
int vexfs_ipc_genl_send_request(u32 portid, const struct vexfs_ipc_req *req, bool resent)
{
	const struct vexfs_ipc_embed_args *a = &req->args;
	size_t size = nla_total_size(a->input_len) + nla_total_size(VEXFS_IPC_MAX_MODEL_LEN) + 256;
	struct sk_buff *skb = genlmsg_new(size, GFP_KERNEL);
	void *hdr;

	if (!skb)
		return -ENOMEM;
	hdr = genlmsg_put(skb, 0, 0, &vexfs_ipc_family, 0, VEXFS_IPC_CMD_EMBED_REQUEST);
	if (!hdr ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_A_REQUEST_ID, req->id, VEXFS_IPC_A_PAD) ||
	    nla_put_u8(skb, VEXFS_IPC_A_PRIORITY, a->priority) ||
	    nla_put_u32(skb, VEXFS_IPC_A_TIMEOUT_MS, a->timeout_ms) ||
	    nla_put_u64_64bit(skb, VEXFS_IPC_A_DEADLINE_NS, req->deadline_ns, VEXFS_IPC_A_PAD) ||
	    nla_put_u32(skb, VEXFS_IPC_A_DIMENSIONS, a->dimensions) ||
	    nla_put_u8(skb, VEXFS_IPC_A_DATA_TYPE, a->data_type) ||
	    (a->model && nla_put_string(skb, VEXFS_IPC_A_MODEL, a->model)) ||
	    nla_put(skb, VEXFS_IPC_A_INPUT, a->input_len, a->input) ||
	    nla_put_u32(skb, VEXFS_IPC_A_CALLER_UID, req->caller_uid) ||
	    nla_put_u32(skb, VEXFS_IPC_A_CALLER_PID, req->caller_pid) ||
	    (a->session_key && nla_put_u64_64bit(skb, VEXFS_IPC_A_SESSION_KEY, a->session_key, VEXFS_IPC_A_PAD)) ||
	    (resent && nla_put_u32(skb, VEXFS_IPC_A_FLAGS, VEXFS_IPC_F_RESENT))) {
		nlmsg_free(skb);
		return -EMSGSIZE;
	}
	return vexfs_ipc_genl_send(skb, hdr, portid);
}

struct sk_buff *vexfs_ipc_genl_start(u8 cmd, void **hdr)
{
	struct sk_buff *skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);

	if (!skb)
		return NULL;
	*hdr = genlmsg_put(skb, 0, 0, &vexfs_ipc_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(skb);
		return NULL;
	}
	return skb;
}

int vexfs_ipc_genl_send(struct sk_buff *skb, void *hdr, u32 portid)
{
	genlmsg_end(skb, hdr);
	if (portid == VEXFS_IPC_CHARDEV_DAEMON)
		return vexfs_ipc_frames_deliver(skb);
	if (!vexfs_ipc_daemon_socket_alive(portid)) {
		nlmsg_free(skb);
		return -ECONNREFUSED;
	}
	return genlmsg_unicast(&init_net, skb, portid);
}

void vexfs_ipc_genl_send_cancel(u32 portid, u64 id, u32 status)
{
	struct sk_buff *skb;
	void *hdr;

	if (!portid)
		return;
	skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!skb)
		return;
	hdr = genlmsg_put(skb, 0, 0, &vexfs_ipc_family, 0, VEXFS_IPC_CMD_CANCEL);
	if (!hdr || nla_put_u64_64bit(skb, VEXFS_IPC_A_REQUEST_ID, id, VEXFS_IPC_A_PAD) ||
	    nla_put_u32(skb, VEXFS_IPC_A_STATUS, status)) {
		nlmsg_free(skb);
		return;
	}
	/* Best effort: a daemon that is gone no longer needs to cancel anything. */
	vexfs_ipc_genl_send(skb, hdr, portid);
}

static int vexfs_ipc_netlink_event(struct notifier_block *nb, unsigned long event, void *ptr)
{
	struct netlink_notify *n = ptr;

	/* Any of the daemon's queues: its first takes the daemon with it, another only itself. */
	if (event == NETLINK_URELEASE && n->protocol == NETLINK_GENERIC && net_eq(n->net, &init_net) &&
	    n->portid && n->portid != VEXFS_IPC_CHARDEV_DAEMON && vexfs_ipc_queues_index(n->portid) >= 0)
		vexfs_ipc_daemon_detach(n->portid, "socket closed");
	return NOTIFY_DONE;
}

static struct notifier_block vexfs_ipc_netlink_nb = {
	.notifier_call = vexfs_ipc_netlink_event,
};

int vexfs_ipc_genl_init(void)
{
	int ret;

	ret = netlink_register_notifier(&vexfs_ipc_netlink_nb);
	if (ret)
		goto err_notifier;
	ret = genl_register_family(&vexfs_ipc_family);
	if (ret)
		goto err_family;
	return 0;

err_family:
	netlink_unregister_notifier(&vexfs_ipc_netlink_nb);
err_notifier:
	return ret;
}

void vexfs_ipc_genl_uninit(void)
{
	genl_unregister_family(&vexfs_ipc_family);
	netlink_unregister_notifier(&vexfs_ipc_netlink_nb);
	vexfs_ipc_daemon_reset();
}
