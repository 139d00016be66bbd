/**
 * The daemon's workers (--workers N): N - 1 threads beside the main one,
 * each with a kernel queue, a pipeline and service connections of its own
 * (worker-thread.ts). The main thread stays the control plane: it keeps the
 * registry and sends every worker the services whenever they change; it
 * adds the workers' counters to its own. A worker that dies is logged and
 * not replaced: the kernel side re-sends what its queue held to the other
 * queues, which go on serving.
 */
import { Worker } from 'node:worker_threads';

import type { Logger } from './log.js';
import type { ServiceRegistry } from '../manager/registry.js';
import type { Backends } from './backends.js';
import type { QueueAddress } from './kernel.js';
import type { DaemonConfig } from './settings.js';
import type { ToMain, ToWorker, WorkerData, WorkerTotals } from './worker-messages.js';

/** Beyond the shutdown grace, how long a worker may take to detach before it is terminated. */
const STOP_MARGIN_MS = 2000;

interface Slot {
  worker: Worker;
  totals: WorkerTotals | undefined;
  attached: boolean;
  /** Settles when the thread has exited. */
  exited: Promise<unknown>;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private closing = false;
  private snapshotQueued = false;

  constructor(
    private readonly count: number,
    private readonly config: DaemonConfig,
    private readonly queues: QueueAddress,
    private readonly registry: ServiceRegistry,
    private readonly backends: Backends,
    private readonly log: Logger,
  ) {
    const changed = () => this.sendSoon();
    for (const event of ['registered', 'updated', 'unregistered'] as const) registry.on(event, changed);
  }

  /** Starts the workers; resolves when each has attached its queue (rejects if one cannot). */
  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.count }, (_, i) => this.spawn(i)));
  }

  /** The workers' counters, as last reported. */
  totals(): WorkerTotals[] {
    return this.slots.flatMap((s) => (s.totals ? [s.totals] : []));
  }

  private spawn(i: number): Promise<void> {
    const data: WorkerData = { config: this.config, queues: this.queues };
    const worker = new Worker(new URL('./worker-thread.js', import.meta.url), { workerData: data });
    const slot: Slot = { worker, totals: undefined, attached: false, exited: new Promise((r) => worker.once('exit', r)) };
    this.slots[i] = slot;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m: ToMain) => {
        if (m.type === 'attached') {
          slot.attached = true;
          this.log.info({ worker: i + 1, queue: m.queue }, 'worker attached its kernel queue');
          this.send(slot);
          resolve();
        } else if (m.type === 'totals') slot.totals = m.totals;
        else this.log.warn({ worker: i + 1 }, m.message);
      });
      worker.on('error', (err) => {
        this.log.error({ worker: i + 1, err: err.message }, 'worker failed');
        reject(err);
      });
      worker.on('exit', (code) => {
        slot.attached = false;
        if (!this.closing) this.log.error({ worker: i + 1, code }, 'worker exited: the requests its queue held go to the other queues');
      });
    });
  }

  /** One snapshot at the end of the tick, however many registrations changed in it. */
  private sendSoon(): void {
    if (this.snapshotQueued) return;
    this.snapshotQueued = true;
    queueMicrotask(() => {
      this.snapshotQueued = false;
      for (const s of this.slots) if (s?.attached) this.send(s);
    });
  }

  private send(slot: Slot): void {
    const services = this.registry.list().map((e) => ({ info: e.info, scheme: e.info.endpoint.slice(0, e.info.endpoint.indexOf(':')) }));
    const m: ToWorker = { type: 'services', services, backends: this.backends.linkOptions() };
    slot.worker.postMessage(m);
  }

  /** Each worker answers what it holds (up to `graceMs`), detaches its queue and exits. */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(async (s) => {
        const stop: ToWorker = { type: 'stop', graceMs };
        s.worker.postMessage(stop);
        const timer = setTimeout(() => void s.worker.terminate(), graceMs + STOP_MARGIN_MS);
        await s.exited;
        clearTimeout(timer);
      }),
    );
  }
}
