// Token buckets and the daemon's rate limits, with an injected clock.
import { describe, expect, it } from 'vitest';

import { RateLimits, TokenBucket } from '../../../src/pipeline/rate-limit.js';
import { BucketKind, SharedBuckets } from '../../../src/pipeline/shared-buckets.js';

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

  it('are off when no rate is set', () => {
    expect(new RateLimits().enabled).toBe(false);
    expect(new RateLimits({ global: 0, perUid: 0 }).enabled).toBe(false);
  });

  it('hold one rate for every pipeline sharing the buckets', () => {
    const c = clock();
    const buffer = SharedBuckets.buffer(64);
    const pipelines = [0, 1, 2].map(() => new RateLimits({ global: 4, perUid: 2, perService: 3 }, new SharedBuckets(buffer, c.now)));
    // Four a second for the daemon, spread over three pipelines.
    expect([0, 1, 2, 0, 1].map((p, i) => pipelines[p]!.admitCaller(1000 + i))).toEqual([true, true, true, true, false]);
    c.advance(1000);
    expect([0, 1, 2].map((p) => pipelines[p]!.admitCaller(7))).toEqual([true, true, false]);
    expect([2, 1, 0, 1].map((p) => pipelines[p]!.admitService('svc'))).toEqual([true, true, true, false]);
  });
});

describe('shared buckets', () => {
  it('refill at the rate, GCRA style: a burst, then one per interval', () => {
    const c = clock();
    const b = new SharedBuckets(SharedBuckets.buffer(8), c.now);
    const take = () => b.take(BucketKind.UID, 5, 10, 3);
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
    c.advance(99);
    expect(take()).toBe(false);
    c.advance(1);
    expect(take()).toBe(true);
    c.advance(10_000);
    expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
  });

  it('give a full bucket’s slot to a new key, and refuse a key no slot can hold', () => {
    const c = clock();
    const b = new SharedBuckets(SharedBuckets.buffer(4), c.now);
    // Four callers, each with a request in its bucket: every slot busy.
    for (const uid of [1, 2, 3, 4]) expect(b.take(BucketKind.UID, uid, 1, 1)).toBe(true);
    expect(b.keys).toBe(4);
    expect(b.take(BucketKind.UID, 5, 1, 1)).toBe(false);
    // A second later their buckets are full again: the new caller takes a slot over.
    c.advance(1000);
    expect(b.take(BucketKind.UID, 5, 1, 1)).toBe(true);
    expect(b.take(BucketKind.UID, 5, 1, 1)).toBe(false);
    expect(b.keys).toBe(4);
  });

  it('keep services with similar names apart, and uids apart from services', () => {
    const c = clock();
    const b = new SharedBuckets(SharedBuckets.buffer(4096), c.now);
    const ids = Array.from({ length: 1000 }, (_, i) => `svc-${i}`);
    expect(ids.every((id) => b.take(BucketKind.SERVICE, id, 1, 1))).toBe(true);
    expect(b.take(BucketKind.UID, 0, 1, 1)).toBe(true);
    expect(b.keys).toBe(1001);
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
