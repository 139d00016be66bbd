// SPDX-License-Identifier: GPL-2.0
/*
 * The daemon's queues: the ports it takes requests on. Queue 0 is the port
 * that attached as the daemon; its workers attach more (VEXFS_IPC_F_QUEUE).
 * A request goes to the queue of the CPU that submitted it, or to the next
 * one that takes it. Senders read a snapshot under RCU; attach and detach
 * (serialised by daemon.c's lock) publish a new one and free the old after
 * a grace period, so a sender never writes to a port whose socket is gone.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/overflow.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "vexfs_ipc.h"

struct vexfs_ipc_queue {
	u32 portid;
	/* Held; NULL for the char device's daemon. */
	struct sock *sk;
	atomic64_t sent;
	atomic64_t answered;
	atomic64_t fallback;
};

struct queue_map {
	struct rcu_head rcu;
	u32 n;
	struct vexfs_ipc_queue *q[];
};

/* NULL: no daemon. */
static struct queue_map __rcu *queues;

const struct nla_policy vexfs_ipc_queue_policy[VEXFS_IPC_QUEUE_A_MAX + 1] = {
	[VEXFS_IPC_QUEUE_A_INDEX]	= NLA_POLICY_MAX(NLA_U32, VEXFS_IPC_MAX_QUEUES - 1),
	[VEXFS_IPC_QUEUE_A_SENT]	= { .type = NLA_U64 },
	[VEXFS_IPC_QUEUE_A_ANSWERED]	= { .type = NLA_U64 },
	[VEXFS_IPC_QUEUE_A_FALLBACK]	= { .type = NLA_U64 },
};

static struct queue_map *map_alloc(u32 n)
{
	struct queue_map *m = kzalloc(struct_size(m, q, n), GFP_KERNEL);

	if (m)
		m->n = n;
	return m;
}

static struct vexfs_ipc_queue *queue_alloc(u32 portid, struct sock *sk)
{
	struct vexfs_ipc_queue *q = kzalloc(sizeof(*q), GFP_KERNEL);

	if (!q)
		return NULL;
	q->portid = portid;
	q->sk = sk;
	if (sk)
		sock_hold(sk);
	return q;
}

static void queue_free(struct vexfs_ipc_queue *q)
{
	if (q->sk)
		sock_put(q->sk);
	kfree(q);
}

/* Publishes @next; once no sender can still see the old map, frees it and @gone (NULL or one of its queues). */
static void publish(struct queue_map *next, struct vexfs_ipc_queue *gone, bool free_all)
{
	struct queue_map *old = rcu_replace_pointer(queues, next, true);
	u32 i;

	if (!old)
		return;
	synchronize_rcu();
	if (free_all) {
		for (i = 0; i < old->n; i++)
			queue_free(old->q[i]);
	} else if (gone) {
		queue_free(gone);
	}
	kfree(old);
}

int vexfs_ipc_queues_start(u32 portid, struct sock *sk)
{
	struct queue_map *m = map_alloc(1);

	if (!m)
		return -ENOMEM;
	m->q[0] = queue_alloc(portid, sk);
	if (!m->q[0]) {
		kfree(m);
		return -ENOMEM;
	}
	publish(m, NULL, true);
	return 0;
}

void vexfs_ipc_queues_stop(void)
{
	publish(NULL, NULL, true);
}

/* Called with daemon.c's lock held, so the map cannot change under it. */
static struct queue_map *current_map(void)
{
	return rcu_dereference_protected(queues, true);
}

int vexfs_ipc_queues_add(u32 portid, struct sock *sk, u32 *index)
{
	struct queue_map *cur = current_map(), *next;
	u32 i;

	if (!cur)
		return -ENOTCONN;
	for (i = 0; i < cur->n; i++) {
		if (cur->q[i]->portid == portid) {
			*index = i;
			return 0;
		}
	}
	if (cur->n >= VEXFS_IPC_MAX_QUEUES)
		return -ENOSPC;
	next = map_alloc(cur->n + 1);
	if (!next)
		return -ENOMEM;
	next->q[cur->n] = queue_alloc(portid, sk);
	if (!next->q[cur->n]) {
		kfree(next);
		return -ENOMEM;
	}
	memcpy(next->q, cur->q, cur->n * sizeof(cur->q[0]));
	*index = cur->n;
	publish(next, NULL, false);
	return 0;
}

bool vexfs_ipc_queues_remove(u32 portid)
{
	struct queue_map *cur = current_map(), *next;
	struct vexfs_ipc_queue *gone = NULL;
	u32 i, j = 0;

	/* Queue 0 leaves only with the daemon (vexfs_ipc_queues_stop). */
	if (!cur || cur->n < 2)
		return false;
	for (i = 1; i < cur->n; i++)
		if (cur->q[i]->portid == portid)
			gone = cur->q[i];
	if (!gone)
		return false;
	/*
	 * Without memory for a new map the queue stays listed with its socket
	 * held: sends to it fail once the socket is dead and go to the others.
	 */
	next = map_alloc(cur->n - 1);
	if (!next)
		return true;
	for (i = 0; i < cur->n; i++)
		if (cur->q[i] != gone)
			next->q[j++] = cur->q[i];
	publish(next, gone, false);
	return true;
}

static bool queue_alive(const struct vexfs_ipc_queue *q)
{
	return !q->sk || !sock_flag(q->sk, SOCK_DEAD);
}

/* The queue of @portid in @m, or NULL. Under rcu_read_lock(). */
static struct vexfs_ipc_queue *find(struct queue_map *m, u32 portid)
{
	u32 i;

	if (m)
		for (i = 0; i < m->n; i++)
			if (m->q[i]->portid == portid)
				return m->q[i];
	return NULL;
}

bool vexfs_ipc_queues_alive(u32 portid)
{
	struct vexfs_ipc_queue *q;
	bool alive;

	rcu_read_lock();
	q = find(rcu_dereference(queues), portid);
	alive = q && queue_alive(q);
	rcu_read_unlock();
	return alive;
}

int vexfs_ipc_queues_index(u32 portid)
{
	struct queue_map *m;
	int index = -1;
	u32 i;

	rcu_read_lock();
	m = rcu_dereference(queues);
	if (m)
		for (i = 0; i < m->n && index < 0; i++)
			if (m->q[i]->portid == portid)
				index = i;
	rcu_read_unlock();
	return index;
}

u32 vexfs_ipc_queues_pick(u32 cpu, u32 attempt)
{
	struct queue_map *m;
	u32 portid = 0;

	rcu_read_lock();
	m = rcu_dereference(queues);
	if (m && attempt < m->n)
		portid = m->q[(cpu + attempt) % m->n]->portid;
	rcu_read_unlock();
	return portid;
}

void vexfs_ipc_queues_count_sent(u32 portid, bool fallback)
{
	struct vexfs_ipc_queue *q;

	rcu_read_lock();
	q = find(rcu_dereference(queues), portid);
	if (q) {
		atomic64_inc(&q->sent);
		if (fallback)
			atomic64_inc(&q->fallback);
	}
	rcu_read_unlock();
}

void vexfs_ipc_queues_count_answered(u32 portid)
{
	struct vexfs_ipc_queue *q;

	rcu_read_lock();
	q = find(rcu_dereference(queues), portid);
	if (q)
		atomic64_inc(&q->answered);
	rcu_read_unlock();
}

u32 vexfs_ipc_queues_count(void)
{
	struct queue_map *m;
	u32 n;

	rcu_read_lock();
	m = rcu_dereference(queues);
	n = m ? m->n : 0;
	rcu_read_unlock();
	return n;
}

int vexfs_ipc_queues_put(struct sk_buff *skb)
{
	struct nlattr *all, *one;
	struct vexfs_ipc_queue *q;
	struct queue_map *m;
	int ret = 0;
	u32 i;

	rcu_read_lock();
	m = rcu_dereference(queues);
	/* The char device's daemon has one queue and nothing to compare it with. */
	if (!m || !m->q[0]->sk)
		goto out;
	all = nla_nest_start(skb, VEXFS_IPC_A_QUEUES);
	if (!all)
		goto full;
	for (i = 0; i < m->n; i++) {
		q = m->q[i];
		one = nla_nest_start(skb, VEXFS_IPC_A_QUEUE);
		if (!one || nla_put_u32(skb, VEXFS_IPC_QUEUE_A_INDEX, i) ||
		    nla_put_u64_64bit(skb, VEXFS_IPC_QUEUE_A_SENT, atomic64_read(&q->sent), VEXFS_IPC_QUEUE_A_PAD) ||
		    nla_put_u64_64bit(skb, VEXFS_IPC_QUEUE_A_ANSWERED, atomic64_read(&q->answered), VEXFS_IPC_QUEUE_A_PAD) ||
		    nla_put_u64_64bit(skb, VEXFS_IPC_QUEUE_A_FALLBACK, atomic64_read(&q->fallback), VEXFS_IPC_QUEUE_A_PAD))
			goto full;
		nla_nest_end(skb, one);
	}
	nla_nest_end(skb, all);
	goto out;
full:
	ret = -EMSGSIZE;
out:
	rcu_read_unlock();
	return ret;
}
