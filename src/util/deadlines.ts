/**
 * Deadlines for many concurrent requests without a timer each.
 *
 * Requests with the same timeout expire in the order they were added, so
 * each distinct timeout gets a FIFO; one periodic sweep pops expired or
 * already-settled entries from the heads. Settled entries stuck behind a
 * slow head are compacted away once they outnumber live ones, so memory
 * stays proportional to the requests in flight.
 */
export const SWEEP_MS = 5;

export interface Expirable {
  /** Absolute expiry, ms on the performance.now() clock. */
  readonly expiresAt: number;
}

interface Fifo<T> {
  items: T[];
  head: number;
}

export class DeadlineQueue<T extends Expirable> {
  private readonly fifos = new Map<number, Fifo<T>>();
  private timer: NodeJS.Timeout | undefined;
  private entries = 0;
  private liveCount = 0;

  /** `live`: false once the entry settled (the sweep drops it without expiring it). */
  constructor(
    private readonly live: (entry: T) => boolean,
    private readonly onExpire: (entry: T) => void,
  ) {}

  /** `timeoutMs` groups entries whose deadlines grow monotonically. */
  add(entry: T, timeoutMs: number): void {
    let fifo = this.fifos.get(timeoutMs);
    if (fifo === undefined) {
      fifo = { items: [], head: 0 };
      this.fifos.set(timeoutMs, fifo);
    }
    fifo.items.push(entry);
    this.entries++;
    this.liveCount++;
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.sweep(), SWEEP_MS);
      this.timer.unref();
    }
  }

  /** Call when an entry settles other than by expiring. */
  settled(): void {
    this.liveCount--;
    if (this.entries > 4096 && this.entries > 2 * this.liveCount) this.compact();
  }

  get size(): number {
    return this.liveCount;
  }

  private sweep(): void {
    const now = performance.now();
    for (const [key, fifo] of this.fifos) {
      const items = fifo.items;
      let head = fifo.head;
      while (head < items.length) {
        const entry = items[head] as T;
        if (this.live(entry) && entry.expiresAt > now) break;
        head++;
        this.entries--;
        if (this.live(entry)) {
          this.liveCount--;
          this.onExpire(entry);
        }
      }
      if (head >= items.length) this.fifos.delete(key);
      else if (head > 1024 && head * 2 > items.length) {
        fifo.items = items.slice(head);
        fifo.head = 0;
      } else fifo.head = head;
    }
    if (this.entries === 0) this.stop();
  }

  private compact(): void {
    let kept = 0;
    for (const [key, fifo] of this.fifos) {
      const live = fifo.items.slice(fifo.head).filter(this.live);
      if (live.length === 0) this.fifos.delete(key);
      else this.fifos.set(key, { items: live, head: 0 });
      kept += live.length;
    }
    this.entries = kept;
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  clear(): void {
    this.stop();
    this.fifos.clear();
    this.entries = 0;
    this.liveCount = 0;
  }
}
