/**
 * Frames of the char-device fallback transport: struct vexfs_ipc_msg_header
 * (40 bytes) and a body of VEXFS_IPC_A_* attributes, protected by CRC-32.
 *
 * CRC-32 (IEEE) because both ends have it natively: zlib's crc32() here and
 * crc32_le() in the kernel, so it costs ~0.1 µs per KiB instead of a table
 * walk in JS.
 */
import { crc32 } from 'node:zlib';

import koffi from 'koffi';

import { DecodeError, EncodeError } from '../../errors.js';
import { Cmd, Consts, MsgType } from '../../abi/uapi.js';
import { MsgHeaderStruct } from '../../abi/structs.js';
import { dataView } from '../netlink/message.js';

export const FRAME_HEADER_BYTES = koffi.sizeof(MsgHeaderStruct);

const OFF = {
  magic: koffi.offsetof(MsgHeaderStruct, 'magic'),
  version: koffi.offsetof(MsgHeaderStruct, 'version'),
  messageType: koffi.offsetof(MsgHeaderStruct, 'message_type'),
  length: koffi.offsetof(MsgHeaderStruct, 'length'),
  correlationId: koffi.offsetof(MsgHeaderStruct, 'correlation_id'),
  timestamp: koffi.offsetof(MsgHeaderStruct, 'timestamp'),
  flags: koffi.offsetof(MsgHeaderStruct, 'flags'),
  checksum: koffi.offsetof(MsgHeaderStruct, 'checksum'),
} as const;

export interface FrameHeader {
  messageType: number;
  /** Whole frame, header included. */
  length: number;
  correlationId: bigint;
  /** Milliseconds since the epoch. */
  timestamp: bigint;
  /** The genetlink command the body belongs to (flags bits 24-31). */
  cmd: number;
}

const ZERO_CHECKSUM = new Uint8Array(4);

const KNOWN_TYPES = new Set<number>(Object.values(MsgType));

/** The frame message type each command travels as. */
export const CMD_MSG_TYPE: Readonly<Record<number, number>> = {
  [Cmd.DAEMON_ATTACH]: MsgType.SERVICE_DISCOVERY,
  [Cmd.DAEMON_DETACH]: MsgType.SERVICE_DISCOVERY,
  [Cmd.EMBED_REQUEST]: MsgType.EMBEDDING_REQUEST,
  [Cmd.EMBED_RESPONSE]: MsgType.EMBEDDING_RESPONSE,
  [Cmd.CANCEL]: MsgType.NACK,
  [Cmd.SERVICE_REGISTER]: MsgType.SERVICE_REGISTER,
  [Cmd.SERVICE_UNREGISTER]: MsgType.SERVICE_UNREGISTER,
  [Cmd.SERVICE_STATUS]: MsgType.STATUS_REQUEST,
  [Cmd.LIST_SERVICES]: MsgType.STATUS_REQUEST,
  [Cmd.GET_STATS]: MsgType.STATUS_REQUEST,
  [Cmd.REPLY]: MsgType.STATUS_RESPONSE,
  [Cmd.HEARTBEAT]: MsgType.SERVICE_HEARTBEAT,
  [Cmd.EVENT]: MsgType.SERVICE_DISCOVERY,
  [Cmd.SERVICE_REVOKE]: MsgType.SERVICE_UNREGISTER,
};

/**
 * Writes a frame header for a body already at buf[offset + 40, offset + 40 + bodyLength)
 * and fills in the checksum over the whole frame.
 */
export function sealFrame(
  buf: Uint8Array,
  offset: number,
  bodyLength: number,
  cmd: number,
  correlationId: bigint,
  timestamp: bigint = BigInt(Date.now()),
): number {
  const messageType = CMD_MSG_TYPE[cmd];
  if (messageType === undefined) throw new EncodeError('frame.cmd', `unknown command ${cmd}`);
  const length = FRAME_HEADER_BYTES + bodyLength;
  if (length > Consts.MAX_MSG_BYTES) {
    throw new EncodeError('frame.length', `${length} bytes exceeds ${Consts.MAX_MSG_BYTES}`);
  }
  if (offset + length > buf.length) throw new EncodeError('frame.length', 'frame does not fit the buffer');
  const v = dataView(buf);
  v.setUint32(offset + OFF.magic, Consts.MAGIC, true);
  v.setUint32(offset + OFF.version, Consts.PROTOCOL_VERSION, true);
  v.setUint32(offset + OFF.messageType, messageType, true);
  v.setUint32(offset + OFF.length, length, true);
  v.setBigUint64(offset + OFF.correlationId, correlationId, true);
  v.setBigUint64(offset + OFF.timestamp, timestamp, true);
  v.setUint32(offset + OFF.flags, (cmd << Consts.MSG_F_GENL_CMD_SHIFT) >>> 0, true);
  v.setUint32(offset + OFF.checksum, 0, true);
  v.setUint32(offset + OFF.checksum, crc32(buf.subarray(offset, offset + length)), true);
  return length;
}

/**
 * Reads and verifies the frame at buf[offset, limit): magic, version, type,
 * length, flags and checksum. Returns the header; the body is
 * buf[offset + 40, offset + header.length).
 */
export function readFrame(buf: Uint8Array, offset: number, limit: number): FrameHeader {
  const available = limit - offset;
  if (available < FRAME_HEADER_BYTES) {
    throw new DecodeError('frame', `${available} bytes, a header needs ${FRAME_HEADER_BYTES}`);
  }
  const v = dataView(buf);
  const magic = v.getUint32(offset + OFF.magic, true);
  if (magic !== Consts.MAGIC) {
    throw new DecodeError('frame.magic', `0x${magic.toString(16)}, expected 0x${Consts.MAGIC.toString(16)}`);
  }
  const version = v.getUint32(offset + OFF.version, true);
  if (version !== Consts.PROTOCOL_VERSION) {
    throw new DecodeError('frame.version', `${version}, expected ${Consts.PROTOCOL_VERSION}`);
  }
  const messageType = v.getUint32(offset + OFF.messageType, true);
  if (!KNOWN_TYPES.has(messageType)) throw new DecodeError('frame.message_type', `unknown type 0x${messageType.toString(16)}`);
  const length = v.getUint32(offset + OFF.length, true);
  if (length < FRAME_HEADER_BYTES || length > Consts.MAX_MSG_BYTES) {
    throw new DecodeError('frame.length', `${length} is outside ${FRAME_HEADER_BYTES}..${Consts.MAX_MSG_BYTES}`);
  }
  if (length > available) throw new DecodeError('frame.length', `${length} exceeds the ${available} bytes available`);
  if ((length - FRAME_HEADER_BYTES) % 4 !== 0) {
    throw new DecodeError('frame.length', `body of ${length - FRAME_HEADER_BYTES} bytes is not 4-byte aligned`);
  }
  const flags = v.getUint32(offset + OFF.flags, true);
  if ((flags & ~Consts.MSG_F_ALL) !== 0) throw new DecodeError('frame.flags', `unknown bits 0x${(flags & ~Consts.MSG_F_ALL).toString(16)}`);
  const cmd = flags >>> Consts.MSG_F_GENL_CMD_SHIFT;
  const expectedType = CMD_MSG_TYPE[cmd];
  if (expectedType === undefined) throw new DecodeError('frame.flags', `unknown command ${cmd}`);
  if (expectedType !== messageType) {
    throw new DecodeError('frame.message_type', `0x${messageType.toString(16)} does not carry command ${cmd}`);
  }
  const stored = v.getUint32(offset + OFF.checksum, true);
  // The checksum is computed with its own field zero, without writing to buf.
  let actual = crc32(buf.subarray(offset, offset + OFF.checksum));
  actual = crc32(ZERO_CHECKSUM, actual);
  actual = crc32(buf.subarray(offset + OFF.checksum + 4, offset + length), actual);
  if (stored !== actual) {
    throw new DecodeError('frame.checksum', `0x${stored.toString(16)}, computed 0x${actual.toString(16)}`);
  }
  return {
    messageType,
    length,
    correlationId: v.getBigUint64(offset + OFF.correlationId, true),
    timestamp: v.getBigUint64(offset + OFF.timestamp, true),
    cmd,
  };
}
