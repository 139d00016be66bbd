// Which statuses are retried, the backoff bounds, and the retry budget.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { RetryPolicy, retryable } from '../../../src/pipeline/retry-policy.js';
import { SharedLoad } from '../../../src/pipeline/shared-load.js';

/** A policy with `n` retries active. */
function retrying(p: RetryPolicy, n: number): RetryPolicy {
  while (p.active < n) p.started();
  while (p.active > n) p.finished();
  return p;
}

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
    retrying(p, 2);
    expect(p.allows(0)).toBe(true);
    retrying(p, 3);
    expect(p.allows(10)).toBe(false);
    expect(p.allows(20)).toBe(true);
    retrying(p, 20);
    expect(p.allows(100)).toBe(false);
    expect(p.allows(101)).toBe(true);
  });

  it('allows as many retries in flight as other services have free slots, when that is more', () => {
    const p = new RetryPolicy();
    retrying(p, 12);
    expect(p.allows(12)).toBe(false);
    expect(p.allows(12, 12)).toBe(false);
    expect(p.allows(12, 48)).toBe(true);
  });

  it('counts the retries of every pipeline sharing the budget, each writing its own row', () => {
    const buffer = SharedLoad.buffer(2);
    const main = new RetryPolicy({}, Math.random, new SharedLoad(buffer, 0));
    const worker = new RetryPolicy({}, Math.random, new SharedLoad(buffer, 1));
    retrying(main, 2);
    expect(worker.active).toBe(2);
    // Three retrying between them: the floor of 3 is spent for both.
    worker.started();
    expect(main.allows(10)).toBe(false);
    expect(worker.allows(10)).toBe(false);
    // A pipeline that ended no longer counts.
    new SharedLoad(buffer, 0).clear(1);
    expect(main.active).toBe(2);
    expect(main.allows(10)).toBe(true);
  });

  it('sums the requests every pipeline holds, and refuses a row outside the buffer', () => {
    const buffer = SharedLoad.buffer(3);
    const rows = [0, 1, 2].map((i) => new SharedLoad(buffer, i));
    for (const [i, r] of rows.entries()) r.setInflight(10 * (i + 1));
    expect(rows[0]!.inflight).toBe(60);
    expect(() => new SharedLoad(buffer, 3)).toThrow(/row 3 is outside the shared load \(3 rows\)/);
  });
});
