/**
 * A nested attribute set described once, field by field: the record's
 * field name, its attribute type, its kind and its limits. The policy that
 * checks it, the encoder, the decoder and the record's TypeScript type all
 * derive from that one description, so a field is added in one line (and
 * in the uapi header, whose nla_policy the VM tier compares with ours).
 */
import { DecodeError } from '../../errors.js';
import { type AttrPolicy, AttrTable, type Policy, definePolicy } from '../netlink/attributes.js';
import type { NlWriter } from '../netlink/writer.js';

interface FieldBase {
  /** The attribute type (the uapi enum value). */
  readonly type: number;
  readonly min?: number;
  /** string: most bytes without the NUL; integers: largest value; u32list: most entries. */
  readonly max?: number;
  /** Decoding fails without it. */
  readonly required?: true;
}

export type NestField =
  | (FieldBase & { readonly kind: 'u32'; readonly default?: number })
  | (FieldBase & { readonly kind: 'u64'; readonly default?: bigint })
  | (FieldBase & { readonly kind: 'string'; readonly default?: string })
  /** A list of names sent as one comma-separated string. */
  | (FieldBase & { readonly kind: 'csv'; readonly default?: readonly string[] })
  /** Little-endian u32 values in one binary attribute; `each` bounds every value. */
  | (FieldBase & { readonly kind: 'u32list'; readonly each: { readonly min: number; readonly max: number } });

export type NestFields = Readonly<Record<string, NestField>>;

type ValueOf<F> = F extends { kind: 'u32' }
  ? number
  : F extends { kind: 'u64' }
    ? bigint
    : F extends { kind: 'string' }
      ? string
      : F extends { kind: 'csv' }
        ? string[]
        : number[];
type Present<F> = F extends { required: true } ? true : F extends { default: unknown } ? true : false;

/** The record a description decodes to: required and defaulted fields always there, the others when sent. */
export type NestRecord<D extends NestFields> = { [K in keyof D as Present<D[K]> extends true ? K : never]: ValueOf<D[K]> } & {
  [K in keyof D as Present<D[K]> extends true ? never : K]?: ValueOf<D[K]>;
};

export interface NestCodec<D extends NestFields> {
  readonly policy: Policy;
  put(w: NlWriter, type: number, record: NestRecord<D>): void;
  decode(buf: Uint8Array, start: number, end: number): NestRecord<D>;
}

function attrPolicyOf(name: string, f: NestField): AttrPolicy {
  switch (f.kind) {
    case 'u32':
    case 'u64':
      return { name, kind: f.kind, min: f.min, max: f.max };
    case 'string':
    case 'csv':
      return { name, kind: 'string', min: f.min, max: f.max };
    case 'u32list':
      return { name, kind: 'binary', min: 4 * (f.min ?? 1), max: 4 * (f.max as number) };
  }
}

/** `attrs`: the uapi enum of the nest's attribute types (its names name the fields in errors and policy dumps). */
export function describeNest<D extends NestFields>(policyName: string, attrs: Readonly<Record<string, number>> & { PAD: number }, fields: D): NestCodec<D> {
  const entries = Object.entries(fields) as Array<[string, NestField]>;
  const nameOf = new Map(Object.entries(attrs).map(([name, type]) => [type, name]));
  const rules: Record<number, AttrPolicy> = { [attrs.PAD]: { name: 'PAD', kind: 'pad' } };
  for (const [, f] of entries) rules[f.type] = attrPolicyOf(nameOf.get(f.type) ?? String(f.type), f);
  const policy = definePolicy(policyName, rules, { strict: true });
  const table = new AttrTable(policy);
  const required = entries.filter(([, f]) => f.required).map(([, f]) => f.type);

  return {
    policy,
    put(w, type, record) {
      const r = record as Record<string, unknown>;
      w.beginNest(type);
      for (const [field, f] of entries) {
        const v = r[field] ?? ('default' in f ? f.default : undefined);
        if (v === undefined) continue;
        switch (f.kind) {
          case 'u32':
            w.u32(f.type, v as number);
            break;
          case 'u64':
            w.u64(f.type, v as bigint);
            break;
          case 'string':
            w.string(f.type, v as string, (f.max as number) + 1);
            break;
          case 'csv':
            w.string(f.type, (v as string[]).join(','), (f.max as number) + 1);
            break;
          case 'u32list': {
            const list = v as number[];
            const bytes = new Uint8Array(list.length * 4);
            const view = new DataView(bytes.buffer);
            for (let i = 0; i < list.length; i++) view.setUint32(i * 4, list[i] as number, true);
            w.bytes(f.type, bytes);
          }
        }
      }
      w.endNest();
    },
    decode(buf, start, end) {
      const t = table.parse(buf, start, end);
      for (const type of required) t.require(type);
      const out: Record<string, unknown> = {};
      for (const [field, f] of entries) {
        if (!t.has(f.type)) {
          if ('default' in f && f.default !== undefined) out[field] = f.kind === 'csv' ? [...f.default] : f.default;
          continue;
        }
        switch (f.kind) {
          case 'u32':
            out[field] = t.u32(f.type);
            break;
          case 'u64':
            out[field] = t.u64(f.type);
            break;
          case 'string':
            out[field] = t.string(f.type);
            break;
          case 'csv': {
            const text = t.string(f.type);
            out[field] = text === '' ? [] : text.split(',');
            break;
          }
          case 'u32list':
            out[field] = u32List(t.bytes(f.type), f.each, policy.fields[f.type] as string);
        }
      }
      return out as NestRecord<D>;
    },
  };
}

function u32List(bytes: Uint8Array, each: { min: number; max: number }, field: string): number[] {
  if (bytes.length % 4 !== 0) throw new DecodeError(field, `${bytes.length} bytes is not a whole number of u32`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const v = view.getUint32(i, true);
    if (v < each.min || v > each.max) throw new DecodeError(field, `${v} is outside ${each.min}..${each.max}`);
    out.push(v);
  }
  return out;
}
