/**
 * The pipeline's sharing stage: identical requests share one answer, from
 * the response cache or from one service call in flight (coalescing). A
 * request's key scopes what it may share (the caller's uid unless shared).
 * The first of identical requests in flight leads; the others follow and are
 * answered with its result; when a leader ends without one, its first live
 * follower takes its place.
 */
import type { EmbedRequest } from '../kernel-side/messages/messages.js';
import { type CacheOptions, type CachedAnswer, ResponseCache, cacheKey } from './cache.js';
import type { Provenance } from './provenance.js';
import { RequestState, type Staged } from './request.js';

/** What sharing keeps on each request in flight. */
export interface Shareable<T> extends Staged {
  readonly req: { readonly priority: number };
  key: string | undefined;
  followers: T[] | undefined;
}

export interface SharingOptions {
  cache?: CacheOptions;
  /** Identical requests in flight share one service call. */
  coalesce?: boolean;
  /** 'uid' (default): answers are shared only within a caller uid; 'shared': across callers. */
  scope?: 'uid' | 'shared';
}

export class ResponseSharing<T extends Shareable<T>> {
  readonly cache: ResponseCache;
  private readonly coalesce: boolean;
  private readonly shared: boolean;
  private readonly leaders = new Map<string, T>();

  constructor(options: SharingOptions = {}) {
    this.cache = new ResponseCache(options.cache);
    this.coalesce = options.coalesce ?? false;
    this.shared = options.scope === 'shared';
  }

  /** The request's sharing key, or undefined when neither the cache nor coalescing is on. */
  keyOf(req: EmbedRequest): string | undefined {
    if (!this.cache.enabled && !this.coalesce) return undefined;
    return cacheKey(this.shared ? '' : String(req.callerUid), req.model, req.dimensions, req.dataType, req.input);
  }

  /** A cached answer for `key` (counted as a hit or a miss). */
  cached(key: string | undefined): CachedAnswer | undefined {
    return key !== undefined && this.cache.enabled ? this.cache.get(key) : undefined;
  }

  /** True when `entry` rides on an identical leader in flight; else it leads its key from now on. */
  join(entry: T): boolean {
    if (entry.key === undefined || !this.coalesce) return false;
    const leader = this.leaders.get(entry.key);
    if (leader !== undefined && leader.state !== RequestState.DONE) {
      (leader.followers ??= []).push(entry);
      this.cache.counters.coalesced++;
      return true;
    }
    this.leaders.set(entry.key, entry);
    return false;
  }

  /** The followers `e` answers for, detached from it. */
  takeFollowers(e: T): T[] | undefined {
    const followers = e.followers;
    e.followers = undefined;
    return followers;
  }

  /**
   * A leader ended without an answer (shed, timed out, cancelled): its
   * highest-priority waiting follower (the earliest among equals) leads in
   * its place and is returned, to be routed; the others follow it.
   */
  handOver(e: T): T | undefined {
    const followers = e.followers?.filter((f) => f.state === RequestState.FOLLOWING);
    e.followers = undefined;
    if (followers === undefined || followers.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < followers.length; i++) if ((followers[i] as T).req.priority > (followers[best] as T).req.priority) best = i;
    const next = followers.splice(best, 1)[0] as T;
    next.followers = followers;
    if (e.key !== undefined) this.leaders.set(e.key, next);
    return next;
  }

  /** `e` ended: it leads nothing any more. */
  ended(e: T): void {
    if (e.key !== undefined && this.leaders.get(e.key) === e) this.leaders.delete(e.key);
  }

  /** A service's answer for `key`, kept for later identical requests. */
  store(key: string | undefined, vector: Uint8Array, source: Provenance): void {
    if (key !== undefined && this.cache.enabled) this.cache.set(key, vector, source);
  }

  /** What `serviceId` produced goes (it left, was revoked or changed version). */
  dropService(serviceId: string): void {
    this.cache.dropService(serviceId);
  }
}
