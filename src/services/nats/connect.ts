/**
 * Connecting to NATS with its own authentication, the same way for the
 * daemon, SDK workers and vexfsctl: user/password, token, NKey seed,
 * credentials file (JWT + seed), TLS CA/client certificate. Secrets are read
 * from files or the environment, never taken on a command line, and never
 * logged: `describeNats()` is what logs and status show.
 */
import { readFileSync } from 'node:fs';

import { connect } from '@nats-io/transport-node';
import { type ConnectionOptions, type NatsConnection, credsAuthenticator, nkeyAuthenticator } from '@nats-io/nats-core';

import { InvalidArgumentError } from '../../errors.js';
import { readSecretLine } from '../../util/secret-file.js';
import { natsServers } from './servers.js';

export interface NatsAuth {
  /** nats://host:port[,nats://...] (tls:// for TLS-first servers). */
  url: string;
  user?: string | undefined;
  /** A file whose first line is the password. */
  passwordFile?: string | undefined;
  /** A file whose first line is the server's auth token. */
  tokenFile?: string | undefined;
  /** A file holding an NKey seed (SU...). */
  nkeySeedFile?: string | undefined;
  /** A .creds file (user JWT and seed), as `nsc` writes them. */
  credsFile?: string | undefined;
  tlsCaFile?: string | undefined;
  tlsCertFile?: string | undefined;
  tlsKeyFile?: string | undefined;
}

/**
 * The authentication and TLS fields, each with its command-line flag and help: one table for
 * vexfsctl, the embedders and the daemon (whose settings are the flags' camel-case names).
 */
export const NATS_AUTH_FLAGS = [
  ['nats-user', 'user', 'NATS user name (with --nats-password-file)'],
  ['nats-password-file', 'passwordFile', 'file whose first line is the NATS password'],
  ['nats-token-file', 'tokenFile', "file whose first line is the NATS server's auth token"],
  ['nats-nkey-seed-file', 'nkeySeedFile', 'file holding an NKey seed (SU...)'],
  ['nats-creds-file', 'credsFile', 'NATS credentials file (user JWT and seed)'],
  ['nats-tls-ca-file', 'tlsCaFile', "CA certificate that signed the NATS server's"],
  ['nats-tls-cert-file', 'tlsCertFile', 'client certificate for NATS (mutual TLS)'],
  ['nats-tls-key-file', 'tlsKeyFile', 'its key'],
] as const satisfies ReadonlyArray<readonly [string, Exclude<keyof NatsAuth, 'url'>, string]>;

/** A NatsAuth from `url` and each flag's value as `given(flag)` gives it (undefined or empty: not given). */
export function natsAuthFrom(url: string, given: (flag: (typeof NATS_AUTH_FLAGS)[number][0]) => string | undefined): NatsAuth {
  const auth: NatsAuth = { url };
  for (const [flag, field] of NATS_AUTH_FLAGS) {
    const v = given(flag);
    if (v !== undefined && v !== '') auth[field] = v;
  }
  return auth;
}

function fileBytes(path: string, field: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InvalidArgumentError(field, `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** The client options for `auth` (files read now: a missing one is an error naming the option). */
export function natsOptions(auth: NatsAuth, name: string): ConnectionOptions {
  const opts: ConnectionOptions = {
    servers: natsServers(auth.url),
    name,
    // Reconnect for ever, with backoff and jitter: a bridge waits out a NATS restart.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    reconnectJitter: 100,
    waitOnFirstConnect: false,
    pingInterval: 5000,
    maxPingOut: 2,
  };
  const given = [auth.credsFile, auth.nkeySeedFile, auth.tokenFile, auth.user].filter((x) => x !== undefined && x !== '');
  if (given.length > 1) throw new InvalidArgumentError('natsUser', 'give one of user/password, token, NKey seed or credentials file');
  if (auth.credsFile) opts.authenticator = credsAuthenticator(fileBytes(auth.credsFile, 'natsCredsFile'));
  else if (auth.nkeySeedFile) opts.authenticator = nkeyAuthenticator(new TextEncoder().encode(readSecretLine(auth.nkeySeedFile, 'natsNkeySeedFile')));
  else if (auth.tokenFile) opts.token = readSecretLine(auth.tokenFile, 'natsTokenFile');
  else if (auth.user) {
    opts.user = auth.user;
    if (auth.passwordFile) opts.pass = readSecretLine(auth.passwordFile, 'natsPasswordFile');
  } else if (auth.passwordFile) throw new InvalidArgumentError('natsPasswordFile', 'a password needs a user (--nats-user)');
  if (auth.tlsCaFile || auth.tlsCertFile) {
    if (Boolean(auth.tlsCertFile) !== Boolean(auth.tlsKeyFile))
      throw new InvalidArgumentError('natsTlsCertFile', 'a client certificate needs its key, and a key its certificate');
    opts.tls = {
      ...(auth.tlsCaFile ? { ca: fileBytes(auth.tlsCaFile, 'natsTlsCaFile').toString() } : {}),
      ...(auth.tlsCertFile ? { cert: fileBytes(auth.tlsCertFile, 'natsTlsCertFile').toString() } : {}),
      ...(auth.tlsKeyFile ? { key: fileBytes(auth.tlsKeyFile, 'natsTlsKeyFile').toString() } : {}),
    };
  }
  return opts;
}

/** What may be logged of a connection's settings: servers and the kind of authentication, no secret. */
export function describeNats(auth: NatsAuth): { servers: string[]; auth: string; tls: boolean } {
  const kind = auth.credsFile ? 'creds' : auth.nkeySeedFile ? 'nkey' : auth.tokenFile ? 'token' : auth.user ? 'user' : 'none';
  return { servers: natsServers(auth.url), auth: kind, tls: Boolean(auth.tlsCaFile || auth.tlsCertFile) };
}

export function connectNats(auth: NatsAuth, name: string): Promise<NatsConnection> {
  return connect(natsOptions(auth, name));
}

/** Drains `nc` (pending replies and publishes go out), closing it instead when the server does not let the drain finish within `ms`. */
export async function drainOrClose(nc: NatsConnection, ms = 2000): Promise<void> {
  if (nc.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    nc.drain().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
  if (!nc.isClosed()) await nc.close();
}
