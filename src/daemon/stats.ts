/** The daemon's counters and every service's state, as the control socket's stats answer carries them. */
import type { DaemonStatsMsg, ServiceStatsMsg } from '../wire/proto.js';
import type { Daemon } from './daemon.js';
import type { ServiceEntry } from './registry.js';

export function daemonStats(d: Daemon): DaemonStatsMsg {
  const r = d.router;
  const c = r.counters;
  const cache = r.cache;
  return {
    uptimeMs: Date.now() - d.startedAt,
    transport: d.transport,
    inflight: r.inflightCount,
    received: c.received,
    succeeded: c.succeeded,
    failed: c.failed,
    byStatus: [...c.byStatus],
    cancelled: c.cancelled,
    lateResults: c.lateResults,
    avgLatencyNs: Math.round(c.avgLatencyNs),
    queuedByLevel: [...r.queuedByLevel],
    overflowQueued: r.overflow.size,
    avgQueueWaitNs: Math.round(c.avgQueueWaitNs),
    shed: c.shed,
    rateLimited: c.rateLimited,
    retries: c.retries,
    retriesDenied: c.retriesDenied,
    cacheHits: cache.counters.hits,
    cacheMisses: cache.counters.misses,
    cacheCoalesced: cache.counters.coalesced,
    cacheEntries: cache.size,
    cacheBytes: cache.bytes,
    backpressureFloor: r.backpressureFloor,
    adaptiveRate: r.adaptive.rate === Infinity ? 0 : r.adaptive.rate,
    services: d.registry.list().map((s) => serviceStats(d, s)),
  };
}

function serviceStats(d: Daemon, s: ServiceEntry): ServiceStatsMsg {
  const load = d.router.serviceLoad(s);
  return {
    id: s.info.id,
    state: s.state,
    health: d.router.health(s),
    breaker: d.router.breakers.state(s.info.id),
    active: Math.max(0, s.active),
    queued: load.queued,
    capacity: load.capacity,
    total: s.total,
    failures: s.failures,
    avgResponseNs: Math.round(s.ewmaNs),
    heartbeatAgeMs: s.lastHeartbeat ? Math.max(0, Date.now() - s.lastHeartbeat) : 0,
    healthCheckFailing: s.checkFailing,
  };
}
