/**
 * VEXFS_IPC messages written as generic netlink messages (or, the same
 * attributes, as frames): by their descriptions in commands.ts, except the
 * two hot-path encoders written out here.
 */
import { Attr, Cmd, Consts, Flags } from '../../abi/uapi.js';
import { NlmFlags } from '../netlink/constants.js';
import { NlWriter } from '../netlink/writer.js';
import type {
  AttachMessage,
  CancelMessage,
  EmbedRequest,
  EmbedResponse,
  EventMessage,
  GetStatsMessage,
  HeartbeatMessage,
  ReplyMessage,
  RequestIdMessage,
  ServiceQueryMessage,
  ServiceRecord,
  ServiceRegisterMessage,
  ServiceRevokeMessage,
  ServiceUnregisterMessage,
} from './messages.js';
import { type CmdName, type CommandRecord, putCommand } from './commands.js';
import { serviceNest } from './service-attrs.js';

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
    writeProvenance(w, r);
  } catch (err) {
    w.abortMessage();
    throw err;
  }
  return w.endMessage();
}

/** The last answer's provenance attributes as encoded: a service's answers repeat them, so they are copied, not encoded again. */
const lastProvenance = {
  serviceId: '',
  model: undefined as string | undefined,
  modelVersion: undefined as string | undefined,
  truncated: false,
  attrs: new Uint8Array(0),
};

function writeProvenance(w: NlWriter, r: EmbedResponse): void {
  const last = lastProvenance;
  const truncated = r.truncated === true;
  if (r.serviceId === undefined) {
    if (r.model !== undefined) w.string(Attr.MODEL, r.model, Consts.MAX_MODEL_LEN);
    if (r.modelVersion !== undefined) w.string(Attr.MODEL_VERSION, r.modelVersion, Consts.MAX_VERSION_LEN);
    if (truncated) w.u32(Attr.FLAGS, Flags.TRUNCATED);
    return;
  }
  if (
    last.attrs.length > 0 &&
    r.serviceId === last.serviceId &&
    r.model === last.model &&
    r.modelVersion === last.modelVersion &&
    truncated === last.truncated
  ) {
    w.raw(last.attrs);
    return;
  }
  const start = w.length;
  w.string(Attr.SERVICE_ID, r.serviceId, Consts.MAX_SERVICE_ID_LEN);
  if (r.model !== undefined) w.string(Attr.MODEL, r.model, Consts.MAX_MODEL_LEN);
  if (r.modelVersion !== undefined) w.string(Attr.MODEL_VERSION, r.modelVersion, Consts.MAX_VERSION_LEN);
  if (truncated) w.u32(Attr.FLAGS, Flags.TRUNCATED);
  last.serviceId = r.serviceId;
  last.model = r.model;
  last.modelVersion = r.modelVersion;
  last.truncated = truncated;
  last.attrs = Uint8Array.prototype.slice.call(w.buffer, start, w.length);
}

/** Writes command `cmd` from its record, as its description in commands.ts says. */
export function writeCommand<N extends CmdName>(w: NlWriter, to: GenlAddress, cmd: N, m: CommandRecord<N>): number {
  return writeMessage(w, to, Cmd[cmd], (w) => putCommand(w, Cmd[cmd], m));
}

export const writeCancel = (w: NlWriter, to: GenlAddress, m: CancelMessage) => writeCommand(w, to, 'CANCEL', m);
export const writeAttach = (w: NlWriter, to: GenlAddress, m: AttachMessage) => writeCommand(w, to, 'DAEMON_ATTACH', m);
export const writeDetach = (w: NlWriter, to: GenlAddress) => writeCommand(w, to, 'DAEMON_DETACH', {});
export const writeHeartbeat = (w: NlWriter, to: GenlAddress, m: HeartbeatMessage) => writeCommand(w, to, 'HEARTBEAT', m);
export const writeEvent = (w: NlWriter, to: GenlAddress, m: EventMessage) => writeCommand(w, to, 'EVENT', m);
export const writeServiceRegister = (w: NlWriter, to: GenlAddress, m: ServiceRegisterMessage) => writeCommand(w, to, 'SERVICE_REGISTER', m);
export const writeServiceUnregister = (w: NlWriter, to: GenlAddress, m: ServiceUnregisterMessage) => writeCommand(w, to, 'SERVICE_UNREGISTER', m);
export const writeServiceRevoke = (w: NlWriter, to: GenlAddress, m: ServiceRevokeMessage) => writeCommand(w, to, 'SERVICE_REVOKE', m);
export const writeServiceStatus = (w: NlWriter, to: GenlAddress, m: ServiceQueryMessage) => writeCommand(w, to, 'SERVICE_STATUS', m);
export const writeListServices = (w: NlWriter, to: GenlAddress, m: RequestIdMessage) => writeCommand(w, to, 'LIST_SERVICES', m);
export const writeGetStats = (w: NlWriter, to: GenlAddress, m: GetStatsMessage) => writeCommand(w, to, 'GET_STATS', m);

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
  serviceNest.put(measure, Attr.SERVICE, s);
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
      writeReplyPart(w, to, { requestId: m.requestId, errno: 0, flags: 0 }, services.slice(start, i), true);
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
  let errorMsg = m.errorMsg;
  if (errorMsg !== undefined) {
    // Truncate rather than fail: the errno is the answer, the text a courtesy.
    const max = Consts.MAX_ERROR_MSG_LEN - 1;
    errorMsg = errorMsg.replaceAll('\0', ' ');
    while (Buffer.byteLength(errorMsg) > max) errorMsg = errorMsg.slice(0, -1);
  }
  writeCommand(w, to, 'REPLY', { ...m, flags: more ? Flags.MORE : 0, errorMsg, services: services as ServiceRecord[] | undefined });
}
