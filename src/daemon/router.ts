/**
 * The service manager's request path, composed of the pipeline's stages
 * (src/pipeline/). Every kernel embedding request is answered exactly once:
 * with the vector in the requested data type, or with the specific status
 * saying why not.
 *
 *   admission → sharing (cache, coalescing) → selection → placement
 *   (service queues, overflow, shedding) → dispatch (batches, breakers,
 *   answer checks) → retries → outcome
 *
 * A request's place is one state (manager/request.ts); `move()` takes it
 * out of its old place and changes the state. Counters, metrics, spans and
 * logs subscribe to `outcomes`.
 */
import { EventEmitter } from 'node:events';

import { Consts, Status, vectorBytes } from '../abi/uapi.js';
import { Admission } from '../pipeline/admission.js';
import { Breakers } from '../pipeline/breakers.js';
import type { ResponseCache } from '../pipeline/cache.js';
import { Dispatch } from '../pipeline/dispatch.js';
import { Outcomes, countOutcomes, zeroCounters } from '../pipeline/outcomes.js';
import { Parking } from '../pipeline/parking.js';
import { Placement } from '../pipeline/placement.js';
import type { RateLimitOptions } from '../pipeline/rate-limit.js';
import { BatchProvenance, type Provenance } from '../pipeline/provenance.js';
import type { ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';
import { type PipelineRequest, type Reply, RequestState, newRequest, servedBy, transition } from '../pipeline/request.js';
import { type RetryLoad, Retries } from '../pipeline/retries.js';
import type { RetryPolicy } from '../pipeline/retry-policy.js';
import { Selection } from '../pipeline/selection.js';
import { SharedLoad } from '../pipeline/shared-load.js';
import { ResponseSharing } from '../pipeline/sharing.js';
import { CACHE_LABEL, RequestMetrics } from '../observe/metrics/request-metrics.js';
import type { CancelMessage, EmbedRequest } from '../kernel-side/messages/messages.js';
import { convertVector } from '../kernel-side/messages/vectors.js';
import { RequestTracing } from '../observe/trace/tracing.js';
import { DeadlineQueue } from '../util/deadlines.js';
import { serviceWeight } from '../services/wire/registration.js';
import type { RouterCounters, RouterEvents, RouterOptions } from './router-options.js';
import { followServices } from './router-services.js';

/** A request waiting out the restart hold is answered this long before its deadline (the parking check runs every 10 ms). */
const RESTART_HOLD_MARGIN_MS = 25;

export class Router extends EventEmitter<RouterEvents> {
  readonly counters: RouterCounters = zeroCounters(Consts.STATUS_MAX + 1);
  /** Everything that happens to requests, for observers: counters, metrics, spans and logs subscribe here. */
  readonly outcomes = new Outcomes();
  readonly metrics: RequestMetrics;
  readonly tracing: RequestTracing;
  readonly admission: Admission;
  readonly sharing: ResponseSharing<PipelineRequest>;
  readonly breakers: Breakers;
  private readonly selection: Selection;
  /** Where requests wait (queues, overflow, the backpressure floor): read by stats, metrics and tests. */
  readonly placement: Placement;
  /** Batches in flight and each service's health. */
  readonly dispatch: Dispatch;
  private readonly parking: Parking<PipelineRequest>;
  private readonly retries: Retries<PipelineRequest>;
  private readonly inflight = new Map<bigint, PipelineRequest>();
  /** This pipeline's row of the load the daemon's pipelines share. */
  private readonly shared: SharedLoad;
  private readonly deadlines: DeadlineQueue<PipelineRequest>;
  private readonly startingHoldMs: number;
  /** Until when (performance.now()) a request no registered service can serve waits for registrations. */
  private readonly restartHoldUntil: number;
  private closing = false;
  /** What the retry budget reads: requests held, and free slots at usable services. */
  private readonly load: RetryLoad;
  private drainWaiters: Array<() => void> = [];
  private readonly provenance = new BatchProvenance();

  constructor(
    private readonly registry: ServiceRegistry,
    options: RouterOptions = {},
  ) {
    super();
    this.startingHoldMs = options.startingHoldMs ?? 1000;
    this.restartHoldUntil = performance.now() + (options.restartHoldMs ?? 0);
    this.metrics = new RequestMetrics(registry, Object.keys(options.modelGroups ?? {}));
    this.tracing = new RequestTracing(options.tracer);
    this.outcomes.subscribe(countOutcomes(this.counters));
    this.outcomes.subscribe(this.metrics);
    if (this.tracing.enabled) this.outcomes.subscribe(this.tracing);
    this.admission = new Admission({
      maxInflight: options.maxInflight,
      rateLimits: options.rateLimits,
      buckets: options.shared?.buckets,
      adaptiveLimit: options.adaptiveLimit,
    });
    this.sharing = new ResponseSharing<PipelineRequest>({ cache: options.cache, coalesce: options.coalesce, scope: options.cacheScope });
    this.breakers = new Breakers(options.breaker);
    this.placement = new Placement(
      { ...options.queues, batchMaxDelayUs: options.batchMaxDelayUs },
      {
        route: (e) => this.route(e),
        shed: (e) => {
          this.outcomes.shed(e.req.priority);
          // Shed for its own priority: identical requests riding on it go on under a new leader.
          this.finishAlone(e, Status.OVERLOADED);
        },
        dispatch: (service, items) => this.dispatch.send(service, items),
        floor: (floor) => this.emit('backpressure', floor),
      },
    );
    this.selection = new Selection(
      registry,
      this.breakers,
      {
        id: (s) => s.info.id,
        weight: (s) => serviceWeight(s.info),
        priority: (s) => s.info.priority,
        load: (s) => this.placement.pending(s),
        capacity: (s) => this.placement.capacity(s),
        latencyNs: (s) => s.ewmaNs,
        health: (s) => this.dispatch.health(s),
        cpu: (s) => s.cpuPermille / 1000,
      },
      { balancer: options.balancer, balancerByModel: options.balancerByModel, groups: options.modelGroups, sticky: options.sticky, random: options.random },
    );
    this.dispatch = new Dispatch(
      this.breakers,
      this.outcomes,
      this.tracing,
      (s) => this.selection.usable(s),
      {
        failed: (e, service, status, orphaned) => this.failTry(e, service, status, orphaned),
        reroute: (e) => {
          this.move(e, RequestState.ROUTING);
          this.route(e);
        },
        succeeded: (e, service, vector, dims, msg, index, now, tookNs) => {
          this.admission.completed(tookNs);
          const result = msg.results[index];
          if (e.span !== undefined) e.serviceTraceparent = result?.traceparent;
          const converted = convertVector(vector, dims, e.req.dataType);
          const source = this.provenance.of(service, this.selection.modelFor(e.req.model, service), msg, result?.truncated ?? false);
          this.sharing.store(e.key, converted, source);
          this.finish(e, Status.SUCCESS, converted, now, service.info.id, source);
        },
      },
      options.outlier,
      (model, service) => this.selection.modelFor(model, service),
    );
    this.shared = options.shared?.load ?? new SharedLoad();
    this.retries = new Retries<PipelineRequest>(options.retry, (e) => this.retryNow(e), options.random, this.shared);
    const shared = this.shared;
    this.load = {
      get inflight() {
        return shared.inflight;
      },
      spare: (exceptServiceId) => this.spareCapacity(exceptServiceId),
    };
    this.parking = new Parking<PipelineRequest>(this.startingHoldMs, {
      tryRoute: (e) => {
        const service = this.selection.pick(e.req, e.tried);
        if (typeof service === 'number') return service;
        this.move(e, RequestState.ROUTING);
        this.routeTo(service, e);
        return undefined;
      },
      giveUp: (e, status) => this.finish(e, status),
    });
    this.deadlines = new DeadlineQueue<PipelineRequest>(
      (e) => e.state !== RequestState.DONE,
      (e) => this.expire(e),
    );
    followServices(registry, {
      breakers: this.breakers,
      placement: this.placement,
      dispatch: this.dispatch,
      selection: this.selection,
      sharing: this.sharing,
      parking: this.parking,
      breakerChanged: (id, state, shared) => this.emit('breaker', id, state, shared),
    });
  }

  get inflightCount(): number {
    return this.inflight.size;
  }

  /** The response cache (the sharing stage's). */
  get cache(): ResponseCache {
    return this.sharing.cache;
  }

  /** The retry budget (its active retries are visible to tests and stats). */
  get retry(): RetryPolicy {
    return this.retries.policy;
  }

  /** New rate limits (a configuration reload): the same buckets at the new rates. */
  setRateLimits(options: RateLimitOptions): void {
    this.admission.setRateLimits(options);
  }

  /** Free slots (capacity less outstanding and queued) at the usable services other than `exceptServiceId`. */
  private spareCapacity(exceptServiceId: string): number {
    let spare = 0;
    for (const s of this.registry.list()) {
      if (s.info.id === exceptServiceId || !this.selection.usable(s)) continue;
      const l = this.placement.load(s);
      spare += Math.max(0, l.capacity - l.outstanding - l.queued);
    }
    return spare;
  }

  submit(req: EmbedRequest, reply: Reply): void {
    this.outcomes.received();
    const receivedNs = process.hrtime.bigint();
    if (this.closing) return this.answer(req, reply, Status.SHUTTING_DOWN, receivedNs);
    if (this.inflight.has(req.requestId) || vectorBytes(req.dimensions, req.dataType) === 0) {
      return this.answer(req, reply, Status.INVALID_REQUEST, receivedNs);
    }
    const remainingMs = this.admission.remainingMs(req, receivedNs);
    const refused = this.admission.refusal(req, remainingMs, this.inflight.size);
    if (refused !== undefined) {
      if (refused === Status.RATE_LIMITED) this.outcomes.rateLimited();
      return this.answer(req, reply, refused, receivedNs);
    }
    const key = this.sharing.keyOf(req);
    const hit = this.sharing.cached(key);
    if (hit !== undefined) return this.answer(req, reply, Status.SUCCESS, receivedNs, hit.vector, undefined, CACHE_LABEL, undefined, hit.source);
    const span = this.tracing.enabled ? this.tracing.start(req) : undefined;
    const e = newRequest(req, reply, receivedNs, remainingMs, key, span, Status.NO_SERVICE);
    this.inflight.set(req.requestId, e);
    this.shared.setInflight(this.inflight.size);
    this.deadlines.add(e, req.timeoutMs);
    if (this.sharing.join(e)) transition(e, RequestState.FOLLOWING);
    else this.route(e);
  }

  /** The kernel gave up on a request: drop it; a later result is discarded. */
  cancel(msg: CancelMessage): void {
    const e = this.inflight.get(msg.requestId);
    if (e === undefined || e.state === RequestState.DONE) return;
    this.outcomes.cancelled(e.req, e.span, servedBy(e));
    this.end(e);
    this.deadlines.settled();
    this.handOver(e);
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
    this.dispatch.close();
    this.breakers.close();
  }

  // ---- moving a request ----

  /** Takes `e` out of its place (queue, overflow, batch, its slot at a service), then moves it to `to`. */
  private move(e: PipelineRequest, to: RequestState): void {
    if (e.state === RequestState.QUEUED && e.slots === undefined) this.placement.dequeue(e);
    else if (e.state === RequestState.OVERFLOW) this.placement.leaveOverflow(e);
    else if (e.state === RequestState.IN_BATCH) this.dispatch.detach(e);
    e.service = undefined;
    e.slots?.free(e);
    transition(e, to);
  }

  /** `e` (ROUTING) to a service, parked, or answered with why there is none. */
  private route(e: PipelineRequest): void {
    const service = this.selection.pick(e.req, e.tried);
    if (typeof service !== 'number') this.routeTo(service, e);
    else if (this.startingHoldMs !== 0 && this.selection.hasStarting(e.req)) {
      // A service that could serve it is registered but not connected yet.
      transition(e, RequestState.PARKED);
      this.parking.park(e);
    } else if (e.attempts === 0 && performance.now() < Math.min(this.restartHoldUntil, e.expiresAt - RESTART_HOLD_MARGIN_MS)) {
      // The daemon just started: its services are registering again (those of the daemon before it,
      // whose requests the kernel re-sends). Answered NO_SERVICE at the end, never TIMEOUT for the wait.
      transition(e, RequestState.PARKED);
      this.parking.park(e, Math.min(this.restartHoldUntil, e.expiresAt - RESTART_HOLD_MARGIN_MS));
    } else this.finish(e, e.attempts > 0 ? e.lastStatus : service);
  }

  private routeTo(service: ServiceEntry, e: PipelineRequest): void {
    if (this.admission.admitService(service.info.id)) this.placement.place(service, e);
    else {
      this.outcomes.rateLimited();
      this.finish(e, Status.RATE_LIMITED);
    }
  }

  private retryNow(e: PipelineRequest): void {
    if (e.state !== RequestState.RETRY_WAIT) return;
    transition(e, RequestState.ROUTING);
    this.route(e);
  }

  /** A try failed at `service`: retried elsewhere when the status, deadline and budget allow; else answered. */
  private failTry(e: PipelineRequest, service: ServiceEntry, status: number, orphaned = false): void {
    this.move(e, RequestState.ROUTING);
    e.lastStatus = status;
    const verdict = this.retries.afterFailure(e, service.info.id, status, this.load, this.closing, orphaned);
    if (verdict !== 'final') this.outcomes.retry(verdict === 'scheduled');
    if (verdict === 'scheduled') transition(e, RequestState.RETRY_WAIT);
    else this.finish(e, status);
  }

  private expire(e: PipelineRequest): void {
    // The deadline queue already dropped it from its count.
    const at = servedBy(e);
    this.end(e);
    this.answer(e.req, e.reply, Status.TIMEOUT, e.receivedNs, undefined, undefined, at, e);
    this.handOver(e);
  }

  /** `e` ends for a reason of its own (shed): answered alone, its followers keep going under a new leader. */
  private finishAlone(e: PipelineRequest, status: number): void {
    const at = servedBy(e);
    this.end(e);
    this.deadlines.settled();
    this.answer(e.req, e.reply, status, e.receivedNs, undefined, undefined, at, e);
    this.handOver(e);
  }

  /** A coalescing leader ended without an answer: the most urgent of the identical requests waiting for it takes its place. */
  private handOver(e: PipelineRequest): void {
    const next = this.sharing.handOver(e);
    if (next === undefined) return;
    transition(next, RequestState.ROUTING);
    this.route(next);
  }

  /** `at`: the service that answered (a coalesced follower shares its leader's). */
  private finish(e: PipelineRequest, status: number, vector?: Uint8Array, now = process.hrtime.bigint(), at = servedBy(e), source?: Provenance): void {
    if (e.state === RequestState.DONE) return;
    this.end(e);
    this.deadlines.settled();
    this.answer(e.req, e.reply, status, e.receivedNs, vector, now, at, e, source);
    const followers = this.sharing.takeFollowers(e);
    if (followers !== undefined) for (const f of followers) this.finish(f, status, vector, now, at, source);
  }

  /** Common to every way a request ends: out of every queue and table. */
  private end(e: PipelineRequest): void {
    this.move(e, RequestState.DONE);
    this.inflight.delete(e.req.requestId);
    this.shared.setInflight(this.inflight.size);
    this.sharing.ended(e);
    this.retries.ended(e);
    if (this.inflight.size === 0 && this.drainWaiters.length > 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }

  /**
   * `serviceId`: the service that answered it, or the last one that failed it; `e`: absent when it ended on arrival;
   * `source`: the provenance of a SUCCESS, told to the kernel.
   */
  private answer(
    req: EmbedRequest,
    reply: Reply,
    status: number,
    receivedNs: bigint,
    vector?: Uint8Array,
    now = process.hrtime.bigint(),
    serviceId?: string,
    e?: PipelineRequest,
    source?: Provenance,
  ): void {
    // As doubles: a BigInt difference per answer would allocate (exact while the clock is below 2^53 ns).
    const tookNs = Number(now) - Number(receivedNs);
    this.outcomes.publish(req, status, tookNs, serviceId, e?.span, e?.serviceTraceparent);
    reply({
      requestId: req.requestId,
      status,
      vector,
      processingNs: tookNs,
      serviceId: source?.serviceId,
      model: source?.model,
      modelVersion: source?.modelVersion,
      truncated: source?.truncated,
    });
  }
}
