/**
 * Retry policy: which statuses are worth another try, how long to wait
 * (exponential backoff with full jitter), and a budget so that retries stay
 * a small share of the work and cannot amplify an outage.
 */
import { Status } from '../abi/uapi.js';
import { SharedLoad } from './shared-load.js';

/** Failures of one service that another service (or a later try) may not repeat. */
const RETRYABLE = new Set<number>([Status.SERVICE_ERROR, Status.OVERLOADED, Status.RATE_LIMITED, Status.TIMEOUT]);

export function retryable(status: number): boolean {
  return RETRYABLE.has(status);
}

export interface RetryOptions {
  /** Tries after the first; 0 turns retries off. */
  maxRetries?: number;
  /** First backoff, ms; doubles each retry. */
  baseMs?: number;
  /** Longest backoff, ms. */
  maxMs?: number;
  /** Retries in flight as a share of requests in flight. */
  budgetRatio?: number;
  /** Retries always allowed in flight, however few requests there are (more when services have spare capacity). */
  budgetMin?: number;
}

export class RetryPolicy {
  readonly maxRetries: number;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly ratio: number;
  private readonly min: number;

  /** `shared`: the load of every pipeline that shares this budget (a daemon's workers do). */
  constructor(
    options: RetryOptions = {},
    private readonly random: () => number = Math.random,
    private readonly shared: SharedLoad = new SharedLoad(),
  ) {
    this.maxRetries = options.maxRetries ?? 2;
    this.baseMs = options.baseMs ?? 5;
    this.maxMs = options.maxMs ?? 200;
    this.ratio = options.budgetRatio ?? 0.2;
    this.min = options.budgetMin ?? 3;
  }

  /** Retries waiting for their backoff or in flight again, in every pipeline sharing the budget. */
  get active(): number {
    return this.shared.retries;
  }

  /** A request of this pipeline began retrying (it counts until it ends). */
  started(): void {
    this.shared.addRetries(1);
  }

  /** A retrying request of this pipeline ended. */
  finished(): void {
    this.shared.addRetries(-1);
  }

  /** Backoff before retry number `attempt` (1-based): uniform in [0, min(max, base * 2^(attempt-1))]. */
  backoffMs(attempt: number): number {
    return this.random() * Math.min(this.maxMs, this.baseMs * 2 ** (attempt - 1));
  }

  /**
   * Whether the budget allows one more retry with `inflight` requests in
   * flight and `spare` free slots at usable services (as Envoy's budget: a
   * floor and a ratio). The floor is the larger of budgetMin and the spare
   * capacity, so a failure while other services sit idle is always retried,
   * while retries into a saturated system stay a share of the work.
   */
  allows(inflight: number, spare = 0): boolean {
    return this.active < Math.max(this.min, this.ratio * inflight, spare);
  }
}
