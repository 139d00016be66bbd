/**
 * What happens to requests, for whoever keeps score: the pipeline publishes
 * one Outcome per answer and an event for each step worth counting
 * (arrival, time queued, shedding, retries, late or invalid answers,
 * cancellation); observers (counters, Prometheus metrics, spans, logs)
 * subscribe, as opossum's Status listens to its circuit, instead of being
 * called from the path. The Outcome object is reused for every answer: an
 * observer reads it during its call and keeps nothing of it.
 */
import type { Span } from '@opentelemetry/api';

import type { EmbedRequest } from '../kernel-side/messages/messages.js';

export interface Outcome {
  req: EmbedRequest;
  status: number;
  /** From arrival to answer. */
  tookNs: number;
  /** The service that answered it, the last one that failed it, or a label such as "(cache)". */
  serviceId: string | undefined;
  /** The span started on arrival, when spans are recorded. */
  span: Span | undefined;
  /** The service's own traceparent for the item, when it sent one. */
  serviceTraceparent: string | undefined;
}

/** Every method is optional: an observer implements what it keeps. */
export interface OutcomeObserver {
  /** A request was answered (any status). */
  onOutcome?(o: Outcome): void;
  /** A request arrived. */
  onReceived?(): void;
  /** A request left its queue for a service after `waitedNs`. */
  onQueued?(level: number, waitedNs: number): void;
  /** A request was shed (every queue it could use was full). */
  onShed?(priority: number): void;
  /** A request or a service's share was over its rate limit. */
  onRateLimited?(): void;
  /** A failed try will be retried (`scheduled`), or could have been but the budget or deadline said no. */
  onRetry?(scheduled: boolean): void;
  /** Results arrived for requests that had already ended. */
  onLate?(results: number): void;
  /** A service sent something that does not fit the batch it answers. */
  onInvalidResponse?(serviceId: string, reason: string): void;
  /** A batch went unanswered far past the service's usual time: it failed over and the service was taken out of rotation. */
  onOverdue?(serviceId: string, ageMs: number, limitMs: number): void;
  /** The kernel gave up on a request; `serviceId` had it, if any. */
  onCancelled?(req: EmbedRequest, span: Span | undefined, serviceId: string | undefined): void;
}

export class Outcomes {
  private observers: OutcomeObserver[] = [];
  // Reused: an answer allocates nothing here.
  private readonly current: Outcome = {
    req: undefined as unknown as EmbedRequest,
    status: 0,
    tookNs: 0,
    serviceId: undefined,
    span: undefined,
    serviceTraceparent: undefined,
  };

  subscribe(o: OutcomeObserver): () => void {
    this.observers = [...this.observers, o];
    return () => {
      this.observers = this.observers.filter((x) => x !== o);
    };
  }

  publish(
    req: EmbedRequest,
    status: number,
    tookNs: number,
    serviceId: string | undefined,
    span: Span | undefined,
    serviceTraceparent: string | undefined,
  ): void {
    const o = this.current;
    o.req = req;
    o.status = status;
    o.tookNs = tookNs;
    o.serviceId = serviceId;
    o.span = span;
    o.serviceTraceparent = serviceTraceparent;
    for (const observer of this.observers) observer.onOutcome?.(o);
  }

  received(): void {
    for (const o of this.observers) o.onReceived?.();
  }

  queued(level: number, waitedNs: number): void {
    for (const o of this.observers) o.onQueued?.(level, waitedNs);
  }

  shed(priority: number): void {
    for (const o of this.observers) o.onShed?.(priority);
  }

  rateLimited(): void {
    for (const o of this.observers) o.onRateLimited?.();
  }

  retry(scheduled: boolean): void {
    for (const o of this.observers) o.onRetry?.(scheduled);
  }

  late(results: number): void {
    for (const o of this.observers) o.onLate?.(results);
  }

  invalidResponse(serviceId: string, reason: string): void {
    for (const o of this.observers) o.onInvalidResponse?.(serviceId, reason);
  }

  overdue(serviceId: string, ageMs: number, limitMs: number): void {
    for (const o of this.observers) o.onOverdue?.(serviceId, ageMs, limitMs);
  }

  cancelled(req: EmbedRequest, span: Span | undefined, serviceId: string | undefined): void {
    for (const o of this.observers) o.onCancelled?.(req, span, serviceId);
  }
}

/** The pipeline's running totals (read by stats and /metrics at scrape time). */
export interface PipelineCounters {
  received: number;
  succeeded: number;
  failed: number;
  byStatus: number[];
  cancelled: number;
  lateResults: number;
  invalidResponses: number;
  /** Exponentially weighted latency of successful requests, ns. */
  avgLatencyNs: number;
  /** Exponentially weighted time from arrival to dispatch, ns. */
  avgQueueWaitNs: number;
  shed: number;
  rateLimited: number;
  retries: number;
  retriesDenied: number;
}

/** Zeroed totals with one byStatus slot per status code (0..statuses-1). */
export function zeroCounters(statuses: number): PipelineCounters {
  return {
    received: 0,
    succeeded: 0,
    failed: 0,
    byStatus: new Array<number>(statuses).fill(0),
    cancelled: 0,
    lateResults: 0,
    invalidResponses: 0,
    avgLatencyNs: 0,
    avgQueueWaitNs: 0,
    shed: 0,
    rateLimited: 0,
    retries: 0,
    retriesDenied: 0,
  };
}

/** Keeps `counters` from the pipeline's outcomes and events. */
export function countOutcomes(counters: PipelineCounters): OutcomeObserver {
  return {
    onReceived: () => counters.received++,
    onQueued(_level, waitedNs) {
      counters.avgQueueWaitNs = counters.avgQueueWaitNs === 0 ? waitedNs : counters.avgQueueWaitNs * 0.95 + waitedNs * 0.05;
    },
    onShed: () => counters.shed++,
    onRateLimited: () => counters.rateLimited++,
    onRetry: (scheduled) => (scheduled ? counters.retries++ : counters.retriesDenied++),
    onLate: (results) => (counters.lateResults += results),
    onInvalidResponse: () => counters.invalidResponses++,
    onCancelled: () => counters.cancelled++,
    onOutcome(o) {
      counters.byStatus[o.status] = (counters.byStatus[o.status] ?? 0) + 1;
      if (o.status === 0) {
        counters.succeeded++;
        counters.avgLatencyNs = counters.avgLatencyNs === 0 ? o.tookNs : counters.avgLatencyNs * 0.9 + o.tookNs * 0.1;
      } else {
        counters.failed++;
      }
    },
  };
}
