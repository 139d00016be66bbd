/**
 * One service's queue: a p-queue whose concurrency is the number of
 * requests the service may have outstanding, with a FairQueue (priority
 * levels, fair share between callers) plugged in as its queue class. A job
 * is one request: it starts when a slot is free and holds the slot until
 * `release` is called for it (answered, failed or moved elsewhere).
 */
import PQueue from 'p-queue';

import { FairQueue } from './fair-queue.js';
import type { Level } from './priority.js';

export interface Queueable {
  readonly level: Level;
  readonly uid: number;
}

type Run = () => Promise<unknown>;

interface Job<T> {
  readonly run: Run;
  readonly item: T;
}

interface JobOptions<T> {
  priority?: number;
  level: Level;
  uid: number;
  item: T;
}

export class ServiceQueue<T extends Queueable> {
  private readonly fair: FairQueue<Job<T>>;
  private readonly pq: PQueue;

  /** `start` runs a job; `counts` is shared with the other queues (items queued per level). */
  constructor(
    concurrency: number,
    private readonly start: (item: T) => Promise<void>,
    counts: number[],
    onSlotFree: () => void,
  ) {
    const fair = (this.fair = new FairQueue<Job<T>>(counts));
    class Adapter {
      get size(): number {
        return fair.size;
      }
      enqueue(run: Run, options: JobOptions<T>): void {
        fair.push({ run, item: options.item }, options.level, options.uid);
      }
      dequeue(): Run | undefined {
        return fair.shift()?.run;
      }
      filter(options: Partial<JobOptions<T>>): Run[] {
        const runs: Run[] = [];
        fair.forEach((job, level) => {
          if (options.level === undefined || options.level === level) runs.push(job.run);
        });
        return runs;
      }
      setPriority(): void {
        throw new Error('the request queue does not re-prioritise queued requests');
      }
    }
    this.pq = new PQueue({ concurrency, queueClass: Adapter as never });
    this.pq.on('next', onSlotFree);
  }

  get queued(): number {
    return this.fair.size;
  }

  /** Requests started and not released. */
  get running(): number {
    return this.pq.pending;
  }

  get concurrency(): number {
    return this.pq.concurrency;
  }

  /** Whether an added item would start at once. */
  get idle(): boolean {
    return this.fair.size === 0 && this.pq.pending < this.pq.concurrency;
  }

  add(item: T): void {
    const options: JobOptions<T> = { level: item.level, uid: item.uid, item };
    void this.pq.add(() => this.start(item), options as never);
  }

  /** Takes a queued item out (it was answered or moved). */
  remove(item: T): boolean {
    const found = this.fair.take((j) => j.item === item);
    return found.length > 0;
  }

  /** Takes the item to shed for work of `level`, if one of a lower level is queued. */
  shed(level: Level): T | undefined {
    return this.fair.shed(level)?.item;
  }

  /** Takes every queued item out, in queue order. */
  drain(): T[] {
    return this.fair.take(() => true).map((j) => j.item);
  }

  /** Queued items that fail `keep`, taken out. */
  takeWhere(pred: (item: T) => boolean): T[] {
    return this.fair.take((j) => pred(j.item)).map((j) => j.item);
  }

  close(): void {
    this.pq.clear();
  }
}
