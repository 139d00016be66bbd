/**
 * Response cache: vectors by a hash of (model, dimensions, data type,
 * input), bounded by entries and bytes, expiring after a TTL, evicting the
 * least recently used. A Map keeps insertion order, so re-inserting on a hit
 * keeps it in LRU order.
 */
import { hash } from 'node:crypto';

import type { Provenance } from './provenance.js';

export interface CacheOptions {
  /** Entries held at most; 0 turns the cache off. */
  maxEntries?: number;
  /** Vector bytes held at most. */
  maxBytes?: number;
  ttlMs?: number;
  now?: () => number;
}

/** A cached answer: the vector and who made it (its service leaving or changing version drops the entry). */
export interface CachedAnswer {
  readonly vector: Uint8Array;
  readonly source: Provenance;
}

interface Entry extends CachedAnswer {
  readonly expires: number;
}

export interface CacheCounters {
  hits: number;
  misses: number;
  coalesced: number;
  evictions: number;
}

/**
 * `scope` keeps callers apart: a hit (or a shared in-flight call) tells the
 * caller that someone embedded the same input, so only requests of the same
 * scope (by default the caller's uid) share answers.
 */
export function cacheKey(scope: string, model: string | undefined, dimensions: number, dataType: number, input: Uint8Array): string {
  // The input is hashed (SHA-1 is collision-resistant enough for a cache and fast in one shot); the rest is short.
  return `${scope}\0${model ?? ''}\0${dimensions}\0${dataType}\0${hash('sha1', input, 'base64')}`;
}

export class ResponseCache {
  readonly counters: CacheCounters = { hits: 0, misses: 0, coalesced: 0, evictions: 0 };
  private readonly map = new Map<string, Entry>();
  private bytesHeld = 0;
  readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: CacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 0;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.now = options.now ?? (() => performance.now());
  }

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get size(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.bytesHeld;
  }

  get(key: string): CachedAnswer | undefined {
    const e = this.map.get(key);
    if (e === undefined || e.expires <= this.now()) {
      if (e !== undefined) this.delete(key, e);
      this.counters.misses++;
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, e);
    this.counters.hits++;
    return e;
  }

  set(key: string, vector: Uint8Array, source: Provenance): void {
    if (!this.enabled || vector.length > this.maxBytes) return;
    const old = this.map.get(key);
    if (old !== undefined) this.delete(key, old);
    // The vector may be a view of a larger receive buffer: keep a copy of just its bytes.
    this.map.set(key, { vector: Uint8Array.prototype.slice.call(vector), expires: this.now() + this.ttlMs, source });
    this.bytesHeld += vector.length;
    for (const [k, e] of this.map) {
      if (this.map.size <= this.maxEntries && this.bytesHeld <= this.maxBytes) break;
      this.delete(k, e);
      this.counters.evictions++;
    }
  }

  private delete(key: string, e: Entry): void {
    this.map.delete(key);
    this.bytesHeld -= e.vector.length;
  }

  /** Drops what `service` produced (it left, was revoked or changed version). */
  dropService(service: string): void {
    for (const [k, e] of this.map) if (e.source.serviceId === service) this.delete(k, e);
  }

  clear(): void {
    this.map.clear();
    this.bytesHeld = 0;
  }
}
