/**
 * Daemon configuration from a JSON file, the environment and flags (later
 * sources win). Every value is validated; an error names the key, the value
 * and what is accepted.
 */
import { readFileSync } from 'node:fs';

import { Consts } from '../abi/uapi.js';
import { ConfigError } from '../errors.js';
import { defaultControlSocket } from './defaults.js';

export const KERNEL_MODES = ['auto', 'genl', 'chardev', 'twin'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
  startingHoldMs: number;
  heartbeatTimeoutMs: number;
  rateLimitGlobal: number;
  rateLimitPerUid: number;
  rateLimitPerService: number;
}

type Spec =
  | { type: 'enum'; values: readonly string[] }
  | { type: 'int'; min: number; max: number }
  | { type: 'path' };

const SPEC: Record<keyof DaemonConfig, Spec & { env: string; flag: string; help: string }> = {
  kernel: { type: 'enum', values: KERNEL_MODES, env: 'VEXFS_KERNEL', flag: '--kernel', help: 'kernel transport' },
  controlSocket: { type: 'path', env: 'VEXFS_CONTROL_SOCKET', flag: '--control-socket', help: 'control socket path' },
  maxInflight: { type: 'int', min: 1, max: 1_000_000, env: 'VEXFS_MAX_INFLIGHT', flag: '--max-inflight', help: 'requests held at once' },
  maxServices: { type: 'int', min: 1, max: Consts.MAX_SERVICES, env: 'VEXFS_MAX_SERVICES', flag: '--max-services', help: 'registered services' },
  shutdownGraceMs: { type: 'int', min: 0, max: 600_000, env: 'VEXFS_SHUTDOWN_GRACE_MS', flag: '--shutdown-grace-ms', help: 'time to finish in-flight requests on stop' },
  logLevel: { type: 'enum', values: LOG_LEVELS, env: 'VEXFS_LOG_LEVEL', flag: '--log-level', help: 'log level' },
  twinGraceMs: { type: 'int', min: 0, max: 600_000, env: 'VEXFS_TWIN_GRACE_MS', flag: '--twin-grace-ms', help: 'kernel twin: wait for a new daemon' },
  twinPort: { type: 'int', min: 0, max: 0xffffffff, env: 'VEXFS_TWIN_PORT', flag: '--twin-port', help: 'kernel twin in another process to attach to (0: embed one)' },
  reconnectMinMs: { type: 'int', min: 1, max: 60_000, env: 'VEXFS_RECONNECT_MIN_MS', flag: '--reconnect-min-ms', help: 'first service reconnect delay' },
  reconnectMaxMs: { type: 'int', min: 1, max: 600_000, env: 'VEXFS_RECONNECT_MAX_MS', flag: '--reconnect-max-ms', help: 'longest service reconnect delay' },
  startingHoldMs: { type: 'int', min: 0, max: 60_000, env: 'VEXFS_STARTING_HOLD_MS', flag: '--starting-hold-ms', help: 'wait for a matching service still connecting' },
  heartbeatTimeoutMs: { type: 'int', min: 0, max: 600_000, env: 'VEXFS_HEARTBEAT_TIMEOUT_MS', flag: '--heartbeat-timeout-ms', help: 'a service silent this long gets no new requests, 0 = off' },
  rateLimitGlobal: { type: 'int', min: 0, max: 100_000_000, env: 'VEXFS_RATE_LIMIT_GLOBAL', flag: '--rate-limit-global', help: 'requests/s for the daemon, 0 = off' },
  rateLimitPerUid: { type: 'int', min: 0, max: 100_000_000, env: 'VEXFS_RATE_LIMIT_PER_UID', flag: '--rate-limit-per-uid', help: 'requests/s per caller uid, 0 = off' },
  rateLimitPerService: { type: 'int', min: 0, max: 100_000_000, env: 'VEXFS_RATE_LIMIT_PER_SERVICE', flag: '--rate-limit-per-service', help: 'requests/s per service, 0 = off' },
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
    startingHoldMs: 1000,
    heartbeatTimeoutMs: 3000,
    rateLimitGlobal: 0,
    rateLimitPerUid: 0,
    rateLimitPerService: 0,
  };
}

function parseValue(key: keyof DaemonConfig, raw: unknown, source: string): string | number {
  const spec = SPEC[key];
  const where = `${key} (${source})`;
  switch (spec.type) {
    case 'enum':
      if (typeof raw !== 'string' || !spec.values.includes(raw)) {
        throw new ConfigError(where, `${JSON.stringify(raw)} is not one of ${spec.values.join(', ')}`);
      }
      return raw;
    case 'int': {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < spec.min || n > spec.max) {
        throw new ConfigError(where, `${JSON.stringify(raw)} is not an integer from ${spec.min} to ${spec.max}`);
      }
      return n;
    }
    case 'path':
      if (typeof raw !== 'string' || !raw.startsWith('/')) throw new ConfigError(where, `${JSON.stringify(raw)} is not an absolute path`);
      return raw;
  }
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
    if (key === undefined) throw new ConfigError(name, `unknown flag (accepted: --config, ${Object.values(SPEC).map((s) => s.flag).join(', ')})`);
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
  if (config.reconnectMinMs > config.reconnectMaxMs) {
    throw new ConfigError('reconnectMinMs', `${config.reconnectMinMs} exceeds reconnectMaxMs ${config.reconnectMaxMs}`);
  }
  return { config, help };
}

export function configHelp(): string {
  const lines = Object.entries(SPEC).map(([key, s]) => {
    const accepted = s.type === 'enum' ? s.values.join('|') : s.type === 'int' ? `${s.min}..${s.max}` : 'absolute path';
    return `  ${s.flag.padEnd(22)} ${s.env.padEnd(26)} ${key}: ${s.help} (${accepted})`;
  });
  return ['  --config FILE          VEXFS_CONFIG               JSON file with any of the keys below', ...lines].join('\n');
}
