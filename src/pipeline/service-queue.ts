/**
 * One service's queue. Requests wait in a FairQueue (priority levels, fair
 * share between callers); a p-queue whose concurrency is the number of
 * batches the service may have in flight runs one job per batch. A job
 * starts at the end of the tick (so everything that arrived together can
 * join it), takes the most urgent request and up to a batch of others for
 * the same model and dimensions, hands them to `send`, and ends when each
 * of them has been released (answered, failed or moved elsewhere).
 *
 * A job per batch rather than per request keeps p-queue's per-job cost
 * (promises, a task record, events) off the per-request path.
 */
import PQueue from 'p-queue';

import { FairQueue } from './fair-queue.js';
import type { Level } from '../abi/priority.js';

export interface Queueable {
  readonly level: Level;
  readonly uid: number;
  /** Requests with equal keys may share a batch. */
  readonly batchKey: string;
  /** Set while the request holds a slot at the service: `slots.free(item)` gives it back. */
  slots: SlotHolder | undefined;
}

/** The slots a batch holds at its service: one per batch, not a closure per request. */
export interface SlotHolder {
  /** Gives `item`'s slot back (and clears `item.slots`). */
  free(item: Queueable): void;
}

class BatchSlots implements SlotHolder {
  private resolve: () => void = () => {};
  /** Settles when every request of the batch has given its slot back (the p-queue job's end). */
  readonly done: Promise<void>;

  constructor(
    private remaining: number,
    private readonly freed: () => void,
  ) {
    this.done = new Promise<void>((r) => {
      this.resolve = r;
    });
  }

  free(item: Queueable): void {
    if (item.slots !== this) return;
    item.slots = undefined;
    if (--this.remaining === 0) this.resolve();
    this.freed();
  }
}

export interface ServiceQueueOptions {
  /** Requests the service may have outstanding. */
  capacity: number;
  /** Batches the service may have outstanding. */
  batchesInFlight: number;
  maxBatchSize: number;
  /** Hold a partial batch this long for more requests (0: until the end of the tick). */
  maxDelayUs?: number;
}

export class ServiceQueue<T extends Queueable> {
  private readonly fair: FairQueue<T>;
  private readonly pq: PQueue;
  private running = 0;
  private jobWaiting = false;
  private paused = false;
  /** A slot came back: room for the next batch. */
  private readonly freed = () => {
    this.running--;
    this.kick();
    this.onRoom();
  };

  /** `counts` is shared with the other queues (requests queued per level). */
  constructor(
    private readonly options: ServiceQueueOptions,
    private readonly send: (batch: T[]) => void,
    counts: number[],
    private readonly onRoom: () => void,
  ) {
    this.fair = new FairQueue<T>(counts);
    this.pq = new PQueue({ concurrency: Math.max(1, options.batchesInFlight) });
  }

  get queued(): number {
    return this.fair.size;
  }

  /** Requests handed to the service and not released. */
  get outstanding(): number {
    return this.running;
  }

  get capacity(): number {
    return this.options.capacity;
  }

  /** Whether an added request would go out at the end of this tick. */
  get idle(): boolean {
    return this.fair.size + this.running < this.options.capacity;
  }

  add(item: T): void {
    this.fair.push(item, item.level, item.uid);
    this.kick();
  }

  /** While paused, requests queue but no batch leaves (the service is not reading what it was sent). */
  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.kick();
  }

  /** Starts a batch job unless one is already waiting for a slot. */
  private kick(): void {
    if (this.paused || this.jobWaiting || this.fair.size === 0 || this.running >= this.options.capacity) return;
    this.jobWaiting = true;
    void this.pq.add(() => this.job());
  }

  private async job(): Promise<void> {
    const delayUs = this.options.maxDelayUs ?? 0;
    if (delayUs > 0 && this.fair.size < this.options.maxBatchSize) await new Promise((r) => setTimeout(r, delayUs / 1000).unref());
    else await null;
    this.jobWaiting = false;
    const head = this.fair.peek();
    if (head === undefined || this.paused) return;
    const max = Math.min(this.options.maxBatchSize, this.options.capacity - this.running);
    if (max <= 0) return;
    // In queue order while the next request fits the same batch: priority and turns survive batching.
    const batch: T[] = [];
    for (let next: T | undefined = head; next !== undefined && next.batchKey === head.batchKey && batch.length < max; next = this.fair.peek()) {
      batch.push(this.fair.shift() as T);
    }
    this.running += batch.length;
    const slots = new BatchSlots(batch.length, this.freed);
    for (const item of batch) item.slots = slots;
    this.kick();
    this.onRoom();
    this.send(batch);
    await slots.done;
  }

  /** Takes a queued request out (it was answered or moved). */
  remove(item: T): boolean {
    return this.fair.remove(item, item.level, item.uid);
  }

  /** Takes the request to shed for work of `level`, if one of a lower level is queued. */
  shed(level: Level): T | undefined {
    return this.fair.shed(level);
  }

  /** Queued requests matching `pred`, taken out in queue order. */
  takeWhere(pred: (item: T) => boolean): T[] {
    return this.fair.take(pred);
  }

  close(): void {
    this.pq.clear();
  }
}
