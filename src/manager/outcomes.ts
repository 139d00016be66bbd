/**
 * How a request ended, for whoever keeps score: the request pipeline
 * publishes one Outcome per answer and observers (counters, Prometheus
 * metrics, spans) subscribe, as opossum's Status listens to its circuit,
 * instead of being called from the path. The object is reused for every
 * answer: an observer reads it during its call and keeps nothing of it.
 */
import type { Span } from '@opentelemetry/api';

import type { EmbedRequest } from '../protocol/messages.js';

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

export interface OutcomeObserver {
  onOutcome(o: Outcome): void;
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
    for (const observer of this.observers) observer.onOutcome(o);
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

/** Keeps the answer-side totals of `counters` from outcomes. */
export function countOutcomes(counters: PipelineCounters): OutcomeObserver {
  return {
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
