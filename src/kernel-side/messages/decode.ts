/** VEXFS_IPC messages read from generic netlink messages (or frames), every attribute checked by the family's policy. */
import { Attr, Cmd, Consts, Flags, StatsAttr } from '../../abi/uapi.js';
import { DecodeError } from '../../errors.js';
import { AttrTable, forEachNested } from '../netlink/attributes.js';
import { SlabCopier } from '../../util/slab.js';
import { GENL_HDRLEN } from '../netlink/constants.js';
import type { NlHeader } from '../netlink/message.js';
import type { GetStatsMessage, QueueRecord, ReplyMessage, ServiceRecord, ServiceRegisterMessage, StatsRecord, VexfsMessage } from './messages.js';
import { REQUIRED, attrPolicy, statsPolicy } from './policy.js';
import { queueNest } from './queue-attrs.js';
import { serviceNest } from './service-attrs.js';

type StatsArrayName = 'BY_STATUS' | 'QUEUED_BY_LEVEL';

const table = new AttrTable(attrPolicy);
/** Request inputs outlive the receive buffer they arrive in: copied, in slabs (the hot path's one copy). */
const inputs = new SlabCopier();
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
      return {
        cmd,
        msg: {
          protocolVersion: t.u32(Attr.PROTOCOL_VERSION),
          maxInflight: optU32(t, Attr.MAX_INFLIGHT),
          flags: optU32(t, Attr.FLAGS),
          queue: optU32(t, Attr.QUEUE),
        },
      };
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
          input: t.copyBytesFrom(Attr.INPUT, inputs),
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
          model: t.stringOr(Attr.MODEL, undefined),
          modelVersion: t.stringOr(Attr.MODEL_VERSION, undefined),
          truncated: (t.u32Or(Attr.FLAGS, 0) & Flags.TRUNCATED) !== 0,
          flags: t.u32Or(Attr.FLAGS, 0),
          dimensions: t.has(Attr.DIMENSIONS) ? t.u32(Attr.DIMENSIONS) : undefined,
          dataType: t.has(Attr.DATA_TYPE) ? t.u8(Attr.DATA_TYPE) : undefined,
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
      const msg: ServiceRegisterMessage = { requestId, callerUid, callerPid, service: serviceNest.decode(buf, s, e) };
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
      const msg: GetStatsMessage = { requestId, stats };
      if (t.has(Attr.QUEUES)) msg.queues = decodeQueues(buf, t.nested(Attr.QUEUES));
      return { cmd, msg };
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
      if (service) msg.service = serviceNest.decode(buf, service.start, service.end);
      if (services) {
        const list: ServiceRecord[] = [];
        forEachNested(buf, services.start, services.end, 'VEXFS_IPC.SERVICES', (s, e, type) => {
          if (type !== Attr.SERVICE) throw new DecodeError('VEXFS_IPC.SERVICES', `element of type ${type}, expected SERVICE`);
          if (list.length >= Consts.MAX_SERVICES) throw new DecodeError('VEXFS_IPC.SERVICES', `more than ${Consts.MAX_SERVICES} services`);
          list.push(serviceNest.decode(buf, s, e));
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

function decodeQueues(buf: Uint8Array, range: { start: number; end: number }): QueueRecord[] {
  const out: QueueRecord[] = [];
  forEachNested(buf, range.start, range.end, 'VEXFS_IPC.QUEUES', (s, e) => {
    out.push(queueNest.decode(buf, s, e));
  });
  return out;
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
