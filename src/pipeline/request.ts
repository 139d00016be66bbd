/**
 * A request in the pipeline: what was asked, who waits for the answer, and
 * where it is. Where it is is one explicit state, changed only by
 * `transition()`, which refuses a move the pipeline does not make; the
 * pipeline takes a request out of its old place (queue, overflow, batch)
 * before each move, so nothing is ever in two places or none.
 */
import type { Span } from '@opentelemetry/api';

import { type Level, levelOf } from '../abi/priority.js';
import type { EmbedRequest, EmbedResponse } from '../kernel-side/messages/messages.js';
import type { ServiceEntry } from '../services/registry/registry.js';
import type { SlotHolder } from './service-queue.js';

export const RequestState = {
  /** Between stages: admitted, or taken out of a place and about to be routed. */
  ROUTING: 0,
  /** Waits for an identical request's answer (coalescing). */
  FOLLOWING: 1,
  /** No service is ready and one that could serve it is still connecting. */
  PARKED: 2,
  /** In a service's queue, or taken from it into the batch being formed. */
  QUEUED: 3,
  /** In the global overflow queue: every service queue that could take it was full. */
  OVERFLOW: 4,
  /** Sent to a service in a batch; waits for its answer. */
  IN_BATCH: 5,
  /** A try failed; waits out the backoff before the next. */
  RETRY_WAIT: 6,
  /** Answered or cancelled; in no queue and no table. */
  DONE: 7,
} as const;
export type RequestState = (typeof RequestState)[keyof typeof RequestState];

const NAMES = Object.keys(RequestState) as Array<keyof typeof RequestState>;

const S = RequestState;
const bits = (...states: RequestState[]): number => states.reduce<number>((m, s) => m | (1 << s), 0);
/** The moves the pipeline makes, by the state they leave. */
const NEXT: readonly number[] = [
  /* ROUTING */ bits(S.FOLLOWING, S.PARKED, S.QUEUED, S.OVERFLOW, S.RETRY_WAIT, S.DONE),
  /* FOLLOWING */ bits(S.ROUTING, S.DONE),
  /* PARKED */ bits(S.ROUTING, S.DONE),
  /* QUEUED: moved, displaced, sent, or never sent */ bits(S.ROUTING, S.IN_BATCH, S.DONE),
  /* OVERFLOW */ bits(S.ROUTING, S.DONE),
  /* IN_BATCH: a failed try leaves through ROUTING */ bits(S.ROUTING, S.DONE),
  /* RETRY_WAIT */ bits(S.ROUTING, S.DONE),
  /* DONE */ 0,
];

/** A move the pipeline does not make: a bug in the pipeline, never caused by a peer. */
export class StateTransitionError extends Error {
  constructor(from: RequestState, to: RequestState) {
    super(`request pipeline: no move from ${NAMES[from]} to ${NAMES[to]}`);
  }
}

/** Anything that carries a pipeline state (fakes in tests carry only this). */
export interface Staged {
  state: RequestState;
}

/** Moves `e` to `to`; the caller has already taken it out of its old place. */
export function transition(e: Staged, to: RequestState): void {
  if (((NEXT[e.state] as number) & (1 << to)) === 0) throw new StateTransitionError(e.state, to);
  e.state = to;
}

export type Reply = (res: EmbedResponse) => void;

/** A batch sent to a service, waiting for its answer. */
export interface Batch {
  readonly id: number;
  readonly service: ServiceEntry;
  readonly entries: PipelineRequest[];
  readonly dims: number;
  /** When it was handed to the service's link (performance.now()). */
  readonly sentAt: number;
  /** Entries still waiting for this batch. */
  live: number;
  /** Settles the batch's breaker call: with a failure when it counts against the service. */
  settle: (failure?: Error) => void;
}

export interface PipelineRequest extends Staged {
  readonly req: EmbedRequest;
  readonly reply: Reply;
  readonly receivedNs: bigint;
  /** performance.now() time of its deadline. */
  readonly expiresAt: number;
  readonly level: Level;
  readonly uid: number;
  /** Requests with equal keys may share a batch (model and dimensions). */
  readonly batchKey: string;
  /** When it last entered a queue (performance.now()). */
  queuedAt: number;
  /** The service whose queue or batch holds it (QUEUED and IN_BATCH only). */
  service: ServiceEntry | undefined;
  /** Set while it holds a slot at its service: `slots.free(e)` gives the slot back. */
  slots: SlotHolder | undefined;
  /** Its batch (IN_BATCH only). */
  batch: Batch | undefined;
  /** Tries after the first; a request with any counts in the retry budget until it ends. */
  attempts: number;
  /** Services that failed it (a retry prefers others). */
  tried: string[] | undefined;
  /** The status of its last failed try, answered if no try succeeds. */
  lastStatus: number;
  /** Response cache / coalescing key. */
  key: string | undefined;
  /** Identical requests waiting for this one's answer. */
  followers: PipelineRequest[] | undefined;
  /** Its OpenTelemetry span, when tracing. */
  span: Span | undefined;
  /** The traceparent the service sent back with its answer. */
  serviceTraceparent: string | undefined;
}

const batchKeys = new Map<string, Map<number, string>>();

/**
 * One string per (model, dimensions): the queue compares keys of neighbours
 * with ===, which is a pointer test for the same string and needs no
 * concatenation per request. Bounded: callers choose model names.
 */
export function batchKeyOf(model: string, dimensions: number): string {
  let byDims = batchKeys.get(model);
  if (byDims === undefined) {
    if (batchKeys.size >= 256) batchKeys.clear();
    batchKeys.set(model, (byDims = new Map()));
  }
  let key = byDims.get(dimensions);
  if (key === undefined) {
    if (byDims.size >= 64) byDims.clear();
    byDims.set(dimensions, (key = `${model}\0${dimensions}`));
  }
  return key;
}

/** A request just admitted (ROUTING), with `remainingMs` until its deadline. */
export function newRequest(
  req: EmbedRequest,
  reply: Reply,
  receivedNs: bigint,
  remainingMs: number,
  key: string | undefined,
  span: Span | undefined,
  lastStatus: number,
): PipelineRequest {
  return {
    state: RequestState.ROUTING,
    req,
    reply,
    receivedNs,
    expiresAt: performance.now() + remainingMs,
    level: levelOf(req.priority),
    uid: req.callerUid,
    batchKey: batchKeyOf(req.model ?? '', req.dimensions),
    queuedAt: 0,
    service: undefined,
    slots: undefined,
    batch: undefined,
    attempts: 0,
    tried: undefined,
    lastStatus,
    key,
    followers: undefined,
    span,
    serviceTraceparent: undefined,
  };
}

/** The service that answered it, or the last one that failed it. */
export function servedBy(e: PipelineRequest): string | undefined {
  return e.service?.info.id ?? e.tried?.[e.tried.length - 1];
}
