/**
 * vexfsctl's command line: `vexfsctl [global options] <command> [args] [options]`.
 * Options are `--name value` or `--name=value`; every value is checked and
 * an error names the option and what it accepts.
 */
import { Consts, DataType, Priority, SESSION_KEY_MAX } from '../abi/uapi.js';
import { usage } from './errors.js';

export const COMMANDS = ['status', 'services', 'service', 'stats', 'top', 'register', 'unregister', 'embed', 'health', 'token', 'completion', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

type Kind = 'flag' | 'string';
const GLOBAL: Record<string, Kind> = { json: 'flag', socket: 'string', device: 'string', via: 'string', 'no-color': 'flag', help: 'flag' };
export const COMMAND_OPTIONS: Record<Command, Record<string, Kind>> = {
  status: {},
  services: {},
  service: {},
  stats: { service: 'string' },
  top: { interval: 'string' },
  register: {
    id: 'string',
    name: 'string',
    version: 'string',
    dims: 'string',
    models: 'string',
    'max-batch': 'string',
    priority: 'string',
    endpoint: 'string',
    'data-types': 'string',
    'hold-ms': 'string',
    token: 'string',
  },
  unregister: {},
  embed: { model: 'string', dims: 'string', dtype: 'string', priority: 'string', timeout: 'string', session: 'string' },
  health: {},
  token: { services: 'string', models: 'string', ttl: 'string', note: 'string' },
  completion: {},
  help: {},
};
const POSITIONALS: Record<Command, { min: number; max: number; names: string }> = {
  status: { min: 0, max: 0, names: '' },
  services: { min: 0, max: 0, names: '' },
  service: { min: 1, max: 1, names: '<id>' },
  stats: { min: 0, max: 0, names: '' },
  top: { min: 0, max: 0, names: '' },
  register: { min: 0, max: 0, names: '' },
  unregister: { min: 1, max: 1, names: '<id>' },
  embed: { min: 1, max: 1, names: '<text>' },
  health: { min: 0, max: 0, names: '' },
  token: { min: 1, max: 2, names: 'create | list | revoke <id>' },
  completion: { min: 0, max: 1, names: '[bash]' },
  help: { min: 0, max: 1, names: '[command]' },
};

export interface Parsed {
  command: Command;
  args: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const options: Record<string, string | true> = {};
  const args: string[] = [];
  let command: Command | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const allowed = { ...GLOBAL, ...(command ? COMMAND_OPTIONS[command] : {}) };
      const kind = allowed[name];
      if (kind === undefined) {
        const names = Object.keys(allowed)
          .map((n) => `--${n}`)
          .join(', ');
        throw usage(`unknown option --${name}${command ? ` for ${command}` : ''} (accepted: ${names})`);
      }
      if (kind === 'flag') {
        if (eq > 0) throw usage(`--${name} takes no value`);
        options[name] = true;
      } else {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw usage(`--${name} needs a value`);
        options[name] = value;
      }
      continue;
    }
    if (command === undefined) {
      if (!(COMMANDS as readonly string[]).includes(arg)) throw usage(`unknown command "${arg}" (commands: ${COMMANDS.join(', ')})`);
      command = arg as Command;
      continue;
    }
    args.push(arg);
  }
  if (command === undefined) command = 'help';
  const p = POSITIONALS[command];
  if (!options.help && (args.length < p.min || args.length > p.max)) {
    throw usage(`${command} takes ${p.names ? `${p.names}` : 'no arguments'}${args.length > p.max ? `, not "${args.slice(p.max).join(' ')}"` : ''}`);
  }
  return { command, args, options };
}

// ---- value checks ----

export function intOption(name: string, raw: string | true | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw usage(`--${name} ${JSON.stringify(raw)}: expected an integer from ${min} to ${max}`);
  return n;
}

/** A sticky-session key, 1 .. 2^64-1; absent: 0n (none). */
export function sessionOption(raw: string | true | undefined): bigint {
  if (raw === undefined) return 0n;
  const n = typeof raw === 'string' && /^\d{1,20}$/.test(raw) ? BigInt(raw) : -1n;
  if (n < 1n || n > SESSION_KEY_MAX) throw usage(`--session ${JSON.stringify(raw)}: expected an integer from 1 to ${SESSION_KEY_MAX}`);
  return n;
}

export function stringOption(name: string, raw: string | true | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw === true || raw === '') throw usage(`--${name} needs a non-empty value`);
  return raw;
}

export const DTYPE_NAMES = {
  float32: DataType.FLOAT32,
  float16: DataType.FLOAT16,
  int8: DataType.INT8,
  int16: DataType.INT16,
  binary: DataType.BINARY,
} as const;

export function dtypeOption(raw: string | true | undefined): number {
  if (raw === undefined) return DataType.FLOAT32;
  const v = DTYPE_NAMES[raw as keyof typeof DTYPE_NAMES];
  if (v === undefined) throw usage(`--dtype ${JSON.stringify(raw)}: expected one of ${Object.keys(DTYPE_NAMES).join(', ')}`);
  return v;
}

const PRIORITY_NAMES: Record<string, number> = { low: Priority.LOW, normal: Priority.NORMAL, high: Priority.HIGH, critical: Priority.CRITICAL };

export function priorityOption(raw: string | true | undefined): number {
  if (raw === undefined) return Priority.NORMAL;
  if (typeof raw === 'string' && raw in PRIORITY_NAMES) return PRIORITY_NAMES[raw] as number;
  if (typeof raw === 'string' && /^\d+$/.test(raw) && Number(raw) <= 255) return Number(raw);
  throw usage(`--priority ${JSON.stringify(raw)}: expected 0-255 or one of ${Object.keys(PRIORITY_NAMES).join(', ')}`);
}

/** "384,768": each 1-MAX_DIMENSIONS, at most MAX_DIMENSION_SETS entries. */
export function dimsOption(raw: string | true | undefined, many: boolean): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = typeof raw === 'string' ? raw.split(',') : [];
  const dims = parts.map((p) => (/^\d+$/.test(p.trim()) ? Number(p.trim()) : NaN));
  const max = many ? Consts.MAX_DIMENSION_SETS : 1;
  if (dims.length === 0 || dims.length > max || dims.some((d) => !Number.isInteger(d) || d < 1 || d > Consts.MAX_DIMENSIONS)) {
    throw usage(`--dims ${JSON.stringify(raw)}: expected ${many ? `1 to ${max} comma-separated integers` : 'an integer'} from 1 to ${Consts.MAX_DIMENSIONS}`);
  }
  return dims;
}
