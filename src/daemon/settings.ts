/**
 * Every daemon setting in one table: its kind and accepted range, its
 * default and its help. The flag (--max-inflight) and the environment
 * variable (VEXFS_MAX_INFLIGHT) are derived from the key, and so is the
 * type of the configuration object; config.ts validates and loads them.
 */
import { Consts } from '../abi/uapi.js';
import { POLICIES } from '../pipeline/balancer.js';
import { defaultControlSocket } from '../util/places.js';
import { hostname } from 'node:os';

import type { Setting, ValueOf } from './setting-kinds.js';

export const KERNEL_MODES = ['auto', 'genl', 'chardev', 'twin'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const STICKY_BY = ['off', 'key', 'pid', 'uid'] as const;
export const TRACE_EXPORTERS = ['none', 'api', 'console', 'otlp'] as const;
export const CACHE_SCOPES = ['uid', 'shared'] as const;

export const SETTINGS = {
  kernel: {
    type: 'enum',
    values: KERNEL_MODES,
    default: 'auto',
    help: 'kernel transport: auto (the module over generic netlink, else its /dev/vexfs_ipc framed transport, else an embedded kernel twin; said in one log line), genl, chardev, twin',
  },
  controlSocket: {
    type: 'path',
    default: defaultControlSocket,
    defaultText: '/run/vexfs/control.sock (root), $XDG_RUNTIME_DIR/vexfs/control.sock (a user)',
    help: 'control socket path; its directory is created (0755) and must be writable by its owner only',
  },
  maxInflight: { type: 'int', min: 1, max: 1_000_000, default: 65536, help: 'requests each pipeline holds at once before new ones are answered OVERLOADED' },
  workers: {
    type: 'int',
    min: 1,
    max: Consts.MAX_QUEUES,
    default: 1,
    help: 'request pipelines, each a thread with a kernel queue and service connections of its own (genl and twin transports)',
  },
  maxServices: { type: 'int', min: 1, max: Consts.MAX_SERVICES, default: 100, help: 'services registered at once' },
  shutdownGraceMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    default: 5000,
    help: 'time in-flight requests have to finish on SIGTERM/SIGINT before they are answered SHUTTING_DOWN',
  },
  logLevel: { type: 'enum', values: LOG_LEVELS, default: 'info', help: 'pino log level; logs are JSON on stderr' },
  twinGraceMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    default: 5000,
    help: 'embedded kernel twin: how long in-flight requests wait for a daemon to attach again',
  },
  twinPort: {
    type: 'int',
    min: 0,
    max: 0xffffffff,
    default: 0,
    help: 'with --kernel twin: the netlink port of a twin in another process to attach to (0: embed one)',
  },
  reconnectMinMs: { type: 'int', min: 1, max: 60_000, default: 50, help: 'first service reconnect delay' },
  reconnectMaxMs: { type: 'int', min: 1, max: 600_000, default: 5000, help: 'longest service reconnect delay' },
  serviceSendBufferBytes: {
    type: 'int',
    min: 65_536,
    max: 1 << 30,
    default: 32 * 1024 * 1024,
    help: 'bytes sent to a service and not yet read by it before its new batches go elsewhere (counted as send_blocked)',
  },
  startingHoldMs: {
    type: 'int',
    min: 0,
    max: 60_000,
    default: 1000,
    help: 'how long a request waits for a matching service that is registered but still connecting (after a daemon restart) before NO_SERVICE',
  },
  restartHoldMs: {
    type: 'int',
    min: 0,
    max: 60_000,
    default: 2000,
    help: 'after the daemon starts, how long a request no registered service can serve waits for services to register again (0: not at all)',
  },
  heartbeatTimeoutMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    default: 3000,
    help: 'a connected service whose heartbeats stop this long gets no new requests (health 0) until its next heartbeat, 0 = off',
  },
  rateLimitGlobal: {
    type: 'int',
    min: 0,
    max: 100_000_000,
    default: 0,
    help: 'requests/s for the whole daemon (every pipeline together; a one-second burst), answered RATE_LIMITED past it, 0 = off',
  },
  rateLimitPerUid: {
    type: 'int',
    min: 0,
    max: 100_000_000,
    default: 0,
    help: 'requests/s per caller uid (one-second burst), 0 = off',
  },
  rateLimitPerService: {
    type: 'int',
    min: 0,
    max: 100_000_000,
    default: 0,
    help: 'requests/s per service (one-second burst), 0 = off',
  },
  adaptiveLatencyMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    default: 0,
    help: 'latency target of the adaptive rate limit, 0 = off',
  },
  balancer: { type: 'enum', values: POLICIES, default: 'least-connections', help: 'load-balancing policy' },
  balancerByModel: { type: 'policyMap', default: {}, help: 'policy per model, model=policy[,model=policy]' },
  stickyBy: {
    type: 'enum',
    values: STICKY_BY,
    default: 'off',
    help: "sticky sessions keyed by the caller's session key (SEND_EMBEDDING_REQUEST session_key; none: not sticky), pid or uid",
  },
  stickyTtlMs: {
    type: 'int',
    min: 1,
    max: 86_400_000,
    default: 60_000,
    help: 'a sticky key is forgotten this long after its last request',
  },
  queuePerPriority: {
    type: 'int',
    min: 1,
    max: 1_000_000,
    default: 8192,
    help: 'queued requests per priority level (per pipeline); lower levels are shed first',
  },
  queuePerService: { type: 'int', min: 1, max: 1_000_000, default: 2048, help: 'queued requests per service (per pipeline)' },
  queueGlobal: { type: 'int', min: 0, max: 1_000_000, default: 16_384, help: 'requests in the overflow queue (per pipeline)' },
  serviceConcurrency: {
    type: 'int',
    min: 0,
    max: 100_000,
    default: 0,
    help: 'requests a service may have outstanding, 0 = twice its max batch',
  },
  breakerErrorPercent: {
    type: 'int',
    min: 1,
    max: 100,
    default: 50,
    help: 'failed batches (%) that open a breaker',
  },
  breakerVolume: {
    type: 'int',
    min: 1,
    max: 1_000_000,
    default: 10,
    help: 'batches in the window before a breaker may open',
  },
  breakerWindowMs: { type: 'int', min: 100, max: 600_000, default: 10_000, help: 'rolling window over which a breaker counts failed batches' },
  breakerResetMs: { type: 'int', min: 10, max: 600_000, default: 5_000, help: 'time a breaker stays open before it lets one trial batch through' },
  outlierFactor: {
    type: 'int',
    min: 2,
    max: 1000,
    default: 10,
    help: "a batch unanswered this many times what its service's recent per-item round trips predict for its size (and outlierMinMs) fails over and opens the breaker",
  },
  outlierMinMs: { type: 'int', min: 10, max: 600_000, default: 2000, help: 'the shortest wait before an unanswered batch makes its service an outlier' },
  retryMax: { type: 'int', min: 0, max: 10, default: 2, help: 'retries of a failed request, 0 = off' },
  retryBaseMs: { type: 'int', min: 0, max: 60_000, default: 5, help: 'first retry backoff (doubles, full jitter)' },
  retryMaxMs: { type: 'int', min: 0, max: 60_000, default: 200, help: 'longest retry backoff' },
  cacheMaxEntries: {
    type: 'int',
    min: 0,
    max: 10_000_000,
    default: 0,
    help: 'response cache entries, 0 = off',
  },
  cacheMaxBytes: {
    type: 'int',
    min: 0,
    max: 64 * 1024 * 1024 * 1024,
    default: 64 * 1024 * 1024,
    help: 'bytes of vectors the response cache holds',
  },
  cacheTtlMs: { type: 'int', min: 1, max: 86_400_000, default: 60_000, help: 'how long a cached answer is served' },
  coalesce: { type: 'bool', default: false, help: 'identical requests in flight share one service call' },
  batchMaxDelayUs: {
    type: 'int',
    min: 0,
    max: 100_000,
    default: 0,
    help: 'hold a partial batch for more requests, 0 = send at once',
  },
  healthCheckIntervalMs: {
    type: 'int',
    min: 0,
    max: 600_000,
    default: 5000,
    help: 'active health checks, 0 = off',
  },
  healthCheckTimeoutMs: {
    type: 'int',
    min: 1,
    max: 600_000,
    default: 1000,
    help: 'time a service has to answer a health check',
  },
  metrics: { type: 'bool', default: true, help: 'serve /metrics, /health and /ready over HTTP' },
  metricsPort: {
    type: 'int',
    min: 0,
    max: 65535,
    default: 9477,
    help: 'port of the metrics server, 0 = any free port (logged)',
  },
  metricsHost: { type: 'host', default: '127.0.0.1', help: 'address the metrics server binds to' },
  auditLog: { type: 'path', optional: true, default: '', help: 'audit log file (JSON Lines), empty = off' },
  auditMaxBytes: {
    type: 'int',
    min: 4096,
    max: 1024 * 1024 * 1024,
    default: 10 * 1024 * 1024,
    help: 'the audit log is rotated at this size',
  },
  auditKeep: { type: 'int', min: 0, max: 100, default: 5, help: 'rotated audit files kept' },
  traceExporter: {
    type: 'enum',
    values: TRACE_EXPORTERS,
    default: 'none',
    help: "request spans: none (no spans made), api (the OpenTelemetry API's global tracer), console (printed), otlp (batched to --otlp-endpoint)",
  },
  policyFile: {
    type: 'path',
    optional: true,
    default: '',
    help: "registration policy (JSON): who besides root and the daemon's user may register what; re-read on SIGHUP",
  },
  controlSocketMode: {
    type: 'mode',
    default: 0o660,
    help: 'octal mode of the control socket: who may connect (0660: its owner and group)',
  },
  controlSocketGroup: {
    type: 'group',
    default: '',
    help: "group (name or number) of the control socket, empty = the daemon's",
  },
  metricsAllowedHosts: {
    type: 'hostList',
    default: [],
    help: 'Host header names the metrics server answers besides the loopback ones (comma-separated)',
  },
  stateDir: {
    type: 'path',
    optional: true,
    default: '',
    help: 'directory (0700) for the registration token key and the minted tokens, empty = no tokens',
  },
  maxRegistrationsPerConnection: {
    type: 'int',
    min: 1,
    max: Consts.MAX_SERVICES,
    default: 16,
    help: 'registrations one control-socket connection may hold',
  },
  backends: {
    type: 'backends',
    default: [],
    help: 'HTTP embedding backends (openai, tei or ollama dialect), a JSON array (docs/services.md)',
  },
  modelGroups: {
    type: 'modelGroups',
    default: {},
    help: 'model names served by a set of services and backends, in order (fallbacks) or by weight (docs/services.md)',
  },
  controlMaxConnections: { type: 'int', min: 1, max: 65_536, default: 256, help: 'control-socket connections open at once; more are refused' },
  controlIdleMs: {
    type: 'int',
    min: 100,
    max: 86_400_000,
    default: 60_000,
    help: 'a control connection with no registration and nothing in progress, silent this long, is closed',
  },
  controlMaxBufferedBytes: {
    type: 'int',
    min: 1 << 20,
    max: 1 << 30,
    default: 16 << 20,
    help: 'bytes of unfinished requests held for all control connections; the connection that would pass it is closed',
  },
  cacheScope: {
    type: 'enum',
    values: CACHE_SCOPES,
    default: 'uid',
    help: 'uid: cached and coalesced answers are shared only between requests of the same caller uid; shared: between all callers',
  },
  otlpEndpoint: { type: 'url', default: 'http://127.0.0.1:4318/v1/traces', help: 'OTLP/HTTP (JSON) traces endpoint for --trace-exporter otlp' },
  nats: { type: 'natsUrl', default: '', help: 'NATS server(s) for remote workers, events, audit and cluster control; empty = off' },
  natsHost: {
    type: 'subjectToken',
    default: defaultHostName,
    defaultText: "the host name's first label",
    help: "this daemon's name on the bus (its subjects, the host column)",
  },
  natsUser: { type: 'name', default: '', help: 'NATS user name (with --nats-password-file)' },
  natsPasswordFile: { type: 'path', optional: true, default: '', help: 'file whose first line is the NATS password' },
  natsTokenFile: { type: 'path', optional: true, default: '', help: "file whose first line is the NATS server's auth token" },
  natsNkeySeedFile: { type: 'path', optional: true, default: '', help: 'file holding an NKey seed (SU...)' },
  natsCredsFile: { type: 'path', optional: true, default: '', help: 'NATS credentials file (user JWT and seed)' },
  natsTlsCaFile: { type: 'path', optional: true, default: '', help: "CA certificate that signed the NATS server's" },
  natsTlsCertFile: { type: 'path', optional: true, default: '', help: 'client certificate for NATS (mutual TLS)' },
  natsTlsKeyFile: { type: 'path', optional: true, default: '', help: 'its key' },
  natsDiscoveryMs: { type: 'int', min: 100, max: 60_000, default: 1000, help: 'between $SRV.STATS rounds that find NATS workers (and are their heartbeats)' },
  natsWorkerMissedRounds: {
    type: 'int',
    min: 1,
    max: 100,
    default: 3,
    help: 'a worker that misses this many discovery rounds in a row (while the bus is up) is unregistered',
  },
  natsPool: {
    type: 'bool',
    default: false,
    help: 'address each worker service as one queue-group pool (daemons sharing workers) instead of balancing across its instances',
  },
  natsTrustWorkers: {
    type: 'bool',
    default: false,
    help: 'accept workers that present no registration token (only when NATS permissions alone decide who may serve vexfs.v1.embed.>)',
  },
  natsAuditStream: { type: 'name', default: '', help: 'JetStream stream the audit log is also written to (e.g. VEXFS_AUDIT), empty = off' },
  natsAuditMaxAgeMs: { type: 'int', min: 60_000, max: 365 * 86_400_000, default: 7 * 86_400_000, help: "the audit stream's retention by age" },
  natsAuditMaxBytes: { type: 'int', min: 1 << 20, max: 2 ** 40, default: 256 << 20, help: "the audit stream's retention by size" },
} as const satisfies Record<string, Setting>;

export type DaemonConfig = { -readonly [K in keyof typeof SETTINGS]: ValueOf<(typeof SETTINGS)[K]> };
export type SettingKey = keyof DaemonConfig;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** Keys a reload (SIGHUP) applies without a restart. */
export const RELOADABLE: readonly SettingKey[] = ['logLevel', 'rateLimitGlobal', 'rateLimitPerUid', 'rateLimitPerService', 'policyFile'];

/** The machine's host name as one subject token. */
function defaultHostName(): string {
  return (
    hostname()
      .split('.')[0]
      ?.replace(/[^A-Za-z0-9_-]/g, '_')
      .slice(0, 63) || 'host'
  );
}

/** --max-inflight for maxInflight. */
export function flagOf(key: SettingKey): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** VEXFS_MAX_INFLIGHT for maxInflight. */
export function envOf(key: SettingKey): string {
  return `VEXFS_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Every setting at its default (computed now: the control socket's place depends on the user and environment). */
export function defaultConfig(): DaemonConfig {
  const config: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const d: unknown = SETTINGS[key].default;
    config[key] = typeof d === 'function' ? d() : structuredClone(d);
  }
  return config as DaemonConfig;
}
