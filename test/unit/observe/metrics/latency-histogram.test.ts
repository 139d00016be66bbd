// The per-request latency histogram: percentiles within one bucket of the exact value,
// cumulative Prometheus buckets at exact bucket edges.
import fc from 'fast-check';
import { expect, it } from 'vitest';

import { BOUNDS_NS, LatencyHistogram } from '../../../../src/observe/metrics/histogram.js';

it('reads percentiles within one bucket (upper bound at most 4/3 of the lower) of the exact value', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1_000, max: 10_000_000_000 }), { minLength: 1, maxLength: 500 }), fc.constantFrom(0.5, 0.9, 0.99), (values, q) => {
      const h = new LatencyHistogram();
      for (const v of values) h.observe(v);
      const sorted = [...values].sort((a, b) => a - b);
      const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
      const got = h.quantile(q);
      // Both lie in the same bucket, whose upper bound is at most 4/3 of its lower bound.
      expect(got).toBeGreaterThanOrEqual((exact * 3) / 4 - 1);
      expect(got).toBeLessThanOrEqual((exact * 4) / 3 + 1);
    }),
  );
});

it('reads the first bucket (up to 1 us) as its bound, not half of it (the property above found 1000 ns read as 500)', () => {
  const h = new LatencyHistogram();
  h.observe(1000);
  expect(h.quantile(0.5)).toBe(1000);
  h.observe(800);
  expect(h.quantile(0.99)).toBe(1000);
});

it('exports cumulative buckets at 1-2.5-5 bounds and +Inf, with sum and count', () => {
  const h = new LatencyHistogram();
  for (const ns of [800, 2_000_000, 2_500_000, 7_000_000, 100e9]) h.observe(ns);
  const b = Object.fromEntries(h.buckets().map((x) => [x.le, x.count]));
  expect(b['0.000001']).toBe(1);
  expect(b['0.0025']).toBe(3);
  expect(b['0.005']).toBe(3);
  expect(b['0.01']).toBe(4);
  expect(b['50']).toBe(4);
  expect(b['+Inf']).toBe(5);
  expect(Object.keys(b)).toHaveLength(8 * 3 + 1);
  expect(h.count).toBe(5);
  expect(h.sumNs).toBe(800 + 2_000_000 + 2_500_000 + 7_000_000 + 100e9);
  expect(BOUNDS_NS[0]).toBe(1000);
  expect(h.quantile(1)).toBe(BOUNDS_NS[BOUNDS_NS.length - 1]);
  expect(new LatencyHistogram().quantile(0.5)).toBe(0);
});
