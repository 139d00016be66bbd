/**
 * What the main thread and a daemon worker (worker-thread.ts) say to each
 * other: plain data, copied by postMessage. The main thread sends the
 * services as one snapshot whenever they change; a worker sends its
 * counters every half second.
 */
import type { OpenAiLinkOptions } from '../links/openai-link.js';
import type { PipelineCounters } from '../manager/outcomes.js';
import type { ServiceInfoMsg } from '../wire/proto.js';
import type { QueueAddress } from './kernel.js';
import type { Router } from './router.js';
import type { DaemonConfig } from './settings.js';

/** Who owns a worker's copies of the main thread's registrations. */
export const MIRROR_OWNER = 'daemon';

export interface WorkerData {
  config: DaemonConfig;
  queues: QueueAddress;
}

/** A worker's share of the daemon's counters. */
export interface WorkerTotals {
  counters: PipelineCounters;
  inflight: number;
  queuedByLevel: number[];
  cache: { hits: number; misses: number; coalesced: number };
}

export type ToWorker =
  | { type: 'services'; services: Array<{ info: ServiceInfoMsg; scheme: string }>; backends: Array<[id: string, options: OpenAiLinkOptions]> }
  | { type: 'stop'; graceMs: number };

export type ToMain = { type: 'attached'; queue: number } | { type: 'totals'; totals: WorkerTotals } | { type: 'warn'; message: string };

export function totalsOf(router: Router): WorkerTotals {
  const c = router.cache.counters;
  return {
    counters: { ...router.counters, byStatus: [...router.counters.byStatus] },
    inflight: router.inflightCount,
    queuedByLevel: [...router.placement.queuedByLevel],
    cache: { hits: c.hits, misses: c.misses, coalesced: c.coalesced },
  };
}
