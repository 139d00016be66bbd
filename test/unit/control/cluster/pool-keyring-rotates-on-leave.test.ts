// Pool mode's keyring: a member it gives the key to (wrapped to its X25519 key) reads the pool's
// batches and its answers open; after a member leaves, new batches use a new key the departed
// member cannot read, while answers sealed with the old key still open. A worker that offers no
// key, or one that refuses the key, is told why.
import type { NatsConnection } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';

import { PoolKeyring } from '../../../../src/control/cluster/pool-keys.js';
import { PoolKeyPair, open, seal } from '../../../../src/services/nats/pool-seal.js';

const DAEMON = 'daemon-1';

/** A bus on which the worker takes (or refuses) what it is sent; what it was sent is kept. */
function bus(answer = new Uint8Array(0)) {
  const sent: Uint8Array[] = [];
  const nc = { request: async (_subject: string, data: Uint8Array) => (sent.push(data), { data: answer }) } as unknown as NatsConnection;
  return { nc, sent };
}

describe('the pool keyring', () => {
  it('gives members the key, opens their answers, and changes the key when one leaves', async () => {
    const ring = new PoolKeyring(DAEMON, 1000);
    const member = PoolKeyPair.generate();
    const { nc, sent } = bus();
    await ring.give(nc, 'minilm', 'i1', member.publicKey);
    const key = member.unwrap(sent[0]!, DAEMON)!;
    expect(key).toBeDefined();
    const s = ring.seal('minilm');
    const batch = s.seal(Buffer.from('batch 1'));
    expect(open(key, batch, 'batch', DAEMON)?.toString()).toBe('batch 1');
    const answer = seal(key, Buffer.from('answer 1'), 'answer', DAEMON);
    expect(s.open(answer)?.toString()).toBe('answer 1');
    // A member left: new batches are sealed with a key the old one does not open; old answers still open.
    expect(ring.rotate('minilm')).toBe(true);
    expect(open(key, s.seal(Buffer.from('batch 2')), 'batch', DAEMON)).toBeUndefined();
    expect(s.open(answer)?.toString()).toBe('answer 1');
    // A pool without a key has nothing to change; a forgotten pool opens nothing.
    expect(ring.rotate('other')).toBe(false);
    ring.forget('minilm');
    expect(s.open(answer)).toBeUndefined();
  });

  it('names why a worker gets no key: none offered, not an X25519 key, or the key refused', async () => {
    const ring = new PoolKeyring(DAEMON, 1000);
    await expect(ring.give(bus().nc, 'p', 'i', '')).rejects.toThrow(/carries no .*pool mode cannot give it/);
    await expect(ring.give(bus().nc, 'p', 'i', 'not-a-key')).rejects.toThrow(/is not an X25519 public key/);
    const refused = bus(new TextEncoder().encode('no thanks'));
    await expect(ring.give(refused.nc, 'p', 'i', PoolKeyPair.generate().publicKey)).rejects.toThrow(/did not take the pool key: no thanks/);
  });
});
