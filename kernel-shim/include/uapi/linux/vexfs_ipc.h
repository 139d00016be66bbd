/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * vexfs_ipc - kernel <-> userspace bridge for VexFS embedding services.
 *
 * This header is the single source of truth for the ABI between the
 * vexfs_ipc kernel module, the userspace daemon (vexfs-bridged) and the
 * embedding-service SDK. Nothing else in the tree may hand-count a layout:
 * the TypeScript mirror is checked against this file by a compiled test.
 *
 * There are three ways in:
 *
 *  1. The generic netlink family "VEXFS_IPC" (the primary daemon transport).
 *     The kernel sends embedding requests to the one attached daemon by
 *     unicast; the daemon answers with responses. Service events are
 *     multicast on the "events" group.
 *
 *  2. The misc character device /dev/vexfs_ipc (mode 0660):
 *     a) ioctls 0x20-0x25 (magic 'V') for embedding-service processes and
 *        admin tools: register/unregister a service, send one embedding
 *        request, query a service, list services, read statistics;
 *     b) the framed fallback transport for a daemon that cannot use
 *        netlink: read() returns framed kernel->daemon messages, write()
 *        takes framed daemon->kernel messages, poll() reports readiness.
 *        A frame is struct vexfs_ipc_msg_header followed by a body that is
 *        a stream of VEXFS_IPC_A_* netlink attributes, exactly the payload
 *        (after struct genlmsghdr) of the matching genetlink command.
 *
 *  3. The in-kernel API vexfs_ipc_embed() for the filesystem (not part of
 *     this header; see the module's own header).
 *
 * Byte order: host order everywhere (netlink attributes, frames, ioctl
 * structs) - both ends are on the same machine.
 *
 * Layout rules: every struct is naturally aligned with __u64/__u32 fields
 * and explicit padding so that it has no hidden padding and the same size
 * on 32- and 64-bit. Pointers travel as __u64. Fields are tagged (in),
 * (out) or (in/out) from the caller's point of view. Reserved and padding
 * fields must be zero on input (-EINVAL otherwise) and are zeroed on
 * output. Unknown flag bits are rejected with -EINVAL.
 */
#ifndef _UAPI_LINUX_VEXFS_IPC_H
#define _UAPI_LINUX_VEXFS_IPC_H

#include <linux/types.h>
#include <linux/ioctl.h>

/* ------------------------------------------------------------------ */
/* Generic netlink family                                              */
/* ------------------------------------------------------------------ */

#define VEXFS_IPC_GENL_NAME		"VEXFS_IPC"
#define VEXFS_IPC_GENL_VERSION		1
/* Multicast group for service and daemon events (VEXFS_IPC_CMD_EVENT). */
#define VEXFS_IPC_MCGRP_EVENTS		"events"

/*
 * Protocol version carried in attach and in every frame header. 2: an
 * EMBED_RESPONSE may carry provenance (MODEL, MODEL_VERSION, FLAGS
 * TRUNCATED), which a version-1 module's strict policy would refuse; a
 * daemon and a module of different versions fail at attach
 * (-EPROTONOSUPPORT) rather than on every answer. 3: a daemon has queues
 * (VEXFS_IPC_F_QUEUE, and QUEUE in the attach answer, which a version-2
 * daemon's strict decoder would refuse).
 */
#define VEXFS_IPC_PROTOCOL_VERSION	3

/* ------------------------------------------------------------------ */
/* Limits                                                              */
/* ------------------------------------------------------------------ */

#define VEXFS_IPC_MAX_DIMENSIONS	8192	/* per vector */
/* Largest embedding input. Sized so a request fits one netlink message. */
#define VEXFS_IPC_MAX_INPUT_BYTES	16384
/* Largest vector: 8192 float32 values. */
#define VEXFS_IPC_MAX_VECTOR_BYTES	(VEXFS_IPC_MAX_DIMENSIONS * 4)
/*
 * Largest single netlink message or frame of this protocol, headers
 * included. Receivers size their buffers to this; a sender never builds a
 * larger one. (The original design's 16 MiB does not fit netlink.)
 */
#define VEXFS_IPC_MAX_MSG_BYTES		65536
#define VEXFS_IPC_MAX_BATCH_SIZE	1000	/* per service batch */
#define VEXFS_IPC_MAX_SERVICES		256	/* registry hard ceiling */
/* String limits include the terminating NUL. */
#define VEXFS_IPC_MAX_SERVICE_ID_LEN	64
#define VEXFS_IPC_MAX_NAME_LEN		64
#define VEXFS_IPC_MAX_VERSION_LEN	32
#define VEXFS_IPC_MAX_MODEL_LEN		64
#define VEXFS_IPC_MAX_TOKEN_LEN		1024	/* a registration token */
/* Comma-separated model list of a registration. */
#define VEXFS_IPC_MAX_MODELS_LEN	256
/* "unix:" + an AF_UNIX path (108 bytes incl. NUL). */
#define VEXFS_IPC_MAX_ENDPOINT_LEN	128
/* Distinct dimension counts one service may support. */
#define VEXFS_IPC_MAX_DIMENSION_SETS	16
#define VEXFS_IPC_MAX_ERROR_MSG_LEN	128
/* In-kernel consumers (the in-kernel API) and their names, NUL included. */
#define VEXFS_IPC_MAX_CONSUMERS		32
#define VEXFS_IPC_MAX_CONSUMER_NAME_LEN	32

/* The daemon's queues: its first port and the extra ports its workers attach (VEXFS_IPC_F_QUEUE). */
#define VEXFS_IPC_MAX_QUEUES		64

#define VEXFS_IPC_DEFAULT_TIMEOUT_MS	30000
#define VEXFS_IPC_MAX_TIMEOUT_MS	600000

/* ------------------------------------------------------------------ */
/* Enumerations (values from the original VexFS IPC design)            */
/* ------------------------------------------------------------------ */

/* Element type of a vector. Services compute float32; the daemon converts. */
enum vexfs_ipc_data_type {
	VEXFS_IPC_DTYPE_FLOAT32	= 0,	/* 4 bytes per dimension */
	VEXFS_IPC_DTYPE_FLOAT16	= 1,	/* IEEE 754 half, 2 bytes */
	VEXFS_IPC_DTYPE_INT8	= 2,	/* round(x * 127), 1 byte; see below */
	VEXFS_IPC_DTYPE_INT16	= 3,	/* round(x * 32767), 2 bytes */
	VEXFS_IPC_DTYPE_BINARY	= 4,	/* one bit per dimension, ceil(dims / 8) bytes */
	__VEXFS_IPC_DTYPE_MAX,
};
#define VEXFS_IPC_DTYPE_MAX (__VEXFS_IPC_DTYPE_MAX - 1)
/*
 * Services compute float32 (little-endian); the daemon converts:
 * FLOAT16 is IEEE 754 binary16, round to nearest even. INT8 and INT16 use
 * one fixed symmetric scale, no field carries it: embeddings are
 * L2-normalised, so each component x is in [-1, 1] and is stored as
 * round(x * 127) or round(x * 32767), halves away from zero, values outside
 * [-1, 1] clamped, NaN as 0 (read back as q / 127 or q / 32767). BINARY
 * stores bit (i % 8) of byte (i / 8), least significant bit first, set when
 * component i is > 0 (0, negative and NaN are 0); unused high bits of the
 * last byte are 0.
 */

/*
 * Request priority, 0-255, higher is more urgent. Any value is accepted;
 * schedulers bucket it: >= 255 Critical, >= 192 High, >= 128 Normal,
 * below Low.
 */
enum vexfs_ipc_priority {
	VEXFS_IPC_PRIO_LOW	= 0,
	VEXFS_IPC_PRIO_NORMAL	= 128,
	VEXFS_IPC_PRIO_HIGH	= 192,
	VEXFS_IPC_PRIO_CRITICAL	= 255,
};

/*
 * A service's state as the daemon reports it: STARTING until the daemon has
 * connected to it, READY, BUSY (ready, every request slot taken: new work
 * waits in its queue), OVERLOADED (its queue is full too: new work goes to
 * other services or the daemon's overflow queue), ERROR while its
 * connection is down (the daemon reconnects), STOPPED once unregistered.
 * STOPPING is reserved.
 */
enum vexfs_ipc_service_state {
	VEXFS_IPC_SVC_STARTING	 = 0,
	VEXFS_IPC_SVC_READY	 = 1,
	VEXFS_IPC_SVC_BUSY	 = 2,
	VEXFS_IPC_SVC_OVERLOADED = 3,
	VEXFS_IPC_SVC_STOPPING	 = 4,
	VEXFS_IPC_SVC_STOPPED	 = 5,
	VEXFS_IPC_SVC_ERROR	 = 6,
	__VEXFS_IPC_SVC_MAX,
};
#define VEXFS_IPC_SVC_MAX (__VEXFS_IPC_SVC_MAX - 1)

/*
 * Coarse health for readers that want a class rather than a number. The
 * module and daemon report health as a 0-100 score (service_info.health,
 * VEXFS_IPC_SVC_A_HEALTH): 0 takes no requests, 1-49 UNHEALTHY, 50-79
 * DEGRADED, 80-100 HEALTHY; a service not yet connected reports 0 with
 * state STARTING, which a reader maps to UNKNOWN.
 */
enum vexfs_ipc_health {
	VEXFS_IPC_HEALTH_HEALTHY   = 0,
	VEXFS_IPC_HEALTH_DEGRADED  = 1,
	VEXFS_IPC_HEALTH_UNHEALTHY = 2,
	VEXFS_IPC_HEALTH_UNKNOWN   = 3,
};

/*
 * The daemon's circuit breaker for one service: closed (requests flow),
 * open (no requests until a trial), half-open (one trial batch).
 */
enum vexfs_ipc_breaker {
	VEXFS_IPC_BREAKER_CLOSED    = 0,
	VEXFS_IPC_BREAKER_OPEN	    = 1,
	VEXFS_IPC_BREAKER_HALF_OPEN = 2,
	__VEXFS_IPC_BREAKER_MAX,
};
#define VEXFS_IPC_BREAKER_MAX (__VEXFS_IPC_BREAKER_MAX - 1)

/* Priority levels the daemon queues by (low, normal, high, critical). */
#define VEXFS_IPC_PRIO_LEVELS 4
/* Slots of per-status arrays: room for every enum vexfs_ipc_status value. */
#define VEXFS_IPC_STATUS_SLOTS 16

/*
 * Outcome of one embedding request. 0-6 are the original design's values;
 * 7 and up say precisely why a request failed, so nothing is a silent drop.
 */
enum vexfs_ipc_status {
	VEXFS_IPC_STATUS_SUCCESS	 = 0,
	VEXFS_IPC_STATUS_ERROR		 = 1,	/* unclassified failure */
	VEXFS_IPC_STATUS_TIMEOUT	 = 2,	/* deadline passed */
	VEXFS_IPC_STATUS_OVERLOADED	 = 3,	/* shed by a full queue */
	VEXFS_IPC_STATUS_INVALID_REQUEST = 4,	/* malformed or out of range */
	VEXFS_IPC_STATUS_MODEL_NOT_FOUND = 5,	/* no service offers the model */
	VEXFS_IPC_STATUS_INTERNAL_ERROR	 = 6,	/* bug in the bridge */
	VEXFS_IPC_STATUS_NO_SERVICE	 = 7,	/* none for these dims/dtype */
	VEXFS_IPC_STATUS_SERVICE_ERROR	 = 8,	/* the service said it failed */
	VEXFS_IPC_STATUS_CANCELLED	 = 9,	/* the kernel gave up on it */
	VEXFS_IPC_STATUS_RATE_LIMITED	 = 10,	/* over a rate limit */
	VEXFS_IPC_STATUS_NO_DAEMON	 = 11,	/* no daemon attached */
	VEXFS_IPC_STATUS_SHUTTING_DOWN	 = 12,	/* daemon is stopping */
	__VEXFS_IPC_STATUS_MAX,
};
#define VEXFS_IPC_STATUS_MAX (__VEXFS_IPC_STATUS_MAX - 1)

/* Events multicast on the "events" group (VEXFS_IPC_A_EVENT). */
enum vexfs_ipc_event {
	VEXFS_IPC_EVENT_UNSPEC			= 0,
	VEXFS_IPC_EVENT_DAEMON_ATTACHED		= 1,
	VEXFS_IPC_EVENT_DAEMON_DETACHED		= 2,
	VEXFS_IPC_EVENT_SERVICE_REGISTERED	= 3,
	VEXFS_IPC_EVENT_SERVICE_UNREGISTERED	= 4,
	__VEXFS_IPC_EVENT_MAX,
};
#define VEXFS_IPC_EVENT_MAX (__VEXFS_IPC_EVENT_MAX - 1)

/* Transport the attached daemon uses (stats). */
enum vexfs_ipc_transport {
	VEXFS_IPC_TRANSPORT_NONE	= 0,
	VEXFS_IPC_TRANSPORT_GENL	= 1,
	VEXFS_IPC_TRANSPORT_CHARDEV	= 2,
};

/* ------------------------------------------------------------------ */
/* Generic netlink commands                                            */
/* ------------------------------------------------------------------ */

/**
 * enum vexfs_ipc_cmd - VEXFS_IPC generic netlink commands
 *
 * Direction, permission, attributes (R = required, O = optional), answer
 * and errors of each. "admin" means GENL_ADMIN_PERM (CAP_NET_ADMIN);
 * kernel->daemon messages are unicast to the attached daemon's port id.
 * Every daemon->kernel command returns -ENOTCONN from a port that is not
 * the attached daemon (except ATTACH), and -ENOMEM on allocation failure.
 * A policy violation returns -EINVAL with an extended-ACK message naming
 * the attribute (wrong type or length, unknown attribute, bad nesting),
 * or -ERANGE for a value outside its range (the kernel's nla_policy
 * checks). Precedence: the policy is checked first (a malformed message
 * gets -EINVAL/-ERANGE whoever sends it), then the permission (-EPERM
 * without CAP_NET_ADMIN), then the sender (-ENOTCONN), then the command:
 * ATTACH checks PROTOCOL_VERSION (-EPROTONOSUPPORT) before another daemon
 * (-EBUSY). Anyone may join the "events" group (it carries service ids and
 * nothing of requests). GET_STATS over genetlink
 * answers with the module's own counters only (the ioctl can add the
 * daemon's, VEXFS_IPC_STATS_F_DAEMON).
 *
 * @VEXFS_IPC_CMD_DAEMON_ATTACH: daemon->kernel, admin. R: PROTOCOL_VERSION.
 *	O: MAX_INFLIGHT (requests the daemon will hold at once), FLAGS.
 *	Without VEXFS_IPC_F_QUEUE: valid when no daemon is attached, or from
 *	the attached port (then a no-op); the port becomes the daemon's, and
 *	its queue 0. The kernel answers with a DAEMON_ATTACH message carrying
 *	PROTOCOL_VERSION, MAX_INFLIGHT (its pending-table size) and QUEUE,
 *	then re-sends every request still pending from a previous daemon.
 *	With VEXFS_IPC_F_QUEUE: the port becomes one more queue of the
 *	attached genetlink daemon (a worker's), from the same process (thread
 *	group) as its queue 0 only; the answer's QUEUE is its index (from a
 *	port that is a queue already: the same answer, a no-op). Queues: a
 *	request goes to queue (submitting CPU mod queues); when that queue's
 *	socket is full or gone, to the next queue that takes it, then is
 *	answered OVERLOADED (or NO_DAEMON) if none does. An answer or a
 *	CANCEL's acknowledgement may come from any queue; a CANCEL goes to the
 *	queue the request went to. A queue other than 0 sends only
 *	EMBED_RESPONSE and DAEMON_DETACH. When a queue other than 0 leaves
 *	(DAEMON_DETACH, socket closed) the requests it was sent go to the
 *	others at once (FLAGS VEXFS_IPC_F_RESENT); when queue 0 leaves, the
 *	daemon leaves with all its queues.
 *	Errors: -EBUSY another daemon is attached (or, with F_QUEUE, the
 *	caller is another process); -EPROTONOSUPPORT version differs; with
 *	F_QUEUE: -ENOTCONN no daemon attached, -EOPNOTSUPP the daemon uses the
 *	char device, -ENOSPC VEXFS_IPC_MAX_QUEUES attached.
 * @VEXFS_IPC_CMD_DAEMON_DETACH: daemon->kernel, admin. No attributes.
 *	Valid from a port of the daemon. From queue 0: pending requests wait
 *	out the grace period for the next daemon, as when the daemon's socket
 *	closes. From another queue: that queue leaves (see DAEMON_ATTACH).
 * @VEXFS_IPC_CMD_EMBED_REQUEST: kernel->daemon. R: REQUEST_ID, PRIORITY,
 *	TIMEOUT_MS, DEADLINE_NS, DIMENSIONS, DATA_TYPE, INPUT, CALLER_UID,
 *	CALLER_PID. O: MODEL, FLAGS, SESSION_KEY. The daemon must answer
 *	with exactly one EMBED_RESPONSE unless a CANCEL for the id arrives
 *	first.
 * @VEXFS_IPC_CMD_EMBED_RESPONSE: daemon->kernel, admin. R: REQUEST_ID,
 *	STATUS. O: VECTOR (R when STATUS is SUCCESS, and then exactly
 *	vexfs_ipc_vector_bytes(DIMENSIONS, DATA_TYPE) long), PROCESSING_NS,
 *	and the provenance of a SUCCESS (struct vexfs_ipc_provenance):
 *	SERVICE_ID, MODEL, MODEL_VERSION, DIMENSIONS and DATA_TYPE (when
 *	sent, equal to the request's), FLAGS (VEXFS_IPC_F_TRUNCATED only).
 *	Errors: -ENOENT unknown, cancelled or already answered id (a late
 *	response: counted, discarded); -EMSGSIZE wrong vector length;
 *	-EINVAL VECTOR missing on SUCCESS, DIMENSIONS or DATA_TYPE other
 *	than the request's, FLAGS other than TRUNCATED.
 * @VEXFS_IPC_CMD_CANCEL: kernel->daemon. R: REQUEST_ID, STATUS (TIMEOUT or
 *	CANCELLED). The kernel no longer wants the answer.
 * @VEXFS_IPC_CMD_SERVICE_REGISTER: kernel->daemon, forwarded from the
 *	REGISTER_SERVICE ioctl. R: REQUEST_ID, SERVICE, CALLER_UID,
 *	CALLER_PID. O: CALLER_GID, TOKEN, FLAGS. The daemon answers with
 *	REPLY (its policy decides: root and the daemon's user may register
 *	anything, others need a policy entry or a TOKEN).
 * @VEXFS_IPC_CMD_SERVICE_UNREGISTER: kernel->daemon. R: REQUEST_ID,
 *	SERVICE_ID, CALLER_UID, CALLER_PID. O: FLAGS. Sent for the
 *	UNREGISTER_SERVICE ioctl, and with VEXFS_IPC_F_NO_REPLY when the
 *	registering file is closed (the process exited or closed the fd).
 * @VEXFS_IPC_CMD_SERVICE_STATUS: kernel->daemon. R: REQUEST_ID, SERVICE_ID.
 *	Answered by REPLY with SERVICE.
 * @VEXFS_IPC_CMD_LIST_SERVICES: kernel->daemon. R: REQUEST_ID. Answered by
 *	REPLY with SERVICES.
 * @VEXFS_IPC_CMD_GET_STATS: kernel->daemon: R: REQUEST_ID, answered by
 *	REPLY with STATS (daemon counters). Also user->kernel (no permission
 *	needed, no attributes): the kernel answers with GET_STATS carrying
 *	STATS with the module's own counters and, while a genetlink daemon is
 *	attached, QUEUES (its queues' figures).
 * @VEXFS_IPC_CMD_REPLY: daemon->kernel, admin. R: REQUEST_ID, ERRNO
 *	(0 or a positive errno that the ioctl returns negated).
 *	O: ERROR_MSG, SERVICE, SERVICES, STATS, FLAGS. Errors: -ENOENT no
 *	query with that id is waiting (it timed out). A list longer than one
 *	message (one attribute holds at most 64 KiB) is answered in parts:
 *	every part but the last carries FLAGS VEXFS_IPC_F_MORE and a SERVICES
 *	nest whose entries the kernel appends; the last part (no MORE)
 *	carries the ERRNO that completes the query. A part with MORE for a
 *	query that timed out meanwhile gets -ENOENT like a late REPLY.
 * @VEXFS_IPC_CMD_HEARTBEAT: both ways. daemon->kernel (admin): O: MIN_PRIORITY
 *	(backpressure: the daemon currently sheds requests below this
 *	priority; the kernel fails them early with OVERLOADED), INFLIGHT.
 *	kernel->daemon: R: REQUEST_ID; the daemon answers with a HEARTBEAT
 *	carrying the same REQUEST_ID.
 * @VEXFS_IPC_CMD_EVENT: kernel->"events" multicast group. R: EVENT.
 *	O: SERVICE_ID. (PORT_ID is no longer sent: anyone may listen, and
 *	the daemon's port id is for CAP_NET_ADMIN only.)
 * @VEXFS_IPC_CMD_SERVICE_REVOKE: daemon->kernel, admin. R: SERVICE_ID.
 *	The daemon removed a service registered through the device for a
 *	reason of its own (an administrator's removal): the module forgets
 *	the registration, so the id is free for any file, the registering
 *	file holds none (its UNREGISTER_SERVICE gets -ENOENT, its next
 *	REGISTER_SERVICE is accepted) and a daemon attaching later is not
 *	told of it. Emits EVENT SERVICE_UNREGISTERED. Succeeds also when no
 *	device registration has that id (its file was closed meanwhile):
 *	either way none has it afterwards.
 */
enum vexfs_ipc_cmd {
	VEXFS_IPC_CMD_UNSPEC,
	VEXFS_IPC_CMD_DAEMON_ATTACH,
	VEXFS_IPC_CMD_DAEMON_DETACH,
	VEXFS_IPC_CMD_EMBED_REQUEST,
	VEXFS_IPC_CMD_EMBED_RESPONSE,
	VEXFS_IPC_CMD_CANCEL,
	VEXFS_IPC_CMD_SERVICE_REGISTER,
	VEXFS_IPC_CMD_SERVICE_UNREGISTER,
	VEXFS_IPC_CMD_SERVICE_STATUS,
	VEXFS_IPC_CMD_LIST_SERVICES,
	VEXFS_IPC_CMD_GET_STATS,
	VEXFS_IPC_CMD_REPLY,
	VEXFS_IPC_CMD_HEARTBEAT,
	VEXFS_IPC_CMD_EVENT,
	VEXFS_IPC_CMD_SERVICE_REVOKE,
	__VEXFS_IPC_CMD_MAX,
};
#define VEXFS_IPC_CMD_MAX (__VEXFS_IPC_CMD_MAX - 1)

/* VEXFS_IPC_A_FLAGS bits. */
#define VEXFS_IPC_F_NO_REPLY	(1U << 0)	/* unregister: fd closed */
#define VEXFS_IPC_F_RESENT	(1U << 1)	/* request re-sent after re-attach */
#define VEXFS_IPC_F_MORE	(1U << 2)	/* REPLY: more parts of this answer follow */
#define VEXFS_IPC_F_TRUNCATED	(1U << 3)	/* EMBED_RESPONSE: the service embedded only a prefix of the input */
#define VEXFS_IPC_F_QUEUE	(1U << 4)	/* DAEMON_ATTACH: an extra queue of the attached daemon */
#define VEXFS_IPC_F_ALL		(VEXFS_IPC_F_NO_REPLY | VEXFS_IPC_F_RESENT | VEXFS_IPC_F_MORE | VEXFS_IPC_F_TRUNCATED | \
				 VEXFS_IPC_F_QUEUE)

/**
 * enum vexfs_ipc_attr - top-level attributes
 *
 * @VEXFS_IPC_A_PAD: alignment padding for 64-bit attributes.
 * @VEXFS_IPC_A_REQUEST_ID: u64, correlation id of a request or query.
 *	Never 0. One id space per module instance.
 * @VEXFS_IPC_A_PRIORITY: u8, enum vexfs_ipc_priority scale.
 * @VEXFS_IPC_A_TIMEOUT_MS: u32, 1..VEXFS_IPC_MAX_TIMEOUT_MS.
 * @VEXFS_IPC_A_DEADLINE_NS: u64, absolute CLOCK_MONOTONIC deadline.
 * @VEXFS_IPC_A_DIMENSIONS: u32, 1..VEXFS_IPC_MAX_DIMENSIONS.
 * @VEXFS_IPC_A_DATA_TYPE: u8, enum vexfs_ipc_data_type.
 * @VEXFS_IPC_A_MODEL: NUL-terminated string, < VEXFS_IPC_MAX_MODEL_LEN.
 *	Absent: any model.
 * @VEXFS_IPC_A_INPUT: binary, 1..VEXFS_IPC_MAX_INPUT_BYTES.
 * @VEXFS_IPC_A_VECTOR: binary, vector bytes in the requested data type.
 * @VEXFS_IPC_A_STATUS: u32, enum vexfs_ipc_status (above VEXFS_IPC_STATUS_MAX:
 *	-ERANGE, by the policy).
 * @VEXFS_IPC_A_PROCESSING_NS: u64, time the daemon spent on a request.
 * @VEXFS_IPC_A_SERVICE_ID: NUL-terminated string.
 * @VEXFS_IPC_A_SERVICE: nested enum vexfs_ipc_svc_attr.
 * @VEXFS_IPC_A_SERVICES: nested; each VEXFS_IPC_A_SERVICE inside.
 * @VEXFS_IPC_A_STATS: nested enum vexfs_ipc_stats_attr.
 * @VEXFS_IPC_A_EVENT: u32, enum vexfs_ipc_event.
 * @VEXFS_IPC_A_PROTOCOL_VERSION: u32.
 * @VEXFS_IPC_A_MAX_INFLIGHT: u32.
 * @VEXFS_IPC_A_CALLER_UID: u32, uid of the process that caused a request.
 * @VEXFS_IPC_A_CALLER_PID: u32, its tgid.
 * @VEXFS_IPC_A_FLAGS: u32, VEXFS_IPC_F_* bits.
 * @VEXFS_IPC_A_ERRNO: u32, positive errno or 0 (above 4095: -ERANGE, by the
 *	policy; a value that is no errno the ioctls document reaches the caller
 *	as -EIO).
 * @VEXFS_IPC_A_ERROR_MSG: NUL-terminated string, < VEXFS_IPC_MAX_ERROR_MSG_LEN.
 * @VEXFS_IPC_A_MIN_PRIORITY: u8, backpressure floor.
 * @VEXFS_IPC_A_INFLIGHT: u32.
 * @VEXFS_IPC_A_PORT_ID: u32, a netlink port id.
 * @VEXFS_IPC_A_SESSION_KEY: u64, the caller's session (never 0: absent
 *	means none). Requests with the same key go to the same service
 *	while the daemon keeps sticky sessions by key.
 * @VEXFS_IPC_A_TOKEN: NUL-terminated string, < VEXFS_IPC_MAX_TOKEN_LEN:
 *	the registration token a REGISTER_SERVICE caller presented.
 * @VEXFS_IPC_A_CALLER_GID: u32, primary gid of the process that caused a
 *	request or registration.
 * @VEXFS_IPC_A_MODEL_VERSION: NUL-terminated string,
 *	< VEXFS_IPC_MAX_VERSION_LEN: the version of the model that made a
 *	vector (a service's own, or its version string).
 * @VEXFS_IPC_A_QUEUE: u32, a queue's index (0..VEXFS_IPC_MAX_QUEUES - 1):
 *	in the answer to DAEMON_ATTACH.
 * @VEXFS_IPC_A_QUEUES: nested, in the module's answer to GET_STATS: one
 *	VEXFS_IPC_A_QUEUE nest of enum vexfs_ipc_queue_attr per queue of the
 *	attached daemon, in index order.
 */
enum vexfs_ipc_attr {
	VEXFS_IPC_A_UNSPEC,
	VEXFS_IPC_A_PAD,
	VEXFS_IPC_A_REQUEST_ID,
	VEXFS_IPC_A_PRIORITY,
	VEXFS_IPC_A_TIMEOUT_MS,
	VEXFS_IPC_A_DEADLINE_NS,
	VEXFS_IPC_A_DIMENSIONS,
	VEXFS_IPC_A_DATA_TYPE,
	VEXFS_IPC_A_MODEL,
	VEXFS_IPC_A_INPUT,
	VEXFS_IPC_A_VECTOR,
	VEXFS_IPC_A_STATUS,
	VEXFS_IPC_A_PROCESSING_NS,
	VEXFS_IPC_A_SERVICE_ID,
	VEXFS_IPC_A_SERVICE,
	VEXFS_IPC_A_SERVICES,
	VEXFS_IPC_A_STATS,
	VEXFS_IPC_A_EVENT,
	VEXFS_IPC_A_PROTOCOL_VERSION,
	VEXFS_IPC_A_MAX_INFLIGHT,
	VEXFS_IPC_A_CALLER_UID,
	VEXFS_IPC_A_CALLER_PID,
	VEXFS_IPC_A_FLAGS,
	VEXFS_IPC_A_ERRNO,
	VEXFS_IPC_A_ERROR_MSG,
	VEXFS_IPC_A_MIN_PRIORITY,
	VEXFS_IPC_A_INFLIGHT,
	VEXFS_IPC_A_PORT_ID,
	VEXFS_IPC_A_SESSION_KEY,
	VEXFS_IPC_A_TOKEN,
	VEXFS_IPC_A_CALLER_GID,
	VEXFS_IPC_A_MODEL_VERSION,
	VEXFS_IPC_A_QUEUE,
	VEXFS_IPC_A_QUEUES,
	__VEXFS_IPC_A_MAX,
};
#define VEXFS_IPC_A_MAX (__VEXFS_IPC_A_MAX - 1)

/**
 * enum vexfs_ipc_queue_attr - one queue of the daemon (a VEXFS_IPC_A_QUEUE
 * nest inside VEXFS_IPC_A_QUEUES)
 *
 * @VEXFS_IPC_QUEUE_A_INDEX: u32, its index.
 * @VEXFS_IPC_QUEUE_A_SENT: u64, requests sent to it (re-sends included).
 * @VEXFS_IPC_QUEUE_A_ANSWERED: u64, answers taken from it.
 * @VEXFS_IPC_QUEUE_A_FALLBACK: u64, requests sent to it because their own
 *	CPU's queue did not take them (full, or gone).
 */
enum vexfs_ipc_queue_attr {
	VEXFS_IPC_QUEUE_A_UNSPEC,
	VEXFS_IPC_QUEUE_A_PAD,
	VEXFS_IPC_QUEUE_A_INDEX,
	VEXFS_IPC_QUEUE_A_SENT,
	VEXFS_IPC_QUEUE_A_ANSWERED,
	VEXFS_IPC_QUEUE_A_FALLBACK,
	__VEXFS_IPC_QUEUE_A_MAX,
};
#define VEXFS_IPC_QUEUE_A_MAX (__VEXFS_IPC_QUEUE_A_MAX - 1)

/**
 * enum vexfs_ipc_svc_attr - attributes nested in VEXFS_IPC_A_SERVICE
 *
 * Strings are NUL-terminated and shorter than their VEXFS_IPC_MAX_*_LEN.
 * @VEXFS_IPC_SVC_A_DIMENSIONS: binary array of u32, 1..16 entries.
 * @VEXFS_IPC_SVC_A_DATA_TYPES: u32 bit mask of (1 << enum vexfs_ipc_data_type).
 * @VEXFS_IPC_SVC_A_MODELS: string, comma-separated model names.
 * @VEXFS_IPC_SVC_A_ENDPOINT: string, "unix:/absolute/path".
 * @VEXFS_IPC_SVC_A_STATE: u32 enum vexfs_ipc_service_state (out only).
 * @VEXFS_IPC_SVC_A_HEALTH: u32 score 0-100 (out only).
 * @VEXFS_IPC_SVC_A_QUEUED: u32 requests waiting in its queue (out only).
 * @VEXFS_IPC_SVC_A_CAPACITY: u32 requests it may have outstanding (out only).
 * @VEXFS_IPC_SVC_A_BREAKER: u32 enum vexfs_ipc_breaker (out only).
 * @VEXFS_IPC_SVC_A_P50_RESPONSE_NS, @VEXFS_IPC_SVC_A_P99_RESPONSE_NS:
 *	u64 latency percentiles of its successful requests (out only).
 * @VEXFS_IPC_SVC_A_CPU_PERMILLE: u32 CPU its process used over its last
 *	heartbeat interval, per mille of one CPU (out only; 0: not reported).
 * @VEXFS_IPC_SVC_A_RSS_KIB: u32 its process's resident memory, KiB (out
 *	only; 0: not reported).
 * The counters (out only) are u64 except ACTIVE_REQUESTS (u32).
 */
enum vexfs_ipc_svc_attr {
	VEXFS_IPC_SVC_A_UNSPEC,
	VEXFS_IPC_SVC_A_PAD,
	VEXFS_IPC_SVC_A_ID,
	VEXFS_IPC_SVC_A_NAME,
	VEXFS_IPC_SVC_A_VERSION,
	VEXFS_IPC_SVC_A_DIMENSIONS,
	VEXFS_IPC_SVC_A_DATA_TYPES,
	VEXFS_IPC_SVC_A_MODELS,
	VEXFS_IPC_SVC_A_MAX_BATCH_SIZE,
	VEXFS_IPC_SVC_A_PRIORITY,
	VEXFS_IPC_SVC_A_ENDPOINT,
	VEXFS_IPC_SVC_A_FLAGS,
	VEXFS_IPC_SVC_A_STATE,
	VEXFS_IPC_SVC_A_HEALTH,
	VEXFS_IPC_SVC_A_UID,
	VEXFS_IPC_SVC_A_PID,
	VEXFS_IPC_SVC_A_ACTIVE_REQUESTS,
	VEXFS_IPC_SVC_A_TOTAL_REQUESTS,
	VEXFS_IPC_SVC_A_FAILURES,
	VEXFS_IPC_SVC_A_AVG_RESPONSE_NS,
	VEXFS_IPC_SVC_A_HEARTBEAT_AGE_MS,
	VEXFS_IPC_SVC_A_QUEUED,
	VEXFS_IPC_SVC_A_CAPACITY,
	VEXFS_IPC_SVC_A_BREAKER,
	VEXFS_IPC_SVC_A_P50_RESPONSE_NS,
	VEXFS_IPC_SVC_A_P99_RESPONSE_NS,
	VEXFS_IPC_SVC_A_CPU_PERMILLE,
	VEXFS_IPC_SVC_A_RSS_KIB,
	__VEXFS_IPC_SVC_A_MAX,
};
#define VEXFS_IPC_SVC_A_MAX (__VEXFS_IPC_SVC_A_MAX - 1)

/**
 * enum vexfs_ipc_stats_attr - counters nested in VEXFS_IPC_A_STATS
 *
 * Each names the field of struct vexfs_ipc_stats with the same suffix (the
 * daemon_ one for daemon counters). All are u64 except:
 * @VEXFS_IPC_STATS_A_BY_STATUS: binary array of u64, answered requests per
 *	enum vexfs_ipc_status, 1..VEXFS_IPC_STATUS_SLOTS entries.
 * @VEXFS_IPC_STATS_A_QUEUED_BY_LEVEL: binary array of u64, queued requests
 *	per priority level, VEXFS_IPC_PRIO_LEVELS entries.
 */
enum vexfs_ipc_stats_attr {
	VEXFS_IPC_STATS_A_UNSPEC,
	VEXFS_IPC_STATS_A_PAD,
	VEXFS_IPC_STATS_A_REQUESTS_SUBMITTED,
	VEXFS_IPC_STATS_A_REQUESTS_COMPLETED,
	VEXFS_IPC_STATS_A_REQUESTS_FAILED,
	VEXFS_IPC_STATS_A_REQUESTS_TIMED_OUT,
	VEXFS_IPC_STATS_A_REQUESTS_CANCELLED,
	VEXFS_IPC_STATS_A_REQUESTS_RESENT,
	VEXFS_IPC_STATS_A_RESPONSES_LATE,
	VEXFS_IPC_STATS_A_MESSAGES_INVALID,
	VEXFS_IPC_STATS_A_INFLIGHT,
	VEXFS_IPC_STATS_A_SERVICES,
	VEXFS_IPC_STATS_A_QUEUED,
	VEXFS_IPC_STATS_A_AVG_LATENCY_NS,
	VEXFS_IPC_STATS_A_CACHE_HITS,
	VEXFS_IPC_STATS_A_CACHE_MISSES,
	VEXFS_IPC_STATS_A_CACHE_COALESCED,
	VEXFS_IPC_STATS_A_P50_LATENCY_NS,
	VEXFS_IPC_STATS_A_P99_LATENCY_NS,
	VEXFS_IPC_STATS_A_SHED,
	VEXFS_IPC_STATS_A_RATE_LIMITED,
	VEXFS_IPC_STATS_A_RETRIES,
	VEXFS_IPC_STATS_A_UPTIME_MS,
	VEXFS_IPC_STATS_A_BY_STATUS,
	VEXFS_IPC_STATS_A_QUEUED_BY_LEVEL,
	__VEXFS_IPC_STATS_A_MAX,
};
#define VEXFS_IPC_STATS_A_MAX (__VEXFS_IPC_STATS_A_MAX - 1)

/* Multicast group index within the family (for the events group). */
enum vexfs_ipc_mcgrp {
	VEXFS_IPC_MCGRP_EVENTS_IDX,
};

/* ------------------------------------------------------------------ */
/* Framed transport (/dev/vexfs_ipc read/write)                        */
/* ------------------------------------------------------------------ */

#define VEXFS_IPC_MAGIC		0x56455849	/* "VEXI" */

/* Message types of struct vexfs_ipc_msg_header (original design values). */
enum vexfs_ipc_msg_type {
	VEXFS_IPC_MSG_SERVICE_REGISTER		= 0x0001,
	VEXFS_IPC_MSG_SERVICE_UNREGISTER	= 0x0002,
	VEXFS_IPC_MSG_SERVICE_HEARTBEAT		= 0x0003,
	VEXFS_IPC_MSG_SERVICE_DISCOVERY		= 0x0004,
	VEXFS_IPC_MSG_EMBEDDING_REQUEST		= 0x0100,
	VEXFS_IPC_MSG_EMBEDDING_RESPONSE	= 0x0101,
	VEXFS_IPC_MSG_BATCH_EMBEDDING_REQUEST	= 0x0102,
	VEXFS_IPC_MSG_BATCH_EMBEDDING_RESPONSE	= 0x0103,
	VEXFS_IPC_MSG_STATUS_REQUEST		= 0x0200,
	VEXFS_IPC_MSG_STATUS_RESPONSE		= 0x0201,
	VEXFS_IPC_MSG_HEALTH_CHECK		= 0x0202,
	VEXFS_IPC_MSG_HEALTH_RESPONSE		= 0x0203,
	VEXFS_IPC_MSG_ERROR			= 0x0300,
	VEXFS_IPC_MSG_ACK			= 0x0301,
	VEXFS_IPC_MSG_NACK			= 0x0302,
};

/* Frame flags (struct vexfs_ipc_msg_header.flags). */
#define VEXFS_IPC_MSG_F_GENL_CMD_SHIFT	24	/* bits 24-31: enum vexfs_ipc_cmd */
#define VEXFS_IPC_MSG_F_GENL_CMD_MASK	0xff000000U
#define VEXFS_IPC_MSG_F_ALL		VEXFS_IPC_MSG_F_GENL_CMD_MASK

/**
 * struct vexfs_ipc_msg_header - header of one frame (40 bytes)
 * @magic:	VEXFS_IPC_MAGIC.
 * @version:	VEXFS_IPC_PROTOCOL_VERSION.
 * @message_type: enum vexfs_ipc_msg_type.
 * @length:	whole frame in bytes, header included;
 *		sizeof(header) .. VEXFS_IPC_MAX_MSG_BYTES.
 * @correlation_id: request id the frame belongs to (0 when none).
 * @timestamp:	sender's CLOCK_REALTIME in milliseconds since the epoch.
 * @flags:	bits 24-31 carry the enum vexfs_ipc_cmd the body belongs to,
 *		since several commands share a message type (e.g. the
 *		STATUS_REQUEST type covers SERVICE_STATUS, LIST_SERVICES and
 *		GET_STATS); all other bits must be zero.
 * @checksum:	CRC-32 (IEEE 802.3, as zlib's crc32() and the kernel's
 *		~crc32_le(~0, ...)) of the whole frame with this field zero.
 *
 * The body (length - 40 bytes) is a stream of VEXFS_IPC_A_* attributes
 * in netlink attribute format, 4-byte aligned, identical to the payload
 * after struct genlmsghdr of the genetlink command in @flags.
 *
 * Message type of each command: DAEMON_ATTACH, DAEMON_DETACH, EVENT ->
 * SERVICE_DISCOVERY; EMBED_REQUEST -> EMBEDDING_REQUEST; EMBED_RESPONSE ->
 * EMBEDDING_RESPONSE; CANCEL -> NACK; SERVICE_REGISTER -> SERVICE_REGISTER;
 * SERVICE_UNREGISTER, SERVICE_REVOKE -> SERVICE_UNREGISTER; SERVICE_STATUS, LIST_SERVICES,
 * GET_STATS -> STATUS_REQUEST; REPLY -> STATUS_RESPONSE; HEARTBEAT ->
 * SERVICE_HEARTBEAT. A frame whose type does not match its command is
 * refused.
 *
 * Using the transport: a process with CAP_NET_ADMIN opens /dev/vexfs_ipc
 * and write()s a DAEMON_ATTACH frame; that file is then the daemon (-EBUSY
 * when another daemon, over either transport, is attached). read() returns
 * one kernel->daemon frame per call (-EMSGSIZE if the buffer is smaller
 * than the frame; blocks unless O_NONBLOCK, then -EAGAIN; -ENOTCONN once
 * the file is no longer the daemon, 0 for a read() blocked at that moment);
 * poll() reports POLLIN when a frame is queued.
 * write() takes one or more whole frames and applies each like the
 * genetlink command; if any is refused, write() returns the first refusal's
 * errno (-EPROTO bad magic/version, -EBADMSG bad checksum, -EINVAL bad
 * length/flags/type/attributes, -ERANGE an attribute value out of range,
 * -ENOTCONN not the daemon, -EOPNOTSUPP a kernel->daemon command such as
 * EMBED_REQUEST or EVENT, or the command's own errno such as -ENOENT for a
 * late response), the valid frames before it having been applied. read()
 * from a file that is not (or no longer) the daemon returns -ENOTCONN;
 * a read() blocked while its file stops being the daemon returns 0. The
 * queue of unread frames is bounded (65536 frames, 32 MiB): past it a
 * send to the daemon fails as on a full socket, and a forwarded query that
 * times out takes its unread frame out of the queue. Only a file opened by
 * a process with CAP_NET_ADMIN, written by one, may attach. Closing the
 * file detaches the daemon.
 */
struct vexfs_ipc_msg_header {
	__u32 magic;
	__u32 version;
	__u32 message_type;
	__u32 length;
	__u64 correlation_id;
	__u64 timestamp;
	__u32 flags;
	__u32 checksum;
};

/* ------------------------------------------------------------------ */
/* ioctls on /dev/vexfs_ipc                                            */
/* ------------------------------------------------------------------ */

#define VEXFS_IPC_IOCTL_MAGIC	'V'

/* struct vexfs_ipc_service_register.flags: none defined yet. */
#define VEXFS_IPC_REGISTER_F_ALL	0U

/**
 * struct vexfs_ipc_service_register - VEXFS_IOCTL_IPC_REGISTER_SERVICE
 *
 * Registers an embedding service with the daemon. The registration is tied
 * to the open file: closing it unregisters the service.
 *
 * @service_id_ptr:   (in) service id, [A-Za-z0-9._-], no NUL needed.
 * @service_name_ptr: (in) human-readable name.
 * @dimensions_ptr:   (in) array of __u32 supported dimension counts.
 * @endpoint_ptr:     (in) "unix:/absolute/path" where the service listens.
 * @version_ptr:      (in) service version string.
 * @models_ptr:       (in) comma-separated model names, each 1 ..
 *		      VEXFS_IPC_MAX_MODEL_LEN - 1 bytes of [A-Za-z0-9._:/@+-],
 *		      no empty or repeated entry (the daemon checks: -EINVAL,
 *		      -E2BIG for a name of VEXFS_IPC_MAX_MODEL_LEN bytes or more);
 *		      may be 0 with models_len 0 (serves requests naming no
 *		      model).
 * @service_id_len:   (in) 1 .. VEXFS_IPC_MAX_SERVICE_ID_LEN - 1.
 * @service_name_len: (in) 1 .. VEXFS_IPC_MAX_NAME_LEN - 1.
 * @dimensions_count: (in) 1 .. VEXFS_IPC_MAX_DIMENSION_SETS; each entry
 *		      1 .. VEXFS_IPC_MAX_DIMENSIONS.
 * @max_batch_size:   (in) 1 .. VEXFS_IPC_MAX_BATCH_SIZE.
 * @endpoint_len:     (in) 1 .. VEXFS_IPC_MAX_ENDPOINT_LEN - 1.
 * @version_len:      (in) 0 .. VEXFS_IPC_MAX_VERSION_LEN - 1.
 * @models_len:       (in) 0 .. VEXFS_IPC_MAX_MODELS_LEN - 1.
 * @data_types:       (in) bit mask of (1 << enum vexfs_ipc_data_type) the
 *		      service accepts; 0 means float32 only.
 * @priority:	      (in) 0-255, used by priority-based load balancing.
 * @flags:	      (in) VEXFS_IPC_REGISTER_F_* (none yet: must be 0).
 * @token_ptr:	      (in) a registration token minted by the daemon
 *		      (vexfsctl token create); 0 with token_len 0 for none.
 * @token_len:	      (in) 0 .. VEXFS_IPC_MAX_TOKEN_LEN - 1.
 * @reserved:	      (in) must be zero.
 *
 * Errors: -EFAULT bad pointer; -EINVAL a required length or count of 0, a
 * value (dimension, batch size, data types, priority), flag or reserved
 * field out of range, a NUL inside a string; -E2BIG a length or count over
 * its limit (a string of VEXFS_IPC_MAX_*_LEN bytes or more, more than
 * VEXFS_IPC_MAX_DIMENSION_SETS dimensions); the module checks these in
 * field order before asking the daemon, which checks the content (ids,
 * endpoints, models) with the same errnos;
 * -ENOTCONN no daemon attached; -ETIMEDOUT the daemon did not answer (the
 * module then tells the daemon to drop the registration); -EINTR a fatal
 * signal while waiting (likewise);
 * -EEXIST the id is registered by another file; -ENOSPC registry full;
 * -EBUSY this file already holds a registration (one the daemon revoked
 * no longer counts); from the daemon's policy: -EPERM the caller may not
 * register this id or these models, -EACCES the token is not valid or does
 * not cover them, -EDQUOT the caller's quota is used up.
 */
struct vexfs_ipc_service_register {
	__u64 service_id_ptr;
	__u64 service_name_ptr;
	__u64 dimensions_ptr;
	__u64 endpoint_ptr;
	__u64 version_ptr;
	__u64 models_ptr;
	__u32 service_id_len;
	__u32 service_name_len;
	__u32 dimensions_count;
	__u32 max_batch_size;
	__u32 endpoint_len;
	__u32 version_len;
	__u32 models_len;
	__u32 data_types;
	__u32 priority;
	__u32 flags;
	__u64 token_ptr;
	__u32 token_len;
	__u32 reserved;
};

/**
 * struct vexfs_ipc_service_unregister - VEXFS_IOCTL_IPC_UNREGISTER_SERVICE
 * @service_id_ptr: (in) id registered through this same file.
 * @service_id_len: (in) 1 .. VEXFS_IPC_MAX_SERVICE_ID_LEN - 1.
 * @flags:	    (in) must be 0.
 *
 * Errors: -EFAULT, -EINVAL (flags, an empty id); -E2BIG an id of
 * VEXFS_IPC_MAX_SERVICE_ID_LEN bytes or more; -ENOENT this file holds no
 * registration with that id (never made, or the daemon revoked it:
 * VEXFS_IPC_CMD_SERVICE_REVOKE); -ENOTCONN; -ETIMEDOUT.
 */
struct vexfs_ipc_service_unregister {
	__u64 service_id_ptr;
	__u32 service_id_len;
	__u32 flags;
};

/* struct vexfs_ipc_embedding_request.flags: none in; out: */
#define VEXFS_IPC_EMBED_F_ALL	0U
/* The priority asked for was above user_max_priority and was lowered to it. */
#define VEXFS_IPC_EMBED_F_PRIORITY_CLAMPED	(1U << 0)

/* struct vexfs_ipc_provenance.flags */
#define VEXFS_IPC_PROV_F_TRUNCATED	(1U << 0)	/* the service embedded only a prefix of the input */

/**
 * struct vexfs_ipc_provenance - who made a vector (out)
 *
 * Filled for a SUCCESS from what the daemon's EMBED_RESPONSE said; a field
 * it did not send is empty (strings) or 0. The in-kernel API returns it in
 * struct vexfs_ipc_req, SEND_EMBEDDING_REQUEST through @provenance_ptr.
 *
 * @service_id:	the service that answered (NUL-terminated).
 * @model:	the model it used (the request's, or the service's default).
 * @model_version: that model's version.
 * @processing_ns: time the daemon spent on the request.
 * @dimensions:	dimensions of the vector (the request's).
 * @flags:	VEXFS_IPC_PROV_F_*.
 * @data_type:	enum vexfs_ipc_data_type of the vector (the request's).
 * @pad:	zero.
 */
struct vexfs_ipc_provenance {
	char service_id[VEXFS_IPC_MAX_SERVICE_ID_LEN];
	char model[VEXFS_IPC_MAX_MODEL_LEN];
	char model_version[VEXFS_IPC_MAX_VERSION_LEN];
	__u64 processing_ns;
	__u32 dimensions;
	__u32 flags;
	__u8 data_type;
	__u8 pad[7];
};

/**
 * struct vexfs_ipc_embedding_request - VEXFS_IOCTL_IPC_SEND_EMBEDDING_REQUEST
 *
 * Runs one embedding request through the same path the filesystem uses
 * and blocks (interruptibly by fatal signals) until the answer, the
 * timeout, or an error.
 *
 * @request_id:	  (out) id the module assigned (the original design's
 *		  "0 = auto-assign"; any input value is ignored).
 * @data_ptr:	  (in) input bytes.
 * @model_ptr:	  (in) model name, or 0 with model_len 0 for any model.
 * @vector_ptr:	  (in) where the vector is written.
 * @processing_time_ns: (out) time the daemon reported for the request.
 * @data_size:	  (in) 1 .. VEXFS_IPC_MAX_INPUT_BYTES.
 * @dimensions:	  (in) 1 .. VEXFS_IPC_MAX_DIMENSIONS.
 * @model_len:	  (in) 0 .. VEXFS_IPC_MAX_MODEL_LEN - 1.
 * @vector_size:  (in/out) capacity of vector_ptr; on success the bytes
 *		  written, vexfs_ipc_vector_bytes(dimensions, data_type).
 * @timeout_ms:	  (in) 0 = VEXFS_IPC_DEFAULT_TIMEOUT_MS, else
 *		  1 .. VEXFS_IPC_MAX_TIMEOUT_MS.
 * @flags:	  (in) must be 0 (VEXFS_IPC_EMBED_F_ALL); (out)
 *		  VEXFS_IPC_EMBED_F_PRIORITY_CLAMPED when @priority was lowered.
 * @status:	  (out) enum vexfs_ipc_status.
 * @data_type:	  (in) enum vexfs_ipc_data_type.
 * @priority:	  (in) 0-255. A caller without CAP_SYS_NICE, not in the
 *		  module's priority_gid, gets at most the module parameter
 *		  user_max_priority (default 191, the top of Normal); the
 *		  in-kernel API is not limited.
 * @reserved0:	  (in) must be zero.
 * @session_key:  (in) the caller's session, 0 for none: requests with the
 *		  same key go to the same service while the daemon keeps
 *		  sticky sessions by key (vexfs-bridged --sticky-by key).
 * @provenance_ptr: (in) 0, or where a struct vexfs_ipc_provenance is
 *		  written (every field; zero unless @status is SUCCESS).
 *
 * Returns 0 when the request reached a conclusion: @status says which
 * (SUCCESS with the vector written, or why not). Errors: -EFAULT;
 * -EINVAL bad field; -E2BIG input or model over its limit; -ENOSPC
 * vector_size smaller than the vector; -ENOTCONN no daemon attached (and
 * none within the grace period); -EBUSY the pending table is full;
 * -EDQUOT this uid has max_pending_per_uid (module parameter, default
 * 1024, at most a quarter of max_pending) calls pending; -EINTR a fatal signal (a CANCEL is sent).
 */
struct vexfs_ipc_embedding_request {
	__u64 request_id;
	__u64 data_ptr;
	__u64 model_ptr;
	__u64 vector_ptr;
	__u64 processing_time_ns;
	__u32 data_size;
	__u32 dimensions;
	__u32 model_len;
	__u32 vector_size;
	__u32 timeout_ms;
	__u32 flags;
	__u32 status;
	__u8  data_type;
	__u8  priority;
	__u16 reserved0;
	__u64 session_key;
	__u64 provenance_ptr;
};

/**
 * struct vexfs_ipc_service_info - one service as reported by the daemon
 *
 * All fields (out). Strings are NUL-terminated and NUL-padded.
 * @dimensions: the first @dimensions_count entries are valid.
 * @data_types: bit mask of (1 << enum vexfs_ipc_data_type).
 * @health:	score 0-100.
 * @heartbeat_age_ms: time since the last heartbeat.
 * @queued:	requests waiting in its queue in the daemon.
 * @capacity:	requests it may have outstanding.
 * @breaker:	enum vexfs_ipc_breaker.
 * @cpu_permille: CPU its process used over its last heartbeat interval,
 *	per mille of one CPU (0: not reported).
 * @rss_kib:	its process's resident memory, KiB (0: not reported).
 * @p50_response_ns, @p99_response_ns: latency percentiles of its successful
 *	requests since it registered (0 before the first).
 */
struct vexfs_ipc_service_info {
	char  id[VEXFS_IPC_MAX_SERVICE_ID_LEN];
	char  name[VEXFS_IPC_MAX_NAME_LEN];
	char  version[VEXFS_IPC_MAX_VERSION_LEN];
	char  models[VEXFS_IPC_MAX_MODELS_LEN];
	char  endpoint[VEXFS_IPC_MAX_ENDPOINT_LEN];
	__u32 dimensions[VEXFS_IPC_MAX_DIMENSION_SETS];
	__u32 dimensions_count;
	__u32 data_types;
	__u32 max_batch_size;
	__u32 priority;
	__u32 state;
	__u32 health;
	__u32 uid;
	__u32 pid;
	__u32 active_requests;
	__u32 queued;
	__u32 capacity;
	__u32 breaker;
	__u32 cpu_permille;
	__u32 rss_kib;
	__u64 total_requests;
	__u64 failures;
	__u64 avg_response_ns;
	__u64 heartbeat_age_ms;
	__u64 p50_response_ns;
	__u64 p99_response_ns;
};

/**
 * struct vexfs_ipc_service_status - VEXFS_IOCTL_IPC_GET_SERVICE_STATUS
 * @service_id_ptr: (in) id to look up.
 * @service_id_len: (in) 1 .. VEXFS_IPC_MAX_SERVICE_ID_LEN - 1.
 * @flags:	    (in) must be 0.
 * @info:	    (out) the service.
 *
 * Errors: -EFAULT, -EINVAL (flags, an empty id), -E2BIG an id of
 * VEXFS_IPC_MAX_SERVICE_ID_LEN bytes or more, -ENOENT no such service,
 * -ENOTCONN, -ETIMEDOUT.
 */
struct vexfs_ipc_service_status {
	__u64 service_id_ptr;
	__u32 service_id_len;
	__u32 flags;
	struct vexfs_ipc_service_info info;
};

/**
 * struct vexfs_ipc_service_list - VEXFS_IOCTL_IPC_LIST_SERVICES
 * @entries_ptr:      (in) array of struct vexfs_ipc_service_info; may be 0
 *		      with capacity 0 to only count.
 * @entries_capacity: (in) 0 .. VEXFS_IPC_MAX_SERVICES.
 * @entries_count:    (out) entries written, <= capacity.
 * @total_services:   (out) services registered (may exceed capacity).
 * @flags:	      (in) must be 0.
 *
 * Errors: -EFAULT, -EINVAL, -ENOTCONN, -ETIMEDOUT.
 */
struct vexfs_ipc_service_list {
	__u64 entries_ptr;
	__u32 entries_capacity;
	__u32 entries_count;
	__u32 total_services;
	__u32 flags;
};

/* struct vexfs_ipc_stats.flags */
#define VEXFS_IPC_STATS_F_DAEMON	(1U << 0)	/* also ask the daemon (waits up to reply_timeout_ms) */
#define VEXFS_IPC_STATS_F_ALL		VEXFS_IPC_STATS_F_DAEMON

/**
 * struct vexfs_ipc_stats - VEXFS_IOCTL_IPC_GET_STATS
 *
 * Module counters are always filled and the call never waits. With
 * VEXFS_IPC_STATS_F_DAEMON the daemon is asked too: its counters are filled
 * when it is attached and answers in time (daemon_valid = 1), else zero.
 * All fields (out) except @flags (in: VEXFS_IPC_STATS_F_*, echoed back)
 * and @reserved0 (in: must be 0). Errors: -EFAULT (also a bad
 * @consumers_ptr); -EINVAL unknown flags, a non-zero @reserved0,
 * @consumers_capacity over VEXFS_IPC_MAX_CONSUMERS.
 *
 * @requests_submitted .. @messages_invalid: module request counters.
 * @live_requests, @live_buffers, @live_registrations: objects the module
 *	holds now; all return to zero when idle (leak check).
 * @daemon_attached: 1 while a daemon is attached.
 * @transport:	enum vexfs_ipc_transport of the attached daemon.
 * @daemon_port_id: its netlink port id (0 for chardev, and 0 for a caller
 *	without CAP_NET_ADMIN).
 * @inflight:	requests waiting for an answer.
 * @pending_capacity: size of the pending table.
 * @daemon_valid: 1 when the daemon_* counters below are filled.
 * @daemon_*:	the daemon's counters; @daemon_by_status counts answered
 *	requests per enum vexfs_ipc_status, @daemon_queued_by_level queued
 *	requests per priority level (low, normal, high, critical).
 * @consumers_ptr: (in) 0, or an array of @consumers_capacity struct
 *	vexfs_ipc_consumer_stats filled with the in-kernel consumers.
 * @consumers_capacity: (in) 0..VEXFS_IPC_MAX_CONSUMERS.
 * @consumers_count: (out) consumers written; @consumers_total (out) how
 *	many exist.
 * @kernel_inflight: (out) requests of in-kernel consumers pending;
 *	@kernel_capacity (out) the share of the table they may hold
 *	(kernel_share_pct of max_pending); SEND_EMBEDDING_REQUEST callers
 *	may hold the rest, so neither side can starve the other.
 * @daemon_queues: (out) the attached daemon's queues (0 without one); their
 *	figures are in the genetlink GET_STATS answer (VEXFS_IPC_A_QUEUES).
 */
struct vexfs_ipc_stats {
	__u64 requests_submitted;
	__u64 requests_completed;
	__u64 requests_failed;
	__u64 requests_timed_out;
	__u64 requests_cancelled;
	__u64 requests_resent;
	__u64 responses_late;
	__u64 messages_invalid;
	__u64 live_requests;
	__u64 live_buffers;
	__u64 live_registrations;
	__u32 daemon_attached;
	__u32 transport;
	__u32 daemon_port_id;
	__u32 inflight;
	__u32 pending_capacity;
	__u32 daemon_valid;
	__u32 flags;
	__u32 reserved0;
	__u64 daemon_requests_completed;
	__u64 daemon_requests_failed;
	__u64 daemon_inflight;
	__u64 daemon_queued;
	__u64 daemon_services;
	__u64 daemon_avg_latency_ns;
	__u64 daemon_cache_hits;
	__u64 daemon_cache_misses;
	__u64 daemon_cache_coalesced;
	__u64 daemon_p50_latency_ns;
	__u64 daemon_p99_latency_ns;
	__u64 daemon_shed;
	__u64 daemon_rate_limited;
	__u64 daemon_retries;
	__u64 daemon_uptime_ms;
	__u64 daemon_by_status[VEXFS_IPC_STATUS_SLOTS];
	__u64 daemon_queued_by_level[VEXFS_IPC_PRIO_LEVELS];
	__u64 consumers_ptr;
	__u32 consumers_capacity;
	__u32 consumers_count;
	__u32 consumers_total;
	__u32 kernel_inflight;
	__u32 kernel_capacity;
	__u32 daemon_queues;
};

/**
 * struct vexfs_ipc_consumer_stats - one in-kernel consumer (out)
 * @name:	its name (NUL-terminated).
 * @submitted .. @timed_out: its requests by outcome (@failed counts every
 *	outcome but SUCCESS, CANCELLED and TIMEOUT included).
 * @inflight:	submitted and not yet completed.
 * @max_inflight: what it may hold: its cap, or its part of the table if smaller.
 */
struct vexfs_ipc_consumer_stats {
	char name[VEXFS_IPC_MAX_CONSUMER_NAME_LEN];
	__u64 submitted;
	__u64 completed;
	__u64 failed;
	__u64 cancelled;
	__u64 timed_out;
	__u32 inflight;
	__u32 max_inflight;
};

/*
 * The ioctls. A number this module does not define, including one of the
 * numbers below encoded with another size or direction, returns -ENOTTY
 * (the kernel's convention for "not this device's ioctl"). A pointer field
 * that is 0 while its length says there is data returns -EFAULT, like any
 * unreadable pointer. Strings are counted, not NUL-terminated: a NUL
 * within the counted length is -EINVAL (so is a counted trailing NUL).
 */
#define VEXFS_IOCTL_IPC_REGISTER_SERVICE \
	_IOW(VEXFS_IPC_IOCTL_MAGIC, 0x20, struct vexfs_ipc_service_register)
#define VEXFS_IOCTL_IPC_UNREGISTER_SERVICE \
	_IOW(VEXFS_IPC_IOCTL_MAGIC, 0x21, struct vexfs_ipc_service_unregister)
#define VEXFS_IOCTL_IPC_SEND_EMBEDDING_REQUEST \
	_IOWR(VEXFS_IPC_IOCTL_MAGIC, 0x22, struct vexfs_ipc_embedding_request)
#define VEXFS_IOCTL_IPC_GET_SERVICE_STATUS \
	_IOWR(VEXFS_IPC_IOCTL_MAGIC, 0x23, struct vexfs_ipc_service_status)
#define VEXFS_IOCTL_IPC_LIST_SERVICES \
	_IOWR(VEXFS_IPC_IOCTL_MAGIC, 0x24, struct vexfs_ipc_service_list)
#define VEXFS_IOCTL_IPC_GET_STATS \
	_IOWR(VEXFS_IPC_IOCTL_MAGIC, 0x25, struct vexfs_ipc_stats)

/*
 * Bytes of a vector of @dims elements of @dtype, or 0 for an unknown type.
 * Integer arithmetic only: usable in the kernel.
 */
static __inline__ __u32 vexfs_ipc_vector_bytes(__u32 dims, __u32 dtype)
{
	switch (dtype) {
	case VEXFS_IPC_DTYPE_FLOAT32:	return dims * 4;
	case VEXFS_IPC_DTYPE_FLOAT16:	return dims * 2;
	case VEXFS_IPC_DTYPE_INT8:	return dims;
	case VEXFS_IPC_DTYPE_INT16:	return dims * 2;
	case VEXFS_IPC_DTYPE_BINARY:	return (dims + 7) / 8;
	default:			return 0;
	}
}

#endif /* _UAPI_LINUX_VEXFS_IPC_H */
