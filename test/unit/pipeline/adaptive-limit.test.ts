// The adaptive rate limit tightens when latency passes its target and lifts when it recovers.
import { describe, expect, it } from 'vitest';

import { AdaptiveLimit } from '../../../src/pipeline/adaptive-limit.js';

describe('adaptive rate limit', () => {
  it('admits everything while latency is under target', () => {
    let now = 0;
    const l = new AdaptiveLimit({ targetMs: 10, clock: () => now });
    for (let t = 0; t < 3000; t++) {
      now = t;
      expect(l.admit()).toBe(true);
      l.observe(5e6);
    }
    expect(l.rate).toBe(Infinity);
  });

  it('drops to 70% of completed work when latency is over target, then lifts as it recovers', () => {
    let now = 0;
    const l = new AdaptiveLimit({ targetMs: 10, windowMs: 1000, minRate: 10, clock: () => now });
    // 1000 requests/s completing in 50 ms each.
    for (let i = 0; i < 1000; i++) {
      now = i;
      l.admit();
      l.observe(50e6);
    }
    now = 1000;
    l.admit();
    expect(l.rate).toBeCloseTo(700, 0);
    expect(l.tightened).toBe(1);
    // At 1000/s offered, about 700 get through in the next second.
    let admitted = 0;
    for (let i = 1; i < 1000; i++) {
      now = 1000 + i;
      if (l.admit()) {
        admitted++;
        l.observe(2e6);
      }
    }
    expect(admitted).toBeGreaterThan(650);
    expect(admitted).toBeLessThan(800);
    // Fast again: the rate grows each window until it is lifted.
    for (let w = 2; w < 20 && l.rate !== Infinity; w++) {
      now = w * 1000;
      l.admit();
      l.observe(2e6);
    }
    expect(l.rate).toBe(Infinity);
  });

  it('is off without a target', () => {
    expect(new AdaptiveLimit().enabled).toBe(false);
  });
});
