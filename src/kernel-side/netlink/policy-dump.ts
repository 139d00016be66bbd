/**
 * A generic netlink family's attribute policies as the kernel reports them
 * (CTRL_CMD_GETPOLICY, a dump), and their comparison with a TypeScript
 * policy table: the module's nla_policy and src/kernel-side/messages/policy.ts must not
 * drift apart.
 */
import { DecodeError } from '../../errors.js';
import type { AttrKind, Policy } from './attributes.js';
import { CtrlAttr, GENL_HDRLEN, GENL_ID_CTRL, NLA_HDRLEN, NLA_TYPE_MASK, NlmFlags, nlaAlign } from './constants.js';
import type { NlReply } from './connection.js';
import type { NlWriter } from './writer.js';

// From linux/genetlink.h and linux/netlink.h.
const CTRL_CMD_GETPOLICY = 10;
const CTRL_ATTR_POLICY = 8;
const CTRL_ATTR_OP_POLICY = 9;
const NlPolicyAttr = {
  TYPE: 1,
  MIN_VALUE_S: 2,
  MAX_VALUE_S: 3,
  MIN_VALUE_U: 4,
  MAX_VALUE_U: 5,
  MIN_LENGTH: 6,
  MAX_LENGTH: 7,
  POLICY_IDX: 8,
  MASK: 12,
} as const;

/** enum netlink_attribute_type, by the kinds this project's tables use. */
const KERNEL_TYPE: Readonly<Record<number, string>> = {
  1: 'flag',
  2: 'u8',
  3: 'u16',
  4: 'u32',
  5: 'u64',
  10: 'binary',
  11: 'string',
  12: 'nul-string',
  13: 'nested',
  14: 'nested-array',
};
const INT_MAX: Partial<Record<AttrKind, bigint>> = { u8: 0xffn, u16: 0xffffn, u32: 0xffffffffn, u64: 0xffffffffffffffffn };

export interface KernelAttrPolicy {
  type: string;
  minValue?: bigint;
  maxValue?: bigint;
  minLength?: number;
  maxLength?: number;
  mask?: bigint;
  /** For nested attributes: the index of the nested policy. */
  policyIdx?: number;
}

export interface KernelPolicies {
  /** Policy index -> attribute type -> what the kernel checks. */
  policies: Map<number, Map<number, KernelAttrPolicy>>;
  /** Command -> index of the policy its do handler uses. */
  doPolicy: Map<number, number>;
}

export function writeGetPolicy(w: NlWriter, seq: number, portId: number, familyName: string): void {
  w.beginMessage(GENL_ID_CTRL, NlmFlags.REQUEST | NlmFlags.ACK | NlmFlags.DUMP, seq, portId);
  w.genlHeader(CTRL_CMD_GETPOLICY, 1);
  w.string(CtrlAttr.FAMILY_NAME, familyName, 16);
  w.endMessage();
}

function* attrs(buf: Buffer, start: number, end: number): Generator<[type: number, start: number, end: number]> {
  let pos = start;
  while (pos + NLA_HDRLEN <= end) {
    const len = buf.readUInt16LE(pos);
    if (len < NLA_HDRLEN || pos + len > end) throw new DecodeError('policy dump', `attribute of ${len} bytes at ${pos} overruns its container`);
    yield [buf.readUInt16LE(pos + 2) & NLA_TYPE_MASK, pos + NLA_HDRLEN, pos + len];
    pos += nlaAlign(len);
  }
}

function readUnsigned(buf: Buffer, start: number, end: number): bigint {
  return end - start === 8 ? buf.readBigUInt64LE(start) : BigInt(buf.readUInt32LE(start));
}

/** Collects the dump's replies (each carries one policy's attribute, or the op table). */
export function parsePolicyDump(replies: readonly NlReply[]): KernelPolicies {
  const out: KernelPolicies = { policies: new Map(), doPolicy: new Map() };
  for (const { buf, hdr } of replies) {
    for (const [type, s, e] of attrs(buf, hdr.payload + GENL_HDRLEN, hdr.end)) {
      if (type === CTRL_ATTR_POLICY) {
        for (const [idx, ps, pe] of attrs(buf, s, e)) {
          const table = out.policies.get(idx) ?? new Map<number, KernelAttrPolicy>();
          out.policies.set(idx, table);
          for (const [attr, as, ae] of attrs(buf, ps, pe)) {
            const p: KernelAttrPolicy = { type: 'unknown' };
            for (const [k, ks, ke] of attrs(buf, as, ae)) {
              if (k === NlPolicyAttr.TYPE) p.type = KERNEL_TYPE[buf.readUInt32LE(ks)] ?? `type ${buf.readUInt32LE(ks)}`;
              else if (k === NlPolicyAttr.MIN_VALUE_U) p.minValue = readUnsigned(buf, ks, ke);
              else if (k === NlPolicyAttr.MAX_VALUE_U) p.maxValue = readUnsigned(buf, ks, ke);
              else if (k === NlPolicyAttr.MIN_LENGTH) p.minLength = buf.readUInt32LE(ks);
              else if (k === NlPolicyAttr.MAX_LENGTH) p.maxLength = buf.readUInt32LE(ks);
              else if (k === NlPolicyAttr.POLICY_IDX) p.policyIdx = buf.readUInt32LE(ks);
              else if (k === NlPolicyAttr.MASK) p.mask = readUnsigned(buf, ks, ke);
            }
            table.set(attr, p);
          }
        }
      } else if (type === CTRL_ATTR_OP_POLICY) {
        for (const [cmd, cs, ce] of attrs(buf, s, e)) {
          for (const [k, ks] of attrs(buf, cs, ce)) if (k === 1) out.doPolicy.set(cmd, buf.readUInt32LE(ks));
        }
      }
    }
  }
  return out;
}

/**
 * Where the kernel's policy `idx` and the TypeScript `policy` disagree, one
 * line each: an attribute the kernel checks that the table lacks, another
 * kind, or other bounds (integer ranges, string and binary lengths, masks),
 * following nested attributes into `nested` by attribute type.
 */
export function comparePolicies(kernel: KernelPolicies, idx: number, policy: Policy, nested: Readonly<Record<number, Policy>> = {}): string[] {
  const table = kernel.policies.get(idx);
  if (table === undefined) return [`the kernel reports no policy ${idx} (for ${policy.name})`];
  const out: string[] = [];
  for (const [type, k] of table) {
    const ts = policy.attrs[type];
    const where = `${policy.name}.${ts?.name ?? type}`;
    if (ts === undefined) {
      out.push(`${where}: the kernel checks attribute ${type} (${k.type}), the TypeScript table has none`);
      continue;
    }
    const kind = k.type === 'nul-string' ? 'string' : k.type === 'nested-array' ? 'nested' : k.type;
    if (kind !== ts.kind) {
      out.push(`${where}: kernel ${k.type}, TypeScript ${ts.kind}`);
      continue;
    }
    if (kind === 'string' || kind === 'binary') {
      // The kernel's NUL_STRING length excludes the NUL, as the table's does.
      if (k.maxLength !== undefined && ts.max !== k.maxLength) out.push(`${where}: kernel at most ${k.maxLength} bytes, TypeScript ${ts.max ?? 'unbounded'}`);
      if (k.minLength !== undefined && k.minLength > 0 && ts.min !== k.minLength)
        out.push(`${where}: kernel at least ${k.minLength} bytes, TypeScript ${ts.min ?? 0}`);
    } else if (kind in INT_MAX) {
      const full = INT_MAX[kind as AttrKind] as bigint;
      const kMax = k.mask ?? k.maxValue ?? full;
      const tsMax = ts.max === undefined ? full : BigInt(ts.max);
      if (kMax !== tsMax) out.push(`${where}: kernel at most ${kMax}, TypeScript ${tsMax}`);
      const kMin = k.minValue ?? 0n;
      if (kMin !== BigInt(ts.min ?? 0)) out.push(`${where}: kernel at least ${kMin}, TypeScript ${ts.min ?? 0}`);
    } else if (kind === 'nested' && k.policyIdx !== undefined) {
      const inner = nested[type];
      if (inner === undefined) out.push(`${where}: nested policy ${k.policyIdx} has no TypeScript table to compare with`);
      else out.push(...comparePolicies(kernel, k.policyIdx, inner, {}));
    }
  }
  return out;
}
