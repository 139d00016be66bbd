/**
 * Netlink attribute parsing with policy tables, in the spirit of the
 * kernel's nla_policy: every attribute's length and range is checked once,
 * then typed getters read it. An AttrTable is reused across messages, so
 * parsing allocates nothing.
 */
import { DecodeError } from '../../errors.js';
import type { SlabCopier } from '../../util/slab.js';
import { NLA_HDRLEN, NLA_TYPE_MASK, nlaAlign } from './constants.js';
import { dataView } from './message.js';

export type AttrKind = 'u8' | 'u16' | 'u32' | 'u64' | 'string' | 'binary' | 'nested' | 'flag' | 'pad';

export interface AttrPolicy {
  readonly name: string;
  readonly kind: AttrKind;
  /** Integer kinds: smallest value. string/binary: fewest bytes (string without NUL). */
  readonly min?: number;
  /** Integer kinds: largest value. string/binary: most bytes (string without NUL). */
  readonly max?: number;
}

export interface Policy {
  /** Name used in error messages, e.g. "EMBED_REQUEST". */
  readonly name: string;
  readonly maxType: number;
  /** Indexed by attribute type. */
  readonly attrs: ReadonlyArray<AttrPolicy | undefined>;
  /** "<policy>.<attr>" per type, built once so errors cost nothing until thrown. */
  readonly fields: ReadonlyArray<string>;
  /** Reject attribute types above maxType or without a policy (the kernel's strict mode). */
  readonly strict: boolean;
}

export function definePolicy(name: string, attrs: Readonly<Record<number, AttrPolicy>>, options: { strict?: boolean } = {}): Policy {
  const types = Object.keys(attrs).map(Number);
  const maxType = Math.max(0, ...types);
  const table: (AttrPolicy | undefined)[] = new Array(maxType + 1).fill(undefined);
  for (const t of types) table[t] = attrs[t];
  const fields = table.map((rule, t) => `${name}.${rule?.name ?? t}`);
  return { name, maxType, attrs: table, fields, strict: options.strict ?? false };
}

const FIXED_SIZE: Partial<Record<AttrKind, number>> = { u8: 1, u16: 2, u32: 4, u64: 8, flag: 0 };

export class AttrTable {
  private buf: Uint8Array = new Uint8Array(0);
  private view: DataView = new DataView(new ArrayBuffer(0));
  private policy: Policy;
  /** Payload offset per type, -1 when absent. */
  private readonly offsets: Int32Array;
  private readonly lengths: Int32Array;

  constructor(policy: Policy) {
    this.policy = policy;
    this.offsets = new Int32Array(policy.maxType + 1).fill(-1);
    this.lengths = new Int32Array(policy.maxType + 1);
  }

  get policyName(): string {
    return this.policy.name;
  }

  /** Parses and validates the attributes in buf[start, end). Later duplicates win, as in the kernel. */
  parse(buf: Uint8Array, start: number, end: number): this {
    this.buf = buf;
    this.view = dataView(buf);
    this.offsets.fill(-1);
    const policy = this.policy;
    let pos = start;
    while (pos < end) {
      if (end - pos < NLA_HDRLEN) {
        throw new DecodeError(`${policy.name}`, `${end - pos} trailing bytes are too few for an attribute`);
      }
      const len = this.view.getUint16(pos, true);
      const type = this.view.getUint16(pos + 2, true) & NLA_TYPE_MASK;
      if (len < NLA_HDRLEN) throw new DecodeError(`${policy.name}.nla_len`, `${len} is shorter than the header`);
      if (len > end - pos) {
        throw new DecodeError(`${policy.name}.nla_len`, `attribute ${type} of ${len} bytes exceeds the ${end - pos} left`);
      }
      const rule = type <= policy.maxType ? policy.attrs[type] : undefined;
      if (rule === undefined) {
        if (policy.strict) throw new DecodeError(`${policy.name}`, `unknown attribute type ${type}`);
      } else {
        if (rule.kind !== 'pad') this.check(rule, type, pos + NLA_HDRLEN, len - NLA_HDRLEN);
        this.offsets[type] = pos + NLA_HDRLEN;
        this.lengths[type] = len - NLA_HDRLEN;
      }
      pos += nlaAlign(len);
    }
    return this;
  }

  private check(rule: AttrPolicy, type: number, at: number, len: number): void {
    const fixed = FIXED_SIZE[rule.kind];
    if (fixed !== undefined && len !== fixed) {
      throw new DecodeError(this.field(type), `${rule.kind} attribute has ${len} bytes, expected ${fixed}`);
    }
    switch (rule.kind) {
      case 'u8':
      case 'u16':
      case 'u32': {
        const v = rule.kind === 'u8' ? this.view.getUint8(at) : rule.kind === 'u16' ? this.view.getUint16(at, true) : this.view.getUint32(at, true);
        if (rule.min !== undefined || rule.max !== undefined) checkRange(this.field(type), v, rule);
        return;
      }
      case 'u64': {
        if (rule.min !== undefined || rule.max !== undefined) {
          const v = this.view.getBigUint64(at, true);
          if ((rule.min !== undefined && v < BigInt(rule.min)) || (rule.max !== undefined && v > BigInt(rule.max))) {
            throw new DecodeError(this.field(type), `${v} is outside ${rule.min ?? 0}..${rule.max ?? '2^64-1'}`);
          }
        }
        return;
      }
      case 'string': {
        if (len === 0 || this.buf[at + len - 1] !== 0) throw new DecodeError(this.field(type), 'string is not NUL-terminated');
        const chars = len - 1;
        if (this.buf.indexOf(0, at) !== at + chars) throw new DecodeError(this.field(type), 'string contains a NUL byte');
        checkLength(this.field(type), chars, rule);
        return;
      }
      case 'binary':
        if ((rule.min !== undefined && len < rule.min) || (rule.max !== undefined && len > rule.max)) {
          checkLength(this.field(type), len, rule);
        }
        return;
      default:
        return;
    }
  }

  private field(type: number): string {
    return this.policy.fields[type] ?? `${this.policy.name}.${type}`;
  }

  has(type: number): boolean {
    return type < this.offsets.length && (this.offsets[type] as number) >= 0;
  }

  /** Throws a DecodeError naming the attribute when it is absent. */
  require(type: number): void {
    if (!this.has(type)) {
      throw new DecodeError(this.field(type), 'required attribute is missing');
    }
  }

  private at(type: number): number {
    this.require(type);
    return this.offsets[type] as number;
  }

  u8(type: number): number {
    return this.view.getUint8(this.at(type));
  }

  u16(type: number): number {
    return this.view.getUint16(this.at(type), true);
  }

  u32(type: number): number {
    return this.view.getUint32(this.at(type), true);
  }

  u64(type: number): bigint {
    return this.view.getBigUint64(this.at(type), true);
  }

  u32Or(type: number, fallback: number): number {
    return this.has(type) ? this.u32(type) : fallback;
  }

  string(type: number): string {
    const at = this.at(type);
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + at, (this.lengths[type] as number) - 1).toString('utf8');
  }

  stringOr(type: number, fallback: string | undefined): string | undefined {
    return this.has(type) ? this.string(type) : fallback;
  }

  /** A view into the parsed buffer: copy it to keep it past the current batch. */
  bytes(type: number): Uint8Array {
    const at = this.at(type);
    return this.buf.subarray(at, at + (this.lengths[type] as number));
  }

  /** A copy of the payload, made with one native slice (for data kept past the batch). */
  copyBytes(type: number): Uint8Array {
    const at = this.at(type);
    return Uint8Array.prototype.slice.call(this.buf, at, at + (this.lengths[type] as number));
  }

  /** copyBytes() from `slabs` (cheaper per copy, for many small ones: see util/slab.ts). */
  copyBytesFrom(type: number, slabs: SlabCopier): Uint8Array {
    const at = this.at(type);
    return slabs.copy(this.buf, at, this.lengths[type] as number);
  }

  /** Offset and end of a nested attribute's payload, for a child AttrTable or list. */
  nested(type: number): { start: number; end: number } {
    const at = this.at(type);
    return { start: at, end: at + (this.lengths[type] as number) };
  }

  get buffer(): Uint8Array {
    return this.buf;
  }
}

/** Iterates the attributes of a nested list (each child is one element), checking bounds. */
export function forEachNested(buf: Uint8Array, start: number, end: number, field: string, fn: (start: number, end: number, type: number) => void): void {
  const view = dataView(buf);
  let pos = start;
  while (pos < end) {
    if (end - pos < NLA_HDRLEN) throw new DecodeError(field, `${end - pos} trailing bytes are too few for an attribute`);
    const len = view.getUint16(pos, true);
    const type = view.getUint16(pos + 2, true) & NLA_TYPE_MASK;
    if (len < NLA_HDRLEN) throw new DecodeError(`${field}.nla_len`, `${len} is shorter than the header`);
    if (len > end - pos) throw new DecodeError(`${field}.nla_len`, `${len} exceeds the ${end - pos} bytes left`);
    fn(pos + NLA_HDRLEN, pos + len, type);
    pos += nlaAlign(len);
  }
}

function checkRange(field: string, v: number, rule: AttrPolicy): void {
  if ((rule.min !== undefined && v < rule.min) || (rule.max !== undefined && v > rule.max)) {
    throw new DecodeError(field, `${v} is outside ${rule.min ?? 0}..${rule.max ?? 'max'}`);
  }
}

function checkLength(field: string, len: number, rule: AttrPolicy): void {
  if ((rule.min !== undefined && len < rule.min) || (rule.max !== undefined && len > rule.max)) {
    throw new DecodeError(field, `${len} bytes is outside ${rule.min ?? 0}..${rule.max ?? 'max'} bytes`);
  }
}
