/**
 * What vexfsctl shows, independent of where it came from: the module's
 * ioctls or the daemon's control socket fill the same shapes, so the output
 * is the same either way.
 */
import { STATE_NAMES, STATUS_NAMES, nameOf } from '../../abi/names.js';
import type { ServiceSnapshot } from '../../abi/service-snapshot.js';
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

/** A service snapshot as vexfsctl shows it: its state by name, its load and CPU use as fractions. */
export type ServiceView = Omit<ServiceSnapshot, 'state' | 'cpuPermille'> & {
  state: string;
  /** active / capacity, 0-1. */
  load: number;
  /** Its process's CPU use over its last heartbeat interval, in CPUs (0: not reported). */
  cpu: number;
};

/** The view of a snapshot, whichever shape it came in (mapped by the LIVE table of abi/service-snapshot.ts). */
export function serviceView(snap: ServiceSnapshot): ServiceView {
  const { state, cpuPermille, ...rest } = snap;
  return { ...rest, state: nameOf(STATE_NAMES, state), load: snap.capacity === 0 ? 0 : snap.active / snap.capacity, cpu: cpuPermille / 1000 };
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
  /** Who made the vector: the service, its model and version, whether it embedded only a prefix. */
  provenance?: { serviceId: string; model: string; modelVersion: string; truncated: boolean } | undefined;
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
