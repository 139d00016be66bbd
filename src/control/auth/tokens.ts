/**
 * Registration tokens: an administrator mints a signed token (HS256 JWT,
 * through jose) bound to a service id pattern, models, an expiry and an id;
 * a service presents it when it registers. The daemon keeps the key and a
 * record of every token it minted, so revocation takes effect at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type Stats, existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type JWTPayload, SignJWT, errors as joseErrors, jwtVerify } from 'jose';

import { ControlError, RegistrationError } from '../../errors.js';
import type { TokenGrant } from './policy.js';
import { checkStateFile, openStateDir, replaceFile, withFileLock } from './state-dir.js';

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
  /** Absent in records minted before it existed: DEFAULT_TOKEN_REGISTRATIONS. */
  maxRegistrations?: number | undefined;
  revokedAt?: number | undefined;
}

/** Registrations one token allows at once unless its creator said otherwise (NATS workers of one service share a token). */
export const DEFAULT_TOKEN_REGISTRATIONS = 8;
export const MAX_TOKEN_REGISTRATIONS = 256;

/** Where minted tokens are remembered. Several daemons may share one store: what one revokes, the others see. */
export interface TokenStore {
  list(): TokenRecord[];
  get(id: string): TokenRecord | undefined;
  /** Adds or updates a record; a revocation already stored stays (never un-revoked by a writer that had not seen it). */
  put(record: TokenRecord): void;
}

/** A stored record merged with an update: revocation is one-way, the earliest time kept. */
export function mergeRecord(stored: TokenRecord | undefined, update: TokenRecord): TokenRecord {
  const revoked = [stored?.revokedAt, update.revokedAt].filter((t): t is number => t !== undefined);
  return revoked.length ? { ...update, revokedAt: Math.min(...revoked) } : update;
}

/**
 * One JSON file in the state directory, readable by the daemon's user only,
 * shared by the daemons that use the directory: every read looks whether the
 * file changed since (and re-reads it), every write re-reads under the
 * directory's lock, merges and replaces the file through its own temporary.
 */
export class FileTokenStore implements TokenStore {
  private records = new Map<string, TokenRecord>();
  private stamp = '';

  constructor(private readonly path: string) {
    this.refresh();
  }

  list(): TokenRecord[] {
    this.refresh();
    return [...this.records.values()];
  }

  get(id: string): TokenRecord | undefined {
    this.refresh();
    return this.records.get(id);
  }

  put(record: TokenRecord): void {
    withFileLock(this.path, () => {
      this.refresh();
      this.records.set(record.id, mergeRecord(this.records.get(record.id), record));
      replaceFile(this.path, `${JSON.stringify({ tokens: [...this.records.values()] }, null, 2)}\n`);
      this.refresh();
    });
  }

  private refresh(): void {
    let st: Stats;
    try {
      st = lstatSync(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
    if (stamp === this.stamp) return;
    checkStateFile(this.path);
    const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as { tokens?: TokenRecord[] };
    this.records = new Map((parsed.tokens ?? []).map((r) => [r.id, r]));
    this.stamp = stamp;
  }
}

export interface MintOptions {
  services: string;
  models: string[];
  /** 0 or absent: DEFAULT_TOKEN_REGISTRATIONS. */
  maxRegistrations?: number;
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
    openStateDir(stateDir);
    const keyPath = join(stateDir, 'token.key');
    // Under the lock: two daemons starting together on one directory make one key, not two.
    withFileLock(keyPath, () => {
      if (!existsSync(keyPath)) replaceFile(keyPath, randomBytes(32).toString('base64'));
    });
    checkStateFile(keyPath);
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
    if (o.models.length === 0)
      throw new ControlError('EINVAL', 'a token must name the models it allows (--models A,B; "*" for any model and services naming none)');
    const max = o.maxRegistrations || DEFAULT_TOKEN_REGISTRATIONS;
    if (!Number.isInteger(max) || max < 1 || max > MAX_TOKEN_REGISTRATIONS)
      throw new ControlError('EINVAL', `max_registrations ${max} is not 1-${MAX_TOKEN_REGISTRATIONS}`);
    const now = Date.now();
    const record: TokenRecord = {
      id: randomUUID(),
      services: o.services,
      models: o.models,
      expiresAt: now + o.ttlMs,
      createdAt: now,
      createdByUid: o.byUid,
      note: o.note,
      maxRegistrations: max,
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
    return {
      id: record.id,
      services: record.services,
      models: record.models,
      expiresAt: record.expiresAt,
      maxRegistrations: record.maxRegistrations ?? DEFAULT_TOKEN_REGISTRATIONS,
    };
  }

  isRevoked(id: string): boolean {
    return this.store.get(id)?.revokedAt !== undefined;
  }

  /** Why registrations resting on token `id` must go now (revoked, possibly by another daemon sharing the store; expired; unknown), or undefined while it holds. */
  void(id: string, now = Date.now()): string | undefined {
    const r = this.store.get(id);
    if (r === undefined) return `its registration token ${id} is no longer in the token store`;
    if (r.revokedAt !== undefined) return `its registration token ${id} was revoked`;
    if (r.expiresAt <= now) return `its registration token ${id} expired`;
    return undefined;
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
