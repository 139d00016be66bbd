/**
 * An admission rate that follows latency: each window, if the average
 * latency of completed requests exceeded the target, the allowed rate drops
 * to 70% of what was completed (multiplicative decrease); otherwise it grows
 * by a quarter, and the limit lifts entirely once it is well above the
 * work that arrives. Requests over the rate get RATE_LIMITED.
 */
import { type Clock, TokenBucket } from './rate-limit.js';

export interface AdaptiveLimitOptions {
  /** Latency target, ms; 0 turns the limit off. */
  targetMs?: number;
  /** Length of one measuring window, ms. */
  windowMs?: number;
  /** The rate never drops below this, requests/s. */
  minRate?: number;
  clock?: Clock;
}

export class AdaptiveLimit {
  private readonly targetNs: number;
  private readonly windowMs: number;
  private readonly minRate: number;
  private readonly now: Clock;
  private windowStart: number;
  private completed = 0;
  private latencySumNs = 0;
  private offered = 0;
  private bucket: TokenBucket | undefined;
  /** Requests per second currently allowed; Infinity when not limiting. */
  rate = Infinity;
  /** Times the limit tightened. */
  tightened = 0;

  constructor(options: AdaptiveLimitOptions = {}) {
    this.targetNs = (options.targetMs ?? 0) * 1e6;
    this.windowMs = options.windowMs ?? 1000;
    this.minRate = options.minRate ?? 10;
    this.now = options.clock ?? (() => performance.now());
    this.windowStart = this.now();
  }

  get enabled(): boolean {
    return this.targetNs > 0;
  }

  /** A request completed after `latencyNs`. */
  observe(latencyNs: number): void {
    this.completed++;
    this.latencySumNs += latencyNs;
  }

  admit(): boolean {
    this.roll();
    this.offered++;
    return this.bucket === undefined || this.bucket.take();
  }

  private roll(): void {
    const t = this.now();
    const elapsed = t - this.windowStart;
    if (elapsed < this.windowMs) return;
    const perSec = 1000 / elapsed;
    if (this.completed > 0 && this.latencySumNs / this.completed > this.targetNs) {
      this.set(Math.max(this.minRate, Math.min(this.rate, this.completed * perSec) * 0.7));
      this.tightened++;
    } else if (this.rate !== Infinity) {
      // Lifted when the allowed rate is far above what arrives.
      this.set(this.rate * 1.25 > 4 * this.offered * perSec + this.minRate ? Infinity : this.rate * 1.25);
    }
    this.windowStart = t;
    this.completed = 0;
    this.latencySumNs = 0;
    this.offered = 0;
  }

  private set(rate: number): void {
    this.rate = rate;
    this.bucket = rate === Infinity ? undefined : new TokenBucket(rate, Math.max(1, rate / 10), this.now);
  }
}
