/**
 * The daemon's counters and every service's state, in the two shapes they
 * leave the daemon: the control socket's stats answer (protobuf) and the
 * module's GET_STATS / SERVICE_STATUS / LIST_SERVICES replies (netlink).
 * Both are read from the same place so the two never disagree.
 */
import { type ServiceSnapshot, liveTo } from '../abi/service-snapshot.js';
import { type RequestFigures, sumFigures } from '../observe/metrics/request-metrics.js';
import type { ServiceRecord, StatsRecord } from '../kernel-side/messages/messages.js';
import { recordOf, registrationOf } from '../kernel-side/messages/service-attrs.js';
import type { DaemonStatsMsg, ServiceStatsMsg } from '../services/wire/proto.js';
import type { ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';
import type { Router } from './router.js';
import type { ServiceTotals, WorkerTotals } from './workers/worker-messages.js';

/** What the snapshots are read from: the daemon, seen only through these parts. */
export interface StatsSource {
  readonly router: Router;
  readonly registry: ServiceRegistry;
  readonly startedAt: number;
  readonly transport: string;
  /** The priority floor the kernel is told (the highest of every pipeline's); the router's own without workers. */
  readonly backpressureFloor?: number;
  /** Its worker threads' counters (--workers), added to its own. */
  readonly workerTotals?: readonly WorkerTotals[];
  /** The NATS connection, when the daemon has one. */
  readonly natsStatus?: { host: string; state: string; server: string; disconnects: number; reconnects: number } | undefined;
}

/** The request figures of every pipeline added up (the main pipeline's own without workers). */
export function requestFigures(d: StatsSource): RequestFigures {
  const workers = d.workerTotals ?? [];
  return workers.length === 0 ? d.router.metrics : sumFigures([d.router.metrics.data(), ...workers.map((t) => t.figures)]);
}

/** The workers' shares of each service's figures, added up. */
function workerServices(d: StatsSource): Map<string, ServiceTotals> {
  const out = new Map<string, ServiceTotals>();
  for (const t of d.workerTotals ?? []) {
    for (const s of t.services) {
      const sum = out.get(s.id);
      if (sum === undefined) out.set(s.id, { ...s });
      else {
        sum.active += s.active;
        sum.queued += s.queued;
        sum.total += s.total;
        sum.failures += s.failures;
      }
    }
  }
  return out;
}

export function daemonStats(d: StatsSource): DaemonStatsMsg {
  const r = d.router;
  const cache = r.cache;
  // The workers' totals added to the main thread's.
  const all: Array<Omit<WorkerTotals, 'figures' | 'services'>> = [
    { counters: r.counters, inflight: r.inflightCount, queuedByLevel: r.placement.queuedByLevel, cache: cache.counters },
    ...(d.workerTotals ?? []),
  ];
  const sum = (f: (t: (typeof all)[number]) => number) => all.reduce((n, t) => n + f(t), 0);
  const sumAt = (f: (t: (typeof all)[number]) => readonly number[]) => (f(all[0]!) as number[]).map((_, i) => sum((t) => f(t)[i] ?? 0));
  const c = r.counters;
  const figures = requestFigures(d);
  const shares = workerServices(d);
  return {
    uptimeMs: Date.now() - d.startedAt,
    transport: d.transport,
    inflight: sum((t) => t.inflight),
    received: sum((t) => t.counters.received),
    succeeded: sum((t) => t.counters.succeeded),
    failed: sum((t) => t.counters.failed),
    byStatus: sumAt((t) => t.counters.byStatus),
    cancelled: sum((t) => t.counters.cancelled),
    lateResults: sum((t) => t.counters.lateResults),
    avgLatencyNs: Math.round(c.avgLatencyNs),
    queuedByLevel: sumAt((t) => t.queuedByLevel),
    overflowQueued: r.placement.overflow.size,
    avgQueueWaitNs: Math.round(c.avgQueueWaitNs),
    shed: sum((t) => t.counters.shed),
    rateLimited: sum((t) => t.counters.rateLimited),
    retries: sum((t) => t.counters.retries),
    retriesDenied: sum((t) => t.counters.retriesDenied),
    cacheHits: sum((t) => t.cache.hits),
    cacheMisses: sum((t) => t.cache.misses),
    cacheCoalesced: sum((t) => t.cache.coalesced),
    cacheEntries: cache.size,
    cacheBytes: cache.bytes,
    backpressureFloor: d.backpressureFloor ?? r.placement.backpressureFloor,
    adaptiveRate: r.admission.adaptive.rate === Infinity ? 0 : r.admission.adaptive.rate,
    p50LatencyNs: Math.round(figures.latency.quantile(0.5)),
    p99LatencyNs: Math.round(figures.latency.quantile(0.99)),
    services: d.registry.list().map((s) => serviceStats(d, s, figures, shares)),
    host: d.natsStatus?.host ?? '',
    natsState: d.natsStatus?.state ?? '',
    natsServer: d.natsStatus?.server ?? '',
    natsDisconnects: d.natsStatus?.disconnects ?? 0,
    natsReconnects: d.natsStatus?.reconnects ?? 0,
  };
}

/** A service's snapshot; `figures`, `shares`: every pipeline's (read once for a list of services). */
export function serviceSnapshot(d: StatsSource, s: ServiceEntry, figures = requestFigures(d), shares = workerServices(d)): ServiceSnapshot {
  const load = d.router.placement.load(s);
  const latency = figures.serviceLatency(s.info.id);
  const workers = shares.get(s.info.id);
  return {
    ...registrationOf(s.info),
    state: d.router.placement.reportedState(s),
    health: d.router.dispatch.health(s),
    breaker: d.router.breakers.state(s.info.id),
    active: Math.max(0, s.active) + (workers?.active ?? 0),
    queued: load.queued + (workers?.queued ?? 0),
    capacity: load.capacity,
    total: s.total + (workers?.total ?? 0),
    failures: s.failures + (workers?.failures ?? 0),
    avgResponseNs: Math.round(s.ewmaNs),
    heartbeatAgeMs: s.lastHeartbeat ? Math.max(0, Date.now() - s.lastHeartbeat) : 0,
    p50ResponseNs: Math.round(latency.quantile(0.5)),
    p99ResponseNs: Math.round(latency.quantile(0.99)),
    uid: s.uid,
    pid: s.pid,
    cpuPermille: s.cpuPermille,
    rssBytes: s.rssKib * 1024,
  };
}

/** A service as the control socket's stats carry it: its snapshot's live figures and its link's counters. */
export function serviceStats(d: StatsSource, s: ServiceEntry, figures = requestFigures(d), shares = workerServices(d)): ServiceStatsMsg {
  return {
    id: s.info.id,
    ...(liveTo('proto', serviceSnapshot(d, s, figures, shares)) as Pick<ServiceStatsMsg, 'state'>),
    healthCheckFailing: s.checkFailing,
    sendBlocked: s.link.counters.sendBlocked,
    sendBufferedBytes: s.link.sendBuffered,
    framesRefused: s.link.counters.framesRefused,
    tokens: s.link.counters.tokens,
  } as ServiceStatsMsg;
}

/** Services as the module's SERVICE_STATUS and LIST_SERVICES replies carry them (every pipeline's figures read once for the list). */
export function serviceRecords(d: StatsSource, entries: readonly ServiceEntry[]): ServiceRecord[] {
  const figures = requestFigures(d);
  const shares = workerServices(d);
  return entries.map((e) => recordOf(serviceSnapshot(d, e, figures, shares)));
}

/** The daemon's counters as the module's GET_STATS carries them. */
export function statsRecord(d: StatsSource): StatsRecord {
  const s = daemonStats(d);
  const queued = s.queuedByLevel.reduce((a, b) => a + b, 0);
  return {
    REQUESTS_COMPLETED: BigInt(s.succeeded),
    REQUESTS_FAILED: BigInt(s.failed),
    INFLIGHT: BigInt(s.inflight),
    SERVICES: BigInt(s.services.length),
    QUEUED: BigInt(queued),
    AVG_LATENCY_NS: BigInt(s.avgLatencyNs),
    CACHE_HITS: BigInt(s.cacheHits),
    CACHE_MISSES: BigInt(s.cacheMisses),
    CACHE_COALESCED: BigInt(s.cacheCoalesced),
    P50_LATENCY_NS: BigInt(s.p50LatencyNs),
    P99_LATENCY_NS: BigInt(s.p99LatencyNs),
    SHED: BigInt(s.shed),
    RATE_LIMITED: BigInt(s.rateLimited),
    RETRIES: BigInt(s.retries),
    UPTIME_MS: BigInt(s.uptimeMs),
    BY_STATUS: s.byStatus.map(BigInt),
    QUEUED_BY_LEVEL: s.queuedByLevel.map(BigInt),
  };
}
