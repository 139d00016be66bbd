/**
 * The pipeline's placement stage: where a routed request waits. Each
 * service has a queue (priority levels, fair between callers, batches out
 * as the service has room); when it is full, a lower-priority request there
 * makes way into the global overflow queue, else the newcomer goes there;
 * when that is full too, the lowest priority queued is shed. Room is never
 * made by shedding work of the same level. As queues fill, a priority floor
 * tells the kernel to fail low priorities early.
 */
import { LEVELS, LEVEL_FLOOR } from '../abi/priority.js';
import { ServiceState } from '../abi/uapi.js';
import { FairQueue } from './fair-queue.js';
import type { ServiceEntry } from '../services/registry/registry.js';
import { type PipelineRequest, RequestState, transition } from './request.js';
import { ServiceQueue } from './service-queue.js';

export interface PlacementOptions {
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
  /** Hold a partial batch this long for more requests (0: send at the end of the tick). */
  batchMaxDelayUs?: number;
}

export interface PlacementHandlers {
  /** A request taken out of a queue (moved, displaced, pulled from overflow) needs a service again. */
  route(e: PipelineRequest): void;
  /** Every queue it could use is full: it is answered OVERLOADED. */
  shed(e: PipelineRequest): void;
  /** A service's queue let go of a batch (QUEUED, each holding a slot at `service`). */
  dispatch(service: ServiceEntry, items: PipelineRequest[]): void;
  /** The priority below which the kernel should fail requests early changed. */
  floor(minPriority: number): void;
}

export class Placement {
  /** Requests queued per level across every queue (service queues and overflow). */
  readonly queuedByLevel = new Array<number>(LEVELS).fill(0);
  readonly overflow = new FairQueue<PipelineRequest>(this.queuedByLevel);
  private readonly queues = new Map<ServiceEntry, ServiceQueue<PipelineRequest>>();
  private readonly perPriority: number;
  private readonly perService: number;
  private readonly globalQueue: number;
  private floor = 0;
  private kernelCongested = false;
  private pullScheduled = false;

  constructor(
    private readonly options: PlacementOptions,
    private readonly handlers: PlacementHandlers,
  ) {
    // Sized for bursts, not for steady load: on a 2-vCPU host a 50 ms scheduling stall at 100k req/s
    // queues 5000 requests that a fast service drains at once; bounds of a few hundred shed them
    // (and raised the kernel's floor) at half of capacity. maxInflight bounds the memory.
    this.perPriority = options.perPriority ?? 8192;
    this.perService = options.perService ?? 2048;
    this.globalQueue = options.global ?? 16_384;
  }

  /** The priority floor last sent to the kernel (0: no backpressure). */
  get backpressureFloor(): number {
    return this.floor;
  }

  /** `e` (ROUTING) waits for `service`: in its queue, the overflow queue, or nowhere (shed). */
  place(service: ServiceEntry, e: PipelineRequest): void {
    const q = this.queueOf(service);
    const levelFull = (this.queuedByLevel[e.level] as number) >= this.perPriority;
    if (q.idle || (q.queued < this.perService && !levelFull)) {
      this.enqueue(service, q, e);
    } else if (levelFull) {
      this.handlers.shed(e);
    } else {
      const displaced = q.shed(e.level);
      if (displaced !== undefined) {
        transition(displaced, RequestState.ROUTING);
        displaced.service = undefined;
        this.enqueue(service, q, e);
        this.toOverflow(displaced);
      } else {
        this.toOverflow(e);
      }
    }
    this.pressure();
  }

  /** Takes a QUEUED request out of its service's queue (it holds no slot there yet). */
  dequeue(e: PipelineRequest): void {
    if (e.service !== undefined) this.queues.get(e.service)?.remove(e);
  }

  /** Takes an OVERFLOW request out of the overflow queue. */
  leaveOverflow(e: PipelineRequest): void {
    this.overflow.remove(e, e.level, e.uid);
  }

  /** Queued requests of a service that can no longer take them (all, or those matching `which`) go elsewhere. */
  moveQueued(service: ServiceEntry, which: (e: PipelineRequest) => boolean = () => true): void {
    const q = this.queues.get(service);
    if (q === undefined) return;
    for (const e of q.takeWhere(which)) {
      transition(e, RequestState.ROUTING);
      e.service = undefined;
      this.handlers.route(e);
    }
  }

  /** Pauses (or resumes) a service's batches: it is not reading what it was sent. */
  setServiceCongested(service: ServiceEntry, on: boolean): void {
    this.queues.get(service)?.setPaused(on || this.kernelCongested);
  }

  /** The kernel side is not taking answers as fast as they come: every service's batches wait. */
  setKernelCongested(on: boolean): void {
    this.kernelCongested = on;
    for (const [service, q] of this.queues) q.setPaused(on || service.link.congested);
  }

  /** Slots freed up or a service became ready: overflow requests are routed again, soon. */
  pullSoon(): void {
    if (this.pullScheduled || this.overflow.size === 0) return;
    this.pullScheduled = true;
    queueMicrotask(() => {
      this.pullScheduled = false;
      this.pullOverflow();
    });
  }

  /** The service is gone: its queue (already emptied) stops. */
  remove(service: ServiceEntry): void {
    this.queues.get(service)?.close();
    this.queues.delete(service);
  }

  /** Requests a service holds or has queued: what balancing reads on every pick, without an object per call. */
  pending(s: ServiceEntry): number {
    const q = this.queues.get(s);
    return q === undefined ? 0 : q.outstanding + q.queued;
  }

  /** The capacity of a service's queue (the one it would be made with, when it has none yet). */
  capacity(s: ServiceEntry): number {
    return this.queues.get(s)?.capacity ?? this.capacityOf(s);
  }

  /** Requests waiting in, and the capacity of, a service's queue. */
  load(s: ServiceEntry): { queued: number; outstanding: number; capacity: number } {
    const q = this.queues.get(s);
    if (q !== undefined) return { queued: q.queued, outstanding: q.outstanding, capacity: q.capacity };
    // Not used yet: its queue would be made with this capacity.
    return { queued: 0, outstanding: 0, capacity: this.capacityOf(s) };
  }

  /**
   * The state a service reports: a ready one with every slot taken is BUSY
   * (new requests wait in its queue); with its queue full as well it is
   * OVERLOADED (new requests go to other services or the overflow queue).
   */
  reportedState(s: ServiceEntry): ServiceState {
    const q = this.queues.get(s);
    if (s.state !== ServiceState.READY || q === undefined) return s.state;
    if (q.queued >= this.perService) return ServiceState.OVERLOADED;
    if (q.outstanding >= q.capacity) return ServiceState.BUSY;
    return s.state;
  }

  private capacityOf(s: ServiceEntry): number {
    return this.options.serviceConcurrency || 2 * s.info.maxBatchSize;
  }

  private queueOf(service: ServiceEntry): ServiceQueue<PipelineRequest> {
    let q = this.queues.get(service);
    if (q === undefined) {
      q = new ServiceQueue<PipelineRequest>(
        {
          capacity: this.capacityOf(service),
          batchesInFlight: this.options.batchesInFlight ?? 4,
          maxBatchSize: service.info.maxBatchSize,
          maxDelayUs: this.options.batchMaxDelayUs,
        },
        (batch) => {
          this.handlers.dispatch(service, batch);
          this.pressure();
        },
        this.queuedByLevel,
        () => this.pullSoon(),
      );
      if (this.kernelCongested || service.link.congested) q.setPaused(true);
      this.queues.set(service, q);
    }
    return q;
  }

  private enqueue(service: ServiceEntry, q: ServiceQueue<PipelineRequest>, e: PipelineRequest): void {
    transition(e, RequestState.QUEUED);
    e.service = service;
    e.queuedAt = performance.now();
    q.add(e);
  }

  private toOverflow(e: PipelineRequest): void {
    if (this.overflow.size >= this.globalQueue) {
      const victim = this.overflow.shed(e.level);
      if (victim === undefined) {
        this.handlers.shed(e);
        return;
      }
      transition(victim, RequestState.ROUTING);
      this.handlers.shed(victim);
    }
    transition(e, RequestState.OVERFLOW);
    e.queuedAt = performance.now();
    this.overflow.push(e, e.level, e.uid);
  }

  private pullOverflow(): void {
    for (let n = this.overflow.size; n > 0; n--) {
      const e = this.overflow.shift();
      if (e === undefined) break;
      transition(e, RequestState.ROUTING);
      this.handlers.route(e);
      // Back in overflow: no service has room yet.
      if (e.state === RequestState.OVERFLOW) break;
    }
    this.pressure();
  }

  /**
   * The floor rises past a level whose queued requests (or the overflow
   * queue) pass 75% of the bound, and drops when everything is under 50%.
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
      this.handlers.floor(floor);
    }
  }
}
