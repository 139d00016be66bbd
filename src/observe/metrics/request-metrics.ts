/**
 * Per-request counters and latency histograms, recorded on the hot path with
 * no allocation: counts by service, model, priority level and status, and
 * latency per service. Every label value is bounded: services are the
 * registered ones (their series go when they unregister), a model is named
 * only when some registered service declares it, priorities are the four
 * levels and statuses the uapi enum.
 */
import { Consts } from '../../abi/uapi.js';
import { LEVELS, levelOf } from '../../abi/priority.js';
import type { Outcome, OutcomeObserver } from '../../pipeline/outcomes.js';
import type { ServiceRegistry } from '../../services/registry/registry.js';
import { type HistogramData, LatencyHistogram } from './histogram.js';

/** Service label of requests answered without reaching a service. */
export const NO_SERVICE_LABEL = '(none)';
/** Service label of requests answered from the response cache. */
export const CACHE_LABEL = '(cache)';
/** Model label of requests that named no model. */
export const NO_MODEL_LABEL = '(default)';
/** Model label of requests naming a model no registered service declares. */
export const OTHER_MODEL_LABEL = '(other)';

const STATUSES = Consts.STATUS_MAX + 1;

export interface ServiceSeries {
  /** Latency of successful requests this service answered. */
  readonly latency: LatencyHistogram;
  /** Per model label: counts indexed by level * STATUSES + status. */
  readonly byModel: Map<string, Float64Array>;
}

/** What /metrics and stats read of the request figures: one pipeline's, or several added up. */
export interface RequestFigures {
  /** Latency of every successful request, cache hits included. */
  readonly latency: LatencyHistogram;
  /** Time from arrival to dispatch, per priority level. */
  readonly queueWait: readonly LatencyHistogram[];
  /** Latency of the successful requests a service answered. */
  serviceLatency(serviceId: string): LatencyHistogram;
  /** Visits every non-zero count. */
  forEachCount(fn: (service: string, model: string, level: number, status: number, count: number) => void): void;
}

/** A pipeline's figures as plain data (a daemon worker sends them to the main thread). */
export interface FiguresData {
  latency: HistogramData;
  queueWait: HistogramData[];
  services: Array<{ id: string; latency: HistogramData; byModel: Array<[model: string, counts: Float64Array]> }>;
}

/** Several pipelines' figures added up (read at scrape time). */
export function sumFigures(parts: readonly FiguresData[]): RequestFigures {
  const latency = new LatencyHistogram();
  const queueWait = Array.from({ length: LEVELS }, () => new LatencyHistogram());
  const services = new Map<string, { latency: LatencyHistogram; byModel: Map<string, Float64Array> }>();
  for (const part of parts) {
    latency.add(part.latency);
    for (const [level, h] of part.queueWait.entries()) queueWait[level]?.add(h);
    for (const s of part.services) {
      let sum = services.get(s.id);
      if (sum === undefined) services.set(s.id, (sum = { latency: new LatencyHistogram(), byModel: new Map() }));
      sum.latency.add(s.latency);
      for (const [model, counts] of s.byModel) {
        const into = sum.byModel.get(model);
        if (into === undefined) sum.byModel.set(model, counts.slice());
        else for (let i = 0; i < into.length; i++) into[i]! += counts[i] ?? 0;
      }
    }
  }
  return {
    latency,
    queueWait,
    serviceLatency: (id) => services.get(id)?.latency ?? new LatencyHistogram(),
    forEachCount: (fn) => {
      for (const [service, s] of services) visitCounts(service, s.byModel, fn);
    },
  };
}

function visitCounts(service: string, byModel: Map<string, Float64Array>, fn: Parameters<RequestFigures['forEachCount']>[0]): void {
  for (const [model, counts] of byModel) {
    for (let i = 0; i < counts.length; i++) {
      const n = counts[i] as number;
      if (n > 0) fn(service, model, Math.floor(i / STATUSES), i % STATUSES, n);
    }
  }
}

export class RequestMetrics implements OutcomeObserver, RequestFigures {
  readonly services = new Map<string, ServiceSeries>();
  /** Latency of every successful request, cache hits included. */
  readonly latency = new LatencyHistogram();
  /** Time from arrival to dispatch, per priority level. */
  readonly queueWait = Array.from({ length: LEVELS }, () => new LatencyHistogram());
  private knownModels = new Set<string>();

  /** `groups`: model names the configuration serves by a group (labelled as registered models are). */
  constructor(
    private readonly registry: ServiceRegistry,
    groups: readonly string[] = [],
  ) {
    const refresh = () => {
      this.knownModels = new Set([...groups, ...registry.list().flatMap((e) => e.info.models)]);
    };
    refresh();
    registry.on('registered', refresh);
    registry.on('updated', refresh);
    registry.on('unregistered', (e) => {
      refresh();
      this.services.delete(e.info.id);
    });
  }

  /** An answer, as the pipeline publishes it. */
  onOutcome(o: Outcome): void {
    this.record(o.serviceId, o.req.model, levelOf(o.req.priority), o.status, o.tookNs);
  }

  /** `serviceId`: a registered service, CACHE_LABEL, or undefined (no service reached). */
  record(serviceId: string | undefined, model: string | undefined, level: number, status: number, latencyNs: number): void {
    const label = model === undefined || model === '' ? NO_MODEL_LABEL : this.knownModels.has(model) ? model : OTHER_MODEL_LABEL;
    const series = this.series(serviceId);
    let counts = series.byModel.get(label);
    if (counts === undefined) {
      counts = new Float64Array(LEVELS * STATUSES);
      series.byModel.set(label, counts);
    }
    counts[level * STATUSES + status]!++;
    if (status === 0) {
      this.latency.observe(latencyNs);
      if (serviceId !== undefined && serviceId !== CACHE_LABEL) series.latency.observe(latencyNs);
    }
  }

  onQueued(level: number, waitedNs: number): void {
    this.queueWait[level]!.observe(waitedNs);
  }

  /** A service's series; created on first use for a registered service or a pseudo label. */
  series(serviceId: string | undefined): ServiceSeries {
    const key = serviceId ?? NO_SERVICE_LABEL;
    let s = this.services.get(key);
    if (s === undefined) {
      s = { latency: new LatencyHistogram(), byModel: new Map() };
      // A request can finish after its service unregistered: its series would linger unbounded.
      if (key === NO_SERVICE_LABEL || key === CACHE_LABEL || this.registry.get(key) !== undefined) this.services.set(key, s);
    }
    return s;
  }

  serviceLatency(serviceId: string): LatencyHistogram {
    return this.series(serviceId).latency;
  }

  forEachCount(fn: Parameters<RequestFigures['forEachCount']>[0]): void {
    for (const [service, s] of this.services) visitCounts(service, s.byModel, fn);
  }

  /** A copy as plain data. */
  data(): FiguresData {
    return {
      latency: this.latency.data(),
      queueWait: this.queueWait.map((h) => h.data()),
      services: [...this.services].map(([id, s]) => ({ id, latency: s.latency.data(), byModel: [...s.byModel].map(([m, c]) => [m, c.slice()]) })),
    };
  }
}
