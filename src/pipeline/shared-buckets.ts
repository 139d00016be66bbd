/**
 * Rate-limit buckets that a daemon's pipelines (its main thread and its
 * workers) share through a SharedArrayBuffer, so that "N requests per
 * second" means N for the daemon however many pipelines take requests.
 *
 * Each bucket is one 64-bit word, GCRA style (the generic cell rate
 * algorithm): the time at which the bucket would be full again. A request
 * is admitted when that time is at most `burst - 1` intervals ahead of now,
 * and pushes it one interval on, with one compare-and-swap: no locks, so a
 * thread that dies in the middle leaves nothing held.
 *
 * Buckets live in an open-addressed table of `capacity` slots (key word,
 * time word), found within PROBE slots of the key's hash. A slot whose
 * bucket is full again is taken over by a new key; a key that finds no
 * slot (PROBE keys near it all busy) is refused, as a full table would
 * otherwise let any caller through.
 */

/** Slots searched from a key's hash. */
const PROBE = 64;
/** Kinds of key, in the key word's top byte. */
export const BucketKind = { GLOBAL: 1, UID: 2, SERVICE: 3 } as const;
export type BucketKind = (typeof BucketKind)[keyof typeof BucketKind];

/** A clock in ms that every thread reads alike (performance.now() alone starts at each thread's birth). */
export type Clock = () => number;
const wallClock: Clock = () => performance.timeOrigin + performance.now();

export class SharedBuckets {
  private readonly words: BigInt64Array;
  readonly capacity: number;

  /** Room for `capacity` buckets, to hand to every pipeline. */
  static buffer(capacity = 8192): SharedArrayBuffer {
    return new SharedArrayBuffer(capacity * 2 * BigInt64Array.BYTES_PER_ELEMENT);
  }

  constructor(
    buffer: SharedArrayBuffer = SharedBuckets.buffer(),
    private readonly now: Clock = wallClock,
  ) {
    this.words = new BigInt64Array(buffer);
    this.capacity = this.words.length / 2;
  }

  /**
   * Takes one request's worth from bucket (`kind`, `key`) refilled at
   * `rate` per second and holding `burst`; false when it is empty (or no
   * slot can hold it).
   */
  take(kind: BucketKind, key: number | string, rate: number, burst: number): boolean {
    const nowUs = BigInt(Math.round(this.now() * 1000));
    const slot = this.slot(keyWord(kind, key), nowUs);
    if (slot < 0) return false;
    const interval = BigInt(Math.max(1, Math.round(1e6 / rate)));
    const tolerance = interval * BigInt(Math.max(0, Math.floor(burst) - 1));
    const at = slot * 2 + 1;
    for (;;) {
      const full = Atomics.load(this.words, at);
      const from = full < nowUs ? nowUs : full;
      if (from - nowUs > tolerance) return false;
      if (Atomics.compareExchange(this.words, at, full, from + interval) === full) return true;
    }
  }

  /** Buckets holding a key now. */
  get keys(): number {
    let n = 0;
    for (let s = 0; s < this.capacity; s++) if (Atomics.load(this.words, s * 2) !== 0n) n++;
    return n;
  }

  /** The key's slot: where it is, else an empty slot or one whose bucket is full again, taken for it; -1 when none is. */
  private slot(word: bigint, nowUs: bigint): number {
    const start = Number(word % BigInt(this.capacity));
    const probe = Math.min(PROBE, this.capacity);
    for (let i = 0; i < probe; i++) {
      const s = (start + i) % this.capacity;
      const k = Atomics.load(this.words, s * 2);
      if (k === word) return s;
      // Keys are replaced, never removed: past an empty slot the key is nowhere.
      if (k === 0n) break;
    }
    for (let i = 0; i < probe; i++) {
      const s = (start + i) % this.capacity;
      const k = Atomics.load(this.words, s * 2);
      const idle = k === 0n || Atomics.load(this.words, s * 2 + 1) <= nowUs;
      if (!idle) continue;
      const was = Atomics.compareExchange(this.words, s * 2, k, word);
      // Another thread may have taken the slot for this very key.
      if (was === k || was === word) return s;
    }
    return -1;
  }
}

/** Kind in the top byte, then 56 bits: a uid as is, a service id hashed. */
function keyWord(kind: BucketKind, key: number | string): bigint {
  const value = typeof key === 'number' ? BigInt(key >>> 0) : hash56(key);
  return (BigInt(kind) << 56n) | value;
}

/** Two FNV-1a 32-bit hashes (different offsets) joined: collisions among service ids are out of reach. */
function hash56(s: string): bigint {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (BigInt(a >>> 0) << 24n) | BigInt((b >>> 0) & 0xffffff);
}
