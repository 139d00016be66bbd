/**
 * Registration tokens: an administrator mints a signed token (HS256 JWT,
 * through jose) bound to a service id pattern, models, an expiry and an id;
 * a service presents it when it registers. The daemon keeps the key and a
 * record of every token it minted, so revocation takes effect at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { type JWTPayload, SignJWT, errors as joseErrors, jwtVerify } from 'jose';

import { ControlError, RegistrationError } from '../errors.js';
import type { TokenGrant } from './policy.js';

/** The uapi's VEXFS_IPC_MAX_TOKEN_LEN less its NUL: what the ioctl carries. */
export const MAX_TOKEN_BYTES = 1023;
const ISSUER = 'vexfs-bridged';
const AUDIENCE = 'vexfs-register';

export interface TokenRecord {
  id: string;
  services: string;
  models: string[];
  /** ms since the epoch */
  expiresAt: number;
  createdAt: number;
  createdByUid: number;
  note: string;
  revokedAt?: number | undefined;
}

/** Where minted tokens are remembered. */
export interface TokenStore {
  list(): TokenRecord[];
  get(id: string): TokenRecord | undefined;
  put(record: TokenRecord): void;
}

/** One JSON file, replaced atomically, readable by the daemon's user only. */
export class FileTokenStore implements TokenStore {
  private readonly records = new Map<string, TokenRecord>();

  constructor(private readonly path: string) {
    if (!existsSync(path)) return;
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { tokens?: TokenRecord[] };
    for (const r of parsed.tokens ?? []) this.records.set(r.id, r);
  }

  list(): TokenRecord[] {
    return [...this.records.values()];
  }

  get(id: string): TokenRecord | undefined {
    return this.records.get(id);
  }

  put(record: TokenRecord): void {
    this.records.set(record.id, record);
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ tokens: this.list() }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}

export interface MintOptions {
  services: string;
  models: string[];
  ttlMs: number;
  note: string;
  byUid: number;
}

export class TokenAuthority {
  private constructor(
    private readonly key: Uint8Array,
    private readonly store: TokenStore,
  ) {}

  /** Opens (creating on first use) the key and the token store in `stateDir` (mode 0700). */
  static open(stateDir: string): TokenAuthority {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    chmodSync(stateDir, 0o700);
    const keyPath = join(stateDir, 'token.key');
    if (!existsSync(keyPath)) writeFileSync(keyPath, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    const key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
    if (key.length < 32)
      throw new ControlError(
        'EINVAL',
        `${keyPath} holds ${key.length} key bytes; at least 32 are needed (remove it to make a new one, which voids every token)`,
      );
    return new TokenAuthority(key, new FileTokenStore(join(stateDir, 'tokens.json')));
  }

  static withStore(key: Uint8Array, store: TokenStore): TokenAuthority {
    return new TokenAuthority(key, store);
  }

  async mint(o: MintOptions): Promise<{ token: string; record: TokenRecord }> {
    const now = Date.now();
    const record: TokenRecord = {
      id: randomUUID(),
      services: o.services,
      models: o.models,
      expiresAt: now + o.ttlMs,
      createdAt: now,
      createdByUid: o.byUid,
      note: o.note,
    };
    const token = await new SignJWT({ svc: o.services, mdl: o.models })
      .setProtectedHeader({ alg: 'HS256' })
      .setJti(record.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.ceil(record.expiresAt / 1000))
      .sign(this.key);
    this.store.put(record);
    return { token, record };
  }

  /** The grant a token carries; RegistrationError EACCES saying why when it is not valid now. */
  async verify(token: string): Promise<TokenGrant> {
    if (Buffer.byteLength(token) > MAX_TOKEN_BYTES)
      throw new RegistrationError('EACCES', `the registration token is ${Buffer.byteLength(token)} bytes; at most ${MAX_TOKEN_BYTES}`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] }));
    } catch (err) {
      const why =
        err instanceof joseErrors.JWTExpired ? 'it has expired' : err instanceof joseErrors.JOSEError ? `it is not valid (${err.code})` : 'it is not valid';
      throw new RegistrationError('EACCES', `the registration token was refused: ${why}`);
    }
    const record = typeof payload.jti === 'string' ? this.store.get(payload.jti) : undefined;
    if (record === undefined) throw new RegistrationError('EACCES', 'the registration token was refused: this daemon did not mint it');
    if (record.revokedAt !== undefined) throw new RegistrationError('EACCES', `the registration token was refused: token ${record.id} was revoked`);
    return { id: record.id, services: record.services, models: record.models, expiresAt: record.expiresAt };
  }

  isRevoked(id: string): boolean {
    return this.store.get(id)?.revokedAt !== undefined;
  }

  list(): TokenRecord[] {
    return this.store.list();
  }

  revoke(id: string): TokenRecord {
    const record = this.store.get(id);
    if (record === undefined) throw new ControlError('ENOENT', `no token with id ${id} (vexfsctl token list shows them)`);
    if (record.revokedAt === undefined) this.store.put({ ...record, revokedAt: Date.now() });
    return this.store.get(id) as TokenRecord;
  }
}
