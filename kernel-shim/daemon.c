// SPDX-License-Identifier: GPL-2.0
/*
 * The daemon link, shared by both transports: one daemon at a time,
 * identified by its netlink port id or VEXFS_IPC_CHARDEV_DAEMON, with the
 * queues its workers add (queues.c holds their sockets, so a dead port is
 * never written to); claiming, announcing what it must learn when it
 * attaches, detaching, and the daemon->kernel commands either transport
 * delivers.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "vexfs_ipc.h"

static DEFINE_MUTEX(daemon_lock);

/* The attached daemon (its queue 0): a netlink port id, VEXFS_IPC_CHARDEV_DAEMON, or 0. */
static u32 daemon_portid;
/* Its process: only its threads may add queues. */
static struct pid *daemon_tgid;

static u8 min_priority;

u32 vexfs_ipc_genl_daemon_portid(void)
{
	return READ_ONCE(daemon_portid);
}

u8 vexfs_ipc_genl_min_priority(void)
{
	return READ_ONCE(min_priority);
}

/*
 * Only the daemon may answer, and a queue other than its first only with
 * answers and its own detach; errors carry an extended ACK.
 */
static int require_sender(u8 cmd, u32 sender, struct netlink_ext_ack *extack)
{
	if (sender && sender == READ_ONCE(daemon_portid))
		return 0;
	if (!sender || vexfs_ipc_queues_index(sender) < 0) {
		NL_SET_ERR_MSG(extack, "sender is not the attached daemon");
		return -ENOTCONN;
	}
	if (cmd != VEXFS_IPC_CMD_EMBED_RESPONSE && cmd != VEXFS_IPC_CMD_DAEMON_DETACH) {
		NL_SET_ERR_MSG(extack, "a queue other than the daemon's first sends only EMBED_RESPONSE and DAEMON_DETACH");
		return -EOPNOTSUPP;
	}
	return 0;
}

/* Called with daemon_lock held (or at unload). */
static int set_daemon(u32 portid, struct sock *sk)
{
	int ret = 0;

	if (portid)
		ret = vexfs_ipc_queues_start(portid, sk);
	else
		vexfs_ipc_queues_stop();
	if (ret)
		return ret;
	WRITE_ONCE(daemon_portid, portid);
	WRITE_ONCE(min_priority, 0);
	put_pid(daemon_tgid);
	daemon_tgid = portid ? get_pid(task_tgid(current)) : NULL;
	return 0;
}

/*
 * Whether a message for @portid may go to that port: it is one of the
 * daemon's queues, and its socket still lives (once released, its port id
 * may be bound by any other socket before NETLINK_URELEASE detaches it).
 */
bool vexfs_ipc_daemon_socket_alive(u32 portid)
{
	return vexfs_ipc_queues_alive(portid);
}

int vexfs_ipc_daemon_claim(u32 sender, struct sock *sk, struct netlink_ext_ack *extack, bool *fresh)
{
	int ret = 0;

	mutex_lock(&daemon_lock);
	if (daemon_portid && daemon_portid != sender) {
		mutex_unlock(&daemon_lock);
		NL_SET_ERR_MSG(extack, "another daemon is attached");
		return -EBUSY;
	}
	*fresh = daemon_portid != sender;
	if (*fresh)
		ret = set_daemon(sender, sk);
	else
		WRITE_ONCE(min_priority, 0);
	mutex_unlock(&daemon_lock);
	return ret;
}

int vexfs_ipc_daemon_add_queue(u32 sender, struct sock *sk, struct netlink_ext_ack *extack, u32 *index)
{
	int ret;

	mutex_lock(&daemon_lock);
	if (!daemon_portid) {
		NL_SET_ERR_MSG(extack, "no daemon is attached: attach without VEXFS_IPC_F_QUEUE first");
		ret = -ENOTCONN;
	} else if (daemon_portid == VEXFS_IPC_CHARDEV_DAEMON) {
		NL_SET_ERR_MSG(extack, "the daemon uses the char device, which has one queue");
		ret = -EOPNOTSUPP;
	} else if (task_tgid(current) != daemon_tgid) {
		NL_SET_ERR_MSG(extack, "another daemon is attached (queues come from its own process)");
		ret = -EBUSY;
	} else {
		ret = vexfs_ipc_queues_add(sender, sk, index);
		if (ret == -ENOSPC)
			NL_SET_ERR_MSG(extack, "the daemon has VEXFS_IPC_MAX_QUEUES queues");
	}
	mutex_unlock(&daemon_lock);
	return ret;
}

/* A queue other than the first leaves; what it was sent goes to the others. */
static bool remove_queue(u32 portid, const char *why)
{
	bool was;

	mutex_lock(&daemon_lock);
	was = portid != daemon_portid && vexfs_ipc_queues_remove(portid);
	mutex_unlock(&daemon_lock);
	if (was) {
		pr_info("daemon queue detached (port %u, %s)\n", portid, why);
		vexfs_ipc_requests_queue_lost(portid);
	}
	return was;
}

void vexfs_ipc_daemon_attached(u32 sender)
{
	if (sender == VEXFS_IPC_CHARDEV_DAEMON)
		pr_info("daemon attached (char device)\n");
	else
		pr_info("daemon attached (port %u)\n", sender);
	/* Registrations first, so re-sent requests find their services. */
	vexfs_ipc_registrations_daemon_attached(sender);
	vexfs_ipc_requests_daemon_changed(sender);
	vexfs_ipc_genl_event(VEXFS_IPC_EVENT_DAEMON_ATTACHED, NULL);
}

void vexfs_ipc_daemon_detach(u32 portid, const char *why)
{
	if (remove_queue(portid, why))
		return;
	mutex_lock(&daemon_lock);
	if (daemon_portid != portid) {
		mutex_unlock(&daemon_lock);
		return;
	}
	set_daemon(0, NULL);
	mutex_unlock(&daemon_lock);
	if (portid == VEXFS_IPC_CHARDEV_DAEMON) {
		vexfs_ipc_frames_detached();
		pr_info("daemon detached (char device, %s)\n", why);
	} else {
		pr_info("daemon detached (port %u, %s)\n", portid, why);
	}
	vexfs_ipc_genl_event(VEXFS_IPC_EVENT_DAEMON_DETACHED, NULL);
	vexfs_ipc_requests_daemon_changed(0);
}

int vexfs_ipc_handle(u8 cmd, u32 sender, struct nlattr **attrs, struct netlink_ext_ack *extack)
{
	const char *why = NULL;
	int ret;

	ret = require_sender(cmd, sender, extack);
	if (ret)
		return ret;
	switch (cmd) {
	case VEXFS_IPC_CMD_DAEMON_DETACH:
		vexfs_ipc_daemon_detach(sender, "detach");
		return 0;
	case VEXFS_IPC_CMD_EMBED_RESPONSE:
		if (NL_REQ_ATTR_CHECK(extack, NULL, attrs, VEXFS_IPC_A_REQUEST_ID) ||
		    NL_REQ_ATTR_CHECK(extack, NULL, attrs, VEXFS_IPC_A_STATUS))
			return -EINVAL;
		ret = vexfs_ipc_requests_answer(attrs, &why);
		/* The reasons are static strings, as NL_SET_ERR_MSG requires, but chosen at run time. */
		if (ret && why && extack)
			extack->_msg = why;
		if (!ret)
			vexfs_ipc_queues_count_answered(sender);
		return ret;
	case VEXFS_IPC_CMD_HEARTBEAT:
		if (attrs[VEXFS_IPC_A_MIN_PRIORITY])
			WRITE_ONCE(min_priority, nla_get_u8(attrs[VEXFS_IPC_A_MIN_PRIORITY]));
		return 0;
	case VEXFS_IPC_CMD_REPLY:
		if (NL_REQ_ATTR_CHECK(extack, NULL, attrs, VEXFS_IPC_A_REQUEST_ID) ||
		    NL_REQ_ATTR_CHECK(extack, NULL, attrs, VEXFS_IPC_A_ERRNO))
			return -EINVAL;
		return vexfs_ipc_query_reply(attrs, extack);
	case VEXFS_IPC_CMD_SERVICE_REVOKE:
		if (NL_REQ_ATTR_CHECK(extack, NULL, attrs, VEXFS_IPC_A_SERVICE_ID))
			return -EINVAL;
		vexfs_ipc_registrations_revoke(nla_data(attrs[VEXFS_IPC_A_SERVICE_ID]));
		return 0;
	default:
		NL_SET_ERR_MSG(extack, "command not accepted from the daemon");
		return -EOPNOTSUPP;
	}
}

/* The module is going: no daemon, its sockets released. */
void vexfs_ipc_daemon_reset(void)
{
	set_daemon(0, NULL);
}
