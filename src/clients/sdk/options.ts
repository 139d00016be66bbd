/**
 * The SDK's options checked when a service starts, as the daemon checks its
 * settings: a wrong shape is an InvalidArgumentError naming the field and
 * what is accepted, never a TypeError deep inside. `nats` also takes what
 * nats.js users write (`servers`, a string or a list) — secrets still only
 * from files.
 */
import { z } from 'zod';

import { InvalidArgumentError } from '../../errors.js';
import type { NatsAuth } from '../../services/nats/connect.js';

const file = z.string().min(1, 'a file path');

const natsSchema = z
  .object({
    url: z.string().min(1).optional(),
    servers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    user: z.string().min(1).optional(),
    passwordFile: file.optional(),
    tokenFile: file.optional(),
    nkeySeedFile: file.optional(),
    credsFile: file.optional(),
    tlsCaFile: file.optional(),
    tlsCertFile: file.optional(),
    tlsKeyFile: file.optional(),
  })
  .strict()
  .refine((n) => (n.url === undefined) !== (n.servers === undefined), { message: 'give the server(s) as url or servers (one of them)', path: ['url'] });

const fn = (what: string) => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: `must be ${what}` });

const serviceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string().optional(),
    dimensions: z.array(z.number()),
    models: z.array(z.string()).optional(),
    maxBatchSize: z.number().int().optional(),
    priority: z.number().int().optional(),
    dataTypes: z.number().int().optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    endpoint: z.string().optional(),
    nats: z.unknown().optional(),
    controlSocket: z.string().optional(),
    token: z.string().optional(),
    heartbeatMs: z.number().int().min(0).optional(),
    embed: fn('a function (inputs, options) returning vectors'),
    healthCheck: fn('a function returning true when healthy').optional(),
    drainMs: z.number().int().min(0).optional(),
  })
  .strict();

/** Throws InvalidArgumentError naming the first wrong field ("nats.servers", "dimensions.0", …). */
export function checkServiceOptions(options: unknown): void {
  const r = serviceSchema.safeParse(options);
  if (!r.success) throw named(r.error);
}

/** The NATS options as the SDK uses them: `servers` (nats.js's key) folded into `url`. */
export function natsAuthOf(options: unknown): NatsAuth {
  const r = natsSchema.safeParse(options);
  if (!r.success) throw named(r.error, 'nats');
  const { servers, url, ...rest } = r.data;
  return { ...rest, url: url ?? (Array.isArray(servers) ? servers.join(',') : (servers as string)) };
}

function named(error: z.ZodError, prefix?: string): InvalidArgumentError {
  const issue = error.issues[0] as z.core.$ZodIssue;
  const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
  const why =
    issue.code === 'unrecognized_keys'
      ? `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}${prefix === 'nats' ? ' (accepted: url or servers, user, passwordFile, tokenFile, nkeySeedFile, credsFile, tlsCaFile, tlsCertFile, tlsKeyFile; secrets only from files)' : ''}`
      : issue.message;
  return new InvalidArgumentError(path || (prefix ?? 'options'), why);
}
