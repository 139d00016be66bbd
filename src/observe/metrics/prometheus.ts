/**
 * /metrics in the Prometheus exposition format. Values are read from the
 * daemon's own counters when scraped (nothing is counted twice and the
 * request path never touches prom-client); prom-client formats them and adds
 * the process metrics. Label values are bounded: see request-metrics.ts.
 */
import client from 'prom-client';

import { BREAKER_CODES, type BreakerName, STATUS_NAMES, nameOf } from '../../abi/names.js';
import { Breaker } from '../../abi/uapi.js';
import { LEVEL_NAMES } from '../../abi/priority.js';
import type { KernelCounters } from '../../abi/counters.js';
import type { DaemonStatsMsg } from '../../services/wire/proto.js';
import type { LatencyHistogram } from './histogram.js';
import type { RequestFigures } from './request-metrics.js';

export type { KernelCounters };

export interface MetricsSource {
  stats(): DaemonStatsMsg;
  /** The request figures, read once per scrape (a daemon with workers adds its pipelines' up). */
  requests(): RequestFigures;
  /** undefined when there is no kernel side to ask. */
  kernel(): Promise<KernelCounters | undefined>;
}

type Labels = Record<string, string | number>;
interface Value {
  value: number;
  labels?: Labels;
  metricName?: string;
}
type MetricType = 'counter' | 'gauge' | 'histogram';

/** A metric whose values are computed at scrape time from `read`. */
class ScrapedMetric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: MetricType,
    private readonly read: () => Value[] | Promise<Value[]>,
  ) {}

  async get(): Promise<{ name: string; help: string; type: MetricType; values: Value[]; aggregator: 'sum' }> {
    return { name: this.name, help: this.help, type: this.type, values: await this.read(), aggregator: 'sum' };
  }
}

function histogramValues(name: string, h: LatencyHistogram, labels: Labels = {}): Value[] {
  const out: Value[] = h.buckets().map((b) => ({ metricName: `${name}_bucket`, labels: { ...labels, le: b.le }, value: b.count }));
  out.push({ metricName: `${name}_sum`, labels, value: h.sumNs / 1e9 });
  out.push({ metricName: `${name}_count`, labels, value: h.count });
  return out;
}

/** `read`, called at most once per scrape (every metric of one scrape reads it within 100 ms). */
function perScrape<T>(read: () => T): () => T {
  let at = Number.NEGATIVE_INFINITY;
  let value: T | undefined;
  return () => {
    const now = performance.now();
    if (now - at > 100) {
      value = read();
      at = now;
    }
    return value as T;
  };
}

export function createMetricsRegistry(source: MetricsSource): client.Registry {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  // One snapshot of each per scrape, shared by every metric below.
  const stats = perScrape(() => source.stats());
  const kernel = perScrape(() => source.kernel());
  const requests = perScrape(() => source.requests());
  const add = (name: string, help: string, type: MetricType, read: () => Value[] | Promise<Value[]>) =>
    registry.registerMetric(new ScrapedMetric(name, help, type, read) as unknown as client.Metric);
  const scalar = (name: string, help: string, type: MetricType, pick: (s: DaemonStatsMsg) => number) => add(name, help, type, () => [{ value: pick(stats()) }]);
  const perService = (name: string, help: string, pick: (s: DaemonStatsMsg['services'][number]) => number, type: 'gauge' | 'counter' = 'gauge') =>
    add(name, help, type, () => stats().services.map((s) => ({ labels: { service: s.id }, value: pick(s) })));

  add(
    'vexfs_requests_total',
    'Kernel requests answered, by the service that answered (or (none), (cache)), model, priority level and status.',
    'counter',
    () => {
      const out: Value[] = [];
      requests().forEachCount((service, model, level, status, count) =>
        out.push({ labels: { service, model, priority: LEVEL_NAMES[level] as string, status: nameOf(STATUS_NAMES, status).toLowerCase() }, value: count }),
      );
      return out;
    },
  );
  add('vexfs_request_duration_seconds', 'Time from arrival in the daemon to the answer, successful requests.', 'histogram', () =>
    histogramValues('vexfs_request_duration_seconds', requests().latency),
  );
  add('vexfs_service_response_duration_seconds', 'Time from arrival to the answer, successful requests, by the service that answered.', 'histogram', () => {
    const out: Value[] = [];
    const figures = requests();
    for (const s of stats().services) out.push(...histogramValues('vexfs_service_response_duration_seconds', figures.serviceLatency(s.id), { service: s.id }));
    return out;
  });
  add('vexfs_queue_wait_seconds', 'Time from arrival to dispatch to a service, by priority level.', 'histogram', () =>
    requests().queueWait.flatMap((h, level) => histogramValues('vexfs_queue_wait_seconds', h, { priority: LEVEL_NAMES[level] as string })),
  );
  add('vexfs_queue_depth', 'Requests queued now (service and overflow queues), by priority level.', 'gauge', () =>
    stats().queuedByLevel.map((value, level) => ({ labels: { priority: LEVEL_NAMES[level] as string }, value })),
  );
  scalar('vexfs_overflow_queue_depth', 'Requests in the global overflow queue.', 'gauge', (s) => s.overflowQueued);
  scalar('vexfs_inflight', 'Requests held by the daemon (queued or at a service).', 'gauge', (s) => s.inflight);
  perService('vexfs_service_queue_depth', 'Requests waiting in a service queue.', (s) => s.queued);
  perService('vexfs_service_active', 'Requests sent to a service and not yet answered.', (s) => s.active);
  perService('vexfs_service_capacity', 'Requests a service may have outstanding.', (s) => s.capacity);
  perService('vexfs_service_breaker_state', 'Circuit breaker: 0 closed, 1 open, 2 half-open.', (s) => BREAKER_CODES[s.breaker as BreakerName] ?? Breaker.OPEN);
  perService('vexfs_service_health', 'Health score 0-100 (0: gets no requests).', (s) => s.health);
  perService('vexfs_service_cpu_ratio', 'CPU its process used over its last heartbeat interval, in CPUs (0: not reported).', (s) => s.cpuPermille / 1000);
  perService('vexfs_service_resident_memory_bytes', 'Resident memory of its process at its last heartbeat (0: not reported).', (s) => s.rssBytes);
  perService('vexfs_service_send_buffered_bytes', 'Bytes sent to a service that it has not read yet.', (s) => s.sendBufferedBytes);
  perService('vexfs_service_send_blocked_total', 'Batches refused because the service had not read what it was sent.', (s) => s.sendBlocked, 'counter');
  perService(
    'vexfs_service_frames_refused_total',
    'Frames from a service refused before decoding (too large for its registration, or too many results).',
    (s) => s.framesRefused,
    'counter',
  );
  perService('vexfs_service_tokens_total', 'Tokens a service reported using (HTTP backends: usage.prompt_tokens).', (s) => s.tokens, 'counter');
  perService('vexfs_service_state', 'vexfs_ipc_service_state: 0 starting, 1 ready, 2 busy, 3 overloaded, 4 stopping, 5 stopped, 6 error.', (s) => s.state);
  scalar('vexfs_services', 'Registered services.', 'gauge', (s) => s.services.length);
  scalar('vexfs_cache_hits_total', 'Requests answered from the response cache.', 'counter', (s) => s.cacheHits);
  scalar('vexfs_cache_misses_total', 'Cacheable requests not in the cache.', 'counter', (s) => s.cacheMisses);
  scalar('vexfs_cache_coalesced_total', 'Requests that shared an identical in-flight request.', 'counter', (s) => s.cacheCoalesced);
  scalar('vexfs_cache_entries', 'Entries in the response cache.', 'gauge', (s) => s.cacheEntries);
  scalar('vexfs_cache_bytes', 'Vector bytes in the response cache.', 'gauge', (s) => s.cacheBytes);
  scalar('vexfs_retries_total', 'Retries of failed tries at another service.', 'counter', (s) => s.retries);
  scalar('vexfs_retries_denied_total', 'Retries refused by the retry budget or the deadline.', 'counter', (s) => s.retriesDenied);
  scalar('vexfs_shed_total', 'Requests shed because the queues were full.', 'counter', (s) => s.shed);
  scalar('vexfs_rate_limited_total', 'Requests refused by a rate limit.', 'counter', (s) => s.rateLimited);
  scalar('vexfs_cancelled_total', 'Requests the kernel cancelled.', 'counter', (s) => s.cancelled);
  scalar('vexfs_late_results_total', 'Service results that arrived after their request ended.', 'counter', (s) => s.lateResults);
  scalar('vexfs_backpressure_floor', 'Priority below which the kernel fails requests early (0: none).', 'gauge', (s) => s.backpressureFloor);
  scalar('vexfs_uptime_seconds', 'Time since the daemon started.', 'gauge', (s) => s.uptimeMs / 1000);
  scalar('vexfs_nats_connected', '1 while connected to NATS (0 also when the daemon has no --nats).', 'gauge', (s) => (s.natsState === 'connected' ? 1 : 0));
  scalar('vexfs_nats_disconnects_total', 'Times the NATS connection was lost.', 'counter', (s) => s.natsDisconnects);
  scalar('vexfs_nats_reconnects_total', 'Times the NATS connection came back.', 'counter', (s) => s.natsReconnects);

  const kernelCounter = (name: string, help: string, type: MetricType, pick: (k: KernelCounters) => number) =>
    add(name, help, type, async () => {
      const k = await kernel();
      return k === undefined ? [] : [{ value: pick(k) }];
    });
  kernelCounter('vexfs_kernel_requests_submitted_total', 'Requests the kernel side sent to the daemon (GET_STATS).', 'counter', (k) => k.requestsSubmitted);
  kernelCounter('vexfs_kernel_requests_completed_total', 'Requests the kernel side saw succeed.', 'counter', (k) => k.requestsCompleted);
  kernelCounter('vexfs_kernel_requests_failed_total', 'Requests the kernel side saw fail.', 'counter', (k) => k.requestsFailed);
  kernelCounter('vexfs_kernel_requests_timed_out_total', 'Requests that timed out in the kernel.', 'counter', (k) => k.requestsTimedOut);
  kernelCounter('vexfs_kernel_requests_cancelled_total', 'Requests the kernel cancelled.', 'counter', (k) => k.requestsCancelled);
  kernelCounter('vexfs_kernel_requests_resent_total', 'Requests resent to a new daemon.', 'counter', (k) => k.requestsResent);
  kernelCounter('vexfs_kernel_responses_late_total', 'Answers the kernel got after giving up.', 'counter', (k) => k.responsesLate);
  kernelCounter('vexfs_kernel_messages_invalid_total', 'Malformed messages the kernel side refused.', 'counter', (k) => k.messagesInvalid);
  kernelCounter('vexfs_kernel_inflight', 'Requests the kernel side waits on.', 'gauge', (k) => k.inflight);
  kernelCounter('vexfs_kernel_daemon_attached', '1 while the kernel side has a daemon attached.', 'gauge', (k) => (k.daemonAttached ? 1 : 0));
  return registry;
}
