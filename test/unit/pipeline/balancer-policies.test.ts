// Each balancing policy's distribution over fake services, and sticky sessions with a fake clock.
import { describe, expect, it } from 'vitest';

import { Balancer, Policy, StickyTable } from '../../../src/pipeline/balancer.js';

interface Fake {
  id: string;
  weight: number;
  priority: number;
  load: number;
  capacity: number;
  latencyNs: number;
  health: number;
  cpu: number;
}

const svc = (id: string, o: Partial<Fake> = {}): Fake => ({ id, weight: 1, priority: 0, load: 0, capacity: 10, latencyNs: 0, health: 100, cpu: 0, ...o });

/** A deterministic generator so distributions are repeatable. */
function lcg(seed = 42): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function balancer(random = lcg()): Balancer<Fake> {
  return new Balancer<Fake>(
    {
      id: (c) => c.id,
      weight: (c) => c.weight,
      priority: (c) => c.priority,
      load: (c) => c.load,
      capacity: (c) => c.capacity,
      latencyNs: (c) => c.latencyNs,
      health: (c) => c.health,
      cpu: (c) => c.cpu,
    },
    random,
  );
}

function tally(b: Balancer<Fake>, policy: Policy, cands: Fake[], n: number, onPick?: (c: Fake) => void): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(cands.map((c) => [c.id, 0]));
  for (let i = 0; i < n; i++) {
    const c = b.pick(policy, cands, 'k');
    counts[c.id] = (counts[c.id] ?? 0) + 1;
    onPick?.(c);
  }
  return counts;
}

describe('balancing policies', () => {
  it('round robin rotates evenly', () => {
    expect(tally(balancer(), Policy.ROUND_ROBIN, [svc('a'), svc('b'), svc('c')], 300)).toEqual({ a: 100, b: 100, c: 100 });
  });

  it('weighted round robin gives exact shares, evenly spaced', () => {
    const b = balancer();
    const cands = [svc('a', { weight: 5 }), svc('b', { weight: 1 }), svc('c', { weight: 1 })];
    const order = Array.from({ length: 7 }, () => b.pick(Policy.WEIGHTED_ROUND_ROBIN, cands, 'k').id);
    expect(order.filter((x) => x === 'a')).toHaveLength(5);
    // Smooth: b and c are not next to each other and a never runs 5 in a row.
    expect(order.join('')).not.toContain('aaaaa');
    expect(tally(b, Policy.WEIGHTED_ROUND_ROBIN, cands, 700)).toEqual({ a: 500, b: 100, c: 100 });
  });

  it('least connections (two random choices) keeps loads level', () => {
    const cands = [svc('a'), svc('b'), svc('c'), svc('d')];
    tally(balancer(), Policy.LEAST_CONNECTIONS, cands, 400, (c) => c.load++);
    const loads = cands.map((c) => c.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(3);
    expect(loads.reduce((x, y) => x + y)).toBe(400);
  });

  it('least response time sends most work to the fastest service', () => {
    const cands = [svc('fast', { latencyNs: 100_000 }), svc('slow', { latencyNs: 1_000_000 }), svc('mid', { latencyNs: 300_000 })];
    const counts = tally(balancer(), Policy.LEAST_RESPONSE_TIME, cands, 900);
    expect(counts.fast).toBeGreaterThan(counts.mid as number);
    expect(counts.mid).toBeGreaterThan(counts.slow as number);
    // Two choices never pick the worst of three, except when it is sampled against itself (it is not).
    expect(counts.slow).toBe(0);
  });

  it('load-based scoring prefers idle, fast, healthy services', () => {
    const b = balancer();
    const busy = svc('busy', { load: 9, latencyNs: 100 });
    const sick = svc('sick', { load: 0, latencyNs: 100, health: 10 });
    const good = svc('good', { load: 1, latencyNs: 100 });
    expect(b.pick(Policy.LOAD, [busy, sick, good], 'k').id).toBe('good');
    expect(b.loadScore(busy, [busy, sick, good])).toBeGreaterThan(b.loadScore(good, [busy, sick, good]));
    // Otherwise equal: the one whose process is burning CPU loses, and beyond one full CPU counts as one.
    const hot = svc('hot', { cpu: 0.9 });
    const cool = svc('cool', { cpu: 0.1 });
    expect(b.pick(Policy.LOAD, [hot, cool], 'k').id).toBe('cool');
    expect(b.loadScore(svc('x', { cpu: 4 }), [])).toBe(b.loadScore(svc('y', { cpu: 1 }), []));
  });

  it('priority uses the highest tier and spills over when it is full', () => {
    const b = balancer();
    const gold = svc('gold', { priority: 200, capacity: 2 });
    const silver = svc('silver', { priority: 100, capacity: 2 });
    expect(tally(b, Policy.PRIORITY, [gold, silver], 10)).toEqual({ gold: 10, silver: 0 });
    gold.load = 2;
    expect(b.pick(Policy.PRIORITY, [gold, silver], 'k').id).toBe('silver');
    // The preferred tier gone (filtered out by the router as unhealthy): the next one takes all.
    expect(tally(b, Policy.PRIORITY, [silver], 5)).toEqual({ silver: 5 });
    silver.load = 2;
    expect(b.pick(Policy.PRIORITY, [gold, silver], 'k').id).toBe('gold');
  });

  it('random spreads roughly evenly', () => {
    const counts = tally(balancer(lcg(7)), Policy.RANDOM, [svc('a'), svc('b')], 2000);
    expect(counts.a).toBeGreaterThan(850);
    expect(counts.b).toBeGreaterThan(850);
  });

  it('sticky keys return to their service until the TTL passes, and the table is bounded', () => {
    let now = 0;
    const t = new StickyTable(1000, 2, () => now);
    t.set('k1', 'a');
    now = 900;
    expect(t.get('k1')).toBe('a');
    now = 1800; // 900 after the last use
    expect(t.get('k1')).toBe('a');
    now = 2801;
    expect(t.get('k1')).toBeUndefined();
    t.set('x', 'a');
    t.set('y', 'b');
    t.set('z', 'c');
    expect(t.size).toBe(2);
    expect(t.get('x')).toBeUndefined();
  });
});
