/**
 * Routes kernel embedding requests to registered services and answers every
 * one of them exactly once: with the vector in the requested data type, or
 * with the specific status saying why not. Requests for the same service,
 * model and dimension count that arrive in the same tick go out as one batch.
 *
 * Deadlines come from the request (absolute CLOCK_MONOTONIC, the clock of
 * process.hrtime); a request cancelled by the kernel is dropped; a result
 * arriving after its request timed out or was cancelled is counted and
 * discarded.
 */
import { EventEmitter } from 'node:events';

import { Consts, DataType, ServiceState, Status, vectorBytes } from '../abi/uapi.js';
import type { CancelMessage, EmbedRequest, EmbedResponse } from '../protocol/messages.js';
import { RateLimits, type RateLimitOptions } from '../manager/rate-limit.js';
import { DeadlineQueue } from '../util/deadlines.js';
import type { EmbedBatchResponseMsg } from '../wire/proto.js';
import { convertVector } from './convert.js';
import { type ServiceEntry, ServiceRegistry } from './registry.js';

export type Reply = (res: EmbedResponse) => void;

interface Inflight {
  readonly req: EmbedRequest;
  readonly reply: Reply;
  readonly receivedNs: bigint;
  readonly expiresAt: number;
  live: boolean;
}

interface Batch {
  readonly entries: Inflight[];
  readonly dims: number;
}

interface ServiceQueues {
  /** Requests waiting for the end of the tick, by "model\0dims". */
  groups: Map<string, Inflight[]>;
  batches: Map<number, Batch>;
  nextBatchId: number;
}

export interface RouterOptions {
  /** Requests held at once before new ones are answered OVERLOADED. */
  maxInflight?: number;
  /** How long a request may wait for a matching service that is still connecting (0: not at all). */
  startingHoldMs?: number;
  /** Token-bucket limits (all off unless given); a limited request gets RATE_LIMITED. */
  rateLimits?: RateLimitOptions;
}

export interface RouterCounters {
  received: number;
  succeeded: number;
  failed: number;
  byStatus: number[];
  cancelled: number;
  lateResults: number;
  invalidResponses: number;
  /** Exponentially weighted latency of successful requests, ns. */
  avgLatencyNs: number;
}

export interface RouterEvents {
  /** A service sent something that does not fit the batch it answers. */
  invalidResponse: [serviceId: string, reason: string];
}

const SERVICE_ERROR_CODES = new Set<number>([Status.SERVICE_ERROR, Status.INVALID_REQUEST, Status.MODEL_NOT_FOUND, Status.OVERLOADED, Status.RATE_LIMITED]);

export class Router extends EventEmitter<RouterEvents> {
  readonly counters: RouterCounters = {
    received: 0,
    succeeded: 0,
    failed: 0,
    byStatus: new Array<number>(Consts.STATUS_MAX + 1).fill(0),
    cancelled: 0,
    lateResults: 0,
    invalidResponses: 0,
    avgLatencyNs: 0,
  };
  private readonly inflight = new Map<bigint, Inflight>();
  private readonly deadlines: DeadlineQueue<Inflight>;
  private readonly queues = new Map<string, ServiceQueues>();
  private readonly dirty = new Set<ServiceEntry>();
  private readonly rr = new Map<string, number>();
  /** Ready services per "dims\0dtype", rebuilt when the registry changes. */
  private readonly candidates = new Map<string, ServiceEntry[]>();
  private flushScheduled = false;
  private closing = false;
  private readonly maxInflight: number;
  private drainWaiters: Array<() => void> = [];
  private readonly startingHoldMs: number;
  private readonly limits: RateLimits;
  private parked: Array<{ entry: Inflight; until: number }> = [];
  private parkTimer: NodeJS.Timeout | undefined;

  constructor(private readonly registry: ServiceRegistry, options: RouterOptions = {}) {
    super();
    this.maxInflight = options.maxInflight ?? 65536;
    this.startingHoldMs = options.startingHoldMs ?? 1000;
    this.limits = new RateLimits(options.rateLimits);
    this.deadlines = new DeadlineQueue<Inflight>((e) => this.expire(e));
    registry.on('response', (entry, msg) => this.onResponse(entry, msg));
    registry.on('registered', () => this.candidates.clear());
    registry.on('state', (entry) => {
      this.candidates.clear();
      if (entry.state !== ServiceState.READY) this.failService(entry);
      else if (this.parked.length > 0) this.unpark(true);
    });
    registry.on('unregistered', (entry) => {
      this.candidates.clear();
      this.failService(entry);
      this.queues.delete(entry.info.id);
    });
  }

  get inflightCount(): number {
    return this.inflight.size;
  }

  submit(req: EmbedRequest, reply: Reply): void {
    this.counters.received++;
    const receivedNs = process.hrtime.bigint();
    if (this.closing) return this.answer(req, reply, Status.SHUTTING_DOWN, receivedNs);
    if (this.inflight.has(req.requestId)) return this.answer(req, reply, Status.INVALID_REQUEST, receivedNs);
    if (vectorBytes(req.dimensions, req.dataType) === 0) return this.answer(req, reply, Status.INVALID_REQUEST, receivedNs);
    const remainingMs = Math.min(req.timeoutMs, Number(req.deadlineNs - receivedNs) / 1e6);
    if (remainingMs <= 0) return this.answer(req, reply, Status.TIMEOUT, receivedNs);
    if (this.inflight.size >= this.maxInflight) return this.answer(req, reply, Status.OVERLOADED, receivedNs);

    if (this.limits.enabled && !this.limits.admitCaller(req.callerUid)) return this.answer(req, reply, Status.RATE_LIMITED, receivedNs);

    const service = this.pick(req);
    if (typeof service === 'number' && !this.hasStarting(req)) return this.answer(req, reply, service, receivedNs);
    if (typeof service !== 'number' && !this.limits.admitService(service.info.id)) return this.answer(req, reply, Status.RATE_LIMITED, receivedNs);

    const entry: Inflight = { req, reply, receivedNs, expiresAt: performance.now() + remainingMs, live: true };
    this.inflight.set(req.requestId, entry);
    this.deadlines.add(entry, req.timeoutMs);
    if (typeof service === 'number') this.park(entry);
    else this.enqueue(service, entry);
  }

  private enqueue(service: ServiceEntry, entry: Inflight): void {
    const q = this.queuesOf(service);
    const key = `${entry.req.model ?? ''}\0${entry.req.dimensions}`;
    let group = q.groups.get(key);
    if (group === undefined) q.groups.set(key, (group = []));
    group.push(entry);
    this.dirty.add(service);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /**
   * A service that could serve `req` is registered but not connected yet
   * (a daemon that just started, or re-sent requests after a restart).
   */
  private hasStarting(req: EmbedRequest): boolean {
    if (this.startingHoldMs === 0) return false;
    return this.registry.list().some((s) => s.state === ServiceState.STARTING && this.canServe(s, req));
  }

  private canServe(s: ServiceEntry, req: EmbedRequest): boolean {
    const types = s.info.dataTypes === 0 ? 1 << DataType.FLOAT32 : s.info.dataTypes;
    return (
      s.info.dimensions.includes(req.dimensions) &&
      (types & (1 << req.dataType)) !== 0 &&
      (req.model === undefined || s.info.models.includes(req.model))
    );
  }

  // Held until a service becomes ready, at most startingHoldMs (and never past the deadline).
  private park(entry: Inflight): void {
    this.parked.push({ entry, until: performance.now() + this.startingHoldMs });
    if (this.parkTimer === undefined) {
      this.parkTimer = setInterval(() => this.unpark(false), 10);
      this.parkTimer.unref();
    }
  }

  /** Routes parked requests that can go now; with `expired` only, answers those past their hold. */
  private unpark(readyChanged: boolean): void {
    const now = performance.now();
    const keep: typeof this.parked = [];
    for (const p of this.parked) {
      if (!p.entry.live) continue;
      const service = readyChanged || now >= p.until ? this.pick(p.entry.req) : undefined;
      if (service !== undefined && typeof service !== 'number') {
        if (this.limits.admitService(service.info.id)) this.enqueue(service, p.entry);
        else this.finish(p.entry, Status.RATE_LIMITED);
      }
      else if (now >= p.until) this.finish(p.entry, typeof service === 'number' ? service : Status.NO_SERVICE);
      else keep.push(p);
    }
    this.parked = keep;
    if (keep.length === 0 && this.parkTimer !== undefined) {
      clearInterval(this.parkTimer);
      this.parkTimer = undefined;
    }
  }

  /** The kernel gave up on a request: drop it; a later result is discarded. */
  cancel(msg: CancelMessage): void {
    const entry = this.inflight.get(msg.requestId);
    if (entry === undefined || !entry.live) return;
    entry.live = false;
    this.inflight.delete(msg.requestId);
    this.deadlines.settled();
    this.counters.cancelled++;
    this.settledOne();
  }

  /** A ready service that can serve `req`, or the status saying why there is none. */
  private pick(req: EmbedRequest): ServiceEntry | number {
    const shapeKey = `${req.dimensions}\0${req.dataType}`;
    let shaped = this.candidates.get(shapeKey);
    if (shaped === undefined) {
      const dtypeBit = 1 << req.dataType;
      shaped = this.registry.list().filter((s) => {
        const types = s.info.dataTypes === 0 ? 1 << DataType.FLOAT32 : s.info.dataTypes;
        return ServiceRegistry.available(s) && s.info.dimensions.includes(req.dimensions) && (types & dtypeBit) !== 0;
      });
      this.candidates.set(shapeKey, shaped);
    }
    if (shaped.length === 0) return Status.NO_SERVICE;
    // A request that names no model goes to any service of the right shape (its default model).
    const model = req.model;
    const matches = model === undefined ? shaped : shaped.filter((s) => s.info.models.includes(model));
    if (matches.length === 0) return Status.MODEL_NOT_FOUND;
    if (matches.length === 1) return matches[0] as ServiceEntry;
    const key = `${shapeKey}\0${model ?? ''}`;
    const i = ((this.rr.get(key) ?? -1) + 1) % matches.length;
    this.rr.set(key, i);
    return matches[i] as ServiceEntry;
  }

  private queuesOf(service: ServiceEntry): ServiceQueues {
    let q = this.queues.get(service.info.id);
    if (q === undefined) this.queues.set(service.info.id, (q = { groups: new Map(), batches: new Map(), nextBatchId: 1 }));
    return q;
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const service of this.dirty) {
      const q = this.queuesOf(service);
      for (const group of q.groups.values()) {
        const live = group.filter((e) => e.live);
        const max = service.info.maxBatchSize;
        for (let i = 0; i < live.length; i += max) this.sendBatch(service, q, live.slice(i, i + max));
      }
      q.groups.clear();
    }
    this.dirty.clear();
  }

  private sendBatch(service: ServiceEntry, q: ServiceQueues, entries: Inflight[]): void {
    const first = entries[0] as Inflight;
    const batchId = q.nextBatchId;
    q.nextBatchId = (q.nextBatchId % 0xffffffff) + 1;
    const now = performance.now();
    let minLeft = Infinity;
    for (const e of entries) minLeft = Math.min(minLeft, e.expiresAt - now);
    const sent = service.conn.send({
      batchId,
      model: first.req.model ?? '',
      dimensions: first.req.dimensions,
      inputs: entries.map((e) => e.req.input),
      traceparent: '',
      timeoutMs: Math.max(1, Math.floor(minLeft)),
    });
    if (!sent) {
      for (const e of entries) this.finish(e, Status.SERVICE_ERROR);
      return;
    }
    q.batches.set(batchId, { entries, dims: first.req.dimensions });
    service.active += entries.length;
  }

  private onResponse(service: ServiceEntry, msg: EmbedBatchResponseMsg): void {
    const q = this.queues.get(service.info.id);
    const batch = q?.batches.get(msg.batchId);
    if (q === undefined || batch === undefined) {
      this.invalid(service, `response to unknown batch ${msg.batchId}`);
      return;
    }
    q.batches.delete(msg.batchId);
    service.active -= batch.entries.length;
    const now = process.hrtime.bigint();
    if (msg.error) {
      service.failures += batch.entries.length;
      for (const e of batch.entries) this.finish(e, itemStatus(msg.error.code));
      return;
    }
    if (msg.results.length !== batch.entries.length) {
      this.invalid(service, `${msg.results.length} results for a batch of ${batch.entries.length}`);
      for (const e of batch.entries) this.finish(e, Status.SERVICE_ERROR);
      return;
    }
    const expected = batch.dims * 4;
    for (let i = 0; i < batch.entries.length; i++) {
      const e = batch.entries[i] as Inflight;
      const r = msg.results[i];
      service.total++;
      if (!e.live) {
        this.counters.lateResults++;
        continue;
      }
      if (r?.error) {
        service.failures++;
        this.finish(e, itemStatus(r.error.code));
        continue;
      }
      const vec = r?.vector;
      if (vec === undefined || vec.length !== expected) {
        service.failures++;
        this.invalid(service, `vector of ${vec?.length ?? 0} bytes, expected ${expected}`);
        this.finish(e, Status.SERVICE_ERROR);
        continue;
      }
      const took = Number(now - e.receivedNs);
      service.ewmaNs = service.ewmaNs === 0 ? took : service.ewmaNs * 0.8 + took * 0.2;
      this.finish(e, Status.SUCCESS, convertVector(vec, batch.dims, e.req.dataType), now);
    }
  }

  /** The service's connection is gone: everything sent or queued to it fails SERVICE_ERROR. */
  private failService(service: ServiceEntry): void {
    const q = this.queues.get(service.info.id);
    if (q === undefined) return;
    for (const batch of q.batches.values()) {
      service.active -= batch.entries.length;
      for (const e of batch.entries) this.finish(e, Status.SERVICE_ERROR);
    }
    q.batches.clear();
    for (const group of q.groups.values()) for (const e of group) this.finish(e, Status.SERVICE_ERROR);
    q.groups.clear();
  }

  private invalid(service: ServiceEntry, reason: string): void {
    this.counters.invalidResponses++;
    this.emit('invalidResponse', service.info.id, reason);
  }

  private expire(e: Inflight): void {
    // The deadline queue already dropped it from its count.
    e.live = false;
    this.inflight.delete(e.req.requestId);
    this.answer(e.req, e.reply, Status.TIMEOUT, e.receivedNs);
    this.settledOne();
  }

  private finish(e: Inflight, status: number, vector?: Uint8Array, now = process.hrtime.bigint()): void {
    if (!e.live) return;
    e.live = false;
    this.inflight.delete(e.req.requestId);
    this.deadlines.settled();
    this.answer(e.req, e.reply, status, e.receivedNs, vector, now);
    this.settledOne();
  }

  private answer(req: EmbedRequest, reply: Reply, status: number, receivedNs: bigint, vector?: Uint8Array, now = process.hrtime.bigint()): void {
    const c = this.counters;
    c.byStatus[status] = (c.byStatus[status] ?? 0) + 1;
    if (status === Status.SUCCESS) {
      c.succeeded++;
      const took = Number(now - receivedNs);
      c.avgLatencyNs = c.avgLatencyNs === 0 ? took : c.avgLatencyNs * 0.9 + took * 0.1;
    } else {
      c.failed++;
    }
    reply({ requestId: req.requestId, status, vector, processingNs: now - receivedNs, serviceId: undefined });
  }

  private settledOne(): void {
    if (this.inflight.size === 0 && this.drainWaiters.length > 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }

  /**
   * Stops taking requests (new ones get SHUTTING_DOWN), waits up to
   * `graceMs` for those in flight, then answers the rest SHUTTING_DOWN.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.closing = true;
    if (this.inflight.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.drainWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    for (const e of [...this.inflight.values()]) this.finish(e, Status.SHUTTING_DOWN);
    this.deadlines.clear();
    this.parked = [];
    if (this.parkTimer !== undefined) clearInterval(this.parkTimer);
    this.parkTimer = undefined;
  }
}

/** The status for a service-reported item error: its code when it is one a service may give. */
function itemStatus(code: number): number {
  return SERVICE_ERROR_CODES.has(code) ? code : Status.SERVICE_ERROR;
}
