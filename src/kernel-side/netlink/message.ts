/** Reading netlink message headers out of a datagram, with every length checked. */
import { DecodeError } from '../../errors.js';
import { GENL_HDRLEN, NLMSG_HDRLEN, nlaAlign } from './constants.js';

/** A reusable, mutable view of one message's header (no allocation per message). */
export class NlHeader {
  /** Offset of the message in the buffer. */
  offset = 0;
  length = 0;
  type = 0;
  flags = 0;
  seq = 0;
  portId = 0;

  /** Offset just past the header. */
  get payload(): number {
    return this.offset + NLMSG_HDRLEN;
  }

  get end(): number {
    return this.offset + this.length;
  }
}

/**
 * Reads the header of the message at `offset` (which must end by `limit`)
 * into `out`, and returns the offset of the next message.
 */
export function readNlHeader(buf: Uint8Array, offset: number, limit: number, out: NlHeader): number {
  if (offset & 3) throw new DecodeError('nlmsghdr', `message at offset ${offset} is not 4-byte aligned`);
  if (limit - offset < NLMSG_HDRLEN) {
    throw new DecodeError('nlmsghdr', `${limit - offset} bytes left, a header needs ${NLMSG_HDRLEN}`);
  }
  const view = dataView(buf);
  const length = view.getUint32(offset, true);
  if (length < NLMSG_HDRLEN) throw new DecodeError('nlmsghdr.nlmsg_len', `${length} is shorter than the header`);
  if (length > limit - offset) {
    throw new DecodeError('nlmsghdr.nlmsg_len', `${length} exceeds the ${limit - offset} bytes left`);
  }
  out.offset = offset;
  out.length = length;
  out.type = view.getUint16(offset + 4, true);
  out.flags = view.getUint16(offset + 6, true);
  out.seq = view.getUint32(offset + 8, true);
  out.portId = view.getUint32(offset + 12, true);
  // The last message may omit its trailing alignment padding.
  return Math.min(offset + nlaAlign(length), limit);
}

/** Generic netlink header of the message in `hdr`. */
export function readGenlHeader(buf: Uint8Array, hdr: NlHeader): { cmd: number; version: number } {
  if (hdr.length < NLMSG_HDRLEN + GENL_HDRLEN) {
    throw new DecodeError('genlmsghdr', `message of ${hdr.length} bytes has no room for the genl header`);
  }
  return { cmd: buf[hdr.payload] as number, version: buf[hdr.payload + 1] as number };
}

const views = new WeakMap<ArrayBuffer | SharedArrayBuffer, DataView>();
// The receive ring is the same buffer for every message: check it first.
let lastBuf: Uint8Array | undefined;
let lastView: DataView | undefined;

/** A DataView over the whole backing store of `buf`, cached per store. */
export function dataView(buf: Uint8Array): DataView {
  if (buf === lastBuf) return lastView as DataView;
  // Offsets given to callers are relative to `buf`, so a view with a
  // non-zero byteOffset is made fresh (rare: pooled small Buffers).
  if (buf.byteOffset !== 0 || buf.byteLength !== buf.buffer.byteLength) {
    return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  let view = views.get(buf.buffer);
  if (view === undefined) {
    view = new DataView(buf.buffer);
    views.set(buf.buffer, view);
  }
  lastBuf = buf;
  lastView = view;
  return view;
}
