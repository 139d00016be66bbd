/**
 * An attribute set described once, field by field: the record's field
 * name, its attribute type, its kind and its limits. The policy that checks
 * it, the encoder, the decoder and the record's TypeScript type all derive
 * from that one description, so a field is added in one line (and in the
 * uapi header, whose nla_policy the VM tier compares with ours). Nests
 * (SERVICE, QUEUE, STATS) are described here; the family's commands reuse
 * the same field kinds (commands.ts).
 */
import { DecodeError } from '../../errors.js';
import { type AttrPolicy, AttrTable, type Policy, definePolicy, forEachNested } from '../netlink/attributes.js';
import type { NlWriter } from '../netlink/writer.js';

interface FieldBase {
  /** The attribute type (the uapi enum value). */
  readonly type: number;
  readonly min?: number;
  /** string: most bytes without the NUL; integers: largest value; lists: most entries. */
  readonly max?: number;
  /** Decoding fails without it. */
  readonly required?: true;
}

/** How a nest is written inside another message and read back. */
export interface Codec<R> {
  readonly policy: Policy;
  put(w: NlWriter, type: number, record: R): void;
  decode(buf: Uint8Array, start: number, end: number): R;
}

export type NestField =
  | (FieldBase & { readonly kind: 'u8'; readonly default?: number })
  | (FieldBase & { readonly kind: 'u32'; readonly default?: number })
  | (FieldBase & { readonly kind: 'u64'; readonly default?: bigint })
  | (FieldBase & { readonly kind: 'string'; readonly default?: string })
  | (FieldBase & { readonly kind: 'binary' })
  /** A list of names sent as one comma-separated string. */
  | (FieldBase & { readonly kind: 'csv'; readonly default?: readonly string[] })
  /** Little-endian u32 values in one binary attribute; `each` bounds every value. */
  | (FieldBase & { readonly kind: 'u32list'; readonly each: { readonly min: number; readonly max: number } })
  /** Little-endian u64 values in one binary attribute. */
  | (FieldBase & { readonly kind: 'u64list' })
  /** One nested attribute set. */
  | (FieldBase & { readonly kind: 'nest'; readonly codec: Codec<unknown> })
  /** Nested attribute sets of type `element` inside this one; `max`: most entries. */
  | (FieldBase & { readonly kind: 'nestList'; readonly element: number; readonly codec: Codec<unknown> });

export type NestFields = Readonly<Record<string, NestField>>;

type CodecRecord<C> = C extends { decode(buf: Uint8Array, start: number, end: number): infer R } ? R : never;

export type ValueOf<F> = F extends { kind: 'u8' | 'u32' }
  ? number
  : F extends { kind: 'u64' }
    ? bigint
    : F extends { kind: 'string' }
      ? string
      : F extends { kind: 'binary' }
        ? Uint8Array
        : F extends { kind: 'csv' }
          ? string[]
          : F extends { kind: 'u32list' }
            ? number[]
            : F extends { kind: 'u64list' }
              ? bigint[]
              : F extends { kind: 'nest'; codec: infer C }
                ? CodecRecord<C>
                : F extends { kind: 'nestList'; codec: infer C }
                  ? CodecRecord<C>[]
                  : never;
type Present<F> = F extends { required: true } ? true : F extends { default: unknown } ? true : false;

/** The record a description decodes to: required and defaulted fields always there, the others when sent. */
export type NestRecord<D extends NestFields> = { [K in keyof D as Present<D[K]> extends true ? K : never]: ValueOf<D[K]> } & {
  [K in keyof D as Present<D[K]> extends true ? never : K]?: ValueOf<D[K]>;
};

export type NestCodec<D extends NestFields> = Codec<NestRecord<D>>;

function attrPolicyOf(name: string, f: NestField): AttrPolicy {
  switch (f.kind) {
    case 'u8':
    case 'u32':
    case 'u64':
      return { name, kind: f.kind, min: f.min, max: f.max };
    case 'string':
    case 'csv':
      return { name, kind: 'string', min: f.min, max: f.max };
    case 'binary':
      return { name, kind: 'binary', min: f.min, max: f.max };
    case 'u32list':
      return { name, kind: 'binary', min: 4 * (f.min ?? 1), max: 4 * (f.max as number) };
    case 'u64list':
      return { name, kind: 'binary', min: 8 * (f.min ?? 1), max: 8 * (f.max as number) };
    case 'nest':
    case 'nestList':
      return { name, kind: 'nested' };
  }
}

/** The strict policy of the attribute set `fields`, named from `attrs` (the uapi enum: its names appear in errors and policy dumps). */
export function policyOf(policyName: string, attrs: Readonly<Record<string, number>> & { PAD: number }, fields: readonly NestField[]): Policy {
  const nameOf = new Map(Object.entries(attrs).map(([name, type]) => [type, name]));
  const rules: Record<number, AttrPolicy> = { [attrs.PAD]: { name: 'PAD', kind: 'pad' } };
  for (const f of fields) rules[f.type] = attrPolicyOf(nameOf.get(f.type) ?? String(f.type), f);
  return definePolicy(policyName, rules, { strict: true });
}

/** Writes one field's value as its attribute. */
export function putField(w: NlWriter, f: NestField, v: unknown): void {
  switch (f.kind) {
    case 'u8':
      w.u8(f.type, v as number);
      return;
    case 'u32':
      w.u32(f.type, v as number);
      return;
    case 'u64':
      w.u64(f.type, v as bigint);
      return;
    case 'string':
      w.string(f.type, v as string, (f.max as number) + 1);
      return;
    case 'binary':
      w.bytes(f.type, v as Uint8Array);
      return;
    case 'csv':
      w.string(f.type, (v as string[]).join(','), (f.max as number) + 1);
      return;
    case 'u32list':
    case 'u64list': {
      const list = v as ReadonlyArray<number | bigint>;
      const size = f.kind === 'u32list' ? 4 : 8;
      const bytes = new Uint8Array(list.length * size);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < list.length; i++) {
        if (size === 4) view.setUint32(i * 4, list[i] as number, true);
        else view.setBigUint64(i * 8, list[i] as bigint, true);
      }
      w.bytes(f.type, bytes);
      return;
    }
    case 'nest':
      f.codec.put(w, f.type, v);
      return;
    case 'nestList':
      w.beginNest(f.type);
      for (const item of v as readonly unknown[]) f.codec.put(w, f.element, item);
      w.endNest();
  }
}

/**
 * Reads one present field from `t` (parsed with the policy of `field`'s set).
 * Nested codecs parse with their own tables, so `t` stays valid.
 */
export function getField(t: AttrTable, f: NestField, field: string): unknown {
  switch (f.kind) {
    case 'u8':
      return t.u8(f.type);
    case 'u32':
      return t.u32(f.type);
    case 'u64':
      return t.u64(f.type);
    case 'string':
      return t.string(f.type);
    case 'binary':
      // Kept past the receive buffer it arrived in.
      return t.copyBytes(f.type);
    case 'csv': {
      const text = t.string(f.type);
      return text === '' ? [] : text.split(',');
    }
    case 'u32list':
      return u32List(t.bytes(f.type), f.each, field);
    case 'u64list':
      return u64List(t.bytes(f.type), field);
    case 'nest': {
      const { start, end } = t.nested(f.type);
      return f.codec.decode(t.buffer, start, end);
    }
    case 'nestList': {
      const { start, end } = t.nested(f.type);
      const list: unknown[] = [];
      const max = f.max ?? Number.POSITIVE_INFINITY;
      const element = f.codec.policy.name.split('.').at(-1);
      forEachNested(t.buffer, start, end, field, (s, e, type) => {
        if (type !== f.element) throw new DecodeError(field, `element of type ${type}, expected ${element}`);
        if (list.length >= max) throw new DecodeError(field, `more than ${max} entries of ${element}`);
        list.push(f.codec.decode(t.buffer, s, e));
      });
      return list;
    }
  }
}

export function describeNest<D extends NestFields>(policyName: string, attrs: Readonly<Record<string, number>> & { PAD: number }, fields: D): NestCodec<D> {
  const entries = Object.entries(fields) as Array<[string, NestField]>;
  const policy = policyOf(
    policyName,
    attrs,
    entries.map(([, f]) => f),
  );
  const table = new AttrTable(policy);
  const required = entries.filter(([, f]) => f.required).map(([, f]) => f.type);

  return {
    policy,
    put(w, type, record) {
      const r = record as Record<string, unknown>;
      w.beginNest(type);
      for (const [field, f] of entries) {
        const v = r[field] ?? ('default' in f ? f.default : undefined);
        if (v !== undefined) putField(w, f, v);
      }
      w.endNest();
    },
    decode(buf, start, end) {
      const t = table.parse(buf, start, end);
      for (const type of required) t.require(type);
      const out: Record<string, unknown> = {};
      for (const [field, f] of entries) {
        if (t.has(f.type)) out[field] = getField(t, f, policy.fields[f.type] as string);
        else if ('default' in f && f.default !== undefined) out[field] = f.kind === 'csv' ? [...f.default] : f.default;
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

function u64List(bytes: Uint8Array, field: string): bigint[] {
  if (bytes.length % 8 !== 0) throw new DecodeError(field, `${bytes.length} bytes is not a whole number of u64`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Array.from({ length: bytes.length / 8 }, (_, i) => view.getBigUint64(i * 8, true));
}
