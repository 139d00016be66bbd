// SPDX-License-Identifier: GPL-2.0
/*
 * A service on the wire (the VEXFS_IPC_A_SERVICE nest): its attribute
 * policy, a registration written for the daemon, and the daemon's
 * description of a service read back for GET_SERVICE_STATUS and
 * LIST_SERVICES. The TypeScript side describes the same nest once in
 * src/protocol/service-attrs.ts; the VM tier checks the two agree.
 */
#include <linux/string.h>
#include <net/netlink.h>

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

int vexfs_ipc_service_put(struct sk_buff *skb, const struct vexfs_ipc_service_spec *s)
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

void vexfs_ipc_service_fill(const struct nlattr *nest, struct vexfs_ipc_service_info *out)
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
