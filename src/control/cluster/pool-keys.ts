/**
 * Pool mode's keys (--nats-pool): each pool's batches are sealed with a
 * key only token-verified members are given (wrapped to the X25519 key in
 * their hello answer, services/nats/pool-seal.ts), and a new key is made
 * when a member leaves; answers open with the current key or the one
 * before it (batches sealed just before it changed).
 */
import { type NatsConnection, headers as natsHeaders } from '@nats-io/nats-core';

import { RegistrationError } from '../../errors.js';
import type { BatchSeal } from '../../services/links/nats-service-link.js';
import { newPoolKey, open, seal, wrapPoolKey } from '../../services/nats/pool-seal.js';
import { Headers, Op, Subjects } from '../../services/nats/subjects.js';

/** A pool's key, and the one before it (answers to batches sealed just before it changed). */
export interface PoolKeys {
  current: Uint8Array;
  previous: Uint8Array | undefined;
}

/** Seals a pool's batches with its current key; opens answers with the current or the previous one. */
export function poolSeal(daemonId: string, keys: () => PoolKeys | undefined): BatchSeal {
  return {
    daemonId,
    seal: (frame) => {
      const k = keys();
      // No key: no member is verified now; what is sealed with a fresh one opens nowhere, as it should.
      return seal(k?.current ?? newPoolKey(), frame, 'batch', daemonId);
    },
    open: (answer) => {
      const k = keys();
      if (k === undefined) return undefined;
      return open(k.current, answer, 'answer', daemonId) ?? (k.previous === undefined ? undefined : open(k.previous, answer, 'answer', daemonId));
    },
  };
}

export class PoolKeyring {
  private readonly keys = new Map<string, PoolKeys>();
  /** A pool's keys changed (made, rotated, or gone: undefined): the daemon's worker threads keep a copy. */
  onChange: ((service: string, keys: PoolKeys | undefined) => void) | undefined;

  /** `daemonId`: whose key it is (a header on every sealed batch); `timeoutMs`: a member's time to take its key. */
  constructor(
    private readonly daemonId: string,
    private readonly timeoutMs: number,
  ) {}

  seal(service: string): BatchSeal {
    return poolSeal(this.daemonId, () => this.keys.get(service));
  }

  /** Every pool's keys now. */
  all(): Array<[service: string, keys: PoolKeys]> {
    return [...this.keys];
  }

  /** Wraps the pool's key (made on first use) to the instance's public key and waits for it to take it. */
  async give(nc: NatsConnection, service: string, instance: string, poolPublic: string): Promise<void> {
    if (poolPublic === '')
      throw new RegistrationError('EINVAL', `the worker's hello answer carries no ${Headers.poolPublic}: pool mode cannot give it the pool's key`);
    let keys = this.keys.get(service);
    if (keys === undefined) {
      keys = { current: newPoolKey(), previous: undefined };
      this.keys.set(service, keys);
      this.onChange?.(service, keys);
    }
    let wrapped: Buffer;
    try {
      wrapped = wrapPoolKey(poolPublic, keys.current, this.daemonId);
    } catch (err) {
      throw new RegistrationError('EINVAL', `the worker's ${Headers.poolPublic} is not an X25519 public key: ${(err as Error).message}`);
    }
    const h = natsHeaders();
    h.set(Headers.op, Op.poolKey);
    h.set(Headers.daemon, this.daemonId);
    const reply = await nc.request(Subjects.instance(service, instance), wrapped, { timeout: this.timeoutMs, headers: h });
    if (reply.data.length > 0)
      throw new RegistrationError('EINVAL', `the worker did not take the pool key: ${new TextDecoder().decode(reply.data.subarray(0, 200))}`);
  }

  /** A member left: the pool gets a new key (the old one still opens answers in flight). False when the pool had none. */
  rotate(service: string): boolean {
    const keys = this.keys.get(service);
    if (keys === undefined) return false;
    const next = { current: newPoolKey(), previous: keys.current };
    this.keys.set(service, next);
    this.onChange?.(service, next);
    return true;
  }

  forget(service: string): void {
    if (this.keys.delete(service)) this.onChange?.(service, undefined);
  }
}
