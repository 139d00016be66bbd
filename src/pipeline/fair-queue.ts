/**
 * A priority queue with fair share between callers: the highest level goes
 * first, and within a level each caller (uid) with work waiting takes a turn,
 * so one caller flooding a level delays only itself. Shedding takes the
 * newest item of the caller with the most waiting at the lowest level.
 */
import { LEVELS, type Level } from '../abi/priority.js';

interface Fifo<T> {
  readonly uid: number;
  items: T[];
  head: number;
}

interface LevelQueue<T> {
  /** Callers with items waiting, in turn order from `turn`. */
  readonly ring: Array<Fifo<T>>;
  readonly byUid: Map<number, Fifo<T>>;
  turn: number;
  size: number;
}

export class FairQueue<T> {
  private readonly levels: Array<LevelQueue<T>> = [];
  private count = 0;

  /** `counts`, when given, is kept equal to the items queued per level (shared by several queues). */
  constructor(private readonly counts: number[] = new Array<number>(LEVELS).fill(0)) {
    for (let i = 0; i < LEVELS; i++) this.levels.push({ ring: [], byUid: new Map(), turn: 0, size: 0 });
  }

  get size(): number {
    return this.count;
  }

  sizeAt(level: Level): number {
    return (this.levels[level] as LevelQueue<T>).size;
  }

  push(item: T, level: Level, uid: number): void {
    const q = this.levels[level] as LevelQueue<T>;
    let fifo = q.byUid.get(uid);
    if (fifo === undefined) {
      fifo = { uid, items: [], head: 0 };
      q.byUid.set(uid, fifo);
      q.ring.push(fifo);
    }
    fifo.items.push(item);
    q.size++;
    this.count++;
    (this.counts[level] as number)++;
  }

  /** The next item: highest level first, callers of a level in turn. */
  shift(): T | undefined {
    for (let level = LEVELS - 1; level >= 0; level--) {
      const q = this.levels[level] as LevelQueue<T>;
      if (q.size === 0) continue;
      if (q.turn >= q.ring.length) q.turn = 0;
      const fifo = q.ring[q.turn] as Fifo<T>;
      const item = fifo.items[fifo.head] as T;
      fifo.head++;
      const index = q.turn;
      // An emptied caller leaves the ring, which moves the turn on by itself.
      if (fifo.head < fifo.items.length) q.turn++;
      this.taken(q, fifo, index);
      return item;
    }
    return undefined;
  }

  /** The next item without taking it. */
  peek(): T | undefined {
    for (let level = LEVELS - 1; level >= 0; level--) {
      const q = this.levels[level] as LevelQueue<T>;
      if (q.size === 0) continue;
      const fifo = q.ring[q.turn >= q.ring.length ? 0 : q.turn] as Fifo<T>;
      return fifo.items[fifo.head];
    }
    return undefined;
  }

  /** Takes out one item (found by identity); false if it is not queued. */
  remove(item: T, level: Level, uid: number): boolean {
    const q = this.levels[level] as LevelQueue<T>;
    const fifo = q.byUid.get(uid);
    if (fifo === undefined) return false;
    const i = fifo.items.indexOf(item, fifo.head);
    if (i < 0) return false;
    fifo.items.splice(i, 1);
    this.taken(q, fifo, q.ring.indexOf(fifo), true);
    return true;
  }

  /**
   * Takes the item to shed for work of `level`: from the lowest level below
   * it, the newest item of the caller with the most waiting there.
   */
  shed(level: Level): T | undefined {
    for (let l = 0; l < level; l++) {
      const q = this.levels[l] as LevelQueue<T>;
      if (q.size === 0) continue;
      let victim = q.ring[0] as Fifo<T>;
      let index = 0;
      for (let i = 1; i < q.ring.length; i++) {
        const f = q.ring[i] as Fifo<T>;
        if (f.items.length - f.head > victim.items.length - victim.head) {
          victim = f;
          index = i;
        }
      }
      const item = victim.items.pop() as T;
      this.taken(q, victim, index, true);
      return item;
    }
    return undefined;
  }

  forEach(fn: (item: T, level: Level) => void): void {
    for (let level = LEVELS - 1; level >= 0; level--) {
      for (const fifo of (this.levels[level] as LevelQueue<T>).ring) {
        for (let i = fifo.head; i < fifo.items.length; i++) fn(fifo.items[i] as T, level as Level);
      }
    }
  }

  /** Takes out every item matching `pred`, in queue order. */
  take(pred: (item: T) => boolean): T[] {
    const out: T[] = [];
    const kept = new FairQueue<T>();
    for (let l = 0; l < LEVELS; l++) (this.counts[l] as number) -= this.sizeAt(l as Level);
    let item: T | undefined;
    for (let level = LEVELS - 1; level >= 0; level--) {
      const q = this.levels[level] as LevelQueue<T>;
      for (const fifo of q.ring) {
        for (let i = fifo.head; i < fifo.items.length; i++) {
          item = fifo.items[i] as T;
          if (pred(item)) out.push(item);
          else kept.push(item, level as Level, fifo.uid);
        }
      }
    }
    this.levels.splice(0, LEVELS, ...kept.levels);
    this.count = kept.count;
    for (let l = 0; l < LEVELS; l++) (this.counts[l] as number) += kept.sizeAt(l as Level);
    return out;
  }

  /** Bookkeeping after one item left `fifo` (at `index` in its level's ring). */
  private taken(q: LevelQueue<T>, fifo: Fifo<T>, index: number, removed = false): void {
    q.size--;
    this.count--;
    (this.counts[this.levels.indexOf(q)] as number)--;
    if (fifo.head >= fifo.items.length) {
      q.byUid.delete(fifo.uid);
      q.ring.splice(index, 1);
      if (index < q.turn) q.turn--;
      return;
    }
    if (!removed && fifo.head > 64 && fifo.head * 2 > fifo.items.length) {
      fifo.items = fifo.items.slice(fifo.head);
      fifo.head = 0;
    }
  }
}
