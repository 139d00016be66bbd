/** The protobuf schema in proto/bridge.proto, loaded once. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import protobuf from 'protobufjs';

import { DecodeError } from '../errors.js';

const here = dirname(fileURLToPath(import.meta.url));
// src/wire or dist/wire -> the repository root.
const root = protobuf.loadSync(join(here, '..', '..', 'proto', 'bridge.proto'));

export const ServiceFrameType = root.lookupType('vexfs.bridge.v1.ServiceFrame');
export const ControlRequestType = root.lookupType('vexfs.bridge.v1.ControlRequest');
export const ControlResponseType = root.lookupType('vexfs.bridge.v1.ControlResponse');

export interface ServiceInfoMsg {
  id: string;
  name: string;
  version: string;
  dimensions: number[];
  dataTypes: number;
  models: string[];
  maxBatchSize: number;
  priority: number;
  endpoint: string;
  metadata: Record<string, string>;
}

export interface ItemErrorMsg {
  code: number;
  message: string;
}

export interface EmbedBatchRequestMsg {
  batchId: number;
  model: string;
  dimensions: number;
  inputs: Uint8Array[];
  tracePrefix: Uint8Array;
  traceRequestIds: Uint8Array;
  traceSpanIds: Uint8Array;
  timeoutMs: number;
}

export interface EmbedResultMsg {
  vector?: Uint8Array;
  error?: ItemErrorMsg | null;
  traceparent?: string;
}

export interface EmbedBatchResponseMsg {
  batchId: number;
  results: EmbedResultMsg[];
  error?: ItemErrorMsg | null;
}

export interface ServiceFrameMsg {
  hello?: { serviceId: string } | null;
  heartbeat?: { serviceId: string; activeRequests: number; cpuPermille?: number; rssKib?: number } | null;
  request?: EmbedBatchRequestMsg | null;
  response?: EmbedBatchResponseMsg | null;
  healthCheck?: { id: number } | null;
  healthResult?: { id: number; healthy: boolean; message: string } | null;
  stopping?: { drainMs: number } | null;
}

export interface ControlRequestMsg {
  id: number;
  register?: ServiceInfoMsg | null;
  unregister?: string | null;
  list?: boolean | null;
  stats?: boolean | null;
  embed?: EmbedCallMsg | null;
  remove?: string | null;
  tokenCreate?: TokenCreateMsg | null;
  tokenList?: boolean | null;
  tokenRevoke?: string | null;
  /** With register: a registration token. */
  token?: string;
}

export interface TokenCreateMsg {
  services: string;
  models: string[];
  ttlMs: number;
  note: string;
}

export interface TokenInfoMsg {
  id: string;
  services: string;
  models: string[];
  expiresAtMs: number;
  createdAtMs: number;
  createdByUid: number;
  note: string;
  revokedAtMs: number;
  liveRegistrations: number;
}

export interface EmbedCallMsg {
  input: Uint8Array;
  model: string;
  dimensions: number;
  dataType: number;
  priority: number;
  timeoutMs: number;
  /** Decimal; empty: no session. */
  sessionKey?: string;
}

export interface EmbedOutcomeMsg {
  requestId: number;
  status: number;
  vector: Uint8Array;
  processingNs: number;
}

export interface ServiceStatsMsg {
  id: string;
  state: number;
  health: number;
  breaker: string;
  active: number;
  queued: number;
  capacity: number;
  total: number;
  failures: number;
  avgResponseNs: number;
  heartbeatAgeMs: number;
  healthCheckFailing: boolean;
  p50ResponseNs: number;
  p99ResponseNs: number;
  uid: number;
  pid: number;
  cpuPermille: number;
  rssBytes: number;
  sendBlocked: number;
  sendBufferedBytes: number;
  framesRefused: number;
}

export interface DaemonStatsMsg {
  uptimeMs: number;
  transport: string;
  inflight: number;
  received: number;
  succeeded: number;
  failed: number;
  byStatus: number[];
  cancelled: number;
  lateResults: number;
  avgLatencyNs: number;
  queuedByLevel: number[];
  overflowQueued: number;
  avgQueueWaitNs: number;
  shed: number;
  rateLimited: number;
  retries: number;
  retriesDenied: number;
  cacheHits: number;
  cacheMisses: number;
  cacheCoalesced: number;
  cacheEntries: number;
  cacheBytes: number;
  backpressureFloor: number;
  adaptiveRate: number;
  services: ServiceStatsMsg[];
  p50LatencyNs: number;
  p99LatencyNs: number;
}

export interface ControlResponseMsg {
  id: number;
  errno: number;
  error: string;
  services: ServiceInfoMsg[];
  stats?: DaemonStatsMsg | null;
  embed?: EmbedOutcomeMsg | null;
  tokens?: TokenInfoMsg[];
  token?: string;
}

const decodeOptions = { longs: Number, defaults: true, arrays: true, objects: true } as const;

// Service frames are the hot path: the decoded message is used as it is
// (absent fields read as their proto3 defaults from its prototype) and plain
// objects are encoded directly, skipping protobufjs' toObject/fromObject copies.
export function decodeServiceFrame(bytes: Uint8Array): ServiceFrameMsg {
  return ServiceFrameType.decode(bytes) as unknown as ServiceFrameMsg;
}

// Field numbers in proto/bridge.proto that the pre-decode scan reads.
const FRAME_RESPONSE_FIELD = 4;
const RESPONSE_RESULTS_FIELD = 2;
const WIRE_LEN = 2;

/**
 * The number of results a service frame carries, read from its wire bytes
 * without building a message: 0 for frames that are not a response. An
 * empty result is 2 bytes on the wire and an object once decoded, so the
 * count is checked before decoding (a 4 MB frame of empty results decoded
 * to 110 MB of heap). Throws DecodeError on a truncated frame.
 */
export function countBatchResults(bytes: Uint8Array): number {
  try {
    const r = protobuf.Reader.create(bytes);
    let count = 0;
    while (r.pos < r.len) {
      const tag = r.uint32();
      if (tag >>> 3 !== FRAME_RESPONSE_FIELD || (tag & 7) !== WIRE_LEN) {
        r.skipType(tag & 7);
        continue;
      }
      const end = r.uint32() + r.pos;
      if (end > r.len) throw new RangeError('response overruns the frame');
      while (r.pos < end) {
        const t = r.uint32();
        if (t >>> 3 === RESPONSE_RESULTS_FIELD && (t & 7) === WIRE_LEN) count++;
        r.skipType(t & 7);
      }
    }
    return count;
  } catch (err) {
    throw new DecodeError('service frame', (err as Error).message);
  }
}

export function encodeServiceFrame(frame: ServiceFrameMsg): Uint8Array {
  return ServiceFrameType.encode(frame as unknown as protobuf.Message).finish();
}

export function decodeControlRequest(bytes: Uint8Array): ControlRequestMsg {
  return ControlRequestType.toObject(ControlRequestType.decode(bytes), decodeOptions) as ControlRequestMsg;
}

export function encodeControlRequest(msg: ControlRequestMsg): Uint8Array {
  return ControlRequestType.encode(ControlRequestType.fromObject(msg)).finish();
}

export function decodeControlResponse(bytes: Uint8Array): ControlResponseMsg {
  return ControlResponseType.toObject(ControlResponseType.decode(bytes), decodeOptions) as ControlResponseMsg;
}

export function encodeControlResponse(msg: ControlResponseMsg): Uint8Array {
  return ControlResponseType.encode(ControlResponseType.fromObject(msg)).finish();
}
