/** The views (views.ts) from a daemon's stats answer, whether it came over the control socket or NATS. */
import type { DaemonStatsMsg, ServiceInfoMsg, ServiceStatsMsg } from '../../../services/wire/proto.js';
import { liveFrom } from '../../../abi/service-snapshot.js';
import { registrationOf } from '../../../kernel-side/messages/service-attrs.js';
import { type ServiceView, type Source, type StatsView, type StatusView, byStatusView, hitRate, queuedByLevel, serviceView } from '../views.js';

export function statusOf(s: DaemonStatsMsg, source: Source): StatusView {
  return {
    source,
    kernel: { module: false, daemonAttached: s.transport !== 'none', transport: s.transport },
    uptimeMs: s.uptimeMs,
    services: s.services.length,
    inflight: s.inflight,
    queued: queuedByLevel(s.queuedByLevel),
    ...(s.natsState !== '' ? { nats: { host: s.host, state: s.natsState, server: s.natsServer, reconnects: s.natsReconnects } } : {}),
  };
}

/** Registrations and their stats, matched by id (one registered between the two answers shows on the next call). */
export function servicesOf(infos: readonly ServiceInfoMsg[], s: DaemonStatsMsg): ServiceView[] {
  const byId = new Map(s.services.map((x) => [x.id, x]));
  return infos.flatMap((info) => {
    const st = byId.get(info.id);
    return st === undefined ? [] : [fromDaemon(info, st)];
  });
}

export function statsOf(s: DaemonStatsMsg, source: Source): StatsView {
  return {
    source,
    answered: s.succeeded + s.failed,
    succeeded: s.succeeded,
    failed: s.failed,
    byStatus: byStatusView(s.byStatus),
    avgLatencyNs: s.avgLatencyNs,
    p50LatencyNs: s.p50LatencyNs,
    p99LatencyNs: s.p99LatencyNs,
    inflight: s.inflight,
    queued: queuedByLevel(s.queuedByLevel),
    cache: { hits: s.cacheHits, misses: s.cacheMisses, coalesced: s.cacheCoalesced, hitRate: hitRate(s.cacheHits, s.cacheMisses) },
    shed: s.shed,
    rateLimited: s.rateLimited,
    retries: s.retries,
  };
}

function fromDaemon(info: ServiceInfoMsg, s: ServiceStatsMsg): ServiceView {
  return serviceView({ ...registrationOf(info), ...liveFrom('proto', s) });
}
