// SPDX-License-Identifier: GPL-2.0
/*
 * The module's counters: every request it saw and every object it holds
 * (live requests, buffers and registrations return to zero when idle, which
 * makes a leak visible), filled for GET_STATS over genetlink and the ioctl;
 * the ioctl can ask the daemon for its counters too.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "vexfs_ipc.h"

struct vexfs_ipc_counters vexfs_ipc_stats;

/* The daemon's counters (the STATS nest of its REPLY to a GET_STATS query). */
const struct nla_policy vexfs_ipc_stats_policy[VEXFS_IPC_STATS_A_MAX + 1] = {
	[VEXFS_IPC_STATS_A_REQUESTS_SUBMITTED ... VEXFS_IPC_STATS_A_UPTIME_MS] = { .type = NLA_U64 },
	[VEXFS_IPC_STATS_A_BY_STATUS]	    = { .type = NLA_BINARY, .len = sizeof(__u64) * VEXFS_IPC_STATUS_SLOTS },
	[VEXFS_IPC_STATS_A_QUEUED_BY_LEVEL] = { .type = NLA_BINARY, .len = sizeof(__u64) * VEXFS_IPC_PRIO_LEVELS },
};

void vexfs_ipc_fill_stats(struct vexfs_ipc_stats *s)
{
	struct vexfs_ipc_counters *c = &vexfs_ipc_stats;
	u32 portid = vexfs_ipc_genl_daemon_portid();

	memset(s, 0, sizeof(*s));
	s->requests_submitted = atomic64_read(&c->submitted);
	s->requests_completed = atomic64_read(&c->completed);
	s->requests_failed = atomic64_read(&c->failed);
	s->requests_timed_out = atomic64_read(&c->timed_out);
	s->requests_cancelled = atomic64_read(&c->cancelled);
	s->requests_resent = atomic64_read(&c->resent);
	s->responses_late = atomic64_read(&c->late);
	s->messages_invalid = atomic64_read(&c->invalid);
	s->live_requests = atomic64_read(&c->live_requests);
	s->live_buffers = atomic64_read(&c->live_buffers);
	s->live_registrations = atomic64_read(&c->live_registrations);
	s->daemon_attached = portid != 0;
	if (portid == VEXFS_IPC_CHARDEV_DAEMON)
		s->transport = VEXFS_IPC_TRANSPORT_CHARDEV;
	else
		s->transport = portid ? VEXFS_IPC_TRANSPORT_GENL : VEXFS_IPC_TRANSPORT_NONE;
	s->daemon_port_id = portid == VEXFS_IPC_CHARDEV_DAEMON ? 0 : portid;
	s->inflight = vexfs_ipc_requests_inflight();
	s->pending_capacity = vexfs_ipc_max_pending;
	s->kernel_inflight = vexfs_ipc_kernel_inflight();
	s->kernel_capacity = vexfs_ipc_kernel_capacity();
	s->daemon_queues = vexfs_ipc_queues_count();
}

long vexfs_ipc_stats_ioctl(struct vexfs_ipc_stats __user *uarg)
{
	struct vexfs_ipc_consumer_stats *consumers = NULL;
	u32 flags, cap, count = 0, total = 0;
	struct vexfs_ipc_stats s;
	u64 ptr;
	long ret;

	if (copy_from_user(&s, uarg, sizeof(s)))
		return -EFAULT;
	if (s.flags & ~VEXFS_IPC_STATS_F_ALL || s.reserved0 || s.consumers_capacity > VEXFS_IPC_MAX_CONSUMERS)
		return -EINVAL;
	if (s.consumers_capacity && !s.consumers_ptr)
		return -EFAULT;
	flags = s.flags;
	cap = s.consumers_capacity;
	ptr = s.consumers_ptr;
	if (cap) {
		consumers = kcalloc(cap, sizeof(*consumers), GFP_KERNEL);
		if (!consumers)
			return -ENOMEM;
		count = vexfs_ipc_consumers_fill(consumers, cap, &total);
		ret = copy_to_user(u64_to_user_ptr(ptr), consumers, count * sizeof(*consumers)) ? -EFAULT : 0;
		kfree(consumers);
		if (ret)
			return ret;
	} else {
		vexfs_ipc_consumers_fill(NULL, 0, &total);
	}
	vexfs_ipc_fill_stats(&s);
	s.flags = flags;
	s.consumers_ptr = ptr;
	s.consumers_capacity = cap;
	s.consumers_count = count;
	s.consumers_total = total;
	/* Which port to bind to impersonate the daemon is nobody else's business. */
	if (!capable(CAP_NET_ADMIN))
		s.daemon_port_id = 0;
	/* Best effort: without an answer the module's own counters still stand. */
	if ((flags & VEXFS_IPC_STATS_F_DAEMON) && s.daemon_attached)
		vexfs_ipc_query_daemon_stats(&s);
	return copy_to_user(uarg, &s, sizeof(s)) ? -EFAULT : 0;
}
