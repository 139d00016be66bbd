// Token buckets and the daemon's rate limits, with an injected clock.
import { describe, expect, it } from 'vitest';

import { RateLimits, TokenBucket } from '../../../src/manager/rate-limit.js';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('token bucket', () => {
  it('allows a burst, then refills at its rate', () => {
    const c = clock();
    const b = new TokenBucket(10, 3, c.now);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    c.advance(99);
    expect(b.take()).toBe(false);
    c.advance(1);
    expect(b.take()).toBe(true);
    c.advance(10_000);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
  });

  it('refuses impossible settings', () => {
    expect(() => new TokenBucket(0, 1)).toThrow(RangeError);
    expect(() => new TokenBucket(5, 0.5)).toThrow(/burst >= 1/);
  });
});

describe('rate limits', () => {
  it("limit each uid on its own, so one caller cannot use up another's share", () => {
    const c = clock();
    const limits = new RateLimits({ perUid: 2, clock: c.now });
    expect([limits.admitCaller(1000), limits.admitCaller(1000), limits.admitCaller(1000)]).toEqual([true, true, false]);
    expect(limits.admitCaller(1001)).toBe(true);
    c.advance(500);
    expect(limits.admitCaller(1000)).toBe(true);
  });

  it('apply the global and per-service limits', () => {
    const c = clock();
    const limits = new RateLimits({ global: 3, perService: 1, clock: c.now });
    expect([1, 2, 3, 4].map((uid) => limits.admitCaller(uid))).toEqual([true, true, true, false]);
    expect([limits.admitService('a'), limits.admitService('a'), limits.admitService('b')]).toEqual([true, false, true]);
  });

  it('are off when no rate is set, and forget idle callers', () => {
    expect(new RateLimits().enabled).toBe(false);
    const c = clock();
    const limits = new RateLimits({ perUid: 1000, clock: c.now });
    for (let uid = 0; uid < 5000; uid++) limits.admitCaller(uid);
    c.advance(2000);
    for (let i = 0; i < 4096; i++) limits.admitCaller(1);
    expect(limits.trackedKeys).toBeLessThan(10);
  });
});

describe('rate limits in the daemon', () => {
  it("answer RATE_LIMITED past a caller's rate while other callers are served", async () => {
    const { startBridge, filled } = await import('../../helpers/bridge.js');
    const { Status } = await import('../../../src/abi/uapi.js');
    const bridge = await startBridge({ rateLimitPerUid: 3 });
    try {
      await bridge.service({ id: 's', name: 's', dimensions: [4], embed: (i) => i.map(() => filled(4, 1)) });
      const burst = await Promise.all(Array.from({ length: 5 }, () => bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, uid: 1000 })));
      expect(burst.map((r) => r.status).sort()).toEqual([0, 0, 0, Status.RATE_LIMITED, Status.RATE_LIMITED]);
      expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, uid: 1001 })).status).toBe(Status.SUCCESS);
      expect(bridge.daemon.router.counters.byStatus[Status.RATE_LIMITED]).toBe(2);
    } finally {
      await bridge.close();
    }
  });
});
