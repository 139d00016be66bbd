/**
 * HTTP embedding backends declared in the daemon's configuration (the
 * `backends` setting, as LiteLLM's router declares its deployments): each
 * becomes a service like any other, reached through an HttpLink in its
 * server's dialect. A backend that names no models serves those its server
 * says it serves, learned at start and on every probe.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { Consts } from '../abi/uapi.js';
import { ConfigError, ControlError } from '../errors.js';
import { DIALECTS, DIALECTS_NAMED, type ServerInfo } from '../services/links/http-dialects.js';
import { HttpLink, type HttpLinkOptions } from '../services/links/http-link.js';
import type { ServiceLinkFactory } from '../services/links/service-link.js';
import { BACKEND_OWNER, type ServiceRegistry } from '../services/registry/registry.js';
import type { ServiceInfoMsg } from '../services/wire/proto.js';
import { BACKEND_SCHEME, MODEL_NAME } from '../services/wire/registration.js';

export const backendSchema = z
  .object({
    /** The service id the bridge knows it by. */
    id: z.string().regex(/^[A-Za-z0-9._-]{1,63}$/),
    /** How the server is spoken to: openai (/v1/embeddings), tei (/embed, /info), ollama (/api/embed, /api/tags). */
    dialect: z.enum(DIALECTS_NAMED).default('openai'),
    /** The server's root, http:// or https://. */
    url: z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/.*)?$/)
      // Credentials in a URL end up in logs, the audit trail and listings: keys go in apiKeyFile, apiKeyEnv or headers.
      .refine((u) => !/^https?:\/\/[^/]*@/.test(u), 'carries credentials (user:password@): give the key by apiKeyFile or apiKeyEnv instead'),
    /** The server's name for its model (absent: the first the server names; TEI takes none). */
    model: z.string().min(1).max(200).optional(),
    /** The model names requests give for it (default: the server's name, or those it says it serves). */
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
    /** Let the server cut inputs longer than its limit (tei only: it says which it cut); off, they are refused INVALID_REQUEST. */
    truncate: z.boolean().default(false),
    /** Ask for unit-length vectors (tei's normalize; its default). */
    normalize: z.boolean().default(true),
    /** Bytes of input in one request (the batch is cut to fit; an input longer than this alone is refused). */
    maxBatchBytes: z
      .number()
      .int()
      .min(1)
      .max(64 << 20)
      .optional(),
    headers: z.record(z.string(), z.string()).default({}),
    /** Where the API key is: a file (its first line) or an environment variable; never in the configuration itself. */
    apiKeyFile: z.string().startsWith('/').optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/)
      .optional(),
  })
  .strict()
  .refine((b) => !b.truncate || DIALECTS[b.dialect].truncates, {
    message: 'truncate: only the tei dialect says which inputs it cut, so only there may inputs be truncated (the answer carries TRUNCATED)',
    path: ['truncate'],
  });
export type BackendConfig = z.infer<typeof backendSchema>;

/** The registration a backend makes: a service like any other, endpoint "openai:<id>". */
export function backendService(b: BackendConfig): ServiceInfoMsg {
  return {
    id: b.id,
    name: `${b.model ?? b.dialect} at ${new URL(b.url).host}`,
    version: '',
    dimensions: b.dimensions,
    dataTypes: 0,
    models: b.models ?? (b.model !== undefined ? [b.model] : []),
    maxBatchSize: b.maxBatchSize,
    priority: b.priority,
    endpoint: `${BACKEND_SCHEME}:${b.id}`,
    metadata: { backend: b.dialect },
  };
}

/** The link's options, with the API key read from where the configuration says. */
function backendLinkOptions(b: BackendConfig, env: Record<string, string | undefined> = process.env): HttpLinkOptions {
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
    dialect: b.dialect,
    model: b.model,
    apiKey,
    headers: b.headers,
    timeoutMs: b.timeoutMs,
    connections: b.connections,
    sendDimensions: b.sendDimensions,
    utf8: b.utf8,
    truncate: b.truncate,
    normalize: b.normalize,
    maxBatchBytes: b.maxBatchBytes,
  };
}

export interface BackendsEvents {
  /** An administrator added `backend` (as stored: its key's place, never the key). */
  added: [backend: BackendConfig, byUid: number];
  removed: [id: string, byUid: number];
  /** The models a backend's server named could not be registered (the reason says why). */
  discoveryRefused: [id: string, reason: string];
}

/** The names a server gave that a registration can carry: well-formed, unique, at most 16, within the joined length. */
function servable(names: readonly string[]): string[] {
  const out: string[] = [];
  let joined = 0;
  for (const m of new Set(names)) {
    if (out.length >= 16 || !MODEL_NAME.test(m) || Buffer.byteLength(m) >= Consts.MAX_MODEL_LEN) continue;
    const more = Buffer.byteLength(m) + (out.length > 0 ? 1 : 0);
    if (joined + more > Consts.MAX_MODELS_LEN - 1) break;
    out.push(m);
    joined += more;
  }
  return out;
}

/** The backends the daemon serves: those of its configuration, and those an administrator added since. */
export class Backends extends EventEmitter<BackendsEvents> {
  private readonly declared = new Map<string, { config: BackendConfig; link: HttpLinkOptions }>();
  /** This thread's link to each backend: what its server said of itself, for listings and discovery. */
  private readonly links = new Map<string, HttpLink>();
  private registry: ServiceRegistry | undefined;

  /** The registry's link factory for "openai:<id>" endpoints. */
  readonly linkFactory: ServiceLinkFactory = (id) => {
    const d = this.declared.get(id);
    if (d === undefined) throw new ControlError('ENOENT', `no backend "${id}" is declared`);
    const link = new HttpLink(id, d.link);
    this.links.set(id, link);
    link.discovery.on('info', (info, changed) => {
      if (changed && this.links.get(id) === link) this.discovered(d.config, info);
    });
    return link;
  };

  /** Reads each backend's API key now: a missing file or variable stops the start with the backend named. */
  constructor(configured: readonly BackendConfig[]) {
    super();
    for (const b of configured) this.declared.set(b.id, { config: b, link: backendLinkOptions(b) });
  }

  /** Each backend's link options (its key read already), for a worker thread making links of its own. */
  linkOptions(): Array<[id: string, options: HttpLinkOptions]> {
    return [...this.declared].map(([id, d]) => [id, d.link]);
  }

  /** Registers the configured backends. */
  start(registry: ServiceRegistry): void {
    this.registry = registry;
    for (const { config } of this.declared.values()) registry.registerBackend(backendService(config));
  }

  /** An administrator's new backend, as JSON (one entry of the configuration's list); returns it as stored. */
  add(json: string, byUid: number): string {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (err) {
      throw new ControlError('EINVAL', `the backend is not JSON: ${(err as Error).message}`);
    }
    const r = backendSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new ControlError('EINVAL', `backend${(issue?.path ?? []).map((k) => `.${String(k)}`).join('')}: ${issue?.message ?? 'not a backend'}`);
    }
    const b = r.data;
    if (this.declared.has(b.id)) throw new ControlError('EEXIST', `backend "${b.id}" is already declared (remove it first)`);
    let link: HttpLinkOptions;
    try {
      link = backendLinkOptions(b);
    } catch (err) {
      throw new ControlError('EINVAL', (err as Error).message);
    }
    this.declared.set(b.id, { config: b, link });
    try {
      this.registry?.registerBackend(backendService(b));
    } catch (err) {
      this.declared.delete(b.id);
      throw err;
    }
    this.emit('added', b, byUid);
    return JSON.stringify(b);
  }

  /** A backend whose models are not pinned serves those its server names (as many as a registration holds). */
  private discovered(b: BackendConfig, info: ServerInfo): void {
    if (b.models !== undefined || b.model !== undefined || this.registry === undefined) return;
    const models = servable(info.models);
    try {
      this.registry.registerBackend({ ...backendService(b), models });
    } catch (err) {
      this.emit('discoveryRefused', b.id, (err as Error).message);
    }
  }

  remove(id: string, byUid: number): void {
    if (!this.declared.has(id)) throw new ControlError('ENOENT', `no backend "${id}" is declared (vexfsctl backend list shows them)`);
    this.registry?.unregister(id, BACKEND_OWNER, 'backend removed by an administrator');
    this.declared.delete(id);
    this.links.delete(id);
    this.emit('removed', id, byUid);
  }

  /** Each backend as declared, header values hidden (they may be keys; the names say what is sent), with what its server said of itself. */
  list(): string[] {
    return [...this.declared.values()].map((d) =>
      JSON.stringify({
        ...d.config,
        headers: Object.fromEntries(Object.keys(d.config.headers).map((h) => [h, '(hidden)'])),
        server: this.links.get(d.config.id)?.serverInfo,
      }),
    );
  }
}
