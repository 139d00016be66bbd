/**
 * The filesystem hook's extended attribute (kernel-shim/include/uapi/linux/
 * vexfs_hook.h): a header saying what made the vectors and of what, the
 * chunks' offsets, then the vectors. Read here, never written: the hook
 * module is the only writer.
 */
import { DecodeError } from '../errors.js';
import { DataType } from './uapi.js';

export const HOOK_XATTR = 'trusted.vexfs.embedding';
export const HOOK_XATTR_MAGIC = 0x4d455856;
export const HOOK_XATTR_VERSION = 1;
/** sizeof(struct vexfs_hook_xattr_header) of version 1. */
export const HOOK_HEADER_BYTES = 224;
const CHUNK_BYTES = 16;
export const HookFlags = { FILE_CUT: 1, INPUT_TRUNCATED: 2 } as const;

export interface HookChunk {
  offset: number;
  length: number;
  vector: Float32Array;
}

export interface HookVectors {
  dimensions: number;
  flags: number;
  fileBytes: number;
  /** Hex SHA-256 of the bytes embedded. */
  sha256: string;
  model: string;
  modelVersion: string;
  serviceId: string;
  processingNs: bigint;
  chunks: HookChunk[];
}

function cString(b: Buffer, at: number, len: number): string {
  const s = b.subarray(at, at + len);
  const nul = s.indexOf(0);
  return s.subarray(0, nul < 0 ? len : nul).toString('utf8');
}

/** Parses the attribute; throws DecodeError naming what is wrong. */
export function parseHookXattr(b: Buffer): HookVectors {
  const field = HOOK_XATTR;
  if (b.length < HOOK_HEADER_BYTES) throw new DecodeError(field, `${b.length} bytes, shorter than its ${HOOK_HEADER_BYTES}-byte header`);
  if (b.readUInt32LE(0) !== HOOK_XATTR_MAGIC) throw new DecodeError(field, 'not a vexfs_hook attribute (bad magic)');
  const version = b.readUInt16LE(4);
  if (version !== HOOK_XATTR_VERSION) throw new DecodeError(field, `format version ${version}; this reader knows ${HOOK_XATTR_VERSION}`);
  const headerBytes = b.readUInt16LE(6);
  const dimensions = b.readUInt32LE(8);
  const n = b.readUInt16LE(12);
  const dataType = b[14] as number;
  if (headerBytes < HOOK_HEADER_BYTES) throw new DecodeError(field, `header of ${headerBytes} bytes, at least ${HOOK_HEADER_BYTES} expected`);
  if (dataType !== DataType.FLOAT32) throw new DecodeError(field, `data type ${dataType}; this reader knows float32 (0)`);
  if (dimensions < 1) throw new DecodeError(field, 'no dimensions');
  const need = headerBytes + n * (CHUNK_BYTES + dimensions * 4);
  if (b.length !== need) throw new DecodeError(field, `${b.length} bytes where ${n} chunks of ${dimensions} dimensions take ${need}`);
  const vectors = headerBytes + n * CHUNK_BYTES;
  const chunks: HookChunk[] = [];
  for (let i = 0; i < n; i++) {
    const at = headerBytes + i * CHUNK_BYTES;
    const vector = new Float32Array(dimensions);
    for (let d = 0; d < dimensions; d++) vector[d] = b.readFloatLE(vectors + (i * dimensions + d) * 4);
    chunks.push({ offset: Number(b.readBigUInt64LE(at)), length: b.readUInt32LE(at + 8), vector });
  }
  return {
    dimensions,
    flags: b[15] as number,
    fileBytes: Number(b.readBigUInt64LE(16)),
    sha256: b.subarray(24, 56).toString('hex'),
    model: cString(b, 56, 64),
    modelVersion: cString(b, 120, 32),
    serviceId: cString(b, 152, 64),
    processingNs: b.readBigUInt64LE(216),
    chunks,
  };
}
