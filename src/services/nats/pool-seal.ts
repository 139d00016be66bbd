/**
 * Pool mode's gate. Batches to a queue group reach whichever subscriber
 * NATS picks, token or not; so a daemon seals each pool batch (AES-256-GCM)
 * with a pool key it gives only to instances whose token it verified — the
 * key wrapped to the X25519 public key the instance sent in its hello
 * answer, so a client that sees the wrap cannot open it. A subscriber
 * without the key gets ciphertext it cannot read, and its answers do not
 * open. The key changes when a member leaves.
 *
 * Sealed: nonce (12) || ciphertext || tag (16); the associated data binds a
 * sealed message to its daemon and direction (a request cannot be sent
 * back as an answer).
 */
import { type KeyObject, createCipheriv, createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';

const NONCE = 12;
const TAG = 16;
export const POOL_KEY_BYTES = 32;
const X25519_BYTES = 32;

export type SealDirection = 'batch' | 'answer' | 'key';

function aad(direction: SealDirection, daemonId: string): Buffer {
  return Buffer.from(`vexfs-pool-v1 ${direction} ${daemonId}`);
}

export function seal(key: Uint8Array, plain: Uint8Array, direction: SealDirection, daemonId: string): Buffer {
  const nonce = randomBytes(NONCE);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(aad(direction, daemonId));
  return Buffer.concat([nonce, c.update(plain), c.final(), c.getAuthTag()]);
}

/** The plaintext, or undefined when `key` does not open it (another key, altered, truncated). */
export function open(key: Uint8Array, sealed: Uint8Array, direction: SealDirection, daemonId: string): Buffer | undefined {
  if (sealed.length < NONCE + TAG) return undefined;
  try {
    const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE));
    d.setAAD(aad(direction, daemonId));
    d.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([d.update(sealed.subarray(NONCE, sealed.length - TAG)), d.final()]);
  } catch {
    return undefined;
  }
}

export function newPoolKey(): Buffer {
  return randomBytes(POOL_KEY_BYTES);
}

/** A worker's key pair for receiving pool keys; `publicKey` travels base64url in its hello answer. */
export class PoolKeyPair {
  private constructor(
    readonly publicKey: string,
    private readonly privateKey: KeyObject,
  ) {}

  static generate(): PoolKeyPair {
    const { publicKey, privateKey } = generateKeyPairSync('x25519');
    return new PoolKeyPair(publicKey.export({ format: 'jwk' }).x as string, privateKey);
  }

  /** The pool key a daemon wrapped for us, or undefined when it is not for us. */
  unwrap(wrapped: Uint8Array, daemonId: string): Buffer | undefined {
    if (wrapped.length < X25519_BYTES + NONCE + TAG) return undefined;
    const ephemeral = wrapped.subarray(0, X25519_BYTES);
    let shared: Buffer;
    try {
      shared = diffieHellman({ privateKey: this.privateKey, publicKey: x25519Public(Buffer.from(ephemeral).toString('base64url')) });
    } catch {
      return undefined;
    }
    const key = wrapKey(shared, ephemeral, this.publicKey);
    const poolKey = open(key, wrapped.subarray(X25519_BYTES), 'key', daemonId);
    return poolKey?.length === POOL_KEY_BYTES ? poolKey : undefined;
  }
}

/** `poolKey` wrapped for the worker whose public key is `workerPublic`: ephemeral public key (32) || sealed key. */
export function wrapPoolKey(workerPublic: string, poolKey: Uint8Array, daemonId: string): Buffer {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const ephemeral = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const shared = diffieHellman({ privateKey, publicKey: x25519Public(workerPublic) });
  return Buffer.concat([ephemeral, seal(wrapKey(shared, ephemeral, workerPublic), poolKey, 'key', daemonId)]);
}

/** Throws when `raw` is not a 32-byte X25519 public key in base64url. */
export function x25519Public(raw: string): KeyObject {
  if (Buffer.from(raw, 'base64url').length !== X25519_BYTES) throw new RangeError('an X25519 public key is 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });
}

function wrapKey(shared: Uint8Array, ephemeral: Uint8Array, workerPublic: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, Buffer.from(workerPublic, 'base64url')]), 'vexfs pool key wrap v1', POOL_KEY_BYTES));
}
