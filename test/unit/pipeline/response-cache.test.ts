// The response cache's key, LRU order, TTL and byte bound.
import { describe, expect, it } from 'vitest';

import { DataType } from '../../../src/abi/uapi.js';
import { ResponseCache, cacheKey } from '../../../src/pipeline/cache.js';

const src = (serviceId: string) => ({ serviceId, model: 'm', modelVersion: '1', truncated: false });

const v = (n: number, x = 1) => new Uint8Array(n).fill(x);

describe('response cache', () => {
  it('keys on scope, model, dimensions, data type and every input byte', () => {
    const input = Buffer.from('hello');
    const base = cacheKey('1000', 'm', 4, DataType.FLOAT32, input);
    expect(cacheKey('1000', 'm', 4, DataType.FLOAT32, Buffer.from('hello'))).toBe(base);
    expect(
      new Set([
        base,
        cacheKey('1000', 'n', 4, DataType.FLOAT32, input),
        cacheKey('1000', 'm', 5, DataType.FLOAT32, input),
        cacheKey('1000', 'm', 4, DataType.INT8, input),
        cacheKey('1000', 'm', 4, DataType.FLOAT32, Buffer.from('hellp')),
        cacheKey('1000', undefined, 4, DataType.FLOAT32, input),
        cacheKey('1001', 'm', 4, DataType.FLOAT32, input),
      ]).size,
    ).toBe(7);
  });

  it('drops what a service produced when it leaves, and only that', () => {
    const c = new ResponseCache({ maxEntries: 10 });
    c.set('a', v(4, 1), src('svc-1'));
    c.set('b', v(4, 2), src('svc-2'));
    c.dropService('svc-1');
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')?.vector[0]).toBe(2);
    expect(c.bytes).toBe(4);
  });

  it('evicts the least recently used past its entry bound and counts hits and misses', () => {
    const c = new ResponseCache({ maxEntries: 2 });
    c.set('a', v(4, 1), src('s'));
    c.set('b', v(4, 2), src('s'));
    expect(c.get('a')?.vector[0]).toBe(1);
    c.set('c', v(4, 3), src('s'));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')?.vector[0]).toBe(1);
    expect(c.get('c')?.vector[0]).toBe(3);
    expect(c.counters).toMatchObject({ hits: 3, misses: 1, evictions: 1 });
  });

  it('expires entries after the TTL', () => {
    let now = 0;
    const c = new ResponseCache({ maxEntries: 10, ttlMs: 100, now: () => now });
    c.set('a', v(4), src('s'));
    now = 99;
    expect(c.get('a')).toBeDefined();
    now = 100;
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
    expect(c.bytes).toBe(0);
  });

  it('stays within its byte bound and keeps a copy, not a view of the receive buffer', () => {
    const c = new ResponseCache({ maxEntries: 100, maxBytes: 10 });
    const big = new Uint8Array(64).fill(9);
    c.set('a', big.subarray(0, 4), src('s'));
    c.set('b', v(4), src('s'));
    c.set('c', v(4), src('s'));
    expect(c.bytes).toBeLessThanOrEqual(10);
    expect(c.size).toBe(2);
    big.fill(0);
    c.set('d', v(11), src('s'));
    expect(c.get('d')).toBeUndefined();
    const kept = c.get('c');
    expect(kept?.vector.buffer.byteLength).toBe(4);
  });

  it('is off with no entries allowed', () => {
    const c = new ResponseCache();
    expect(c.enabled).toBe(false);
    c.set('a', v(4), src('s'));
    expect(c.size).toBe(0);
  });
});
