/**
 * What the main thread and a daemon worker (worker-thread.ts) say to each
 * other: plain data, copied by postMessage, besides the SharedArrayBuffer of
 * the load they share (manager/shared-load.ts). The main thread sends the
 * services as one snapshot whenever they change, rate limits when they are
 * reloaded, and the breaker changes of the other pipelines; a worker sends
 * its counters every half second, its breaker changes and its priority
 * floor as they happen.
 */
import type { HttpLinkOptions } from '../../services/links/http-link.js';
import type { FiguresData } from '../../observe/metrics/request-metrics.js';
import type { BreakerState } from '../../pipeline/breakers.js';
import type { PipelineCounters } from '../../pipeline/outcomes.js';
import type { RateLimitOptions } from '../../pipeline/rate-limit.js';
import type { ServiceRegistry } from '../../services/registry/registry.js';
import type { ServiceInfoMsg } from '../../services/wire/proto.js';
import type { QueueAddress } from '../kernel-link.js';
import type { Router } from '../router.js';
import type { DaemonConfig } from '../settings.js';

/** Who owns a worker's copies of the main thread's registrations. */
export const MIRROR_OWNER = 'daemon';

export interface WorkerData {
  config: DaemonConfig;
  queues: QueueAddress;
  /** The pipelines' shared memory, and this worker's row of the load. */
  shared: SharedBuffers;
  row: number;
}

/** What a daemon's pipelines share: the load (SharedLoad.buffer) and the rate-limit buckets (SharedBuckets.buffer). */
export interface SharedBuffers {
  load: SharedArrayBuffer;
  buckets: SharedArrayBuffer;
}

/** A worker's share of the daemon's counters. */
export interface WorkerTotals {
  counters: PipelineCounters;
  inflight: number;
  queuedByLevel: number[];
  cache: { hits: number; misses: number; coalesced: number };
  /** Its request figures (/metrics counts and histograms). */
  figures: FiguresData;
  /** What it holds for each service and has sent it. */
  services: ServiceTotals[];
}

/** A pipeline's share of one service's figures. */
export interface ServiceTotals {
  id: string;
  active: number;
  queued: number;
  total: number;
  failures: number;
}

/** A NATS request of a worker thread's link, made on the main thread's connection (worker-nats.ts). */
export interface NatsRequest {
  type: 'natsRequest';
  id: number;
  subject: string;
  data: Uint8Array;
  timeoutMs: number;
  headers: Array<[name: string, value: string]>;
}

export interface NatsReply {
  type: 'natsReply';
  id: number;
  data?: Uint8Array;
  headers?: Array<[name: string, value: string]>;
  error?: { message: string; code?: string };
}

/** A registered service as a worker mirrors it; `subject`: where a NATS worker's batches go. */
export interface MirroredService {
  info: ServiceInfoMsg;
  scheme: string;
  subject?: string;
}

export type ToWorker =
  | {
      type: 'services';
      services: MirroredService[];
      backends: Array<[id: string, options: HttpLinkOptions]>;
      /** The daemon's name to NATS workers (pool mode's sealed batches carry it). */
      natsDaemonId: string;
    }
  /** Pool mode: a pool's keys (absent: the pool is gone). */
  | { type: 'poolKeys'; service: string; keys?: { current: Uint8Array; previous?: Uint8Array } }
  | NatsReply
  | { type: 'natsLink'; serviceId: string; seen?: { cpuPermille: number; rssKib: number }; stoppingMs?: number }
  | { type: 'natsDown' }
  | { type: 'sync'; id: number }
  | { type: 'breaker'; serviceId: string; state: BreakerState }
  | { type: 'rateLimits'; limits: RateLimitOptions }
  | { type: 'stop'; graceMs: number };

export type ToMain =
  | { type: 'attached'; queue: number }
  | { type: 'totals'; totals: WorkerTotals }
  | { type: 'breaker'; serviceId: string; state: BreakerState }
  | { type: 'floor'; floor: number }
  | NatsRequest
  | { type: 'synced'; id: number }
  | { type: 'warn'; message: string };

export function totalsOf(router: Router, registry: ServiceRegistry): WorkerTotals {
  const c = router.cache.counters;
  return {
    counters: { ...router.counters, byStatus: [...router.counters.byStatus] },
    inflight: router.inflightCount,
    queuedByLevel: [...router.placement.queuedByLevel],
    cache: { hits: c.hits, misses: c.misses, coalesced: c.coalesced },
    figures: router.metrics.data(),
    services: registry
      .list()
      .map((s) => ({ id: s.info.id, active: Math.max(0, s.active), queued: router.placement.load(s).queued, total: s.total, failures: s.failures })),
  };
}
