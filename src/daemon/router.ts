/**
 * The service manager's request path. Every kernel embedding request is
 * answered exactly once: with the vector in the requested data type, or
 * with the specific status saying why not.
 *
 * A request is admitted (deadline, limits, cache), matched to services by
 * capability, narrowed to those healthy with a closed breaker, and one is
 * chosen by the model's balancing policy. It then waits in that service's
 * priority queue (fair between callers) or, when that is full, the global
 * overflow queue; lower priorities are shed first when everything is full.
 * Started requests for the same service, model and dimensions leave as one
 * batch. A failed try is retried elsewhere within the deadline and the
 * retry budget.
 */
import { EventEmitter } from 'node:events';

import type { Span, Tracer } from '@opentelemetry/api';

import { Consts, ServiceState, Status, vectorBytes } from '../abi/uapi.js';
import type { AdaptiveLimitOptions } from '../manager/adaptive-limit.js';
import { Admission } from '../manager/admission.js';
import { Selection, canServe } from '../manager/selection.js';
import { Outcomes, type PipelineCounters, countOutcomes, zeroCounters } from '../manager/outcomes.js';
import type { Policy } from '../manager/balancer.js';
import { BatchFailure, BreakerState, Breakers, type BreakerOptions } from '../manager/breakers.js';
import type { CacheOptions, ResponseCache } from '../manager/cache.js';
import { ResponseSharing } from '../manager/sharing.js';
import { FairQueue } from '../manager/fair-queue.js';
import { CACHE_LABEL, RequestMetrics } from '../metrics/request-metrics.js';
import { RequestTracing } from '../trace/tracing.js';
import { LEVELS, LEVEL_FLOOR, type Level, levelOf } from '../abi/priority.js';
import type { RateLimitOptions } from '../manager/rate-limit.js';
import { type RetryOptions, type RetryPolicy, retryable } from '../manager/retry.js';
import { Retries } from '../manager/retries.js';
import { Parking } from '../manager/parking.js';
import { ServiceQueue } from '../manager/service-queue.js';
import type { CancelMessage, EmbedRequest, EmbedResponse } from '../protocol/messages.js';
import { DeadlineQueue } from '../util/deadlines.js';
import type { EmbedBatchResponseMsg } from '../wire/proto.js';
import { convertVector } from '../protocol/vectors.js';
import { serviceWeight } from '../wire/registration.js';
import { type ServiceEntry, ServiceRegistry } from '../manager/registry.js';

export type Reply = (res: EmbedResponse) => void;

interface Inflight {
  readonly req: EmbedRequest;
  readonly reply: Reply;
  readonly receivedNs: bigint;
  readonly expiresAt: number;
  readonly level: Level;
  readonly uid: number;
  readonly batchKey: string;
  live: boolean;
  /** When it last entered a queue (performance.now()). */
  queuedAt: number;
  /** The service whose queue holds it or that has it (undefined: overflow, parked or between tries). */
  service: ServiceEntry | undefined;
  inOverflow: boolean;
  /** Frees its slot in the service's queue. */
  release: (() => void) | undefined;
  batch: Batch | undefined;
  attempts: number;
  /** Services that failed it. */
  tried: string[] | undefined;
  retried: boolean;
  /** The status of its last failed try, answered if no try succeeds. */
  lastStatus: number;
  /** Response cache / coalescing key. */
  key: string | undefined;
  /** Identical requests waiting for this one's answer. */
  followers: Inflight[] | undefined;
  /** Its OpenTelemetry span, when tracing. */
  span: Span | undefined;
  /** The traceparent the service sent back with its answer. */
  serviceTraceparent: string | undefined;
}

interface Batch {
  readonly id: number;
  readonly slot: ServiceSlot;
  readonly entries: Inflight[];
  readonly dims: number;
  /** Entries still waiting for this batch. */
  live: number;
  settle: (failure?: Error) => void;
}

/** The router's state for one registered service. */
interface ServiceSlot {
  readonly entry: ServiceEntry;
  readonly queue: ServiceQueue<Inflight>;
  readonly batches: Map<number, Batch>;
  nextBatchId: number;
  /** EWMA of failed items (0-1). */
  errorRate: number;
}

export interface QueueOptions {
  /** Requests queued per priority level across all queues. */
  perPriority?: number;
  /** Requests queued per service. */
  perService?: number;
  /** Requests in the global overflow queue. */
  global?: number;
  /** Requests a service may have outstanding (0: twice its max batch size). */
  serviceConcurrency?: number;
  /** Batches a service may have outstanding. */
  batchesInFlight?: number;
}

export interface RouterOptions {
  /** Requests held at once before new ones are answered OVERLOADED. */
  maxInflight?: number;
  /** How long a request may wait for a matching service that is still connecting (0: not at all). */
  startingHoldMs?: number;
  /** Token-bucket limits (all off unless given); a limited request gets RATE_LIMITED. */
  rateLimits?: RateLimitOptions;
  adaptiveLimit?: AdaptiveLimitOptions;
  balancer?: Policy;
  /** Policy per model name, overriding `balancer`. */
  balancerByModel?: Record<string, Policy>;
  /** Sticky sessions: how a request's session key is found, and how long a key sticks. */
  sticky?: { by: 'key' | 'pid' | 'uid'; ttlMs: number };
  queues?: QueueOptions;
  breaker?: BreakerOptions;
  retry?: RetryOptions;
  cache?: CacheOptions;
  /** Identical requests in flight share one service call. */
  coalesce?: boolean;
  /** 'uid' (default): cached and coalesced answers are shared only within a caller uid; 'shared': across callers. */
  cacheScope?: 'uid' | 'shared';
  /** Hold a partial batch this long for more requests (0: send at the end of the tick). */
  batchMaxDelayUs?: number;
  /** Spans through the OpenTelemetry API; none when absent. */
  tracer?: Tracer;
  random?: () => number;
}

/** The router's totals: the pipeline's. */
export type RouterCounters = PipelineCounters;

export interface RouterEvents {
  /** A service sent something that does not fit the batch it answers. */
  invalidResponse: [serviceId: string, reason: string];
  /** The priority below which the kernel should fail requests early changed. */
  backpressure: [minPriority: number];
  breaker: [serviceId: string, state: BreakerState];
  /** A request was shed to make room or because every queue was full. */
  shed: [priority: number];
}

const SERVICE_ERROR_CODES = new Set<number>([Status.SERVICE_ERROR, Status.INVALID_REQUEST, Status.MODEL_NOT_FOUND, Status.OVERLOADED, Status.RATE_LIMITED]);

export class Router extends EventEmitter<RouterEvents> {
  readonly counters: RouterCounters = zeroCounters(Consts.STATUS_MAX + 1);
  readonly sharing: ResponseSharing<Inflight>;

  /** The response cache (the sharing stage's). */
  get cache(): ResponseCache {
    return this.sharing.cache;
  }
  readonly metrics: RequestMetrics;
  readonly tracing: RequestTracing;
  /** Every answer, for observers: counters, metrics and spans subscribe here. */
  readonly outcomes = new Outcomes();
  readonly breakers: Breakers;
  readonly admission: Admission;
  private readonly retries: Retries<Inflight>;

  /** The retry budget (its active retries are visible to tests and stats). */
  get retry(): RetryPolicy {
    return this.retries.policy;
  }
  private readonly inflight = new Map<bigint, Inflight>();
  private readonly deadlines: DeadlineQueue<Inflight>;
  private readonly slots = new Map<ServiceEntry, ServiceSlot>();
  /** Services that can serve a shape, by "dims\0dtype\0model", rebuilt when the registry changes. */
  /** Requests queued per level across every queue (service queues and overflow). */
  readonly queuedByLevel = new Array<number>(LEVELS).fill(0);
  readonly overflow = new FairQueue<Inflight>(this.queuedByLevel);
  private readonly selection: Selection;
  private pullScheduled = false;
  private closing = false;
  private drainWaiters: Array<() => void> = [];
  private readonly parking: Parking<Inflight>;
  private floor = 0;
  private kernelCongested = false;
  private readonly startingHoldMs: number;
  private readonly perPriority: number;
  private readonly perService: number;
  private readonly globalQueue: number;

  constructor(
    private readonly registry: ServiceRegistry,
    private readonly options: RouterOptions = {},
  ) {
    super();
    this.startingHoldMs = options.startingHoldMs ?? 1000;
    this.perPriority = options.queues?.perPriority ?? 1000;
    this.perService = options.queues?.perService ?? 250;
    this.globalQueue = options.queues?.global ?? 2000;
    this.admission = new Admission({ maxInflight: options.maxInflight, rateLimits: options.rateLimits, adaptiveLimit: options.adaptiveLimit });
    this.sharing = new ResponseSharing<Inflight>({ cache: options.cache, coalesce: options.coalesce, scope: options.cacheScope });
    this.metrics = new RequestMetrics(registry);
    this.tracing = new RequestTracing(options.tracer);
    this.outcomes.subscribe(countOutcomes(this.counters));
    this.outcomes.subscribe(this.metrics);
    if (this.tracing.enabled) this.outcomes.subscribe(this.tracing);
    this.retries = new Retries<Inflight>(options.retry, (e) => this.route(e), options.random);
    this.parking = new Parking<Inflight>(this.startingHoldMs, {
      tryRoute: (e) => {
        const service = this.pick(e);
        if (typeof service === 'number') return service;
        this.route(e);
        return undefined;
      },
      giveUp: (e, status) => this.finish(e, status),
    });
    this.breakers = new Breakers(options.breaker);
    this.selection = new Selection(
      registry,
      this.breakers,
      {
        id: (s) => s.info.id,
        weight: (s) => serviceWeight(s.info),
        priority: (s) => s.info.priority,
        load: (s) => this.slotOf(s).queue.outstanding + this.slotOf(s).queue.queued,
        capacity: (s) => this.slotOf(s).queue.capacity,
        latencyNs: (s) => s.ewmaNs,
        health: (s) => this.health(s),
        cpu: (s) => s.cpuPermille / 1000,
      },
      { balancer: options.balancer, balancerByModel: options.balancerByModel, sticky: options.sticky, random: options.random },
    );
    this.deadlines = new DeadlineQueue<Inflight>((e) => this.expire(e));
    this.breakers.on('state', (id, state) => {
      this.emit('breaker', id, state);
      const entry = this.registry.get(id);
      if (entry === undefined) return;
      if (state === BreakerState.OPEN) this.moveQueued(entry);
      else {
        this.parking.release(true);
        this.schedulePull();
      }
    });
    registry.on('response', (entry, msg) => this.onResponse(entry, msg));
    registry.on('registered', () => this.selection.changed());
    // A service that is not reading keeps its queue (bounded like any other) but gets no batches until it catches up.
    registry.on('congestion', (entry, on) => this.slots.get(entry)?.queue.setPaused(on || this.kernelCongested));
    registry.on('updated', (entry, previous) => {
      this.selection.changed();
      // Vectors from another version may differ.
      if (previous.version !== entry.info.version) this.sharing.dropService(entry.info.id);
      if (this.slots.has(entry)) this.moveQueued(entry, (e) => !canServe(entry, e.req));
    });
    registry.on('state', (entry) => {
      this.selection.changed();
      // Draining: its batches in flight still complete; only queued requests move.
      if (entry.state === ServiceState.STOPPING) this.moveQueued(entry);
      else if (entry.state !== ServiceState.READY) this.failService(entry);
      else if (!ServiceRegistry.available(entry)) this.moveQueued(entry);
      else {
        this.parking.release(true);
        this.schedulePull();
      }
    });
    registry.on('unregistered', (entry) => {
      this.selection.changed();
      this.sharing.dropService(entry.info.id);
      this.failService(entry);
      this.slots.get(entry)?.queue.close();
      this.slots.delete(entry);
      this.breakers.remove(entry.info.id);
    });
  }

  get inflightCount(): number {
    return this.inflight.size;
  }

  /** The priority floor last sent to the kernel (0: no backpressure). */
  get backpressureFloor(): number {
    return this.floor;
  }

  /**
   * The kernel side is not taking answers as fast as they come: batches
   * wait in their queues (deadlines, bounds and shedding as ever) until it
   * catches up, so answers queued for it stay bounded by those in flight.
   */
  setKernelCongested(on: boolean): void {
    this.kernelCongested = on;
    for (const slot of this.slots.values()) slot.queue.setPaused(on || slot.entry.link.congested);
  }

  submit(req: EmbedRequest, reply: Reply): void {
    this.counters.received++;
    const receivedNs = process.hrtime.bigint();
    if (this.closing) return this.answer(req, reply, Status.SHUTTING_DOWN, receivedNs);
    if (this.inflight.has(req.requestId)) return this.answer(req, reply, Status.INVALID_REQUEST, receivedNs);
    if (vectorBytes(req.dimensions, req.dataType) === 0) return this.answer(req, reply, Status.INVALID_REQUEST, receivedNs);
    const remainingMs = this.admission.remainingMs(req, receivedNs);
    const refused = this.admission.refusal(req, remainingMs, this.inflight.size);
    if (refused !== undefined) {
      if (refused === Status.RATE_LIMITED) this.counters.rateLimited++;
      return this.answer(req, reply, refused, receivedNs);
    }

    const key = this.sharing.keyOf(req);
    const hit = this.sharing.cached(key);
    if (hit !== undefined) return this.answer(req, reply, Status.SUCCESS, receivedNs, hit, undefined, CACHE_LABEL);
    const entry: Inflight = {
      req,
      reply,
      receivedNs,
      expiresAt: performance.now() + remainingMs,
      level: levelOf(req.priority),
      uid: req.callerUid,
      batchKey: `${req.model ?? ''}\0${req.dimensions}`,
      live: true,
      queuedAt: 0,
      service: undefined,
      inOverflow: false,
      release: undefined,
      batch: undefined,
      attempts: 0,
      tried: undefined,
      retried: false,
      lastStatus: Status.NO_SERVICE,
      key,
      followers: undefined,
      span: this.tracing.enabled ? this.tracing.start(req) : undefined,
      serviceTraceparent: undefined,
    };
    this.inflight.set(req.requestId, entry);
    this.deadlines.add(entry, req.timeoutMs);
    if (this.sharing.join(entry)) return;
    this.route(entry);
  }

  // ---- choosing a service ----

  private route(entry: Inflight): void {
    const service = this.pick(entry);
    if (typeof service === 'number') {
      if (this.hasStarting(entry.req)) this.parking.park(entry);
      else this.finish(entry, entry.attempts > 0 ? entry.lastStatus : service);
      return;
    }
    if (!this.admission.admitService(service.info.id)) {
      this.counters.rateLimited++;
      this.finish(entry, Status.RATE_LIMITED);
      return;
    }
    this.place(service, entry);
  }

  private pick(entry: Inflight): ServiceEntry | number {
    return this.selection.pick(entry.req, entry.tried);
  }

  private usable(s: ServiceEntry): boolean {
    return this.selection.usable(s);
  }

  /**
   * A service that could serve `req` is registered but not connected yet
   * (a daemon that just started, or re-sent requests after a restart).
   */
  private hasStarting(req: EmbedRequest): boolean {
    return this.startingHoldMs !== 0 && this.selection.hasStarting(req);
  }

  // ---- queues ----

  private slotOf(service: ServiceEntry): ServiceSlot {
    let slot = this.slots.get(service);
    if (slot === undefined) {
      const q = this.options.queues;
      const maxBatchSize = service.info.maxBatchSize;
      const s: ServiceSlot = { entry: service, queue: undefined as unknown as ServiceQueue<Inflight>, batches: new Map(), nextBatchId: 1, errorRate: 0 };
      (s as { queue: ServiceQueue<Inflight> }).queue = new ServiceQueue<Inflight>(
        { capacity: this.serviceLoad(service).capacity, batchesInFlight: q?.batchesInFlight ?? 4, maxBatchSize, maxDelayUs: this.options.batchMaxDelayUs },
        (batch) => this.sendItems(s, batch),
        this.queuedByLevel,
        () => this.schedulePull(),
      );
      if (this.kernelCongested || service.link.congested) s.queue.setPaused(true);
      this.slots.set(service, (slot = s));
    }
    return slot;
  }

  /**
   * Into the service's queue; when that is full, a lower-priority request
   * there makes way (moving to the overflow queue); else into the overflow
   * queue; else the lowest priority queued is shed. Room is never made by
   * shedding work of the same level.
   */
  private place(service: ServiceEntry, entry: Inflight): void {
    const q = this.slotOf(service).queue;
    const levelFull = (this.queuedByLevel[entry.level] as number) >= this.perPriority;
    if (q.idle || (q.queued < this.perService && !levelFull)) {
      this.enqueue(service, entry);
    } else if (levelFull) {
      this.shedOne(entry);
    } else {
      const displaced = q.shed(entry.level);
      if (displaced !== undefined) {
        displaced.service = undefined;
        this.enqueue(service, entry);
        this.toOverflow(displaced);
      } else {
        this.toOverflow(entry);
      }
    }
    this.pressure();
  }

  private enqueue(service: ServiceEntry, entry: Inflight): void {
    entry.service = service;
    entry.queuedAt = performance.now();
    this.slotOf(service).queue.add(entry);
  }

  private toOverflow(entry: Inflight): void {
    if (this.overflow.size >= this.globalQueue) {
      const victim = this.overflow.shed(entry.level);
      if (victim === undefined) {
        this.shedOne(entry);
        return;
      }
      victim.inOverflow = false;
      this.shedOne(victim);
    }
    entry.inOverflow = true;
    entry.queuedAt = performance.now();
    this.overflow.push(entry, entry.level, entry.uid);
  }

  private shedOne(e: Inflight): void {
    this.counters.shed++;
    this.emit('shed', e.req.priority);
    this.finish(e, Status.OVERLOADED);
  }

  /** A batch the service's queue let go: requests that can still go to this service are sent together. */
  private sendItems(slot: ServiceSlot, items: Inflight[]): void {
    const now = performance.now();
    const c = this.counters;
    const usable = this.usable(slot.entry);
    const batch: Inflight[] = [];
    for (const e of items) {
      if (!e.live || e.service !== slot.entry) {
        e.release?.();
        continue;
      }
      const waited = (now - e.queuedAt) * 1e6;
      c.avgQueueWaitNs = c.avgQueueWaitNs === 0 ? waited : c.avgQueueWaitNs * 0.95 + waited * 0.05;
      this.metrics.queued(e.level, waited);
      if (usable) batch.push(e);
      else {
        // It turned unhealthy or its breaker opened while these waited: they go elsewhere.
        this.leave(e);
        this.route(e);
      }
    }
    if (batch.length > 0) this.sendBatch(slot, batch);
    this.pressure();
  }

  /** Frees the entry's slot in its service's queue (answered, failed or moving on). */
  private leave(e: Inflight): void {
    if (e.inOverflow) {
      e.inOverflow = false;
      this.overflow.remove(e, e.level, e.uid);
    } else if (e.service !== undefined && e.release === undefined) {
      this.slots.get(e.service)?.queue.remove(e);
    }
    if (e.batch !== undefined) {
      const b = e.batch;
      e.batch = undefined;
      if (--b.live === 0 && b.slot.batches.delete(b.id)) {
        // Nobody waits for it any more; an answer arriving later is counted as late.
        b.slot.entry.active -= b.entries.length;
        b.settle(new BatchFailure('every request of the batch ended before its answer'));
      }
    }
    e.service = undefined;
    const release = e.release;
    if (release !== undefined) {
      e.release = undefined;
      release();
    }
  }

  private schedulePull(): void {
    if (this.pullScheduled || this.overflow.size === 0) return;
    this.pullScheduled = true;
    queueMicrotask(() => {
      this.pullScheduled = false;
      this.pullOverflow();
    });
  }

  /** Slots freed up: overflow requests move into service queues while any has room. */
  private pullOverflow(): void {
    for (let n = this.overflow.size; n > 0; n--) {
      const e = this.overflow.shift();
      if (e === undefined) break;
      e.inOverflow = false;
      if (!e.live) continue;
      this.route(e);
      if (e.inOverflow) break;
    }
    this.pressure();
  }

  /**
   * Tells the kernel to fail low priorities early when queues fill: the
   * floor rises past a level whose queued requests (or the overflow queue)
   * pass 75% of the bound, and drops when everything is under 50%.
   */
  private pressure(): void {
    let floor = 0;
    let calm = this.overflow.size < this.globalQueue / 2;
    if (this.overflow.size >= this.globalQueue * 0.75) floor = LEVEL_FLOOR[1];
    for (let l = 0; l < LEVELS - 1; l++) {
      const n = this.queuedByLevel[l] as number;
      if (n >= this.perPriority * 0.75) floor = Math.max(floor, LEVEL_FLOOR[l + 1] as number);
      if (n >= this.perPriority / 2) calm = false;
    }
    if (floor > this.floor || (calm && this.floor !== 0)) {
      this.floor = floor;
      this.emit('backpressure', floor);
    }
  }

  /** Queued requests of a service that can no longer take them (all, or those matching `which`) go elsewhere. */
  private moveQueued(service: ServiceEntry, which: (e: Inflight) => boolean = () => true): void {
    const slot = this.slots.get(service);
    if (slot === undefined) return;
    for (const e of slot.queue.takeWhere(which)) {
      e.service = undefined;
      if (e.live) this.route(e);
    }
  }

  // ---- batches ----

  private sendBatch(slot: ServiceSlot, entries: Inflight[]): void {
    const service = slot.entry;
    const first = entries[0] as Inflight;
    const id = slot.nextBatchId;
    slot.nextBatchId = (slot.nextBatchId % 0xffffffff) + 1;
    const batch: Batch = { id, slot, entries, dims: first.req.dimensions, live: entries.length, settle: () => {} };
    let sent = false;
    let blocked = false;
    const allowed = this.breakers.fire(service.info.id, () => {
      const outcome = new Promise<void>((resolve, reject) => {
        batch.settle = (failure) => {
          batch.settle = () => {};
          if (failure === undefined) resolve();
          else reject(failure);
        };
      });
      const now = performance.now();
      let minLeft = Infinity;
      for (const e of entries) minLeft = Math.min(minLeft, e.expiresAt - now);
      const outcomeOfSend = service.link.send({
        batchId: id,
        model: first.req.model ?? '',
        dimensions: first.req.dimensions,
        inputs: entries.map((e) => e.req.input),
        ...this.tracing.pack(entries),
        timeoutMs: Math.max(1, Math.floor(minLeft)),
      });
      sent = outcomeOfSend === 'sent';
      blocked = outcomeOfSend === 'blocked';
      if (!sent) batch.settle(new BatchFailure(blocked ? 'the service is not reading what it was sent' : 'the service is not connected'));
      return outcome;
    });
    if (!allowed) {
      // The breaker opened since the pick: these go elsewhere.
      for (const e of entries) {
        this.leave(e);
        this.route(e);
      }
      return;
    }
    if (blocked) {
      // Never given to the service (it stopped reading since the batch formed): routed again, no retry spent.
      for (const e of entries) {
        this.leave(e);
        this.route(e);
      }
      return;
    }
    if (!sent) {
      for (const e of entries) this.failTry(e, service, Status.SERVICE_ERROR);
      return;
    }
    slot.batches.set(id, batch);
    for (const e of entries) e.batch = batch;
    service.active += entries.length;
  }

  private onResponse(service: ServiceEntry, msg: EmbedBatchResponseMsg): void {
    const slot = this.slots.get(service);
    const batch = slot?.batches.get(msg.batchId);
    if (slot === undefined || batch === undefined) {
      if (slot !== undefined && msg.batchId < slot.nextBatchId && msg.batchId > 0) {
        // A batch whose requests all ended (timed out, cancelled) before it was answered.
        this.counters.lateResults += msg.results.length;
      } else {
        this.invalid(service, `response to unknown batch ${msg.batchId}`);
      }
      return;
    }
    slot.batches.delete(msg.batchId);
    service.active -= batch.entries.length;
    const now = process.hrtime.bigint();
    if (msg.error) {
      const status = itemStatus(msg.error.code);
      batch.settle(retryable(status) ? new BatchFailure(`batch failed: ${msg.error.message}`) : undefined);
      service.failures += batch.entries.length;
      this.noteErrors(slot, batch.entries.length, batch.entries.length);
      for (const e of batch.entries) if (e.batch === batch) this.failTry(e, service, status);
      return;
    }
    if (msg.results.length !== batch.entries.length) {
      this.invalid(service, `${msg.results.length} results for a batch of ${batch.entries.length}`);
      batch.settle(new BatchFailure('malformed response'));
      this.noteErrors(slot, batch.entries.length, batch.entries.length);
      for (const e of batch.entries) if (e.batch === batch) this.failTry(e, service, Status.SERVICE_ERROR);
      return;
    }
    const expected = batch.dims * 4;
    let failed = 0;
    const outcomes: Array<number | Uint8Array> = [];
    for (let i = 0; i < batch.entries.length; i++) {
      const r = msg.results[i];
      service.total++;
      const vec = r?.vector;
      if (r?.error) outcomes.push(itemStatus(r.error.code));
      else if (vec === undefined || vec.length !== expected) {
        this.invalid(service, `vector of ${vec?.length ?? 0} bytes, expected ${expected}`);
        outcomes.push(Status.SERVICE_ERROR);
      } else outcomes.push(vec);
      const o = outcomes[i] as number | Uint8Array;
      if (typeof o === 'number' && retryable(o)) failed++;
    }
    service.failures += failed;
    this.noteErrors(slot, failed, batch.entries.length);
    // More than half failing counts against the service's breaker.
    batch.settle(failed * 2 > batch.entries.length ? new BatchFailure(`${failed} of ${batch.entries.length} items failed`) : undefined);
    for (let i = 0; i < batch.entries.length; i++) {
      const e = batch.entries[i] as Inflight;
      if (e.batch !== batch) {
        this.counters.lateResults++;
        continue;
      }
      const o = outcomes[i] as number | Uint8Array;
      if (typeof o === 'number') {
        this.failTry(e, service, o);
        continue;
      }
      const took = Number(now - e.receivedNs);
      service.ewmaNs = service.ewmaNs === 0 ? took : service.ewmaNs * 0.8 + took * 0.2;
      this.admission.completed(took);
      if (e.span !== undefined) e.serviceTraceparent = msg.results[i]?.traceparent;
      const vector = convertVector(o, batch.dims, e.req.dataType);
      this.sharing.store(e.key, vector, service.info.id);
      this.finish(e, Status.SUCCESS, vector, now);
    }
  }

  private noteErrors(slot: ServiceSlot, failed: number, total: number): void {
    const rate = failed / total;
    slot.errorRate = slot.errorRate * 0.8 + rate * 0.2;
  }

  /** A try failed at `service`: retry elsewhere when the status, deadline and budget allow; else answer. */
  private failTry(e: Inflight, service: ServiceEntry, status: number): void {
    this.leave(e);
    if (!e.live) return;
    e.lastStatus = status;
    const verdict = this.retries.afterFailure(e, service.info.id, status, this.inflight.size, this.closing);
    if (verdict === 'scheduled') {
      this.counters.retries++;
      return;
    }
    if (verdict === 'denied') this.counters.retriesDenied++;
    this.finish(e, status);
  }

  /** The service's connection is gone: what it was sent is retried or failed; what it queued goes elsewhere. */
  private failService(service: ServiceEntry): void {
    const slot = this.slots.get(service);
    if (slot === undefined) return;
    for (const batch of [...slot.batches.values()]) {
      slot.batches.delete(batch.id);
      service.active -= batch.entries.length;
      batch.settle(new BatchFailure('the connection to the service was lost'));
      for (const e of batch.entries) if (e.batch === batch) this.failTry(e, service, Status.SERVICE_ERROR);
    }
    this.moveQueued(service);
  }

  private invalid(service: ServiceEntry, reason: string): void {
    this.counters.invalidResponses++;
    this.emit('invalidResponse', service.info.id, reason);
  }

  // ---- ending requests ----

  /** The kernel gave up on a request: drop it; a later result is discarded. */
  cancel(msg: CancelMessage): void {
    const entry = this.inflight.get(msg.requestId);
    if (entry === undefined || !entry.live) return;
    this.counters.cancelled++;
    if (entry.span !== undefined) this.tracing.end(entry.span, Status.CANCELLED, servedBy(entry));
    this.end(entry);
    this.deadlines.settled();
    this.handOver(entry);
  }

  private expire(e: Inflight): void {
    // The deadline queue already dropped it from its count.
    const at = servedBy(e);
    this.end(e);
    this.answer(e.req, e.reply, Status.TIMEOUT, e.receivedNs, undefined, undefined, at, e);
    this.handOver(e);
  }

  /**
   * A coalescing leader ended without an answer while identical requests
   * wait for it: the first of them takes its place (its batch, or a new try).
   */
  private handOver(e: Inflight): void {
    const next = this.sharing.handOver(e);
    if (next !== undefined) this.route(next);
  }

  /** `at`: the service that answered (a coalesced follower shares its leader's). */
  private finish(e: Inflight, status: number, vector?: Uint8Array, now = process.hrtime.bigint(), at = servedBy(e)): void {
    if (!e.live) return;
    this.end(e);
    this.deadlines.settled();
    this.answer(e.req, e.reply, status, e.receivedNs, vector, now, at, e);
    const followers = this.sharing.takeFollowers(e);
    if (followers !== undefined) for (const f of followers) this.finish(f, status, vector, now, at);
  }

  /** Common to every way a request ends: out of every queue and table. */
  private end(e: Inflight): void {
    e.live = false;
    this.leave(e);
    this.inflight.delete(e.req.requestId);
    this.sharing.ended(e);
    this.retries.ended(e);
    this.settledOne();
  }

  /**
   * `serviceId`: the service that answered it, or the last one that failed
   * it; `entry`: its in-flight record (absent when it ended on arrival).
   */
  private answer(
    req: EmbedRequest,
    reply: Reply,
    status: number,
    receivedNs: bigint,
    vector?: Uint8Array,
    now = process.hrtime.bigint(),
    serviceId?: string,
    entry?: Inflight,
  ): void {
    this.outcomes.publish(req, status, Number(now - receivedNs), serviceId, entry?.span, entry?.serviceTraceparent);
    reply({ requestId: req.requestId, status, vector, processingNs: now - receivedNs, serviceId: undefined });
  }

  private settledOne(): void {
    if (this.inflight.size === 0 && this.drainWaiters.length > 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }

  // ---- state for stats ----

  /**
   * 0-100: 0 when it cannot take requests (disconnected, silent, failing
   * health checks, breaker open); 50 while its breaker is half-open;
   * otherwise 100 less up to 50 for its recent error rate.
   */
  health(s: ServiceEntry): number {
    if (!ServiceRegistry.available(s)) return 0;
    const breaker = this.breakers.state(s.info.id);
    if (breaker === BreakerState.OPEN) return 0;
    const errorRate = this.slots.get(s)?.errorRate ?? 0;
    const score = 100 - Math.round(50 * errorRate);
    return breaker === BreakerState.HALF_OPEN ? Math.min(50, score) : score;
  }

  /** New rate limits (a configuration reload); their buckets start full. */
  setRateLimits(options: RateLimitOptions): void {
    this.admission.setRateLimits(options);
  }

  /**
   * The state a service reports: a ready one with every slot taken is BUSY
   * (new requests wait in its queue); with its queue full as well it is
   * OVERLOADED (new requests go to other services or the overflow queue).
   */
  reportedState(s: ServiceEntry): ServiceState {
    const q = this.slots.get(s)?.queue;
    if (s.state !== ServiceState.READY || q === undefined) return s.state;
    if (q.queued >= this.perService) return ServiceState.OVERLOADED;
    if (q.outstanding >= q.capacity) return ServiceState.BUSY;
    return s.state;
  }

  serviceLoad(s: ServiceEntry): { queued: number; capacity: number } {
    const slot = this.slots.get(s);
    if (slot !== undefined) return { queued: slot.queue.queued, capacity: slot.queue.capacity };
    // Not used yet: its queue would be made with this capacity.
    return { queued: 0, capacity: this.options.queues?.serviceConcurrency || 2 * s.info.maxBatchSize };
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
    this.parking.close();
    this.retries.close();
    this.breakers.close();
  }
}

/** The status for a service-reported item error: its code when it is one a service may give. */
function itemStatus(code: number): number {
  return SERVICE_ERROR_CODES.has(code) ? code : Status.SERVICE_ERROR;
}

function servedBy(e: Inflight): string | undefined {
  return e.service?.info.id ?? e.tried?.[e.tried.length - 1];
}
