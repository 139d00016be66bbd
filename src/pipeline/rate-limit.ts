/**
 * Rate limits. TokenBucket: `rate` tokens per second, holding at most
 * `burst`; a request takes one token or is refused (one pipeline's own, as
 * the adaptive limit uses). RateLimits: the configured global, per-uid and
 * per-service limits, in buckets the daemon's pipelines share. Clocks are
 * injected so tests need no waiting.
 */
import { BucketKind, type Clock, SharedBuckets } from './shared-buckets.js';

export type { Clock };

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
  /** ms, the same in every thread (tests inject one); used only when the limits make their own buckets. */
  clock?: Clock;
}

/**
 * The three limits together, in buckets that may be shared with the
 * daemon's other pipelines (shared-buckets.ts): a rate is the daemon's,
 * however many pipelines take its requests.
 */
export class RateLimits {
  private readonly buckets: SharedBuckets;

  constructor(
    private readonly options: RateLimitOptions = {},
    buckets?: SharedBuckets,
  ) {
    this.buckets = buckets ?? new SharedBuckets(SharedBuckets.buffer(), options.clock);
  }

  get enabled(): boolean {
    return Boolean(this.options.global || this.options.perUid || this.options.perService);
  }

  private take(kind: BucketKind, key: number | string, rate: number): boolean {
    return this.buckets.take(kind, key, rate, Math.max(1, rate * (this.options.burstSeconds ?? 1)));
  }

  /** Admits a request from `uid` (global and per-uid limits). */
  admitCaller(uid: number): boolean {
    if (this.options.global && !this.take(BucketKind.GLOBAL, 0, this.options.global)) return false;
    return !this.options.perUid || this.take(BucketKind.UID, uid, this.options.perUid);
  }

  /** Admits a request to `serviceId` (per-service limit). */
  admitService(serviceId: string): boolean {
    return !this.options.perService || this.take(BucketKind.SERVICE, serviceId, this.options.perService);
  }
}
