// Pool mode's seal: a pool key wrapped to one worker's public key opens only with that worker's
// key pair; sealed batches open only with the pool key, for the daemon and direction they were
// sealed for; anything altered or truncated does not open.
import { describe, expect, it } from 'vitest';

import { PoolKeyPair, newPoolKey, open, seal, wrapPoolKey, x25519Public } from '../../../../src/services/nats/pool-seal.js';

describe('pool seal', () => {
  it('a wrapped pool key opens only for the worker it was wrapped to, and only from the daemon that wrapped it', () => {
    const member = PoolKeyPair.generate();
    const other = PoolKeyPair.generate();
    const key = newPoolKey();
    const wrapped = wrapPoolKey(member.publicKey, key, 'daemon-a');
    expect(member.unwrap(wrapped, 'daemon-a')).toEqual(key);
    expect(other.unwrap(wrapped, 'daemon-a')).toBeUndefined();
    expect(member.unwrap(wrapped, 'daemon-b')).toBeUndefined();
    const altered = Buffer.from(wrapped);
    altered[40] = (altered[40] as number) ^ 1;
    expect(member.unwrap(altered, 'daemon-a')).toBeUndefined();
    expect(member.unwrap(wrapped.subarray(0, 50), 'daemon-a')).toBeUndefined();
  });

  it('a sealed batch opens with the pool key for its daemon and direction only', () => {
    const key = newPoolKey();
    const batch = Buffer.from('secret file contents');
    const sealed = seal(key, batch, 'batch', 'd1');
    expect(sealed.includes(batch)).toBe(false);
    expect(open(key, sealed, 'batch', 'd1')).toEqual(batch);
    expect(open(newPoolKey(), sealed, 'batch', 'd1')).toBeUndefined();
    expect(open(key, sealed, 'answer', 'd1')).toBeUndefined();
    expect(open(key, sealed, 'batch', 'd2')).toBeUndefined();
    expect(open(key, sealed.subarray(0, 20), 'batch', 'd1')).toBeUndefined();
    expect(open(key, new Uint8Array([8, 1, 18, 0]), 'answer', 'd1')).toBeUndefined();
  });

  it('refuses a public key that is not 32 bytes', () => {
    expect(() => x25519Public(Buffer.alloc(31).toString('base64url'))).toThrow(/32 bytes/);
    expect(() => wrapPoolKey('AAAA', newPoolKey(), 'd')).toThrow(/32 bytes/);
  });
});
