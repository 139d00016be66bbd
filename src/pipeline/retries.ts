/**
 * The pipeline's retry stage: after a failed try, whether a request gets
 * another (a retryable status, tries left, time left after the backoff, the
 * retry budget for a request not yet retrying) and, when it does, the
 * backoff timer that sends it back to selection.
 */
import { RequestState, type Staged } from './request.js';
import { RetryPolicy, type RetryOptions, retryable } from './retry-policy.js';
import type { SharedLoad } from './shared-load.js';

/** What the retry stage keeps on each request in flight. */
export interface Retriable extends Staged {
  /** Tries after the first; one or more counts in the budget's active retries until it ends. */
  attempts: number;
  /** Services that failed it (a retry prefers others). */
  tried: string[] | undefined;
  /** performance.now() time of its deadline. */
  expiresAt: number;
}

export interface RetryLoad {
  /** Requests held by every pipeline sharing the budget. */
  readonly inflight: number;
  /** Free slots at usable services other than `exceptServiceId`. */
  spare(exceptServiceId: string): number;
}

/** 'scheduled': it will be routed again after the backoff; 'final': the status is its answer; 'denied': it could have been retried, but not now. */
export type RetryVerdict = 'scheduled' | 'final' | 'denied';

export class Retries<T extends Retriable> {
  readonly policy: RetryPolicy;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    options: RetryOptions | undefined,
    private readonly again: (e: T) => void,
    random?: () => number,
    shared?: SharedLoad,
  ) {
    this.policy = new RetryPolicy(options, random, shared);
  }

  /**
   * `e` failed at `serviceId` with `status`; `load`: requests held, and the
   * free slots at the usable services other than `serviceId` (read only when
   * the budget is in question); `closing`: the daemon is stopping.
   */
  /**
   * `orphaned`: its service went away with it unanswered (crashed, killed, cut off). That is no
   * sign of overload, so the budget does not hold it back: it is moved on (within its retries
   * and deadline) however many the service took with it.
   */
  afterFailure(e: T, serviceId: string, status: number, load: RetryLoad, closing: boolean, orphaned = false, now = performance.now()): RetryVerdict {
    if (!retryable(status) || e.attempts >= this.policy.maxRetries) return 'final';
    const attempt = e.attempts + 1;
    const delay = this.policy.backoffMs(attempt);
    // Worth a try only if some time is left after the backoff.
    if (closing || e.expiresAt - now <= delay + 1) return 'denied';
    if (!orphaned && e.attempts === 0 && !this.policy.allows(load.inflight) && !this.policy.allows(load.inflight, load.spare(serviceId))) return 'denied';
    if (e.attempts === 0) this.policy.started();
    e.attempts = attempt;
    (e.tried ??= []).push(serviceId);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (e.state === RequestState.RETRY_WAIT) this.again(e);
    }, delay);
    timer.unref();
    this.timers.add(timer);
    return 'scheduled';
  }

  /** `e` ended: it no longer counts against the budget. */
  ended(e: T): void {
    if (e.attempts > 0) this.policy.finished();
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
