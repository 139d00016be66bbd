/**
 * Checks for vexfsctl's option values: each error names the option, the
 * value given, and what it accepts. Commander parses the line; these judge
 * what it found.
 */
import { Consts, DataType, Priority, SESSION_KEY_MAX } from '../../abi/uapi.js';
import { usage } from './errors.js';

/** An option as commander hands it over: absent, a flag, or its text. */
export type Raw = string | boolean | undefined;

export function intOption(name: string, raw: Raw, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw usage(`--${name} ${JSON.stringify(raw)}: expected an integer from ${min} to ${max}`);
  return n;
}

/** A sticky-session key, 1 .. 2^64-1; absent: 0n (none). */
export function sessionOption(raw: Raw): bigint {
  if (raw === undefined) return 0n;
  const n = typeof raw === 'string' && /^\d{1,20}$/.test(raw) ? BigInt(raw) : -1n;
  if (n < 1n || n > SESSION_KEY_MAX) throw usage(`--session ${JSON.stringify(raw)}: expected an integer from 1 to ${SESSION_KEY_MAX}`);
  return n;
}

export function stringOption(name: string, raw: Raw): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || raw === '') throw usage(`--${name} needs a non-empty value`);
  return raw;
}

export const DTYPE_NAMES = {
  float32: DataType.FLOAT32,
  float16: DataType.FLOAT16,
  int8: DataType.INT8,
  int16: DataType.INT16,
  binary: DataType.BINARY,
} as const;

export function dtypeOption(raw: Raw): number {
  if (raw === undefined) return DataType.FLOAT32;
  const v = DTYPE_NAMES[raw as keyof typeof DTYPE_NAMES];
  if (v === undefined) throw usage(`--dtype ${JSON.stringify(raw)}: expected one of ${Object.keys(DTYPE_NAMES).join(', ')}`);
  return v;
}

const PRIORITY_NAMES: Record<string, number> = { low: Priority.LOW, normal: Priority.NORMAL, high: Priority.HIGH, critical: Priority.CRITICAL };

export function priorityOption(raw: Raw): number {
  if (raw === undefined) return Priority.NORMAL;
  if (typeof raw === 'string' && raw in PRIORITY_NAMES) return PRIORITY_NAMES[raw] as number;
  if (typeof raw === 'string' && /^\d+$/.test(raw) && Number(raw) <= 255) return Number(raw);
  throw usage(`--priority ${JSON.stringify(raw)}: expected 0-255 or one of ${Object.keys(PRIORITY_NAMES).join(', ')}`);
}

/** "384,768": each 1-MAX_DIMENSIONS, at most MAX_DIMENSION_SETS entries. */
export function dimsOption(raw: Raw, many: boolean): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = typeof raw === 'string' ? raw.split(',') : [];
  const dims = parts.map((p) => (/^\d+$/.test(p.trim()) ? Number(p.trim()) : NaN));
  const max = many ? Consts.MAX_DIMENSION_SETS : 1;
  if (dims.length === 0 || dims.length > max || dims.some((d) => !Number.isInteger(d) || d < 1 || d > Consts.MAX_DIMENSIONS)) {
    throw usage(`--dims ${JSON.stringify(raw)}: expected ${many ? `1 to ${max} comma-separated integers` : 'an integer'} from 1 to ${Consts.MAX_DIMENSIONS}`);
  }
  return dims;
}

/** A comma-separated list; absent or empty: `fallback`. */
export function listOption(raw: Raw, fallback: string[]): string[] {
  return typeof raw === 'string' && raw !== '' ? raw.split(',') : fallback;
}

export function dataTypesOption(raw: Raw): number {
  if (raw === undefined) return 0;
  let mask = 0;
  for (const name of typeof raw === 'string' ? raw.split(',') : ['']) {
    const v = DTYPE_NAMES[name.trim() as keyof typeof DTYPE_NAMES];
    if (v === undefined) throw usage(`--data-types ${JSON.stringify(raw)}: expected a comma-separated list of ${Object.keys(DTYPE_NAMES).join(', ')}`);
    mask |= 1 << v;
  }
  return mask;
}
