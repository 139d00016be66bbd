/**
 * The daemon's workers (--workers N): N - 1 threads beside the main one,
 * each with a kernel queue, a pipeline and service connections of its own
 * (worker-thread.ts). The main thread stays the control plane: it keeps the
 * registry and sends every worker the services whenever they change, and
 * the reloaded rate limits; it adds the workers' counters to its own.
 *
 * What the pipelines judge together: a breaker that opens or closes in one
 * pipeline is passed to all the others (through the main thread, which
 * follows too); the retry budget counts every pipeline's requests and
 * retries, and rate limits take from the same buckets (SharedArrayBuffers:
 * manager/shared-load.ts, shared-buckets.ts); the kernel's priority floor
 * is the highest any pipeline asks for.
 *
 * NATS workers: a thread's links send through the main thread's connection
 * (worker-nats.ts); the main thread's discovery tells the threads' links
 * what it tells its own (seen, stopping, the bus down), and a draining
 * worker's stop-seen waits until every thread has taken that in.
 *
 * A worker that dies is started again (after a pause that doubles while it
 * keeps dying young); meanwhile the kernel side re-sends what its queue
 * held to the other queues, which go on serving.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';

import type { RateLimitOptions } from '../../pipeline/rate-limit.js';
import type { ServiceRegistry } from '../../services/registry/registry.js';
import { SharedLoad } from '../../pipeline/shared-load.js';
import type { Backends } from '../../control/http-backends.js';
import type { QueueAddress } from '../kernel-link.js';
import type { Logger } from '../log.js';
import type { NatsNode } from '../../control/cluster/nats-node.js';
import type { PoolKeys } from '../../control/cluster/pool-keys.js';
import type { Router } from '../router.js';
import type { DaemonConfig } from '../settings.js';
import { NATS_SCHEME } from '../../services/wire/registration.js';
import type { MirroredService, SharedBuffers, ToMain, ToWorker, WorkerData, WorkerTotals } from './worker-messages.js';
import { relayNatsRequest } from './worker-nats.js';

/** Beyond the shutdown grace, how long a worker may take to detach before it is terminated. */
const STOP_MARGIN_MS = 2000;
/** Pause before a dead worker is started again: doubles up to the cap while workers die within LIVED_MS of starting. */
const RESTART_MIN_MS = 500;
const RESTART_MAX_MS = 30_000;
const LIVED_MS = 60_000;

interface Slot {
  readonly row: number;
  worker: Worker | undefined;
  totals: WorkerTotals | undefined;
  attached: boolean;
  floor: number;
  startedAt: number;
  restartMs: number;
  restartTimer: NodeJS.Timeout | undefined;
  /** Settles when the current thread has exited. */
  exited: Promise<unknown>;
}

export interface WorkerPoolEvents {
  /** The highest priority floor of the workers' pipelines changed. */
  floor: [floor: number];
}

export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  private readonly slots: Slot[] = [];
  private closing = false;
  private snapshotQueued = false;
  private rateLimits: RateLimitOptions | undefined;
  private readonly load: SharedLoad;
  /** Threads started again after dying. */
  restarts = 0;
  private nextSync = 1;
  private readonly syncs = new Map<number, { left: Set<Slot>; done: () => void }>();

  /** `shared`: the load's buffer has count + 1 rows, row 0 `main`'s. */
  constructor(
    private readonly count: number,
    private readonly config: DaemonConfig,
    private readonly queues: QueueAddress,
    private readonly registry: ServiceRegistry,
    private readonly backends: Backends,
    private readonly main: Router,
    private readonly shared: SharedBuffers,
    private readonly log: Logger,
    /** The daemon's NATS side, when it has one. */
    private readonly nats?: NatsNode,
  ) {
    super();
    this.load = new SharedLoad(shared.load, 0);
    const changed = () => this.sendSoon();
    for (const event of ['registered', 'updated', 'unregistered'] as const) registry.on(event, changed);
    main.on('breaker', (serviceId, state, shared) => {
      if (!shared) this.broadcast({ type: 'breaker', serviceId, state });
    });
    if (nats !== undefined) {
      const found = nats.workers;
      found.on('linkSeen', (serviceId, cpuPermille, rssKib) => this.broadcast({ type: 'natsLink', serviceId, seen: { cpuPermille, rssKib } }));
      found.on('linkStopping', (serviceId, stoppingMs) => this.broadcast({ type: 'natsLink', serviceId, stoppingMs }));
      found.on('linksDisconnected', () => this.broadcast({ type: 'natsDown' }));
      found.stopSeenBarrier = () => this.sync();
      found.on('poolKeys', (service, keys) => this.broadcast(poolKeysMessage(service, keys)));
    }
  }

  /**
   * Settles once every thread has handled what was posted to it before
   * (messages keep their order both ways, so whatever a thread sent before
   * its answer has reached the main thread too).
   */
  sync(): Promise<void> {
    const left = new Set(this.slots.filter((s) => s.attached));
    if (left.size === 0) return Promise.resolve();
    const id = this.nextSync++;
    return new Promise<void>((done) => {
      this.syncs.set(id, { left, done });
      for (const s of left) s.worker?.postMessage({ type: 'sync', id } satisfies ToWorker);
    });
  }

  private synced(slot: Slot, id?: number): void {
    for (const [at, sync] of this.syncs) {
      if (id !== undefined && at !== id) continue;
      sync.left.delete(slot);
      if (sync.left.size > 0) continue;
      this.syncs.delete(at);
      sync.done();
    }
  }

  /** Starts the workers; resolves when each has attached its queue (rejects if one cannot). */
  async start(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.count }, (_, i) => {
        const slot: Slot = {
          row: i + 1,
          worker: undefined,
          totals: undefined,
          attached: false,
          floor: 0,
          startedAt: 0,
          restartMs: RESTART_MIN_MS,
          restartTimer: undefined,
          exited: Promise.resolve(),
        };
        this.slots.push(slot);
        return this.spawn(slot);
      }),
    );
  }

  /** The workers' counters, as last reported. */
  totals(): WorkerTotals[] {
    return this.slots.flatMap((s) => (s.totals ? [s.totals] : []));
  }

  /** The live threads (one per worker, absent while one is being started again). */
  threads(): Worker[] {
    return this.slots.flatMap((s) => (s.worker ? [s.worker] : []));
  }

  /** The highest priority floor a worker's pipeline asks the kernel for. */
  get floor(): number {
    return this.slots.reduce((n, s) => Math.max(n, s.floor), 0);
  }

  /** New rate limits for every worker's pipeline (a configuration reload). */
  setRateLimits(limits: RateLimitOptions): void {
    this.rateLimits = limits;
    this.broadcast({ type: 'rateLimits', limits });
  }

  private spawn(slot: Slot): Promise<void> {
    const data: WorkerData = { config: this.config, queues: this.queues, shared: this.shared, row: slot.row };
    const worker = new Worker(new URL('./worker-thread.js', import.meta.url), { workerData: data });
    const n = slot.row;
    slot.worker = worker;
    slot.startedAt = performance.now();
    slot.exited = new Promise((r) => worker.once('exit', r));
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: ToMain) => this.heard(slot, m, resolve));
      worker.on('error', (err) => {
        this.log.error({ worker: n, err: err.message }, 'worker failed');
        reject(err);
      });
      worker.on('exit', (code) => {
        slot.attached = false;
        slot.worker = undefined;
        // What it held is the kernel side's to re-send; it no longer counts in the budget or the floor.
        this.load.clear(slot.row);
        this.setFloor(slot, 0);
        // A thread that is gone sends nothing more: no sync waits for it.
        this.synced(slot);
        if (this.closing) return;
        this.log.error({ worker: n, code }, 'worker exited: the requests its queue held go to the other queues; it is started again');
        this.restartLater(slot);
      });
    });
  }

  private heard(slot: Slot, m: ToMain, attached: () => void): void {
    if (m.type === 'attached') {
      slot.attached = true;
      this.log.info({ worker: slot.row, queue: m.queue }, 'worker attached its kernel queue');
      this.send(slot);
      if (this.rateLimits !== undefined) slot.worker?.postMessage({ type: 'rateLimits', limits: this.rateLimits } satisfies ToWorker);
      for (const [service, keys] of this.nats?.workers.poolKeySets() ?? []) slot.worker?.postMessage(poolKeysMessage(service, keys));
      attached();
    } else if (m.type === 'totals') slot.totals = m.totals;
    else if (m.type === 'breaker') {
      // The main pipeline follows (and logs it); the other workers follow.
      this.main.breakers.share(m.serviceId, m.state);
      this.broadcast({ type: 'breaker', serviceId: m.serviceId, state: m.state }, slot);
    } else if (m.type === 'floor') this.setFloor(slot, m.floor);
    else if (m.type === 'natsRequest') {
      if (this.nats === undefined)
        slot.worker?.postMessage({ type: 'natsReply', id: m.id, error: { message: 'the daemon has no NATS connection' } } satisfies ToWorker);
      else relayNatsRequest(this.nats.bus, m, (r) => slot.worker?.postMessage(r));
    } else if (m.type === 'synced') this.synced(slot, m.id);
    else this.log.warn({ worker: slot.row }, m.message);
  }

  private restartLater(slot: Slot): void {
    const delay = performance.now() - slot.startedAt >= LIVED_MS ? RESTART_MIN_MS : slot.restartMs;
    slot.restartMs = Math.min(RESTART_MAX_MS, delay * 2);
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      if (this.closing) return;
      this.restarts++;
      this.spawn(slot).catch((err: Error) => this.log.error({ worker: slot.row, err: err.message }, 'worker could not start again'));
    }, delay);
    slot.restartTimer.unref();
  }

  private setFloor(slot: Slot, floor: number): void {
    const before = this.floor;
    slot.floor = floor;
    if (this.floor !== before) this.emit('floor', this.floor);
  }

  private broadcast(m: ToWorker, except?: Slot): void {
    for (const s of this.slots) if (s !== except && s.attached) s.worker?.postMessage(m);
  }

  /** One snapshot at the end of the tick, however many registrations changed in it. */
  private sendSoon(): void {
    if (this.snapshotQueued) return;
    this.snapshotQueued = true;
    queueMicrotask(() => {
      this.snapshotQueued = false;
      for (const s of this.slots) if (s.attached) this.send(s);
    });
  }

  private send(slot: Slot): void {
    const services = this.registry.list().map((e): MirroredService => {
      const scheme = e.info.endpoint.slice(0, e.info.endpoint.indexOf(':'));
      return { info: e.info, scheme, subject: scheme === NATS_SCHEME ? this.nats?.workers.subjectOf(e.info.id) : undefined };
    });
    const m: ToWorker = { type: 'services', services, backends: this.backends.linkOptions(), natsDaemonId: this.nats?.workers.daemonId ?? '' };
    slot.worker?.postMessage(m);
  }

  /** Each worker answers what it holds (up to `graceMs`), detaches its queue and exits. */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(async (s) => {
        clearTimeout(s.restartTimer);
        const worker = s.worker;
        if (worker === undefined) return;
        const stop: ToWorker = { type: 'stop', graceMs };
        worker.postMessage(stop);
        const timer = setTimeout(() => void worker.terminate(), graceMs + STOP_MARGIN_MS);
        await s.exited;
        clearTimeout(timer);
      }),
    );
  }
}

/** A pool's keys for a worker thread (copied: the main thread's stay its own). */
function poolKeysMessage(service: string, keys: PoolKeys | undefined): ToWorker {
  if (keys === undefined) return { type: 'poolKeys', service };
  return { type: 'poolKeys', service, keys: { current: keys.current.slice(), previous: keys.previous?.slice() } };
}
