/**
 * VEXFS_IPC messages: typed values, their encoding into generic netlink
 * messages, and decoding with the family's policy. The same attribute
 * streams are the bodies of the framed (char-device) transport.
 */
import { DecodeError } from '../errors.js';
import { AttrTable, forEachNested } from '../netlink/attributes.js';
import { GENL_HDRLEN, NlmFlags } from '../netlink/constants.js';
import { type NlHeader, dataView } from '../netlink/message.js';
import { NlWriter } from '../netlink/writer.js';
import { Attr, Cmd, Consts, Flags, StatsAttr, SvcAttr } from '../abi/uapi.js';
import { REQUIRED, attrPolicy, statsPolicy, svcPolicy } from './policy.js';

export interface EmbedRequest {
  requestId: bigint;
  priority: number;
  timeoutMs: number;
  /** Absolute CLOCK_MONOTONIC deadline (process.hrtime.bigint() clock). */
  deadlineNs: bigint;
  dimensions: number;
  dataType: number;
  model: string | undefined;
  input: Uint8Array;
  callerUid: number;
  callerPid: number;
  flags: number;
  /** The caller's session for sticky routing; 0n: none. */
  sessionKey: bigint;
}

export interface EmbedResponse {
  requestId: bigint;
  status: number;
  vector: Uint8Array | undefined;
  processingNs: bigint;
  serviceId: string | undefined;
}

export interface CancelMessage {
  requestId: bigint;
  status: number;
}

export interface AttachMessage {
  protocolVersion: number;
  maxInflight: number | undefined;
}

export interface HeartbeatMessage {
  requestId: bigint | undefined;
  minPriority: number | undefined;
  inflight: number | undefined;
}

export interface ServiceRecord {
  id: string;
  name: string;
  version: string;
  dimensions: number[];
  dataTypes: number;
  models: string[];
  maxBatchSize: number;
  priority: number;
  endpoint: string;
  flags: number;
  state?: number;
  health?: number;
  uid?: number;
  pid?: number;
  activeRequests?: number;
  totalRequests?: bigint;
  failures?: bigint;
  avgResponseNs?: bigint;
  heartbeatAgeMs?: bigint;
  queued?: number;
  capacity?: number;
  breaker?: number;
  p50ResponseNs?: bigint;
  p99ResponseNs?: bigint;
  cpuPermille?: number;
  rssKib?: number;
}

type StatsArrayName = 'BY_STATUS' | 'QUEUED_BY_LEVEL';
/**
 * Counters keyed by the StatsAttr names (e.g. REQUESTS_SUBMITTED); the two
 * array attributes (answers per status, queued per level) are arrays.
 */
export type StatsRecord = Partial<Record<Exclude<keyof typeof StatsAttr, 'UNSPEC' | 'PAD' | StatsArrayName>, bigint>> &
  Partial<Record<StatsArrayName, bigint[]>>;

export interface ServiceRegisterMessage {
  requestId: bigint;
  service: ServiceRecord;
  callerUid: number;
  callerPid: number;
  callerGid?: number | undefined;
  /** The registration token the caller presented. */
  token?: string | undefined;
  /** Flags.NO_REPLY when the module re-announces a registration to a new daemon. */
  flags?: number;
}

export interface ServiceUnregisterMessage {
  requestId: bigint;
  serviceId: string;
  callerUid: number;
  callerPid: number;
  flags: number;
}

export interface ServiceRevokeMessage {
  serviceId: string;
}

export interface ServiceQueryMessage {
  requestId: bigint;
  serviceId: string;
}

export interface RequestIdMessage {
  requestId: bigint;
}

export interface GetStatsMessage {
  requestId: bigint | undefined;
  stats: StatsRecord | undefined;
}

export interface ReplyMessage {
  requestId: bigint;
  errno: number;
  errorMsg?: string | undefined;
  service?: ServiceRecord | undefined;
  services?: ServiceRecord[] | undefined;
  stats?: StatsRecord | undefined;
  /** A part of a longer answer: more REPLY messages with this id follow (Flags.MORE). */
  more?: boolean | undefined;
}

export interface EventMessage {
  event: number;
  serviceId: string | undefined;
  portId: number | undefined;
}

export type VexfsMessage =
  | { cmd: typeof Cmd.DAEMON_ATTACH; msg: AttachMessage }
  | { cmd: typeof Cmd.DAEMON_DETACH; msg: Record<string, never> }
  | { cmd: typeof Cmd.EMBED_REQUEST; msg: EmbedRequest }
  | { cmd: typeof Cmd.EMBED_RESPONSE; msg: EmbedResponse }
  | { cmd: typeof Cmd.CANCEL; msg: CancelMessage }
  | { cmd: typeof Cmd.SERVICE_REGISTER; msg: ServiceRegisterMessage }
  | { cmd: typeof Cmd.SERVICE_UNREGISTER; msg: ServiceUnregisterMessage }
  | { cmd: typeof Cmd.SERVICE_STATUS; msg: ServiceQueryMessage }
  | { cmd: typeof Cmd.LIST_SERVICES; msg: RequestIdMessage }
  | { cmd: typeof Cmd.GET_STATS; msg: GetStatsMessage }
  | { cmd: typeof Cmd.REPLY; msg: ReplyMessage }
  | { cmd: typeof Cmd.HEARTBEAT; msg: HeartbeatMessage }
  | { cmd: typeof Cmd.EVENT; msg: EventMessage }
  | { cmd: typeof Cmd.SERVICE_REVOKE; msg: ServiceRevokeMessage };

// ---------------------------------------------------------------- encoding

export interface GenlAddress {
  familyId: number;
  seq: number;
  /** Sender's port id (0 from the kernel). */
  portId: number;
  /** Extra nlmsg flags, e.g. NlmFlags.ACK. */
  flags?: number;
}

export function beginGenl(w: NlWriter, to: GenlAddress, cmd: number): NlWriter {
  w.beginMessage(to.familyId, NlmFlags.REQUEST | (to.flags ?? 0), to.seq, to.portId);
  w.genlHeader(cmd, Consts.GENL_VERSION);
  return w;
}

/** Writes one whole message; on an encode error nothing is left half-written. */
function writeMessage(w: NlWriter, to: GenlAddress, cmd: number, body: (w: NlWriter) => void): number {
  beginGenl(w, to, cmd);
  try {
    body(w);
  } catch (err) {
    w.abortMessage();
    throw err;
  }
  return w.endMessage();
}

// The two hot-path encoders are written out without writeMessage's closure.
export function writeEmbedRequest(w: NlWriter, to: GenlAddress, r: EmbedRequest): number {
  beginGenl(w, to, Cmd.EMBED_REQUEST);
  try {
    w.u64(Attr.REQUEST_ID, r.requestId)
      .u8(Attr.PRIORITY, r.priority)
      .u32(Attr.TIMEOUT_MS, r.timeoutMs)
      .u64(Attr.DEADLINE_NS, r.deadlineNs)
      .u32(Attr.DIMENSIONS, r.dimensions)
      .u8(Attr.DATA_TYPE, r.dataType);
    if (r.model !== undefined) w.string(Attr.MODEL, r.model, Consts.MAX_MODEL_LEN);
    w.bytes(Attr.INPUT, r.input).u32(Attr.CALLER_UID, r.callerUid).u32(Attr.CALLER_PID, r.callerPid);
    if (r.flags !== 0) w.u32(Attr.FLAGS, r.flags);
    if (r.sessionKey !== 0n) w.u64(Attr.SESSION_KEY, r.sessionKey);
  } catch (err) {
    w.abortMessage();
    throw err;
  }
  return w.endMessage();
}

export function writeEmbedResponse(w: NlWriter, to: GenlAddress, r: EmbedResponse): number {
  beginGenl(w, to, Cmd.EMBED_RESPONSE);
  try {
    w.u64(Attr.REQUEST_ID, r.requestId).u32(Attr.STATUS, r.status);
    if (r.vector !== undefined) w.bytes(Attr.VECTOR, r.vector);
    w.u64(Attr.PROCESSING_NS, r.processingNs);
    if (r.serviceId !== undefined) w.string(Attr.SERVICE_ID, r.serviceId, Consts.MAX_SERVICE_ID_LEN);
  } catch (err) {
    w.abortMessage();
    throw err;
  }
  return w.endMessage();
}

export function writeCancel(w: NlWriter, to: GenlAddress, m: CancelMessage): number {
  return writeMessage(w, to, Cmd.CANCEL, (w) => {
    w.u64(Attr.REQUEST_ID, m.requestId).u32(Attr.STATUS, m.status);
  });
}

export function writeAttach(w: NlWriter, to: GenlAddress, m: AttachMessage): number {
  return writeMessage(w, to, Cmd.DAEMON_ATTACH, (w) => {
    w.u32(Attr.PROTOCOL_VERSION, m.protocolVersion);
    if (m.maxInflight !== undefined) w.u32(Attr.MAX_INFLIGHT, m.maxInflight);
  });
}

export function writeDetach(w: NlWriter, to: GenlAddress): number {
  return writeMessage(w, to, Cmd.DAEMON_DETACH, () => {});
}

export function writeHeartbeat(w: NlWriter, to: GenlAddress, m: HeartbeatMessage): number {
  return writeMessage(w, to, Cmd.HEARTBEAT, (w) => {
    if (m.requestId !== undefined) w.u64(Attr.REQUEST_ID, m.requestId);
    if (m.minPriority !== undefined) w.u8(Attr.MIN_PRIORITY, m.minPriority);
    if (m.inflight !== undefined) w.u32(Attr.INFLIGHT, m.inflight);
  });
}

export function writeEvent(w: NlWriter, to: GenlAddress, m: EventMessage): number {
  return writeMessage(w, to, Cmd.EVENT, (w) => {
    w.u32(Attr.EVENT, m.event);
    if (m.serviceId !== undefined) w.string(Attr.SERVICE_ID, m.serviceId, Consts.MAX_SERVICE_ID_LEN);
    if (m.portId !== undefined) w.u32(Attr.PORT_ID, m.portId);
  });
}

function putService(w: NlWriter, type: number, s: ServiceRecord): void {
  w.beginNest(type)
    .string(SvcAttr.ID, s.id, Consts.MAX_SERVICE_ID_LEN)
    .string(SvcAttr.NAME, s.name, Consts.MAX_NAME_LEN)
    .string(SvcAttr.VERSION, s.version, Consts.MAX_VERSION_LEN);
  const dims = new Uint8Array(s.dimensions.length * 4);
  const view = new DataView(dims.buffer);
  s.dimensions.forEach((d, i) => {
    view.setUint32(i * 4, d, true);
  });
  w.bytes(SvcAttr.DIMENSIONS, dims)
    .u32(SvcAttr.DATA_TYPES, s.dataTypes)
    .string(SvcAttr.MODELS, s.models.join(','), Consts.MAX_MODELS_LEN)
    .u32(SvcAttr.MAX_BATCH_SIZE, s.maxBatchSize)
    .u32(SvcAttr.PRIORITY, s.priority)
    .string(SvcAttr.ENDPOINT, s.endpoint, Consts.MAX_ENDPOINT_LEN)
    .u32(SvcAttr.FLAGS, s.flags);
  if (s.state !== undefined) w.u32(SvcAttr.STATE, s.state);
  if (s.health !== undefined) w.u32(SvcAttr.HEALTH, s.health);
  if (s.uid !== undefined) w.u32(SvcAttr.UID, s.uid);
  if (s.pid !== undefined) w.u32(SvcAttr.PID, s.pid);
  if (s.activeRequests !== undefined) w.u32(SvcAttr.ACTIVE_REQUESTS, s.activeRequests);
  if (s.totalRequests !== undefined) w.u64(SvcAttr.TOTAL_REQUESTS, s.totalRequests);
  if (s.failures !== undefined) w.u64(SvcAttr.FAILURES, s.failures);
  if (s.avgResponseNs !== undefined) w.u64(SvcAttr.AVG_RESPONSE_NS, s.avgResponseNs);
  if (s.heartbeatAgeMs !== undefined) w.u64(SvcAttr.HEARTBEAT_AGE_MS, s.heartbeatAgeMs);
  if (s.queued !== undefined) w.u32(SvcAttr.QUEUED, s.queued);
  if (s.capacity !== undefined) w.u32(SvcAttr.CAPACITY, s.capacity);
  if (s.breaker !== undefined) w.u32(SvcAttr.BREAKER, s.breaker);
  if (s.p50ResponseNs !== undefined) w.u64(SvcAttr.P50_RESPONSE_NS, s.p50ResponseNs);
  if (s.p99ResponseNs !== undefined) w.u64(SvcAttr.P99_RESPONSE_NS, s.p99ResponseNs);
  if (s.cpuPermille !== undefined) w.u32(SvcAttr.CPU_PERMILLE, s.cpuPermille);
  if (s.rssKib !== undefined) w.u32(SvcAttr.RSS_KIB, s.rssKib);
  w.endNest();
}

function u64Array(values: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setBigUint64(i * 8, v, true);
  });
  return out;
}

function putStats(w: NlWriter, stats: StatsRecord): void {
  w.beginNest(Attr.STATS);
  for (const [name, value] of Object.entries(stats)) {
    const type = StatsAttr[name as keyof StatsRecord];
    if (Array.isArray(value)) w.bytes(type, u64Array(value));
    else if (value !== undefined) w.u64(type, value);
  }
  w.endNest();
}

export function writeServiceRegister(w: NlWriter, to: GenlAddress, m: ServiceRegisterMessage): number {
  return writeMessage(w, to, Cmd.SERVICE_REGISTER, (w) => {
    w.u64(Attr.REQUEST_ID, m.requestId);
    putService(w, Attr.SERVICE, m.service);
    w.u32(Attr.CALLER_UID, m.callerUid).u32(Attr.CALLER_PID, m.callerPid);
    if (m.callerGid !== undefined) w.u32(Attr.CALLER_GID, m.callerGid);
    if (m.token !== undefined) w.string(Attr.TOKEN, m.token, Consts.MAX_TOKEN_LEN);
    if (m.flags) w.u32(Attr.FLAGS, m.flags);
  });
}

export function writeServiceUnregister(w: NlWriter, to: GenlAddress, m: ServiceUnregisterMessage): number {
  return writeMessage(w, to, Cmd.SERVICE_UNREGISTER, (w) => {
    w.u64(Attr.REQUEST_ID, m.requestId)
      .string(Attr.SERVICE_ID, m.serviceId, Consts.MAX_SERVICE_ID_LEN)
      .u32(Attr.CALLER_UID, m.callerUid)
      .u32(Attr.CALLER_PID, m.callerPid);
    if (m.flags !== 0) w.u32(Attr.FLAGS, m.flags);
  });
}

export function writeServiceRevoke(w: NlWriter, to: GenlAddress, m: ServiceRevokeMessage): number {
  return writeMessage(w, to, Cmd.SERVICE_REVOKE, (w) => {
    w.string(Attr.SERVICE_ID, m.serviceId, Consts.MAX_SERVICE_ID_LEN);
  });
}

export function writeServiceStatus(w: NlWriter, to: GenlAddress, m: ServiceQueryMessage): number {
  return writeMessage(w, to, Cmd.SERVICE_STATUS, (w) => {
    w.u64(Attr.REQUEST_ID, m.requestId).string(Attr.SERVICE_ID, m.serviceId, Consts.MAX_SERVICE_ID_LEN);
  });
}

export function writeListServices(w: NlWriter, to: GenlAddress, m: RequestIdMessage): number {
  return writeMessage(w, to, Cmd.LIST_SERVICES, (w) => {
    w.u64(Attr.REQUEST_ID, m.requestId);
  });
}

export function writeGetStats(w: NlWriter, to: GenlAddress, m: GetStatsMessage): number {
  return writeMessage(w, to, Cmd.GET_STATS, (w) => {
    if (m.requestId !== undefined) w.u64(Attr.REQUEST_ID, m.requestId);
    if (m.stats !== undefined) putStats(w, m.stats);
  });
}

/**
 * Bytes of SERVICES entries per REPLY message: one attribute holds at most
 * 64 KiB and one frame carries at most MAX_MSG_BYTES, so a long list leaves
 * in parts (every part but the last flagged MORE; the module appends them).
 */
export const REPLY_PART_BYTES = 32 * 1024;

const measure = new NlWriter(4096);

function serviceBytes(s: ServiceRecord): number {
  measure.reset();
  measure.beginMessage(0, 0, 0, 0);
  putService(measure, Attr.SERVICE, s);
  const n = measure.length;
  measure.abortMessage();
  return n;
}

/** Writes the answer to a forwarded query: one REPLY, or several when its service list is long. Returns the message count. */
export function writeReply(w: NlWriter, to: GenlAddress, m: ReplyMessage, partBytes = REPLY_PART_BYTES): number {
  const services = m.services;
  if (services === undefined) {
    writeReplyPart(w, to, m, undefined, false);
    return 1;
  }
  let messages = 0;
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < services.length; i++) {
    const n = serviceBytes(services[i] as ServiceRecord);
    if (bytes + n > partBytes && i > start) {
      writeReplyPart(w, to, { requestId: m.requestId, errno: 0 }, services.slice(start, i), true);
      messages++;
      start = i;
      bytes = 0;
    }
    bytes += n;
  }
  writeReplyPart(w, to, m, services.slice(start), false);
  return messages + 1;
}

function writeReplyPart(w: NlWriter, to: GenlAddress, m: ReplyMessage, services: readonly ServiceRecord[] | undefined, more: boolean): void {
  writeMessage(w, to, Cmd.REPLY, (w) => {
    w.u64(Attr.REQUEST_ID, m.requestId).u32(Attr.ERRNO, m.errno);
    if (more) w.u32(Attr.FLAGS, Flags.MORE);
    if (m.errorMsg !== undefined) {
      // Truncate rather than fail: the errno is the answer, the text a courtesy.
      const max = Consts.MAX_ERROR_MSG_LEN - 1;
      let msg = m.errorMsg.replaceAll('\0', ' ');
      while (Buffer.byteLength(msg) > max) msg = msg.slice(0, -1);
      w.string(Attr.ERROR_MSG, msg, Consts.MAX_ERROR_MSG_LEN);
    }
    if (m.service !== undefined) putService(w, Attr.SERVICE, m.service);
    if (services !== undefined) {
      w.beginNest(Attr.SERVICES);
      for (const s of services) putService(w, Attr.SERVICE, s);
      w.endNest();
    }
    if (m.stats !== undefined) putStats(w, m.stats);
  });
}

// ---------------------------------------------------------------- decoding

const table = new AttrTable(attrPolicy);
const svcTable = new AttrTable(svcPolicy);
const statsTable = new AttrTable(statsPolicy);

const CMD_NAMES = new Map<number, string>(Object.entries(Cmd).map(([k, v]) => [v, k] as [number, string]));

export function cmdName(cmd: number): string {
  return CMD_NAMES.get(cmd) ?? `command ${cmd}`;
}

/**
 * Decodes the attribute stream buf[start, end) of command `cmd` (the payload
 * after the genl header, or a frame body). Throws DecodeError naming the
 * offending field.
 */
export function decodeAttrs(cmd: number, buf: Uint8Array, start: number, end: number): VexfsMessage {
  const required = REQUIRED[cmd];
  if (required === undefined || cmd === Cmd.UNSPEC) throw new DecodeError('genlmsghdr.cmd', `unknown command ${cmd}`);
  const t = table.parse(buf, start, end);
  for (const type of required) t.require(type);
  switch (cmd) {
    case Cmd.DAEMON_ATTACH:
      return { cmd, msg: { protocolVersion: t.u32(Attr.PROTOCOL_VERSION), maxInflight: optU32(t, Attr.MAX_INFLIGHT) } };
    case Cmd.DAEMON_DETACH:
      return { cmd, msg: {} };
    case Cmd.EMBED_REQUEST:
      return {
        cmd,
        msg: {
          requestId: t.u64(Attr.REQUEST_ID),
          priority: t.u8(Attr.PRIORITY),
          timeoutMs: t.u32(Attr.TIMEOUT_MS),
          deadlineNs: t.u64(Attr.DEADLINE_NS),
          dimensions: t.u32(Attr.DIMENSIONS),
          dataType: t.u8(Attr.DATA_TYPE),
          model: t.stringOr(Attr.MODEL, undefined),
          input: t.copyBytes(Attr.INPUT),
          callerUid: t.u32(Attr.CALLER_UID),
          callerPid: t.u32(Attr.CALLER_PID),
          flags: t.u32Or(Attr.FLAGS, 0),
          sessionKey: t.has(Attr.SESSION_KEY) ? t.u64(Attr.SESSION_KEY) : 0n,
        },
      };
    case Cmd.EMBED_RESPONSE:
      return {
        cmd,
        msg: {
          requestId: t.u64(Attr.REQUEST_ID),
          status: t.u32(Attr.STATUS),
          vector: t.has(Attr.VECTOR) ? t.copyBytes(Attr.VECTOR) : undefined,
          processingNs: t.has(Attr.PROCESSING_NS) ? t.u64(Attr.PROCESSING_NS) : 0n,
          serviceId: t.stringOr(Attr.SERVICE_ID, undefined),
        },
      };
    case Cmd.CANCEL:
      return { cmd, msg: { requestId: t.u64(Attr.REQUEST_ID), status: t.u32(Attr.STATUS) } };
    case Cmd.SERVICE_REGISTER: {
      const requestId = t.u64(Attr.REQUEST_ID);
      const callerUid = t.u32(Attr.CALLER_UID);
      const callerPid = t.u32(Attr.CALLER_PID);
      const flags = t.u32Or(Attr.FLAGS, 0);
      const { start: s, end: e } = t.nested(Attr.SERVICE);
      const msg: ServiceRegisterMessage = { requestId, callerUid, callerPid, service: decodeService(buf, s, e) };
      if (t.has(Attr.CALLER_GID)) msg.callerGid = t.u32(Attr.CALLER_GID);
      if (t.has(Attr.TOKEN)) msg.token = t.string(Attr.TOKEN);
      if (flags) msg.flags = flags;
      return { cmd, msg };
    }
    case Cmd.SERVICE_UNREGISTER:
      return {
        cmd,
        msg: {
          requestId: t.u64(Attr.REQUEST_ID),
          serviceId: t.string(Attr.SERVICE_ID),
          callerUid: t.u32(Attr.CALLER_UID),
          callerPid: t.u32(Attr.CALLER_PID),
          flags: t.u32Or(Attr.FLAGS, 0),
        },
      };
    case Cmd.SERVICE_REVOKE:
      return { cmd, msg: { serviceId: t.string(Attr.SERVICE_ID) } };
    case Cmd.SERVICE_STATUS:
      return { cmd, msg: { requestId: t.u64(Attr.REQUEST_ID), serviceId: t.string(Attr.SERVICE_ID) } };
    case Cmd.LIST_SERVICES:
      return { cmd, msg: { requestId: t.u64(Attr.REQUEST_ID) } };
    case Cmd.GET_STATS: {
      const requestId = t.has(Attr.REQUEST_ID) ? t.u64(Attr.REQUEST_ID) : undefined;
      const stats = t.has(Attr.STATS) ? decodeStats(buf, t.nested(Attr.STATS)) : undefined;
      return { cmd, msg: { requestId, stats } };
    }
    case Cmd.REPLY: {
      const msg: ReplyMessage = {
        requestId: t.u64(Attr.REQUEST_ID),
        errno: t.u32(Attr.ERRNO),
        errorMsg: t.stringOr(Attr.ERROR_MSG, undefined),
      };
      if (t.has(Attr.FLAGS) && t.u32(Attr.FLAGS) & Flags.MORE) msg.more = true;
      const service = t.has(Attr.SERVICE) ? t.nested(Attr.SERVICE) : undefined;
      const services = t.has(Attr.SERVICES) ? t.nested(Attr.SERVICES) : undefined;
      const stats = t.has(Attr.STATS) ? t.nested(Attr.STATS) : undefined;
      // Nested decoders reuse their own tables, so read the top level first.
      if (stats) msg.stats = decodeStats(buf, stats);
      if (service) msg.service = decodeService(buf, service.start, service.end);
      if (services) {
        const list: ServiceRecord[] = [];
        forEachNested(buf, services.start, services.end, 'VEXFS_IPC.SERVICES', (s, e, type) => {
          if (type !== Attr.SERVICE) throw new DecodeError('VEXFS_IPC.SERVICES', `element of type ${type}, expected SERVICE`);
          if (list.length >= Consts.MAX_SERVICES) throw new DecodeError('VEXFS_IPC.SERVICES', `more than ${Consts.MAX_SERVICES} services`);
          list.push(decodeService(buf, s, e));
        });
        msg.services = list;
      }
      return { cmd, msg };
    }
    case Cmd.HEARTBEAT:
      return {
        cmd,
        msg: {
          requestId: t.has(Attr.REQUEST_ID) ? t.u64(Attr.REQUEST_ID) : undefined,
          minPriority: t.has(Attr.MIN_PRIORITY) ? t.u8(Attr.MIN_PRIORITY) : undefined,
          inflight: optU32(t, Attr.INFLIGHT),
        },
      };
    case Cmd.EVENT:
      return {
        cmd,
        msg: { event: t.u32(Attr.EVENT), serviceId: t.stringOr(Attr.SERVICE_ID, undefined), portId: optU32(t, Attr.PORT_ID) },
      };
    default:
      throw new DecodeError('genlmsghdr.cmd', `unknown command ${cmd}`);
  }
}

/** Decodes the generic netlink message in `hdr` (its type must be the family id). */
export function decodeGenl(buf: Uint8Array, hdr: NlHeader): VexfsMessage {
  if (hdr.length < 16 + GENL_HDRLEN) throw new DecodeError('genlmsghdr', `message of ${hdr.length} bytes has no genl header`);
  const cmd = buf[hdr.payload] as number;
  const version = buf[hdr.payload + 1] as number;
  if (version !== Consts.GENL_VERSION) {
    throw new DecodeError('genlmsghdr.version', `${version}, expected ${Consts.GENL_VERSION}`);
  }
  return decodeAttrs(cmd, buf, hdr.payload + GENL_HDRLEN, hdr.end);
}

function optU32(t: AttrTable, type: number): number | undefined {
  return t.has(type) ? t.u32(type) : undefined;
}

function decodeService(buf: Uint8Array, start: number, end: number): ServiceRecord {
  const t = svcTable.parse(buf, start, end);
  for (const type of [SvcAttr.ID, SvcAttr.NAME, SvcAttr.DIMENSIONS, SvcAttr.MAX_BATCH_SIZE, SvcAttr.ENDPOINT]) t.require(type);
  const dimBytes = t.bytes(SvcAttr.DIMENSIONS);
  if (dimBytes.length % 4 !== 0) {
    throw new DecodeError('VEXFS_IPC.SERVICE.DIMENSIONS', `${dimBytes.length} bytes is not a whole number of u32`);
  }
  const view = dataView(buf);
  const dims: number[] = [];
  const dimStart = t.nested(SvcAttr.DIMENSIONS).start;
  for (let i = 0; i < dimBytes.length; i += 4) {
    const d = view.getUint32(dimStart + i, true);
    if (d < 1 || d > Consts.MAX_DIMENSIONS) {
      throw new DecodeError('VEXFS_IPC.SERVICE.DIMENSIONS', `${d} is outside 1..${Consts.MAX_DIMENSIONS}`);
    }
    dims.push(d);
  }
  const models = t.stringOr(SvcAttr.MODELS, '') as string;
  const record: ServiceRecord = {
    id: t.string(SvcAttr.ID),
    name: t.string(SvcAttr.NAME),
    version: t.stringOr(SvcAttr.VERSION, '') as string,
    dimensions: dims,
    dataTypes: t.u32Or(SvcAttr.DATA_TYPES, 0),
    models: models === '' ? [] : models.split(','),
    maxBatchSize: t.u32(SvcAttr.MAX_BATCH_SIZE),
    priority: t.u32Or(SvcAttr.PRIORITY, 0),
    endpoint: t.string(SvcAttr.ENDPOINT),
    flags: t.u32Or(SvcAttr.FLAGS, 0),
  };
  if (t.has(SvcAttr.STATE)) record.state = t.u32(SvcAttr.STATE);
  if (t.has(SvcAttr.HEALTH)) record.health = t.u32(SvcAttr.HEALTH);
  if (t.has(SvcAttr.UID)) record.uid = t.u32(SvcAttr.UID);
  if (t.has(SvcAttr.PID)) record.pid = t.u32(SvcAttr.PID);
  if (t.has(SvcAttr.ACTIVE_REQUESTS)) record.activeRequests = t.u32(SvcAttr.ACTIVE_REQUESTS);
  if (t.has(SvcAttr.TOTAL_REQUESTS)) record.totalRequests = t.u64(SvcAttr.TOTAL_REQUESTS);
  if (t.has(SvcAttr.FAILURES)) record.failures = t.u64(SvcAttr.FAILURES);
  if (t.has(SvcAttr.AVG_RESPONSE_NS)) record.avgResponseNs = t.u64(SvcAttr.AVG_RESPONSE_NS);
  if (t.has(SvcAttr.HEARTBEAT_AGE_MS)) record.heartbeatAgeMs = t.u64(SvcAttr.HEARTBEAT_AGE_MS);
  if (t.has(SvcAttr.QUEUED)) record.queued = t.u32(SvcAttr.QUEUED);
  if (t.has(SvcAttr.CAPACITY)) record.capacity = t.u32(SvcAttr.CAPACITY);
  if (t.has(SvcAttr.BREAKER)) record.breaker = t.u32(SvcAttr.BREAKER);
  if (t.has(SvcAttr.P50_RESPONSE_NS)) record.p50ResponseNs = t.u64(SvcAttr.P50_RESPONSE_NS);
  if (t.has(SvcAttr.P99_RESPONSE_NS)) record.p99ResponseNs = t.u64(SvcAttr.P99_RESPONSE_NS);
  if (t.has(SvcAttr.CPU_PERMILLE)) record.cpuPermille = t.u32(SvcAttr.CPU_PERMILLE);
  if (t.has(SvcAttr.RSS_KIB)) record.rssKib = t.u32(SvcAttr.RSS_KIB);
  return record;
}

function decodeStats(buf: Uint8Array, range: { start: number; end: number }): StatsRecord {
  const t = statsTable.parse(buf, range.start, range.end);
  const stats: StatsRecord = {};
  for (const [name, type] of Object.entries(StatsAttr)) {
    if (type <= StatsAttr.PAD || !t.has(type)) continue;
    if (type === StatsAttr.BY_STATUS || type === StatsAttr.QUEUED_BY_LEVEL) {
      const bytes = t.bytes(type);
      if (bytes.length % 8 !== 0) throw new DecodeError(`VEXFS_IPC.STATS.${name}`, `${bytes.length} bytes is not a whole number of u64`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      stats[name as StatsArrayName] = Array.from({ length: bytes.length / 8 }, (_, i) => view.getBigUint64(i * 8, true));
    } else {
      stats[name as Exclude<keyof StatsRecord, StatsArrayName>] = t.u64(type);
    }
  }
  return stats;
}
