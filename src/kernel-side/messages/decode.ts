/**
 * VEXFS_IPC messages read from generic netlink messages (or frames), every
 * attribute checked by the family's policy. Commands decode by their
 * descriptions (commands.ts) except the two on the hot path, read here by
 * hand: a request's input is copied into slabs, a response's flags become
 * `truncated`.
 */
import { Attr, Cmd, Consts, Flags } from '../../abi/uapi.js';
import { DecodeError } from '../../errors.js';
import type { AttrTable } from '../netlink/attributes.js';
import { SlabCopier } from '../../util/slab.js';
import { GENL_HDRLEN } from '../netlink/constants.js';
import type { NlHeader } from '../netlink/message.js';
import { parseFamily, readCommand, requiredOf } from './commands.js';
import type { EmbedRequest, EmbedResponse, VexfsMessage } from './messages.js';

export { cmdName } from './commands.js';

/** Request inputs outlive the receive buffer they arrive in: copied, in slabs (the hot path's one copy). */
const inputs = new SlabCopier();

/**
 * Decodes the attribute stream buf[start, end) of command `cmd` (the payload
 * after the genl header, or a frame body). Throws DecodeError naming the
 * offending field.
 */
export function decodeAttrs(cmd: number, buf: Uint8Array, start: number, end: number): VexfsMessage {
  if (requiredOf(cmd) === undefined) throw new DecodeError('genlmsghdr.cmd', `unknown command ${cmd}`);
  if (cmd === Cmd.EMBED_REQUEST) return { cmd, msg: embedRequest(parseFamily(cmd, buf, start, end)) };
  if (cmd === Cmd.EMBED_RESPONSE) return { cmd, msg: embedResponse(parseFamily(cmd, buf, start, end)) };
  return { cmd, msg: readCommand(cmd, buf, start, end) } as VexfsMessage;
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

// Every field is set, in one order, so every request has one hidden class.
function embedRequest(t: AttrTable): EmbedRequest {
  return {
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
  };
}

function embedResponse(t: AttrTable): EmbedResponse {
  const flags = t.u32Or(Attr.FLAGS, 0);
  return {
    requestId: t.u64(Attr.REQUEST_ID),
    status: t.u32(Attr.STATUS),
    vector: t.has(Attr.VECTOR) ? t.copyBytes(Attr.VECTOR) : undefined,
    processingNs: t.has(Attr.PROCESSING_NS) ? t.u64(Attr.PROCESSING_NS) : 0n,
    serviceId: t.stringOr(Attr.SERVICE_ID, undefined),
    model: t.stringOr(Attr.MODEL, undefined),
    modelVersion: t.stringOr(Attr.MODEL_VERSION, undefined),
    truncated: (flags & Flags.TRUNCATED) !== 0,
    flags,
    dimensions: t.has(Attr.DIMENSIONS) ? t.u32(Attr.DIMENSIONS) : undefined,
    dataType: t.has(Attr.DATA_TYPE) ? t.u8(Attr.DATA_TYPE) : undefined,
  };
}
