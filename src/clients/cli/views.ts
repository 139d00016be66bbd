/**
 * What vexfsctl shows, independent of where it came from: the module's
 * ioctls or the daemon's control socket fill the same shapes, so the output
 * is the same either way.
 */
import { STATUS_NAMES } from '../../abi/names.js';
import type { LEVEL_NAMES } from '../../abi/priority.js';
import { Consts } from '../../abi/uapi.js';

export type Source = 'device' | 'daemon' | 'nats';

export interface StatusView {
  source: Source;
  /** Whether a daemon is attached to the kernel side, and over what. */
  kernel: { module: boolean; daemonAttached: boolean; transport: string };
  uptimeMs: number;
  services: number;
  inflight: number;
  queued: Record<(typeof LEVEL_NAMES)[number], number>;
  /** The daemon on the NATS bus, when it has --nats. */
  nats?: { host: string; state: string; server: string; reconnects: number };
}

export interface ServiceView {
  id: string;
  name: string;
  version: string;
  state: string;
  health: number;
  dimensions: number[];
  models: string[];
  dataTypes: number;
  maxBatchSize: number;
  priority: number;
  endpoint: string;
  uid: number;
  pid: number;
  active: number;
  queued: number;
  capacity: number;
  /** active / capacity, 0-1. */
  load: number;
  total: number;
  failures: number;
  avgResponseNs: number;
  p50ResponseNs: number;
  p99ResponseNs: number;
  breaker: string;
  heartbeatAgeMs: number;
  /** Its process's CPU use over its last heartbeat interval, in CPUs (0: not reported). */
  cpu: number;
  /** Its process's resident memory, bytes (0: not reported). */
  rssBytes: number;
}

export interface StatsView {
  source: Source;
  answered: number;
  succeeded: number;
  failed: number;
  /** Answers per status name (SUCCESS, TIMEOUT, ...), non-zero ones only. */
  byStatus: Record<string, number>;
  avgLatencyNs: number;
  p50LatencyNs: number;
  p99LatencyNs: number;
  inflight: number;
  queued: StatusView['queued'];
  cache: { hits: number; misses: number; coalesced: number; hitRate: number };
  shed: number;
  rateLimited: number;
  retries: number;
  /** Who submits in the module (from the device only): SEND_EMBEDDING_REQUEST callers and each in-kernel consumer. */
  consumers?: ConsumerView[];
  /** The daemon's queues at the module (from the device only): its first port and its workers'. */
  kernelQueues?: number;
}

export interface ConsumerView {
  name: string;
  inflight: number;
  maxInflight: number;
  submitted: number;
  completed: number;
  failed: number;
  cancelled: number;
  timedOut: number;
}

export interface EmbedCallView {
  text: string;
  model: string | undefined;
  dimensions: number;
  dataType: number;
  priority: number;
  timeoutMs: number;
  /** Sticky-session key; 0n: none. */
  sessionKey: bigint;
}

export interface EmbedView {
  requestId: string;
  status: string;
  dimensions: number;
  dataType: number;
  /** Decoded values (for binary: bits), at most `dimensions`. */
  values: number[];
  processingNs: number;
  roundTripNs: number;
  /** The module lowered the priority asked for (an unprivileged caller above its user_max_priority). */
  priorityClamped: boolean;
}

export function queuedByLevel(levels: ArrayLike<number | bigint>): StatusView['queued'] {
  return {
    low: Number(levels[0] ?? 0),
    normal: Number(levels[1] ?? 0),
    high: Number(levels[2] ?? 0),
    critical: Number(levels[3] ?? 0),
  };
}

export function byStatusView(counts: ArrayLike<number | bigint>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i <= Consts.STATUS_MAX; i++) {
    const n = Number(counts[i] ?? 0);
    if (n > 0) out[STATUS_NAMES[i] as string] = n;
  }
  return out;
}

export function hitRate(hits: number, misses: number): number {
  return hits + misses === 0 ? 0 : hits / (hits + misses);
}
