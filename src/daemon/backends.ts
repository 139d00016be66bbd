/**
 * HTTP embedding backends declared in the daemon's configuration (the
 * `backends` setting, as LiteLLM's router declares its deployments): each
 * becomes a service like any other, reached through an OpenAiLink.
 */
import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { Consts } from '../abi/uapi.js';
import { ConfigError } from '../errors.js';
import type { OpenAiLinkOptions } from '../links/openai-link.js';
import type { ServiceInfoMsg } from '../wire/proto.js';
import { BACKEND_SCHEME } from '../wire/registration.js';

export const backendSchema = z
  .object({
    /** The service id the bridge knows it by. */
    id: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
    /** The server's root, http:// or https:// (requests go to /v1/...). */
    url: z.string().regex(/^https?:\/\/[^\s/]+(\/.*)?$/),
    /** The server's name for its model. */
    model: z.string().min(1).max(200),
    /** The model names requests give for it (default: the server's name). */
    models: z.array(z.string().min(1).max(63)).max(16).optional(),
    dimensions: z.array(z.number().int().min(1).max(Consts.MAX_DIMENSIONS)).min(1).max(Consts.MAX_DIMENSION_SETS),
    maxBatchSize: z.number().int().min(1).max(Consts.MAX_BATCH_SIZE).default(32),
    /** Connections (batches in flight) to the server. */
    connections: z.number().int().min(1).max(256).default(4),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
    priority: z.number().int().min(0).max(255).default(0),
    /** Pass `dimensions` for models that can shorten their vectors. */
    sendDimensions: z.boolean().default(false),
    utf8: z.enum(['reject', 'replace']).default('reject'),
    headers: z.record(z.string(), z.string()).default({}),
    /** Where the API key is: a file (its first line) or an environment variable; never in the configuration itself. */
    apiKeyFile: z.string().startsWith('/').optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .optional(),
  })
  .strict();
export type BackendConfig = z.infer<typeof backendSchema>;

/** The registration a backend makes: a service like any other, endpoint "openai:<id>". */
export function backendService(b: BackendConfig): ServiceInfoMsg {
  return {
    id: b.id,
    name: `${b.model} at ${new URL(b.url).host}`,
    version: '',
    dimensions: b.dimensions,
    dataTypes: 0,
    models: b.models ?? [b.model],
    maxBatchSize: b.maxBatchSize,
    priority: b.priority,
    endpoint: `${BACKEND_SCHEME}:${b.id}`,
    metadata: { backend: 'openai' },
  };
}

/** The link's options, with the API key read from where the configuration says. */
export function backendLinkOptions(b: BackendConfig, env: Record<string, string | undefined> = process.env): OpenAiLinkOptions {
  let apiKey: string | undefined;
  if (b.apiKeyFile !== undefined) {
    try {
      apiKey = readFileSync(b.apiKeyFile, 'utf8').split('\n')[0]?.trim();
    } catch (err) {
      throw new ConfigError(`backends.${b.id}.apiKeyFile`, `cannot read ${b.apiKeyFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  } else if (b.apiKeyEnv !== undefined) {
    apiKey = env[b.apiKeyEnv];
    if (!apiKey) throw new ConfigError(`backends.${b.id}.apiKeyEnv`, `${b.apiKeyEnv} is not set`);
  }
  return {
    baseUrl: b.url,
    model: b.model,
    apiKey,
    headers: b.headers,
    timeoutMs: b.timeoutMs,
    connections: b.connections,
    sendDimensions: b.sendDimensions,
    utf8: b.utf8,
  };
}
