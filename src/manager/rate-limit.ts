/**
 * Token buckets: `rate` tokens per second, holding at most `burst`. A request
 * takes one token or is refused. The clock is injected so tests need no
 * waiting.
 */
export type Clock = () => number;

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly now: Clock = () => performance.now(),
  ) {
    if (!(rate > 0) || !(burst >= 1)) throw new RangeError(`a bucket needs rate > 0 and burst >= 1, got ${rate} and ${burst}`);
    this.tokens = burst;
    this.last = now();
  }

  /** Takes a token if there is one. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole seconds of refill have passed since the last take: the bucket is full again. */
  idle(): boolean {
    return this.tokens + ((this.now() - this.last) / 1000) * this.rate >= this.burst;
  }
}

export interface RateLimitOptions {
  /** Requests per second for the whole daemon; 0 turns the limit off. */
  global?: number;
  /** Requests per second for each caller uid; 0 turns the limit off. */
  perUid?: number;
  /** Requests per second for each service; 0 turns the limit off. */
  perService?: number;
  /** Bucket size as seconds of rate (default 1: a one-second burst). */
  burstSeconds?: number;
  clock?: Clock;
}

/** The three limits together; keyed buckets are created on demand and dropped when idle. */
export class RateLimits {
  private readonly global: TokenBucket | undefined;
  private readonly uids = new Map<number, TokenBucket>();
  private readonly services = new Map<string, TokenBucket>();
  private takes = 0;

  constructor(private readonly options: RateLimitOptions = {}) {
    this.global = options.global ? this.bucket(options.global) : undefined;
  }

  get enabled(): boolean {
    return Boolean(this.options.global || this.options.perUid || this.options.perService);
  }

  private bucket(rate: number): TokenBucket {
    return new TokenBucket(rate, Math.max(1, rate * (this.options.burstSeconds ?? 1)), this.options.clock);
  }

  private keyed<K>(map: Map<K, TokenBucket>, key: K, rate: number): TokenBucket {
    let b = map.get(key);
    if (b === undefined) map.set(key, (b = this.bucket(rate)));
    return b;
  }

  /** Admits a request from `uid` (global and per-uid limits). */
  admitCaller(uid: number): boolean {
    this.sweep();
    if (this.global && !this.global.take()) return false;
    return !this.options.perUid || this.keyed(this.uids, uid, this.options.perUid).take();
  }

  /** Admits a request to `serviceId` (per-service limit). */
  admitService(serviceId: string): boolean {
    return !this.options.perService || this.keyed(this.services, serviceId, this.options.perService).take();
  }

  // Full buckets carry no state: dropping them now and then keeps the maps bounded by active keys.
  private sweep(): void {
    if (++this.takes % 4096 !== 0) return;
    for (const [k, b] of this.uids) if (b.idle()) this.uids.delete(k);
    for (const [k, b] of this.services) if (b.idle()) this.services.delete(k);
  }

  get trackedKeys(): number {
    return this.uids.size + this.services.size;
  }
}
