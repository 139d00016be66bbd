/** NLMSG_ERROR messages: acknowledgements, errors and their extended ACK (RFC-less but stable ABI). */
import { constants as osConstants } from 'node:os';

import { DecodeError, NetlinkError } from '../../errors.js';
import { MsgKind, NLMSG_HDRLEN, NlmFlags, NlmsgErrAttr } from './constants.js';
import { AttrTable, definePolicy } from './attributes.js';
import { dataView, type NlHeader } from './message.js';
import type { NlWriter } from './writer.js';

export interface NlError {
  /** 0 for an ACK, else a positive errno. */
  errno: number;
  /** Sequence number and type of the message this answers. */
  origSeq: number;
  origType: number;
  origPortId: number;
  message: string | undefined;
  /** Offset of the offending attribute in the original message. */
  offset: number | undefined;
  /** Type of a missing required attribute. */
  missingType: number | undefined;
}

const extackPolicy = definePolicy('nlmsgerr', {
  [NlmsgErrAttr.MSG]: { name: 'MSG', kind: 'string' },
  [NlmsgErrAttr.OFFS]: { name: 'OFFS', kind: 'u32' },
  [NlmsgErrAttr.COOKIE]: { name: 'COOKIE', kind: 'binary' },
  [NlmsgErrAttr.POLICY]: { name: 'POLICY', kind: 'nested' },
  [NlmsgErrAttr.MISS_TYPE]: { name: 'MISS_TYPE', kind: 'u32' },
  [NlmsgErrAttr.MISS_NEST]: { name: 'MISS_NEST', kind: 'u32' },
});
const extackTable = new AttrTable(extackPolicy);

/** Decodes the NLMSG_ERROR message described by `hdr`. */
export function readNlError(buf: Uint8Array, hdr: NlHeader): NlError {
  if (hdr.type !== MsgKind.ERROR) throw new DecodeError('nlmsgerr', `message type ${hdr.type} is not NLMSG_ERROR`);
  const body = hdr.payload;
  if (hdr.length < NLMSG_HDRLEN + 4 + NLMSG_HDRLEN) {
    throw new DecodeError('nlmsgerr', `${hdr.length} bytes is too short for an error message`);
  }
  const view = dataView(buf);
  const error = view.getInt32(body, true);
  if (error > 0) throw new DecodeError('nlmsgerr.error', `${error} is positive; errors are negative errnos`);
  const orig = body + 4;
  const origLen = view.getUint32(orig, true);
  const origType = view.getUint16(orig + 4, true);
  const origSeq = view.getUint32(orig + 8, true);
  const origPortId = view.getUint32(orig + 12, true);
  const result: NlError = {
    errno: -error,
    origSeq,
    origType,
    origPortId,
    message: undefined,
    offset: undefined,
    missingType: undefined,
  };
  if (!(hdr.flags & NlmFlags.ACK_TLVS)) return result;
  // The original message is echoed whole unless capped (always capped for an ACK).
  const echoed = hdr.flags & NlmFlags.CAPPED || error === 0 ? NLMSG_HDRLEN : (origLen + 3) & ~3;
  const tlvStart = orig + echoed;
  if (tlvStart > hdr.end) {
    throw new DecodeError('nlmsgerr.msg', `echoed message of ${echoed} bytes overruns the error message`);
  }
  const table = extackTable.parse(buf, tlvStart, hdr.end);
  result.message = table.stringOr(NlmsgErrAttr.MSG, undefined);
  result.offset = table.has(NlmsgErrAttr.OFFS) ? table.u32(NlmsgErrAttr.OFFS) : undefined;
  result.missingType = table.has(NlmsgErrAttr.MISS_TYPE) ? table.u32(NlmsgErrAttr.MISS_TYPE) : undefined;
  return result;
}

const errnoNames = new Map<number, string>(Object.entries(osConstants.errno).map(([name, value]) => [value, name] as [number, string]));

export function errnoName(errno: number): string {
  return errnoNames.get(errno) ?? `errno ${errno}`;
}

export function errnoValue(name: keyof typeof osConstants.errno): number {
  return osConstants.errno[name];
}

export function toNetlinkError(err: NlError): NetlinkError {
  return new NetlinkError(err.errno, errnoName(err.errno), err.message, err.offset);
}

/**
 * Writes an NLMSG_ERROR answering `orig` (an ACK when errno is 0), echoing
 * only its header (capped) and adding an extended-ACK message when given.
 */
export function writeNlError(w: NlWriter, orig: NlHeader, errno: number, senderPortId: number, message?: string): void {
  let flags = NlmFlags.CAPPED;
  if (message !== undefined) flags |= NlmFlags.ACK_TLVS;
  w.beginMessage(MsgKind.ERROR, flags, orig.seq, senderPortId);
  const hdr = new Uint8Array(4 + NLMSG_HDRLEN);
  const view = new DataView(hdr.buffer);
  view.setInt32(0, -errno, true);
  view.setUint32(4, orig.length, true);
  view.setUint16(8, orig.type, true);
  view.setUint16(10, orig.flags, true);
  view.setUint32(12, orig.seq, true);
  view.setUint32(16, orig.portId, true);
  w.raw(hdr);
  if (message !== undefined) w.string(NlmsgErrAttr.MSG, message);
  w.endMessage();
}
