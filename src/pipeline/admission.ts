/**
 * The request pipeline's first stage: what is refused at the door, before a
 * request is held. A deadline already past is TIMEOUT, a full in-flight table
 * OVERLOADED, a caller over its token bucket or the adaptive limit
 * RATE_LIMITED. It also keeps the per-service buckets (checked when a service
 * is chosen) and feeds the adaptive limit with completed latencies.
 */
import { Status } from '../abi/uapi.js';
import { AdaptiveLimit, type AdaptiveLimitOptions } from './adaptive-limit.js';
import { type RateLimitOptions, RateLimits } from './rate-limit.js';
import { SharedBuckets } from './shared-buckets.js';

export interface AdmissionOptions {
  /** Requests held at once before new ones are answered OVERLOADED. */
  maxInflight?: number;
  rateLimits?: RateLimitOptions;
  /** The rate-limit buckets shared with the daemon's other pipelines (its own when absent). */
  buckets?: SharedBuckets;
  adaptiveLimit?: AdaptiveLimitOptions;
}

/** What admission reads of a request. */
export interface Admissible {
  timeoutMs: number;
  deadlineNs: bigint;
  callerUid: number;
}

export class Admission {
  readonly adaptive: AdaptiveLimit;
  readonly maxInflight: number;
  private limits: RateLimits;
  private readonly buckets: SharedBuckets;

  constructor(options: AdmissionOptions = {}) {
    this.maxInflight = options.maxInflight ?? 65536;
    this.buckets = options.buckets ?? new SharedBuckets(SharedBuckets.buffer(), options.rateLimits?.clock);
    this.limits = new RateLimits(options.rateLimits, this.buckets);
    this.adaptive = new AdaptiveLimit(options.adaptiveLimit);
  }

  /** Milliseconds the request has left at `nowNs`: the sooner of its timeout and its deadline. */
  remainingMs(req: Admissible, nowNs: bigint): number {
    // Doubles, not a BigInt difference (an allocation per request); exact while the clock is below 2^53 ns.
    return Math.min(req.timeoutMs, (Number(req.deadlineNs) - Number(nowNs)) / 1e6);
  }

  /** The status to answer at once, or undefined when the request may be held. Order: deadline, room, rate. */
  refusal(req: Admissible, remainingMs: number, inflight: number): number | undefined {
    if (remainingMs <= 0) return Status.TIMEOUT;
    if (inflight >= this.maxInflight) return Status.OVERLOADED;
    if ((this.limits.enabled && !this.limits.admitCaller(req.callerUid)) || (this.adaptive.enabled && !this.adaptive.admit())) return Status.RATE_LIMITED;
    return undefined;
  }

  /** The chosen service's token bucket. */
  admitService(serviceId: string): boolean {
    return this.limits.admitService(serviceId);
  }

  /** A request completed in `tookNs` (the adaptive limit's signal). */
  completed(tookNs: number): void {
    if (this.adaptive.enabled) this.adaptive.observe(tookNs);
  }

  /** New rate limits (a configuration reload): the same buckets at the new rates. */
  setRateLimits(options: RateLimitOptions): void {
    this.limits = new RateLimits(options, this.buckets);
  }
}
