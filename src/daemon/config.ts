/**
 * Daemon configuration from a JSON file, the environment and flags (later
 * sources win), for the settings in settings.ts. Every value is validated
 * by a zod schema for its kind; an error names the key, its source, the
 * value and what is accepted.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

import { Command, type CommanderError, Option } from 'commander';
import { z } from 'zod';

import { ConfigError } from '../errors.js';
import { POLICIES, type Policy } from '../pipeline/balancer.js';
import { natsServers } from '../services/nats/servers.js';
import { isSubjectToken } from '../services/nats/subjects.js';
import { type BackendConfig, backendSchema } from '../control/http-backends.js';
import { modelGroupsSchema } from '../pipeline/model-groups.js';
import { type SettingKind, acceptedText } from './setting-kinds.js';
import { type DaemonConfig, SETTINGS, SETTING_KEYS, type SettingKey, defaultConfig, envOf, flagOf } from './settings.js';

export { CACHE_SCOPES, type DaemonConfig, KERNEL_MODES, LOG_LEVELS, RELOADABLE, STICKY_BY, TRACE_EXPORTERS, defaultConfig } from './settings.js';

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

function validNatsUrl(raw: string): boolean {
  if (raw === '') return true;
  try {
    natsServers(raw);
    return true;
  } catch {
    return false;
  }
}

function schemaOf(spec: SettingKind): { schema: z.ZodType; refused: string } {
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
    case 'backends':
    case 'modelGroups':
      return { schema: z.unknown(), refused: '' };
    case 'natsUrl':
      return { schema: z.string().refine(validNatsUrl), refused: 'is not a list of nats://host:port servers without credentials (or empty for off)' };
    case 'subjectToken':
      return { schema: z.string().refine(isSubjectToken), refused: 'is not 1-63 of A-Z a-z 0-9 _ - (one NATS subject token)' };
    case 'name':
      return { schema: z.string().regex(/^[A-Za-z0-9._-]{0,63}$/), refused: 'is not 0-63 of A-Z a-z 0-9 . _ -' };
  }
}

function parseValue(key: SettingKey, raw: unknown, source: string): unknown {
  const spec: SettingKind = SETTINGS[key];
  const where = `${key} (${source})`;
  if (spec.type === 'policyMap') return parsePolicyMap(raw, where);
  if (spec.type === 'backends') return parseBackends(raw, where);
  if (spec.type === 'modelGroups') return parseJson(raw, where, modelGroupsSchema, 'is not a set of model groups');
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

// A JSON array in a file, or the same as a string from the environment or a flag; ids unique.
/** A JSON setting (given as JSON text or, from a file, as the value itself) checked by `schema`; errors name the path. */
function parseJson<T>(raw: unknown, where: string, schema: z.ZodType<T>, refused: string): T {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new ConfigError(where, `is not JSON: ${(err as Error).message}`);
    }
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = (issue?.path ?? []).map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
    throw new ConfigError(`${where}${path}`, issue?.message ?? refused);
  }
  return r.data;
}

function parseBackends(raw: unknown, where: string): BackendConfig[] {
  const list = parseJson(raw, where, z.array(backendSchema).max(64), 'is not a list of backends');
  const seen = new Set<string>();
  for (const b of list) {
    if (seen.has(b.id)) throw new ConfigError(where, `backend id "${b.id}" appears twice`);
    seen.add(b.id);
  }
  return list;
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
  const set = (key: SettingKey, raw: unknown, source: string) => {
    (config as unknown as Record<string, unknown>)[key] = parseValue(key, raw, source);
  };
  const line = parseFlags(argv);
  const file = line.file ?? env.VEXFS_CONFIG;
  if (file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(file, `cannot read it as JSON: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(file, 'must hold a JSON object');
    for (const [key, value] of Object.entries(parsed)) {
      if (!(key in SETTINGS)) throw new ConfigError(key, `unknown key in ${file} (accepted: ${SETTING_KEYS.join(', ')})`);
      set(key as SettingKey, value, file);
    }
  }
  for (const key of SETTING_KEYS) {
    const value = env[envOf(key)];
    if (value !== undefined && value !== '') set(key, value, envOf(key));
  }
  for (const [key, value] of line.flags) set(key, value, flagOf(key));
  if (config.retryBaseMs > config.retryMaxMs) {
    throw new ConfigError('retryBaseMs', `${config.retryBaseMs} exceeds retryMaxMs ${config.retryMaxMs}`);
  }
  if (config.reconnectMinMs > config.reconnectMaxMs) {
    throw new ConfigError('reconnectMinMs', `${config.reconnectMinMs} exceeds reconnectMaxMs ${config.reconnectMaxMs}`);
  }
  return { config, help: line.help };
}

/** The command line, by commander: --config, --help and one --flag <value> per setting. */
function parseFlags(argv: readonly string[]): { file: string | undefined; help: boolean; flags: Map<SettingKey, string> } {
  const accepted = `accepted: --config, ${SETTING_KEYS.map(flagOf).join(', ')}`;
  const program = new Command('vexfs-bridged')
    .helpOption(false)
    .option('-h, --help')
    .option('--config <file>')
    .allowExcessArguments(false)
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .exitOverride((err: CommanderError) => {
      const quoted = (/'([^']*)'/.exec(err.message)?.[1] ?? '').split(/[ =]/)[0] as string;
      if (err.code === 'commander.unknownOption') throw new ConfigError(quoted, `unknown flag (${accepted})`);
      if (err.code === 'commander.optionMissingArgument') throw new ConfigError(quoted, 'needs a value');
      if (err.code === 'commander.excessArguments') throw new ConfigError('command line', `only flags are taken (${accepted})`);
      throw new ConfigError('vexfs-bridged', err.message.replace(/^error: /, ''));
    });
  const options = new Map<SettingKey, Option>();
  for (const key of SETTING_KEYS) {
    const option = new Option(`${flagOf(key)} <value>`);
    options.set(key, option);
    program.addOption(option);
  }
  program.parse(argv, { from: 'user' });
  const flags = new Map<SettingKey, string>();
  for (const [key, option] of options) {
    const value = program.getOptionValue(option.attributeName()) as string | undefined;
    if (value !== undefined) flags.set(key, value);
  }
  const o = program.opts<{ config?: string; help?: boolean }>();
  return { file: o.config, help: o.help === true, flags };
}

export function configHelp(): string {
  const lines = SETTING_KEYS.map((key) => {
    const s = SETTINGS[key];
    return `  ${flagOf(key).padEnd(22)} ${envOf(key).padEnd(26)} ${key}: ${s.help} (${acceptedText(s)})`;
  });
  return ['  --config FILE          VEXFS_CONFIG               JSON file with any of the keys below', ...lines].join('\n');
}
