/**
 * Daemon configuration from a JSON file, the environment and flags (later
 * sources win). Every value is validated; an error names the key, the value
 * and what is accepted.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

import { z } from 'zod';

import { Consts } from '../abi/uapi.js';
import { ConfigError } from '../errors.js';
import { POLICIES, type Policy } from '../manager/balancer.js';
import { defaultControlSocket } from '../util/places.js';

export const KERNEL_MODES = ['auto', 'genl', 'chardev', 'twin'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const STICKY_BY = ['off', 'key', 'pid', 'uid'] as const;
export const TRACE_EXPORTERS = ['none', 'api', 'console', 'otlp'] as const;
export const CACHE_SCOPES = ['uid', 'shared'] as const;

/** Keys a reload (SIGHUP) applies without a restart. */
export const RELOADABLE: ReadonlyArray<keyof DaemonConfig> = ['logLevel', 'rateLimitGlobal', 'rateLimitPerUid', 'rateLimitPerService', 'policyFile'];

export interface DaemonConfig {
  kernel: (typeof KERNEL_MODES)[number];
  controlSocket: string;
  maxInflight: number;
  maxServices: number;
  shutdownGraceMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  twinGraceMs: number;
  twinPort: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  serviceSendBufferBytes: number;
  startingHoldMs: number;
  heartbeatTimeoutMs: number;
  rateLimitGlobal: number;
  rateLimitPerUid: number;
  rateLimitPerService: number;
  adaptiveLatencyMs: number;
  balancer: Policy;
  balancerByModel: Record<string, Policy>;
  stickyBy: (typeof STICKY_BY)[number];
  stickyTtlMs: number;
  queuePerPriority: number;
  queuePerService: number;
  queueGlobal: number;
  serviceConcurrency: number;
  breakerErrorPercent: number;
  breakerVolume: number;
  breakerWindowMs: number;
  breakerResetMs: number;
  retryMax: number;
  retryBaseMs: number;
  retryMaxMs: number;
  cacheMaxEntries: number;
  cacheMaxBytes: number;
  cacheTtlMs: number;
  coalesce: boolean;
  batchMaxDelayUs: number;
  healthCheckIntervalMs: number;
  healthCheckTimeoutMs: number;
  metrics: boolean;
  metricsPort: number;
  metricsHost: string;
  auditLog: string;
  auditMaxBytes: number;
  auditKeep: number;
  traceExporter: (typeof TRACE_EXPORTERS)[number];
  otlpEndpoint: string;
  policyFile: string;
  stateDir: string;
  controlSocketMode: number;
  controlSocketGroup: string;
  metricsAllowedHosts: string[];
  maxRegistrationsPerConnection: number;
  cacheScope: (typeof CACHE_SCOPES)[number];
}

type Spec =
  | { type: 'enum'; values: readonly string[] }
  | { type: 'int'; min: number; max: number }
  | { type: 'path'; optional?: boolean }
  | { type: 'host' }
  | { type: 'bool' }
  | { type: 'url' }
  | { type: 'policyMap' }
  | { type: 'mode' }
  | { type: 'group' }
  | { type: 'hostList' };

const SPEC: Record<keyof DaemonConfig, Spec & { env: string; flag: string; help: string }> = {
  kernel: { type: 'enum', values: KERNEL_MODES, env: 'VEXFS_KERNEL', flag: '--kernel', help: 'kernel transport' },
  controlSocket: { type: 'path', env: 'VEXFS_CONTROL_SOCKET', flag: '--control-socket', help: 'control socket path' },
  maxInflight: { type: 'int', min: 1, max: 1_000_000, env: 'VEXFS_MAX_INFLIGHT', flag: '--max-inflight', help: 'requests held at once' },
  maxServices: { type: 'int', min: 1, max: Consts.MAX_SERVICES, env: 'VEXFS_MAX_SERVICES', flag: '--max-services', help: 'registered services' },
  shutdownGraceMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    env: 'VEXFS_SHUTDOWN_GRACE_MS',
    flag: '--shutdown-grace-ms',
    help: 'time to finish in-flight requests on stop',
  },
  logLevel: { type: 'enum', values: LOG_LEVELS, env: 'VEXFS_LOG_LEVEL', flag: '--log-level', help: 'log level' },
  twinGraceMs: { type: 'int', min: 0, max: 600_000, env: 'VEXFS_TWIN_GRACE_MS', flag: '--twin-grace-ms', help: 'kernel twin: wait for a new daemon' },
  twinPort: {
    type: 'int',
    min: 0,
    max: 0xffffffff,
    env: 'VEXFS_TWIN_PORT',
    flag: '--twin-port',
    help: 'kernel twin in another process to attach to (0: embed one)',
  },
  reconnectMinMs: { type: 'int', min: 1, max: 60_000, env: 'VEXFS_RECONNECT_MIN_MS', flag: '--reconnect-min-ms', help: 'first service reconnect delay' },
  reconnectMaxMs: { type: 'int', min: 1, max: 600_000, env: 'VEXFS_RECONNECT_MAX_MS', flag: '--reconnect-max-ms', help: 'longest service reconnect delay' },
  serviceSendBufferBytes: {
    type: 'int',
    min: 65_536,
    max: 1 << 30,
    env: 'VEXFS_SERVICE_SEND_BUFFER_BYTES',
    flag: '--service-send-buffer-bytes',
    help: 'bytes sent to a service and not yet read before it gets no new batches',
  },
  startingHoldMs: {
    type: 'int',
    min: 0,
    max: 60_000,
    env: 'VEXFS_STARTING_HOLD_MS',
    flag: '--starting-hold-ms',
    help: 'wait for a matching service still connecting',
  },
  heartbeatTimeoutMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    env: 'VEXFS_HEARTBEAT_TIMEOUT_MS',
    flag: '--heartbeat-timeout-ms',
    help: 'a service silent this long gets no new requests, 0 = off',
  },
  rateLimitGlobal: {
    type: 'int',
    min: 0,
    max: 100_000_000,
    env: 'VEXFS_RATE_LIMIT_GLOBAL',
    flag: '--rate-limit-global',
    help: 'requests/s for the daemon, 0 = off',
  },
  rateLimitPerUid: {
    type: 'int',
    min: 0,
    max: 100_000_000,
    env: 'VEXFS_RATE_LIMIT_PER_UID',
    flag: '--rate-limit-per-uid',
    help: 'requests/s per caller uid, 0 = off',
  },
  rateLimitPerService: {
    type: 'int',
    min: 0,
    max: 100_000_000,
    env: 'VEXFS_RATE_LIMIT_PER_SERVICE',
    flag: '--rate-limit-per-service',
    help: 'requests/s per service, 0 = off',
  },
  adaptiveLatencyMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    env: 'VEXFS_ADAPTIVE_LATENCY_MS',
    flag: '--adaptive-latency-ms',
    help: 'latency target of the adaptive rate limit, 0 = off',
  },
  balancer: { type: 'enum', values: POLICIES, env: 'VEXFS_BALANCER', flag: '--balancer', help: 'load-balancing policy' },
  balancerByModel: { type: 'policyMap', env: 'VEXFS_BALANCER_BY_MODEL', flag: '--balancer-by-model', help: 'policy per model, model=policy[,model=policy]' },
  stickyBy: {
    type: 'enum',
    values: STICKY_BY,
    env: 'VEXFS_STICKY_BY',
    flag: '--sticky-by',
    help: "sticky sessions keyed by the caller's session key (SEND_EMBEDDING_REQUEST session_key; none: not sticky), pid or uid",
  },
  stickyTtlMs: {
    type: 'int',
    min: 1,
    max: 86_400_000,
    env: 'VEXFS_STICKY_TTL_MS',
    flag: '--sticky-ttl-ms',
    help: 'a sticky key is forgotten this long after its last request',
  },
  queuePerPriority: {
    type: 'int',
    min: 1,
    max: 1_000_000,
    env: 'VEXFS_QUEUE_PER_PRIORITY',
    flag: '--queue-per-priority',
    help: 'queued requests per priority level',
  },
  queuePerService: { type: 'int', min: 1, max: 1_000_000, env: 'VEXFS_QUEUE_PER_SERVICE', flag: '--queue-per-service', help: 'queued requests per service' },
  queueGlobal: { type: 'int', min: 0, max: 1_000_000, env: 'VEXFS_QUEUE_GLOBAL', flag: '--queue-global', help: 'requests in the overflow queue' },
  serviceConcurrency: {
    type: 'int',
    min: 0,
    max: 100_000,
    env: 'VEXFS_SERVICE_CONCURRENCY',
    flag: '--service-concurrency',
    help: 'requests a service may have outstanding, 0 = twice its max batch',
  },
  breakerErrorPercent: {
    type: 'int',
    min: 1,
    max: 100,
    env: 'VEXFS_BREAKER_ERROR_PERCENT',
    flag: '--breaker-error-percent',
    help: 'failed batches (%) that open a breaker',
  },
  breakerVolume: {
    type: 'int',
    min: 1,
    max: 1_000_000,
    env: 'VEXFS_BREAKER_VOLUME',
    flag: '--breaker-volume',
    help: 'batches in the window before a breaker may open',
  },
  breakerWindowMs: { type: 'int', min: 100, max: 600_000, env: 'VEXFS_BREAKER_WINDOW_MS', flag: '--breaker-window-ms', help: 'breaker rolling window' },
  breakerResetMs: { type: 'int', min: 10, max: 600_000, env: 'VEXFS_BREAKER_RESET_MS', flag: '--breaker-reset-ms', help: 'time open before a trial batch' },
  retryMax: { type: 'int', min: 0, max: 10, env: 'VEXFS_RETRY_MAX', flag: '--retry-max', help: 'retries of a failed request, 0 = off' },
  retryBaseMs: { type: 'int', min: 0, max: 60_000, env: 'VEXFS_RETRY_BASE_MS', flag: '--retry-base-ms', help: 'first retry backoff (doubles, full jitter)' },
  retryMaxMs: { type: 'int', min: 0, max: 60_000, env: 'VEXFS_RETRY_MAX_MS', flag: '--retry-max-ms', help: 'longest retry backoff' },
  cacheMaxEntries: {
    type: 'int',
    min: 0,
    max: 10_000_000,
    env: 'VEXFS_CACHE_MAX_ENTRIES',
    flag: '--cache-max-entries',
    help: 'response cache entries, 0 = off',
  },
  cacheMaxBytes: {
    type: 'int',
    min: 0,
    max: 64 * 1024 * 1024 * 1024,
    env: 'VEXFS_CACHE_MAX_BYTES',
    flag: '--cache-max-bytes',
    help: 'response cache vector bytes',
  },
  cacheTtlMs: { type: 'int', min: 1, max: 86_400_000, env: 'VEXFS_CACHE_TTL_MS', flag: '--cache-ttl-ms', help: 'response cache entry lifetime' },
  coalesce: { type: 'bool', env: 'VEXFS_COALESCE', flag: '--coalesce', help: 'identical requests in flight share one service call' },
  batchMaxDelayUs: {
    type: 'int',
    min: 0,
    max: 100_000,
    env: 'VEXFS_BATCH_MAX_DELAY_US',
    flag: '--batch-max-delay-us',
    help: 'hold a partial batch for more requests, 0 = send at once',
  },
  healthCheckIntervalMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    env: 'VEXFS_HEALTH_CHECK_INTERVAL_MS',
    flag: '--health-check-interval-ms',
    help: 'active health checks, 0 = off',
  },
  healthCheckTimeoutMs: {
    type: 'int',
    min: 1,
    max: 600_000,
    env: 'VEXFS_HEALTH_CHECK_TIMEOUT_MS',
    flag: '--health-check-timeout-ms',
    help: 'time to answer a health check',
  },
  metrics: { type: 'bool', env: 'VEXFS_METRICS', flag: '--metrics', help: 'serve /metrics, /health and /ready over HTTP' },
  metricsPort: {
    type: 'int',
    min: 0,
    max: 65535,
    env: 'VEXFS_METRICS_PORT',
    flag: '--metrics-port',
    help: 'port of the metrics server, 0 = any free port (logged)',
  },
  metricsHost: { type: 'host', env: 'VEXFS_METRICS_HOST', flag: '--metrics-host', help: 'address the metrics server binds to' },
  auditLog: { type: 'path', optional: true, env: 'VEXFS_AUDIT_LOG', flag: '--audit-log', help: 'audit log file (JSON Lines), empty = off' },
  auditMaxBytes: {
    type: 'int',
    min: 4096,
    max: 1024 * 1024 * 1024,
    env: 'VEXFS_AUDIT_MAX_BYTES',
    flag: '--audit-max-bytes',
    help: 'rotate the audit log at this size',
  },
  auditKeep: { type: 'int', min: 0, max: 100, env: 'VEXFS_AUDIT_KEEP', flag: '--audit-keep', help: 'rotated audit files kept' },
  traceExporter: {
    type: 'enum',
    values: TRACE_EXPORTERS,
    env: 'VEXFS_TRACE_EXPORTER',
    flag: '--trace-exporter',
    help: "request spans: none (no spans made), api (the OpenTelemetry API's global tracer), console (printed), otlp (batched to --otlp-endpoint)",
  },
  policyFile: {
    type: 'path',
    optional: true,
    env: 'VEXFS_POLICY_FILE',
    flag: '--policy-file',
    help: "registration policy (JSON): who besides root and the daemon's user may register what; re-read on SIGHUP",
  },
  controlSocketMode: {
    type: 'mode',
    env: 'VEXFS_CONTROL_SOCKET_MODE',
    flag: '--control-socket-mode',
    help: 'octal mode of the control socket: who may connect (0660: its owner and group)',
  },
  controlSocketGroup: {
    type: 'group',
    env: 'VEXFS_CONTROL_SOCKET_GROUP',
    flag: '--control-socket-group',
    help: "group (name or number) of the control socket, empty = the daemon's",
  },
  metricsAllowedHosts: {
    type: 'hostList',
    env: 'VEXFS_METRICS_ALLOWED_HOSTS',
    flag: '--metrics-allowed-hosts',
    help: 'Host header names the metrics server answers besides the loopback ones (comma-separated)',
  },
  stateDir: {
    type: 'path',
    optional: true,
    env: 'VEXFS_STATE_DIR',
    flag: '--state-dir',
    help: 'directory (0700) for the registration token key and the minted tokens, empty = no tokens',
  },
  maxRegistrationsPerConnection: {
    type: 'int',
    min: 1,
    max: Consts.MAX_SERVICES,
    env: 'VEXFS_MAX_REGISTRATIONS_PER_CONNECTION',
    flag: '--max-registrations-per-connection',
    help: 'registrations one control-socket connection may hold',
  },
  cacheScope: {
    type: 'enum',
    values: CACHE_SCOPES,
    env: 'VEXFS_CACHE_SCOPE',
    flag: '--cache-scope',
    help: 'uid: cached and coalesced answers are shared only between requests of the same caller uid; shared: between all callers',
  },
  otlpEndpoint: { type: 'url', env: 'VEXFS_OTLP_ENDPOINT', flag: '--otlp-endpoint', help: 'OTLP/HTTP (JSON) traces endpoint for --trace-exporter otlp' },
};

export function defaultConfig(): DaemonConfig {
  return {
    kernel: 'auto',
    controlSocket: defaultControlSocket(),
    maxInflight: 65536,
    maxServices: 100,
    shutdownGraceMs: 5000,
    logLevel: 'info',
    twinGraceMs: 5000,
    twinPort: 0,
    reconnectMinMs: 50,
    reconnectMaxMs: 5000,
    serviceSendBufferBytes: 32 * 1024 * 1024,
    startingHoldMs: 1000,
    heartbeatTimeoutMs: 3000,
    rateLimitGlobal: 0,
    rateLimitPerUid: 0,
    rateLimitPerService: 0,
    adaptiveLatencyMs: 0,
    balancer: 'least-connections',
    balancerByModel: {},
    stickyBy: 'off',
    stickyTtlMs: 60_000,
    queuePerPriority: 1000,
    queuePerService: 250,
    queueGlobal: 2000,
    serviceConcurrency: 0,
    breakerErrorPercent: 50,
    breakerVolume: 10,
    breakerWindowMs: 10_000,
    breakerResetMs: 5_000,
    retryMax: 2,
    retryBaseMs: 5,
    retryMaxMs: 200,
    cacheMaxEntries: 0,
    cacheMaxBytes: 64 * 1024 * 1024,
    cacheTtlMs: 60_000,
    coalesce: false,
    batchMaxDelayUs: 0,
    healthCheckIntervalMs: 5000,
    healthCheckTimeoutMs: 1000,
    metrics: true,
    metricsPort: 9477,
    metricsHost: '127.0.0.1',
    auditLog: '',
    auditMaxBytes: 10 * 1024 * 1024,
    auditKeep: 5,
    traceExporter: 'none',
    otlpEndpoint: 'http://127.0.0.1:4318/v1/traces',
    policyFile: '',
    stateDir: '',
    controlSocketMode: 0o660,
    controlSocketGroup: '',
    metricsAllowedHosts: [],
    maxRegistrationsPerConnection: 16,
    cacheScope: 'uid',
  };
}

// Each kind of setting: a zod schema for what a JSON file, the environment or a flag may
// give (strings from the latter two), and the words used when a value is refused.
const bool = z.union([z.boolean(), z.enum(['true', '1']).transform(() => true), z.enum(['false', '0']).transform(() => false)]);
const absolutePath = z.string().startsWith('/');
const intFromText = (min: number, max: number) =>
  z.preprocess((raw) => (typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw), z.number().int().min(min).max(max));
const httpUrl = z.string().refine((raw) => {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
});
const octalMode = z
  .union([z.number().transform((n) => n.toString(8)), z.string()])
  .pipe(z.string().regex(/^0?[0-7]{3}$/))
  .transform((text) => Number.parseInt(text, 8));
const hostList = z
  .union([
    z.string().transform((raw) =>
      raw
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    ),
    z.array(z.string()),
  ])
  .pipe(z.array(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/)));

function schemaOf(spec: Spec): { schema: z.ZodType; refused: string } {
  switch (spec.type) {
    case 'enum':
      return { schema: z.enum(spec.values as [string, ...string[]]), refused: `is not one of ${spec.values.join(', ')}` };
    case 'int':
      return { schema: intFromText(spec.min, spec.max), refused: `is not an integer from ${spec.min} to ${spec.max}` };
    case 'path':
      return spec.optional
        ? { schema: z.union([z.literal(''), absolutePath]), refused: 'is not an absolute path (or empty for off)' }
        : { schema: absolutePath, refused: 'is not an absolute path' };
    case 'host':
      return { schema: z.string().refine((raw) => isIP(raw) !== 0), refused: 'is not an IPv4 or IPv6 address' };
    case 'url':
      return { schema: httpUrl, refused: 'is not an http:// or https:// URL' };
    case 'bool':
      return { schema: bool, refused: 'is not true or false' };
    case 'mode':
      return { schema: octalMode, refused: 'is not an octal mode such as 0660' };
    case 'group':
      return { schema: z.string().regex(/^(|[0-9]+|[a-z_][a-z0-9_-]*\$?)$/), refused: "is not a group name or number (or empty for the daemon's)" };
    case 'hostList':
      return { schema: hostList, refused: 'is not a list of host names' };
    case 'policyMap':
      return { schema: z.unknown(), refused: '' };
  }
}

function parseValue(key: keyof DaemonConfig, raw: unknown, source: string): unknown {
  const spec = SPEC[key];
  const where = `${key} (${source})`;
  if (spec.type === 'policyMap') return parsePolicyMap(raw, where);
  const { schema, refused } = schemaOf(spec);
  const r = schema.safeParse(raw);
  if (!r.success) throw new ConfigError(where, `${JSON.stringify(raw)} ${refused}`);
  if (spec.type === 'mode' && (r.data as number) & 0o002) {
    throw new ConfigError(where, `${JSON.stringify(raw)} would let every user connect; give access through a group instead (--control-socket-group)`);
  }
  return r.data;
}

// "model=policy,..." from the environment or a flag, an object in a file; each policy one of POLICIES.
function parsePolicyMap(raw: unknown, where: string): Record<string, Policy> {
  let pairs: Array<[string, unknown]>;
  if (typeof raw === 'string') {
    pairs = raw
      .split(',')
      .filter((p) => p.trim() !== '')
      .map((p) => {
        const i = p.indexOf('=');
        if (i <= 0) throw new ConfigError(where, `"${p}" is not model=policy`);
        return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
      });
  } else if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    pairs = Object.entries(raw);
  } else {
    throw new ConfigError(where, `${JSON.stringify(raw)} is not an object of model: policy (or "model=policy,...")`);
  }
  const policy = z.enum(POLICIES as unknown as [Policy, ...Policy[]]);
  const out: Record<string, Policy> = {};
  for (const [model, value] of pairs) {
    const r = policy.safeParse(value);
    if (!r.success) throw new ConfigError(where, `policy ${JSON.stringify(value)} for model "${model}" is not one of ${POLICIES.join(', ')}`);
    out[model] = r.data;
  }
  return out;
}

export interface ConfigSources {
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
}

export interface ParsedArgs {
  config: DaemonConfig;
  help: boolean;
}

export function loadConfig({ argv = [], env = {} }: ConfigSources): ParsedArgs {
  const config = defaultConfig();
  const set = (key: keyof DaemonConfig, raw: unknown, source: string) => {
    (config as unknown as Record<string, unknown>)[key] = parseValue(key, raw, source);
  };
  const flags = new Map<string, string>();
  let file: string | undefined = env.VEXFS_CONFIG;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[++i];
    if (name === '--config') {
      if (value === undefined) throw new ConfigError('--config', 'needs a file path');
      file = value;
      continue;
    }
    const key = (Object.keys(SPEC) as Array<keyof DaemonConfig>).find((k) => SPEC[k].flag === name);
    if (key === undefined)
      throw new ConfigError(
        name,
        `unknown flag (accepted: --config, ${Object.values(SPEC)
          .map((s) => s.flag)
          .join(', ')})`,
      );
    if (value === undefined) throw new ConfigError(name, 'needs a value');
    flags.set(key, value);
  }
  if (file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(file, `cannot read it as JSON: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(file, 'must hold a JSON object');
    for (const [key, value] of Object.entries(parsed)) {
      if (!(key in SPEC)) throw new ConfigError(key, `unknown key in ${file} (accepted: ${Object.keys(SPEC).join(', ')})`);
      set(key as keyof DaemonConfig, value, file);
    }
  }
  for (const key of Object.keys(SPEC) as Array<keyof DaemonConfig>) {
    const value = env[SPEC[key].env];
    if (value !== undefined && value !== '') set(key, value, SPEC[key].env);
  }
  for (const [key, value] of flags) set(key as keyof DaemonConfig, value, SPEC[key as keyof DaemonConfig].flag);
  if (config.retryBaseMs > config.retryMaxMs) {
    throw new ConfigError('retryBaseMs', `${config.retryBaseMs} exceeds retryMaxMs ${config.retryMaxMs}`);
  }
  if (config.reconnectMinMs > config.reconnectMaxMs) {
    throw new ConfigError('reconnectMinMs', `${config.reconnectMinMs} exceeds reconnectMaxMs ${config.reconnectMaxMs}`);
  }
  return { config, help };
}

export function configHelp(): string {
  const lines = Object.entries(SPEC).map(([key, s]) => {
    const accepted =
      s.type === 'enum'
        ? s.values.join('|')
        : s.type === 'int'
          ? `${s.min}..${s.max}`
          : s.type === 'bool'
            ? 'true|false'
            : s.type === 'policyMap'
              ? `model=${POLICIES.join('|')},...`
              : s.type === 'host'
                ? 'IP address'
                : s.type === 'url'
                  ? 'http(s) URL'
                  : s.type === 'mode'
                    ? 'octal mode, no access for others'
                    : s.type === 'group'
                      ? 'group name or number, or empty'
                      : s.type === 'hostList'
                        ? 'host,host,...'
                        : s.optional
                          ? 'absolute path or empty'
                          : 'absolute path';
    return `  ${s.flag.padEnd(22)} ${s.env.padEnd(26)} ${key}: ${s.help} (${accepted})`;
  });
  return ['  --config FILE          VEXFS_CONFIG               JSON file with any of the keys below', ...lines].join('\n');
}
