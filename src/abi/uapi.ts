/**
 * TypeScript mirror of kernel-shim/include/uapi/linux/vexfs_ipc.h.
 *
 * Keys are the C names without their prefix (listed in ABI_GROUPS), so the
 * ABI test can match every constant here to the compiled header and fail on
 * any difference in either direction. Documentation lives in the header.
 */
import { InvalidArgumentError } from '../errors.js';

/** Names, versions, limits and flag masks: VEXFS_IPC_<key>. */
export const Consts = {
  GENL_NAME: 'VEXFS_IPC',
  GENL_VERSION: 1,
  MCGRP_EVENTS: 'events',
  MCGRP_EVENTS_IDX: 0,
  PROTOCOL_VERSION: 3,
  MAX_DIMENSIONS: 8192,
  MAX_INPUT_BYTES: 16384,
  MAX_VECTOR_BYTES: 32768,
  MAX_MSG_BYTES: 65536,
  MAX_BATCH_SIZE: 1000,
  MAX_SERVICES: 256,
  MAX_SERVICE_ID_LEN: 64,
  MAX_NAME_LEN: 64,
  MAX_VERSION_LEN: 32,
  MAX_MODEL_LEN: 64,
  MAX_TOKEN_LEN: 1024,
  MAX_MODELS_LEN: 256,
  MAX_ENDPOINT_LEN: 128,
  MAX_DIMENSION_SETS: 16,
  MAX_ERROR_MSG_LEN: 128,
  MAX_CONSUMERS: 32,
  MAX_CONSUMER_NAME_LEN: 32,
  /** The daemon's queues: its first port and the ports its workers attach (Flags.QUEUE). */
  MAX_QUEUES: 64,
  DEFAULT_TIMEOUT_MS: 30000,
  MAX_TIMEOUT_MS: 600000,
  DTYPE_MAX: 4,
  SVC_MAX: 6,
  BREAKER_MAX: 2,
  PRIO_LEVELS: 4,
  STATUS_SLOTS: 16,
  STATUS_MAX: 12,
  EVENT_MAX: 4,
  CMD_MAX: 14,
  A_MAX: 33,
  SVC_A_MAX: 27,
  STATS_A_MAX: 24,
  QUEUE_A_MAX: 5,
  MAGIC: 0x56455849,
  MSG_F_GENL_CMD_SHIFT: 24,
  MSG_F_GENL_CMD_MASK: 0xff000000,
  MSG_F_ALL: 0xff000000,
  IOCTL_MAGIC: 0x56,
  REGISTER_F_ALL: 0,
  EMBED_F_ALL: 0,
  EMBED_F_PRIORITY_CLAMPED: 1,
  STATS_F_DAEMON: 1,
  STATS_F_ALL: 1,
  PROV_F_TRUNCATED: 1,
} as const;

/** enum vexfs_ipc_data_type: VEXFS_IPC_DTYPE_<key>. */
export const DataType = {
  FLOAT32: 0,
  FLOAT16: 1,
  INT8: 2,
  INT16: 3,
  BINARY: 4,
} as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

/** enum vexfs_ipc_priority: VEXFS_IPC_PRIO_<key>. */
export const Priority = {
  LOW: 0,
  NORMAL: 128,
  HIGH: 192,
  CRITICAL: 255,
} as const;

/** enum vexfs_ipc_service_state: VEXFS_IPC_SVC_<key>. */
export const ServiceState = {
  STARTING: 0,
  READY: 1,
  BUSY: 2,
  OVERLOADED: 3,
  STOPPING: 4,
  STOPPED: 5,
  ERROR: 6,
} as const;
export type ServiceState = (typeof ServiceState)[keyof typeof ServiceState];

/** enum vexfs_ipc_breaker: VEXFS_IPC_BREAKER_<key>. */
export const Breaker = {
  CLOSED: 0,
  OPEN: 1,
  HALF_OPEN: 2,
} as const;
export type Breaker = (typeof Breaker)[keyof typeof Breaker];

/** enum vexfs_ipc_health: VEXFS_IPC_HEALTH_<key>. */
export const Health = {
  HEALTHY: 0,
  DEGRADED: 1,
  UNHEALTHY: 2,
  UNKNOWN: 3,
} as const;

/** enum vexfs_ipc_status: VEXFS_IPC_STATUS_<key>. */
export const Status = {
  SUCCESS: 0,
  ERROR: 1,
  TIMEOUT: 2,
  OVERLOADED: 3,
  INVALID_REQUEST: 4,
  MODEL_NOT_FOUND: 5,
  INTERNAL_ERROR: 6,
  NO_SERVICE: 7,
  SERVICE_ERROR: 8,
  CANCELLED: 9,
  RATE_LIMITED: 10,
  NO_DAEMON: 11,
  SHUTTING_DOWN: 12,
} as const;
export type Status = (typeof Status)[keyof typeof Status];

/** enum vexfs_ipc_event: VEXFS_IPC_EVENT_<key>. */
export const EventType = {
  UNSPEC: 0,
  DAEMON_ATTACHED: 1,
  DAEMON_DETACHED: 2,
  SERVICE_REGISTERED: 3,
  SERVICE_UNREGISTERED: 4,
} as const;

/** enum vexfs_ipc_transport: VEXFS_IPC_TRANSPORT_<key>. */
export const Transport = {
  NONE: 0,
  GENL: 1,
  CHARDEV: 2,
} as const;

/** enum vexfs_ipc_cmd: VEXFS_IPC_CMD_<key>. */
export const Cmd = {
  UNSPEC: 0,
  DAEMON_ATTACH: 1,
  DAEMON_DETACH: 2,
  EMBED_REQUEST: 3,
  EMBED_RESPONSE: 4,
  CANCEL: 5,
  SERVICE_REGISTER: 6,
  SERVICE_UNREGISTER: 7,
  SERVICE_STATUS: 8,
  LIST_SERVICES: 9,
  GET_STATS: 10,
  REPLY: 11,
  HEARTBEAT: 12,
  EVENT: 13,
  SERVICE_REVOKE: 14,
} as const;
export type Cmd = (typeof Cmd)[keyof typeof Cmd];

/** VEXFS_IPC_F_<key> bits of VEXFS_IPC_A_FLAGS. */
export const Flags = {
  NO_REPLY: 1,
  RESENT: 2,
  /** REPLY: more parts of this answer follow (a list longer than one message). */
  MORE: 4,
  /** EMBED_RESPONSE: the service embedded only a prefix of the input. */
  TRUNCATED: 8,
  /** DAEMON_ATTACH: an extra queue of the attached daemon (a worker's port). */
  QUEUE: 16,
  ALL: 31,
} as const;

/** enum vexfs_ipc_attr: VEXFS_IPC_A_<key>. */
export const Attr = {
  UNSPEC: 0,
  PAD: 1,
  REQUEST_ID: 2,
  PRIORITY: 3,
  TIMEOUT_MS: 4,
  DEADLINE_NS: 5,
  DIMENSIONS: 6,
  DATA_TYPE: 7,
  MODEL: 8,
  INPUT: 9,
  VECTOR: 10,
  STATUS: 11,
  PROCESSING_NS: 12,
  SERVICE_ID: 13,
  SERVICE: 14,
  SERVICES: 15,
  STATS: 16,
  EVENT: 17,
  PROTOCOL_VERSION: 18,
  MAX_INFLIGHT: 19,
  CALLER_UID: 20,
  CALLER_PID: 21,
  FLAGS: 22,
  ERRNO: 23,
  ERROR_MSG: 24,
  MIN_PRIORITY: 25,
  INFLIGHT: 26,
  PORT_ID: 27,
  SESSION_KEY: 28,
  TOKEN: 29,
  CALLER_GID: 30,
  MODEL_VERSION: 31,
  /** u32: a queue's index (the attach answer). */
  QUEUE: 32,
  /** Nested: one QUEUE nest of QueueAttr per queue of the daemon (the module's GET_STATS answer). */
  QUEUES: 33,
} as const;

/** enum vexfs_ipc_queue_attr: VEXFS_IPC_QUEUE_A_<key>. */
export const QueueAttr = {
  UNSPEC: 0,
  PAD: 1,
  INDEX: 2,
  SENT: 3,
  ANSWERED: 4,
  /** Sent to it because their own CPU's queue did not take them. */
  FALLBACK: 5,
} as const;

/** enum vexfs_ipc_svc_attr: VEXFS_IPC_SVC_A_<key>. */
export const SvcAttr = {
  UNSPEC: 0,
  PAD: 1,
  ID: 2,
  NAME: 3,
  VERSION: 4,
  DIMENSIONS: 5,
  DATA_TYPES: 6,
  MODELS: 7,
  MAX_BATCH_SIZE: 8,
  PRIORITY: 9,
  ENDPOINT: 10,
  FLAGS: 11,
  STATE: 12,
  HEALTH: 13,
  UID: 14,
  PID: 15,
  ACTIVE_REQUESTS: 16,
  TOTAL_REQUESTS: 17,
  FAILURES: 18,
  AVG_RESPONSE_NS: 19,
  HEARTBEAT_AGE_MS: 20,
  QUEUED: 21,
  CAPACITY: 22,
  BREAKER: 23,
  P50_RESPONSE_NS: 24,
  P99_RESPONSE_NS: 25,
  CPU_PERMILLE: 26,
  RSS_KIB: 27,
} as const;

/** enum vexfs_ipc_stats_attr: VEXFS_IPC_STATS_A_<key>. */
export const StatsAttr = {
  UNSPEC: 0,
  PAD: 1,
  REQUESTS_SUBMITTED: 2,
  REQUESTS_COMPLETED: 3,
  REQUESTS_FAILED: 4,
  REQUESTS_TIMED_OUT: 5,
  REQUESTS_CANCELLED: 6,
  REQUESTS_RESENT: 7,
  RESPONSES_LATE: 8,
  MESSAGES_INVALID: 9,
  INFLIGHT: 10,
  SERVICES: 11,
  QUEUED: 12,
  AVG_LATENCY_NS: 13,
  CACHE_HITS: 14,
  CACHE_MISSES: 15,
  CACHE_COALESCED: 16,
  P50_LATENCY_NS: 17,
  P99_LATENCY_NS: 18,
  SHED: 19,
  RATE_LIMITED: 20,
  RETRIES: 21,
  UPTIME_MS: 22,
  BY_STATUS: 23,
  QUEUED_BY_LEVEL: 24,
} as const;

/** enum vexfs_ipc_msg_type (framed transport): VEXFS_IPC_MSG_<key>. */
export const MsgType = {
  SERVICE_REGISTER: 0x0001,
  SERVICE_UNREGISTER: 0x0002,
  SERVICE_HEARTBEAT: 0x0003,
  SERVICE_DISCOVERY: 0x0004,
  EMBEDDING_REQUEST: 0x0100,
  EMBEDDING_RESPONSE: 0x0101,
  BATCH_EMBEDDING_REQUEST: 0x0102,
  BATCH_EMBEDDING_RESPONSE: 0x0103,
  STATUS_REQUEST: 0x0200,
  STATUS_RESPONSE: 0x0201,
  HEALTH_CHECK: 0x0202,
  HEALTH_RESPONSE: 0x0203,
  ERROR: 0x0300,
  ACK: 0x0301,
  NACK: 0x0302,
} as const;
export type MsgType = (typeof MsgType)[keyof typeof MsgType];

/** Largest struct vexfs_ipc_embedding_request.session_key (0 means none). */
export const SESSION_KEY_MAX = 0xffffffffffffffffn;

/** A caller's session_key as the ABI takes it, absent meaning 0n (none); throws InvalidArgumentError otherwise. */
export function checkSessionKey(key: unknown = 0n): bigint {
  if (typeof key !== 'bigint' || key < 0n || key > SESSION_KEY_MAX) {
    throw new InvalidArgumentError('sessionKey', `${String(key)} is not a bigint from 0 (none) to 2^64-1`);
  }
  return key;
}

/** Bytes of a vector of `dims` elements of `dtype` (vexfs_ipc_vector_bytes), 0 for an unknown type. */
export function vectorBytes(dims: number, dtype: number): number {
  switch (dtype) {
    case DataType.FLOAT32:
      return dims * 4;
    case DataType.FLOAT16:
    case DataType.INT16:
      return dims * 2;
    case DataType.INT8:
      return dims;
    case DataType.BINARY:
      return Math.ceil(dims / 8);
    default:
      return 0;
  }
}

/** How each group above is named in C; used by the ABI test. */
export const ABI_GROUPS: ReadonlyArray<{ prefix: string; values: Readonly<Record<string, number | string>> }> = [
  { prefix: 'VEXFS_IPC_', values: Consts },
  { prefix: 'VEXFS_IPC_DTYPE_', values: DataType },
  { prefix: 'VEXFS_IPC_PRIO_', values: Priority },
  { prefix: 'VEXFS_IPC_SVC_', values: ServiceState },
  { prefix: 'VEXFS_IPC_HEALTH_', values: Health },
  { prefix: 'VEXFS_IPC_BREAKER_', values: Breaker },
  { prefix: 'VEXFS_IPC_STATUS_', values: Status },
  { prefix: 'VEXFS_IPC_EVENT_', values: EventType },
  { prefix: 'VEXFS_IPC_TRANSPORT_', values: Transport },
  { prefix: 'VEXFS_IPC_CMD_', values: Cmd },
  { prefix: 'VEXFS_IPC_F_', values: Flags },
  { prefix: 'VEXFS_IPC_A_', values: Attr },
  { prefix: 'VEXFS_IPC_SVC_A_', values: SvcAttr },
  { prefix: 'VEXFS_IPC_STATS_A_', values: StatsAttr },
  { prefix: 'VEXFS_IPC_QUEUE_A_', values: QueueAttr },
  { prefix: 'VEXFS_IPC_MSG_', values: MsgType },
];
