/**
 * Builds netlink messages back to back in one growable buffer, so a batch of
 * messages becomes one or a few datagrams without a copy or an allocation per
 * message. Messages are in host byte order (little-endian on every target).
 */
import { EncodeError } from '../../errors.js';
import { GENL_HDRLEN, NLA_F_NESTED, NLA_HDRLEN, NLMSG_HDRLEN, nlaAlign } from './constants.js';

const U32_MAX = 0xffffffff;
const U64_MAX = 0xffffffffffffffffn;

export class NlWriter {
  private buf: Buffer;
  private view: DataView;
  private pos = 0;
  private msgStart = -1;
  private readonly nests: number[] = [];
  /** Start offset of each complete message, in order. */
  readonly starts: number[] = [];

  constructor(initialBytes = 64 * 1024) {
    this.buf = Buffer.alloc(initialBytes);
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  get length(): number {
    return this.pos;
  }

  get messageCount(): number {
    return this.starts.length;
  }

  /** The bytes written so far; valid until the next write or reset. */
  get buffer(): Buffer {
    return this.buf;
  }

  reset(): void {
    this.pos = 0;
    this.msgStart = -1;
    this.nests.length = 0;
    this.starts.length = 0;
  }

  /** Drops the first `bytes` (whole messages) and keeps the rest. */
  consume(bytes: number): void {
    if (bytes >= this.pos) {
      this.reset();
      return;
    }
    this.buf.copy(this.buf, 0, bytes, this.pos);
    this.pos -= bytes;
    let drop = 0;
    while (drop < this.starts.length && (this.starts[drop] as number) < bytes) drop++;
    this.starts.splice(0, drop);
    for (let i = 0; i < this.starts.length; i++) this.starts[i] = (this.starts[i] as number) - bytes;
  }

  private ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = Buffer.alloc(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  beginMessage(type: number, flags: number, seq: number, portId: number): this {
    if (this.msgStart >= 0) throw new EncodeError('nlmsghdr', 'previous message not ended');
    this.ensure(NLMSG_HDRLEN);
    this.msgStart = this.pos;
    const v = this.view;
    v.setUint32(this.pos, 0, true);
    v.setUint16(this.pos + 4, type, true);
    v.setUint16(this.pos + 6, flags, true);
    v.setUint32(this.pos + 8, seq >>> 0, true);
    v.setUint32(this.pos + 12, portId >>> 0, true);
    this.pos += NLMSG_HDRLEN;
    return this;
  }

  genlHeader(cmd: number, version: number): this {
    this.ensure(GENL_HDRLEN);
    this.view.setUint8(this.pos, cmd);
    this.view.setUint8(this.pos + 1, version);
    this.view.setUint16(this.pos + 2, 0, true);
    this.pos += GENL_HDRLEN;
    return this;
  }

  /** Raw bytes in the message body (e.g. a fixed header), padded to 4. */
  raw(bytes: Uint8Array): this {
    const padded = nlaAlign(bytes.length);
    this.ensure(padded);
    this.buf.set(bytes, this.pos);
    this.buf.fill(0, this.pos + bytes.length, this.pos + padded);
    this.pos += padded;
    return this;
  }

  /** Ends the message, returning its length. */
  endMessage(): number {
    if (this.msgStart < 0) throw new EncodeError('nlmsghdr', 'no message begun');
    if (this.nests.length > 0) throw new EncodeError('nla', 'nested attribute not ended');
    const len = this.pos - this.msgStart;
    this.view.setUint32(this.msgStart, len, true);
    this.starts.push(this.msgStart);
    this.msgStart = -1;
    return len;
  }

  /** Abandons the message being built (e.g. after an encode error). */
  abortMessage(): void {
    if (this.msgStart < 0) return;
    this.pos = this.msgStart;
    this.msgStart = -1;
    this.nests.length = 0;
  }

  private attrHeader(type: number, payloadLen: number): number {
    const total = NLA_HDRLEN + payloadLen;
    if (total > 0xffff) throw new EncodeError(`nla ${type}`, `payload of ${payloadLen} bytes exceeds 65531`);
    this.ensure(nlaAlign(total));
    this.view.setUint16(this.pos, total, true);
    this.view.setUint16(this.pos + 2, type, true);
    return this.pos + NLA_HDRLEN;
  }

  private finishAttr(payloadAt: number, payloadLen: number): void {
    const end = payloadAt + payloadLen;
    const padded = nlaAlign(end);
    for (let i = end; i < padded; i++) this.buf[i] = 0;
    this.pos = padded;
  }

  u8(type: number, value: number): this {
    checkInt(type, value, 0xff);
    const at = this.attrHeader(type, 1);
    this.view.setUint8(at, value);
    this.finishAttr(at, 1);
    return this;
  }

  u16(type: number, value: number): this {
    checkInt(type, value, 0xffff);
    const at = this.attrHeader(type, 2);
    this.view.setUint16(at, value, true);
    this.finishAttr(at, 2);
    return this;
  }

  u32(type: number, value: number): this {
    checkInt(type, value, U32_MAX);
    const at = this.attrHeader(type, 4);
    this.view.setUint32(at, value, true);
    this.finishAttr(at, 4);
    return this;
  }

  u64(type: number, value: bigint | number): this {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
      // A number written as two halves: no BigInt made on the answer path.
      const at = this.attrHeader(type, 8);
      this.view.setUint32(at, value % 0x1_0000_0000, true);
      this.view.setUint32(at + 4, Math.floor(value / 0x1_0000_0000), true);
      this.finishAttr(at, 8);
      return this;
    }
    const v = typeof value === 'bigint' ? value : BigInt(value);
    if (v < 0n || v > U64_MAX) throw new EncodeError(`nla ${type}`, `${v} is not a u64`);
    const at = this.attrHeader(type, 8);
    this.view.setBigUint64(at, v, true);
    this.finishAttr(at, 8);
    return this;
  }

  /** A NUL-terminated string; `maxBytes` includes the NUL. */
  string(type: number, value: string, maxBytes = 0xffff - NLA_HDRLEN): this {
    const len = Buffer.byteLength(value, 'utf8');
    if (len + 1 > maxBytes) {
      throw new EncodeError(`nla ${type}`, `string of ${len} bytes exceeds the limit of ${maxBytes - 1}`);
    }
    if (value.includes('\0')) throw new EncodeError(`nla ${type}`, 'string contains a NUL byte');
    const at = this.attrHeader(type, len + 1);
    this.buf.write(value, at, len, 'utf8');
    this.buf[at + len] = 0;
    this.finishAttr(at, len + 1);
    return this;
  }

  bytes(type: number, value: Uint8Array): this {
    const at = this.attrHeader(type, value.length);
    this.buf.set(value, at);
    this.finishAttr(at, value.length);
    return this;
  }

  /** An attribute whose payload the caller fills: returns the payload offset in `buffer`. */
  reserve(type: number, payloadLen: number): number {
    const at = this.attrHeader(type, payloadLen);
    this.finishAttr(at, payloadLen);
    return at;
  }

  beginNest(type: number): this {
    this.ensure(NLA_HDRLEN);
    this.nests.push(this.pos);
    this.view.setUint16(this.pos, 0, true);
    this.view.setUint16(this.pos + 2, type | NLA_F_NESTED, true);
    this.pos += NLA_HDRLEN;
    return this;
  }

  endNest(): this {
    const start = this.nests.pop();
    if (start === undefined) throw new EncodeError('nla', 'no nested attribute begun');
    const len = this.pos - start;
    if (len > 0xffff) throw new EncodeError('nla', `nested attribute of ${len} bytes exceeds 65535`);
    this.view.setUint16(start, len, true);
    return this;
  }
}

function checkInt(type: number, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new EncodeError(`nla ${type}`, `${value} is not an integer from 0 to ${max}`);
  }
}
