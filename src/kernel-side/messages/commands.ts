/**
 * The VEXFS_IPC family described once: every attribute with its kind and
 * limits (the module's nla_policy), then every command as the attributes it
 * carries, by record field, with those the header's command table marks R.
 * The family's policy, each command's required attributes, its record type,
 * its encoder and its decoder derive from these two tables; adding an
 * attribute to a command is one line here (and one in the uapi header).
 * EMBED_REQUEST and EMBED_RESPONSE keep hand-written codecs on the hot path
 * (encode.ts, decode.ts), property-tested against these descriptions.
 */
import { Attr, Cmd, Consts, Flags } from '../../abi/uapi.js';
import { AttrTable, type Policy } from '../netlink/attributes.js';
import type { NlWriter } from '../netlink/writer.js';
import { type NestField, type ValueOf, getField, policyOf, putField } from './nest.js';
import { queueNest } from './queue-attrs.js';
import { serviceNest } from './service-attrs.js';
import { statsNest } from './stats-attrs.js';

const ATTRS = {
  REQUEST_ID: { type: Attr.REQUEST_ID, kind: 'u64', min: 1 },
  PRIORITY: { type: Attr.PRIORITY, kind: 'u8' },
  TIMEOUT_MS: { type: Attr.TIMEOUT_MS, kind: 'u32', min: 1, max: Consts.MAX_TIMEOUT_MS },
  DEADLINE_NS: { type: Attr.DEADLINE_NS, kind: 'u64' },
  DIMENSIONS: { type: Attr.DIMENSIONS, kind: 'u32', min: 1, max: Consts.MAX_DIMENSIONS },
  DATA_TYPE: { type: Attr.DATA_TYPE, kind: 'u8', max: Consts.DTYPE_MAX },
  MODEL: { type: Attr.MODEL, kind: 'string', min: 1, max: Consts.MAX_MODEL_LEN - 1 },
  INPUT: { type: Attr.INPUT, kind: 'binary', min: 1, max: Consts.MAX_INPUT_BYTES },
  VECTOR: { type: Attr.VECTOR, kind: 'binary', min: 1, max: Consts.MAX_VECTOR_BYTES },
  STATUS: { type: Attr.STATUS, kind: 'u32', max: Consts.STATUS_MAX },
  PROCESSING_NS: { type: Attr.PROCESSING_NS, kind: 'u64' },
  SERVICE_ID: { type: Attr.SERVICE_ID, kind: 'string', min: 1, max: Consts.MAX_SERVICE_ID_LEN - 1 },
  SERVICE: { type: Attr.SERVICE, kind: 'nest', codec: serviceNest },
  SERVICES: { type: Attr.SERVICES, kind: 'nestList', element: Attr.SERVICE, codec: serviceNest, max: Consts.MAX_SERVICES },
  STATS: { type: Attr.STATS, kind: 'nest', codec: statsNest },
  EVENT: { type: Attr.EVENT, kind: 'u32', min: 1, max: Consts.EVENT_MAX },
  PROTOCOL_VERSION: { type: Attr.PROTOCOL_VERSION, kind: 'u32' },
  MAX_INFLIGHT: { type: Attr.MAX_INFLIGHT, kind: 'u32', min: 1 },
  CALLER_UID: { type: Attr.CALLER_UID, kind: 'u32' },
  CALLER_PID: { type: Attr.CALLER_PID, kind: 'u32' },
  FLAGS: { type: Attr.FLAGS, kind: 'u32', max: Flags.ALL },
  ERRNO: { type: Attr.ERRNO, kind: 'u32', max: 4095 },
  ERROR_MSG: { type: Attr.ERROR_MSG, kind: 'string', max: Consts.MAX_ERROR_MSG_LEN - 1 },
  MIN_PRIORITY: { type: Attr.MIN_PRIORITY, kind: 'u8' },
  INFLIGHT: { type: Attr.INFLIGHT, kind: 'u32' },
  PORT_ID: { type: Attr.PORT_ID, kind: 'u32' },
  SESSION_KEY: { type: Attr.SESSION_KEY, kind: 'u64', min: 1 },
  TOKEN: { type: Attr.TOKEN, kind: 'string', min: 1, max: Consts.MAX_TOKEN_LEN - 1 },
  CALLER_GID: { type: Attr.CALLER_GID, kind: 'u32' },
  MODEL_VERSION: { type: Attr.MODEL_VERSION, kind: 'string', max: Consts.MAX_VERSION_LEN - 1 },
  QUEUE: { type: Attr.QUEUE, kind: 'u32', max: Consts.MAX_QUEUES - 1 },
  QUEUES: { type: Attr.QUEUES, kind: 'nestList', element: Attr.QUEUE, codec: queueNest },
} as const satisfies Readonly<Record<string, NestField>>;

type AttrName = keyof typeof ATTRS;

/** One attribute of a command: R in the header's command table (`required`), or sent when set; `default` fills an absent one and is not sent. */
interface Carries {
  readonly attr: AttrName;
  readonly required?: true;
  readonly default?: number | bigint;
}
const R = <A extends AttrName>(attr: A) => ({ attr, required: true }) as const;
const O = <A extends AttrName>(attr: A) => ({ attr }) as const;
const D = <A extends AttrName, V extends number | bigint>(attr: A, value: V) => ({ attr, default: value }) as const;

export type CmdName = Exclude<keyof typeof Cmd, 'UNSPEC'>;

const COMMANDS = {
  DAEMON_ATTACH: { protocolVersion: R('PROTOCOL_VERSION'), maxInflight: O('MAX_INFLIGHT'), flags: O('FLAGS'), queue: O('QUEUE') },
  DAEMON_DETACH: {},
  EMBED_REQUEST: {
    requestId: R('REQUEST_ID'),
    priority: R('PRIORITY'),
    timeoutMs: R('TIMEOUT_MS'),
    deadlineNs: R('DEADLINE_NS'),
    dimensions: R('DIMENSIONS'),
    dataType: R('DATA_TYPE'),
    model: O('MODEL'),
    input: R('INPUT'),
    callerUid: R('CALLER_UID'),
    callerPid: R('CALLER_PID'),
    flags: D('FLAGS', 0),
    sessionKey: D('SESSION_KEY', 0n),
  },
  EMBED_RESPONSE: {
    requestId: R('REQUEST_ID'),
    status: R('STATUS'),
    vector: O('VECTOR'),
    processingNs: D('PROCESSING_NS', 0n),
    serviceId: O('SERVICE_ID'),
    model: O('MODEL'),
    modelVersion: O('MODEL_VERSION'),
    flags: D('FLAGS', 0),
    dimensions: O('DIMENSIONS'),
    dataType: O('DATA_TYPE'),
  },
  CANCEL: { requestId: R('REQUEST_ID'), status: R('STATUS') },
  SERVICE_REGISTER: {
    requestId: R('REQUEST_ID'),
    service: R('SERVICE'),
    callerUid: R('CALLER_UID'),
    callerPid: R('CALLER_PID'),
    callerGid: O('CALLER_GID'),
    /** The registration token the caller presented. */
    token: O('TOKEN'),
    /** Flags.NO_REPLY when the module re-announces a registration to a new daemon. */
    flags: D('FLAGS', 0),
  },
  SERVICE_UNREGISTER: {
    requestId: R('REQUEST_ID'),
    serviceId: R('SERVICE_ID'),
    callerUid: R('CALLER_UID'),
    callerPid: R('CALLER_PID'),
    flags: D('FLAGS', 0),
  },
  SERVICE_STATUS: { requestId: R('REQUEST_ID'), serviceId: R('SERVICE_ID') },
  LIST_SERVICES: { requestId: R('REQUEST_ID') },
  GET_STATS: { requestId: O('REQUEST_ID'), stats: O('STATS'), queues: O('QUEUES') },
  REPLY: {
    requestId: R('REQUEST_ID'),
    errno: R('ERRNO'),
    /** Flags.MORE: a part of a longer answer, more REPLY messages with this id follow. */
    flags: D('FLAGS', 0),
    errorMsg: O('ERROR_MSG'),
    service: O('SERVICE'),
    services: O('SERVICES'),
    stats: O('STATS'),
  },
  HEARTBEAT: { requestId: O('REQUEST_ID'), minPriority: O('MIN_PRIORITY'), inflight: O('INFLIGHT') },
  EVENT: { event: R('EVENT'), serviceId: O('SERVICE_ID'), portId: O('PORT_ID') },
  SERVICE_REVOKE: { serviceId: R('SERVICE_ID') },
} as const satisfies Record<CmdName, Readonly<Record<string, Carries>>>;

type Fields<N extends CmdName> = (typeof COMMANDS)[N];
type Always<C> = C extends { required: true } ? true : false;
type Value<C> = C extends { attr: infer A extends AttrName } ? ValueOf<(typeof ATTRS)[A]> : never;

/** Command N's message as a record: its R attributes always there, the others when sent (decoded: a defaulted one always). */
export type CommandRecord<N extends CmdName> = {
  -readonly [K in keyof Fields<N> as Always<Fields<N>[K]> extends true ? K : never]: Value<Fields<N>[K]>;
} & { -readonly [K in keyof Fields<N> as Always<Fields<N>[K]> extends true ? never : K]?: Value<Fields<N>[K]> };

/** The family's policy: every attribute any command carries. */
export const familyPolicy: Policy = policyOf('VEXFS_IPC', Attr, Object.values(ATTRS));

interface Compiled {
  readonly fields: ReadonlyArray<readonly [string, NestField, Carries]>;
  readonly required: readonly number[];
}

const NAME_OF = new Map<number, CmdName>(Object.entries(Cmd).map(([k, v]) => [v, k as CmdName]));
const compiled = new Map<number, Compiled>();
for (const [name, carries] of Object.entries(COMMANDS) as Array<[CmdName, Readonly<Record<string, Carries>>]>) {
  const fields = Object.entries(carries).map(([field, c]) => [field, ATTRS[c.attr], c] as const);
  compiled.set(Cmd[name], { fields, required: fields.filter(([, , c]) => c.required).map(([, f]) => f.type) });
}

export function cmdName(cmd: number): string {
  return NAME_OF.get(cmd) ?? `command ${cmd}`;
}

/** Attributes each command must carry (R in the header's command table); undefined: no such command. */
export function requiredOf(cmd: number): readonly number[] | undefined {
  return compiled.get(cmd)?.required;
}

/** Writes command `cmd`'s attributes from its record (the genl header is the caller's). */
export function putCommand(w: NlWriter, cmd: number, record: object): void {
  const spec = compiled.get(cmd) as Compiled;
  const r = record as Record<string, unknown>;
  for (const [field, f, c] of spec.fields) {
    const v = r[field];
    if (v !== undefined && v !== c.default) putField(w, f, v);
  }
}

const table = new AttrTable(familyPolicy);

/** Reads command `cmd`'s record from buf[start, end), every attribute checked by the family's policy. */
export function readCommand(cmd: number, buf: Uint8Array, start: number, end: number): Record<string, unknown> {
  const spec = compiled.get(cmd) as Compiled;
  const t = table.parse(buf, start, end);
  for (const type of spec.required) t.require(type);
  const out: Record<string, unknown> = {};
  for (const [field, f, c] of spec.fields) {
    if (t.has(f.type)) out[field] = getField(t, f, familyPolicy.fields[f.type] as string);
    else if (c.default !== undefined) out[field] = c.default;
  }
  return out;
}

/** The family table parsed for a hand-written hot-path decoder, `cmd`'s R attributes checked; valid until the next parse. */
export function parseFamily(cmd: number, buf: Uint8Array, start: number, end: number): AttrTable {
  const t = table.parse(buf, start, end);
  for (const type of (compiled.get(cmd) as Compiled).required) t.require(type);
  return t;
}
