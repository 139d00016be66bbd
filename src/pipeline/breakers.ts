/**
 * One opossum circuit breaker per service. Every breaker's rolling window
 * turns on one shared timer (opossum's rotateBucketController) instead of a
 * timer each, and no snapshot timers run. A batch sent to a service is one
 * `fire()`; its promise settles when the batch is answered, failed or timed
 * out. An open breaker takes the service out of the candidates, which
 * means fail over, not fail.
 *
 * A daemon's pipelines (its workers) each keep their own breakers, and share
 * what they learn: a breaker that opens or closes in one is opened or closed
 * in the others by `share()`, which marks the events it causes as `shared`
 * so that they are not passed on again.
 */
import { EventEmitter } from 'node:events';

import CircuitBreaker from 'opossum';

import { BREAKER_NAMES } from '../abi/names.js';
import { Breaker } from '../abi/uapi.js';

export const BreakerState = { CLOSED: BREAKER_NAMES[Breaker.CLOSED], OPEN: BREAKER_NAMES[Breaker.OPEN], HALF_OPEN: BREAKER_NAMES[Breaker.HALF_OPEN] } as const;
export type BreakerState = (typeof BreakerState)[keyof typeof BreakerState];

export interface BreakerOptions {
  /** Percentage of failed batches in the window that opens the breaker. */
  errorThresholdPercentage?: number;
  /** Batches in the window before the breaker may open. */
  volumeThreshold?: number;
  /** Length of the rolling window, ms. */
  rollingCountTimeoutMs?: number;
  /** Buckets in the window. */
  rollingCountBuckets?: number;
  /** Time open before a trial batch is let through (half-open), ms. */
  resetTimeoutMs?: number;
}

export interface BreakerEvents {
  /** `shared`: caused by `share()` (another pipeline's breaker), not by this pipeline's batches. */
  state: [serviceId: string, state: BreakerState, shared: boolean];
}

/** Why a batch counts as failed for its breaker. */
export class BatchFailure extends Error {}

type Action = () => Promise<void>;

export class Breakers extends EventEmitter<BreakerEvents> {
  private readonly breakers = new Map<string, CircuitBreaker<[Action], void>>();
  private readonly rotate = new EventEmitter();
  private readonly timer: NodeJS.Timeout;
  private readonly options: Required<BreakerOptions>;
  private sharing = false;

  constructor(options: BreakerOptions = {}) {
    super();
    this.options = {
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      volumeThreshold: options.volumeThreshold ?? 10,
      rollingCountTimeoutMs: options.rollingCountTimeoutMs ?? 10_000,
      rollingCountBuckets: options.rollingCountBuckets ?? 10,
      resetTimeoutMs: options.resetTimeoutMs ?? 5_000,
    };
    // Every breaker has many listeners on one emitter: one per service.
    this.rotate.setMaxListeners(0);
    this.timer = setInterval(() => this.rotate.emit('rotate'), Math.max(1, Math.floor(this.options.rollingCountTimeoutMs / this.options.rollingCountBuckets)));
    this.timer.unref();
  }

  private breaker(serviceId: string): CircuitBreaker<[Action], void> {
    let b = this.breakers.get(serviceId);
    if (b !== undefined) return b;
    const o = this.options;
    b = new CircuitBreaker<[Action], void>((action: Action) => action(), {
      timeout: false,
      errorThresholdPercentage: o.errorThresholdPercentage,
      volumeThreshold: o.volumeThreshold,
      rollingCountTimeout: o.rollingCountTimeoutMs,
      rollingCountBuckets: o.rollingCountBuckets,
      resetTimeout: o.resetTimeoutMs,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
      rotateBucketController: this.rotate,
      name: serviceId,
    });
    b.on('open', () => this.emit('state', serviceId, BreakerState.OPEN, this.sharing));
    b.on('halfOpen', () => this.emit('state', serviceId, BreakerState.HALF_OPEN, this.sharing));
    b.on('close', () => this.emit('state', serviceId, BreakerState.CLOSED, this.sharing));
    this.breakers.set(serviceId, b);
    return b;
  }

  /** May a batch go to this service now? (closed, or half-open with no trial out) */
  allows(serviceId: string): boolean {
    const b = this.breakers.get(serviceId);
    return b === undefined || b.closed || b.pendingClose;
  }

  state(serviceId: string): BreakerState {
    const b = this.breakers.get(serviceId);
    if (b === undefined || b.closed) return BreakerState.CLOSED;
    return b.opened ? BreakerState.OPEN : BreakerState.HALF_OPEN;
  }

  /**
   * Runs `send` under the service's breaker. Returns false, without calling
   * it, when the breaker refuses; `send` returns the batch's outcome.
   */
  fire(serviceId: string, send: Action): boolean {
    let called = false;
    this.breaker(serviceId)
      .fire(() => {
        called = true;
        return send();
      })
      .catch(() => {
        // The outcome is the caller's to handle; the breaker only counts it.
      });
    return called;
  }

  /**
   * Opens the service's breaker now (an outlier: a batch far past its usual
   * answer time). After resetTimeoutMs it lets one trial batch through, as
   * after any opening.
   */
  trip(serviceId: string): void {
    this.breaker(serviceId).open();
  }

  /**
   * Another pipeline's breaker for the service opened or closed: this one
   * follows (nothing happens when it is in that state already). An opened
   * breaker lets its own trial batch through after resetTimeoutMs; the first
   * trial that succeeds anywhere closes them all.
   */
  share(serviceId: string, state: BreakerState): void {
    if (state === BreakerState.HALF_OPEN) return;
    this.sharing = true;
    try {
      if (state === BreakerState.OPEN) this.breaker(serviceId).open();
      else this.breakers.get(serviceId)?.close();
    } finally {
      this.sharing = false;
    }
  }

  /** The service is gone: its breaker and its listener on the shared timer go too. */
  remove(serviceId: string): void {
    const b = this.breakers.get(serviceId);
    if (b === undefined) return;
    this.breakers.delete(serviceId);
    b.shutdown();
  }

  close(): void {
    clearInterval(this.timer);
    for (const id of [...this.breakers.keys()]) this.remove(id);
  }
}
