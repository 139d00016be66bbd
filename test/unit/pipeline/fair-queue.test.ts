// The request queue class: priority levels first, callers of a level in turn, shedding the lowest and biggest.
import { describe, expect, it } from 'vitest';

import { FairQueue } from '../../../src/pipeline/fair-queue.js';
import { LEVELS, Level, levelOf } from '../../../src/abi/priority.js';

const drain = <T>(q: FairQueue<T>): T[] => {
  const out: T[] = [];
  for (let x = q.shift(); x !== undefined; x = q.shift()) out.push(x);
  return out;
};

describe('fair priority queue', () => {
  it('maps 0-255 onto the seed levels at their floors', () => {
    expect([0, 127, 128, 191, 192, 254, 255].map(levelOf)).toEqual([Level.LOW, Level.LOW, Level.NORMAL, Level.NORMAL, Level.HIGH, Level.HIGH, Level.CRITICAL]);
  });

  it('serves higher levels first and FIFO within one caller', () => {
    const q = new FairQueue<string>();
    q.push('low1', Level.LOW, 1);
    q.push('normal1', Level.NORMAL, 1);
    q.push('low2', Level.LOW, 1);
    q.push('crit', Level.CRITICAL, 1);
    q.push('high', Level.HIGH, 1);
    expect(drain(q)).toEqual(['crit', 'high', 'normal1', 'low1', 'low2']);
    expect(q.size).toBe(0);
  });

  it('gives each caller of a level a turn, so a flood delays only its sender', () => {
    const q = new FairQueue<string>();
    for (let i = 0; i < 100; i++) q.push(`a${i}`, Level.NORMAL, 1000);
    q.push('b0', Level.NORMAL, 2000);
    q.push('b1', Level.NORMAL, 2000);
    q.push('c0', Level.NORMAL, 3000);
    const order = drain(q);
    expect(order.indexOf('b0')).toBeLessThan(3);
    expect(order.indexOf('c0')).toBeLessThan(4);
    expect(order.indexOf('b1')).toBeLessThan(6);
    expect(order.filter((x) => x.startsWith('a'))).toEqual(Array.from({ length: 100 }, (_, i) => `a${i}`));
  });

  it('sheds the newest item of the biggest caller at the lowest level, never the same level', () => {
    const q = new FairQueue<string>();
    q.push('low-a1', Level.LOW, 1);
    q.push('low-b1', Level.LOW, 2);
    q.push('low-b2', Level.LOW, 2);
    q.push('normal', Level.NORMAL, 1);
    expect(q.shed(Level.CRITICAL)).toBe('low-b2');
    expect(q.shed(Level.LOW)).toBeUndefined();
    expect(q.shed(Level.NORMAL)).toBe('low-a1');
    expect(q.shed(Level.NORMAL)).toBe('low-b1');
    expect(q.shed(Level.NORMAL)).toBeUndefined();
    expect(q.shed(Level.HIGH)).toBe('normal');
    expect(q.size).toBe(0);
  });

  it('keeps shared per-level counts through push, shift, remove, shed and take', () => {
    const counts = new Array<number>(LEVELS).fill(0);
    const a = new FairQueue<number>(counts);
    const b = new FairQueue<number>(counts);
    for (let i = 0; i < 10; i++) a.push(i, (i % LEVELS) as Level, i % 3);
    for (let i = 10; i < 15; i++) b.push(i, Level.LOW, 7);
    expect(counts).toEqual([8, 3, 2, 2]);
    a.shift();
    expect(a.remove(4, Level.LOW, 1)).toBe(true);
    expect(a.remove(4, Level.LOW, 1)).toBe(false);
    b.shed(Level.HIGH);
    a.take((x) => x % 2 === 0);
    const left: number[] = [];
    a.forEach((x) => {
      left.push(x);
    });
    b.forEach((x) => {
      left.push(x);
    });
    const expected = [0, 0, 0, 0];
    for (const x of left) {
      const l = x < 10 ? x % LEVELS : 0;
      expected[l] = (expected[l] ?? 0) + 1;
    }
    expect(counts).toEqual(expected);
    expect(a.size + b.size).toBe(left.length);
  });
});
