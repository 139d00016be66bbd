// Which statuses are retried, the backoff bounds, and the retry budget.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { RetryPolicy, retryable } from '../../../src/manager/retry.js';

describe('retry policy', () => {
  it('retries service-side failures only, never bad requests', () => {
    expect([Status.SERVICE_ERROR, Status.OVERLOADED, Status.RATE_LIMITED, Status.TIMEOUT].every(retryable)).toBe(true);
    expect([Status.SUCCESS, Status.INVALID_REQUEST, Status.MODEL_NOT_FOUND, Status.NO_SERVICE, Status.SHUTTING_DOWN].some(retryable)).toBe(false);
  });

  it('backs off exponentially with full jitter up to the cap', () => {
    const top = new RetryPolicy({ baseMs: 10, maxMs: 50 }, () => 0.999999);
    expect([1, 2, 3, 4].map((a) => Math.round(top.backoffMs(a)))).toEqual([10, 20, 40, 50]);
    const bottom = new RetryPolicy({ baseMs: 10, maxMs: 50 }, () => 0);
    expect(bottom.backoffMs(3)).toBe(0);
  });

  it('keeps retries under 20% of requests in flight, with at least 3 allowed', () => {
    const p = new RetryPolicy();
    p.active = 2;
    expect(p.allows(0)).toBe(true);
    p.active = 3;
    expect(p.allows(10)).toBe(false);
    expect(p.allows(20)).toBe(true);
    p.active = 20;
    expect(p.allows(100)).toBe(false);
    expect(p.allows(101)).toBe(true);
  });

  it('allows as many retries in flight as other services have free slots, when that is more', () => {
    const p = new RetryPolicy();
    p.active = 12;
    expect(p.allows(12)).toBe(false);
    expect(p.allows(12, 12)).toBe(false);
    expect(p.allows(12, 48)).toBe(true);
  });
});
