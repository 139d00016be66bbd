/** VEXFS_IPC messages written as generic netlink messages (or, the same attributes, as frames). */
import { Attr, Cmd, Consts, Flags, StatsAttr } from '../../abi/uapi.js';
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
  StatsRecord,
} from './messages.js';
import { queueNest } from './queue-attrs.js';
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

export function writeCancel(w: NlWriter, to: GenlAddress, m: CancelMessage): number {
  return writeMessage(w, to, Cmd.CANCEL, (w) => {
    w.u64(Attr.REQUEST_ID, m.requestId).u32(Attr.STATUS, m.status);
  });
}

export function writeAttach(w: NlWriter, to: GenlAddress, m: AttachMessage): number {
  return writeMessage(w, to, Cmd.DAEMON_ATTACH, (w) => {
    w.u32(Attr.PROTOCOL_VERSION, m.protocolVersion);
    if (m.maxInflight !== undefined) w.u32(Attr.MAX_INFLIGHT, m.maxInflight);
    if (m.flags) w.u32(Attr.FLAGS, m.flags);
    if (m.queue !== undefined) w.u32(Attr.QUEUE, m.queue);
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
    serviceNest.put(w, Attr.SERVICE, m.service);
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
    if (m.queues !== undefined) {
      w.beginNest(Attr.QUEUES);
      for (const q of m.queues) queueNest.put(w, Attr.QUEUE, q);
      w.endNest();
    }
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
    if (m.service !== undefined) serviceNest.put(w, Attr.SERVICE, m.service);
    if (services !== undefined) {
      w.beginNest(Attr.SERVICES);
      for (const s of services) serviceNest.put(w, Attr.SERVICE, s);
      w.endNest();
    }
    if (m.stats !== undefined) putStats(w, m.stats);
  });
}
