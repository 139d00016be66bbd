/**
 * The VEXFS_IPC family's messages as typed records, one per command; the
 * same attribute streams are the bodies of the framed (char-device)
 * transport. encode.ts writes them, decode.ts reads them with the family's
 * policy (policy.ts, service-attrs.ts).
 */
import type { Cmd, StatsAttr } from '../../abi/uapi.js';
import type { QueueRecord } from './queue-attrs.js';
import type { ServiceRecord } from './service-attrs.js';

export type { ServiceRecord } from './service-attrs.js';

export interface EmbedRequest {
  requestId: bigint;
  priority: number;
  timeoutMs: number;
  /** Absolute CLOCK_MONOTONIC deadline (process.hrtime.bigint() clock). */
  deadlineNs: bigint;
  dimensions: number;
  dataType: number;
  model: string | undefined;
  input: Uint8Array;
  callerUid: number;
  callerPid: number;
  flags: number;
  /** The caller's session for sticky routing; 0n: none. */
  sessionKey: bigint;
}

export interface EmbedResponse {
  requestId: bigint;
  status: number;
  vector: Uint8Array | undefined;
  /** Decoded as a bigint; the daemon answers with a number (exact below 2^53 ns, 104 days). */
  processingNs: bigint | number;
  /** Provenance of a SUCCESS (struct vexfs_ipc_provenance): who answered, with which model and version. */
  serviceId: string | undefined;
  model?: string | undefined;
  modelVersion?: string | undefined;
  /** The service embedded only a prefix of the input (Flags.TRUNCATED). */
  truncated?: boolean;
  /** Sent only by a peer that states them: the module refuses values other than the request's. */
  dimensions?: number | undefined;
  dataType?: number | undefined;
  /** FLAGS as received (the module takes only TRUNCATED on a response). */
  flags?: number;
}

export interface CancelMessage {
  requestId: bigint;
  status: number;
}

export interface AttachMessage {
  protocolVersion: number;
  maxInflight: number | undefined;
  /** Flags.QUEUE: attach as one more queue of the attached daemon. */
  flags?: number | undefined;
  /** In the kernel side's answer: the queue's index (0: the daemon's first). */
  queue?: number | undefined;
}

export interface HeartbeatMessage {
  requestId: bigint | undefined;
  minPriority: number | undefined;
  inflight: number | undefined;
}

type StatsArrayName = 'BY_STATUS' | 'QUEUED_BY_LEVEL';
/**
 * Counters keyed by the StatsAttr names (e.g. REQUESTS_SUBMITTED); the two
 * array attributes (answers per status, queued per level) are arrays.
 */
export type StatsRecord = Partial<Record<Exclude<keyof typeof StatsAttr, 'UNSPEC' | 'PAD' | StatsArrayName>, bigint>> &
  Partial<Record<StatsArrayName, bigint[]>>;

export interface ServiceRegisterMessage {
  requestId: bigint;
  service: ServiceRecord;
  callerUid: number;
  callerPid: number;
  callerGid?: number | undefined;
  /** The registration token the caller presented. */
  token?: string | undefined;
  /** Flags.NO_REPLY when the module re-announces a registration to a new daemon. */
  flags?: number;
}

export interface ServiceUnregisterMessage {
  requestId: bigint;
  serviceId: string;
  callerUid: number;
  callerPid: number;
  flags: number;
}

export interface ServiceRevokeMessage {
  serviceId: string;
}

export interface ServiceQueryMessage {
  requestId: bigint;
  serviceId: string;
}

export interface RequestIdMessage {
  requestId: bigint;
}

export interface GetStatsMessage {
  requestId: bigint | undefined;
  stats: StatsRecord | undefined;
  /** The kernel side's answer: its daemon's queues, in index order. */
  queues?: QueueRecord[] | undefined;
}

/** One queue of the daemon, as the kernel side counts it. */
export type { QueueRecord } from './queue-attrs.js';

export interface ReplyMessage {
  requestId: bigint;
  errno: number;
  errorMsg?: string | undefined;
  service?: ServiceRecord | undefined;
  services?: ServiceRecord[] | undefined;
  stats?: StatsRecord | undefined;
  /** A part of a longer answer: more REPLY messages with this id follow (Flags.MORE). */
  more?: boolean | undefined;
}

export interface EventMessage {
  event: number;
  serviceId: string | undefined;
  portId: number | undefined;
}

export type VexfsMessage =
  | { cmd: typeof Cmd.DAEMON_ATTACH; msg: AttachMessage }
  | { cmd: typeof Cmd.DAEMON_DETACH; msg: Record<string, never> }
  | { cmd: typeof Cmd.EMBED_REQUEST; msg: EmbedRequest }
  | { cmd: typeof Cmd.EMBED_RESPONSE; msg: EmbedResponse }
  | { cmd: typeof Cmd.CANCEL; msg: CancelMessage }
  | { cmd: typeof Cmd.SERVICE_REGISTER; msg: ServiceRegisterMessage }
  | { cmd: typeof Cmd.SERVICE_UNREGISTER; msg: ServiceUnregisterMessage }
  | { cmd: typeof Cmd.SERVICE_STATUS; msg: ServiceQueryMessage }
  | { cmd: typeof Cmd.LIST_SERVICES; msg: RequestIdMessage }
  | { cmd: typeof Cmd.GET_STATS; msg: GetStatsMessage }
  | { cmd: typeof Cmd.REPLY; msg: ReplyMessage }
  | { cmd: typeof Cmd.HEARTBEAT; msg: HeartbeatMessage }
  | { cmd: typeof Cmd.EVENT; msg: EventMessage }
  | { cmd: typeof Cmd.SERVICE_REVOKE; msg: ServiceRevokeMessage };
