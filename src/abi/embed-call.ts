/**
 * One embedding request as its caller states it, whichever way it enters
 * the kernel side: vexfs_ipc_embed() in the module, SEND_EMBEDDING_REQUEST
 * on the device, or the kernel twin's embed(). Each entry adds only what is
 * its own (the twin's caller identity, the device's raw struct overrides).
 */
import { InvalidArgumentError } from '../errors.js';
import { Consts, Priority, checkSessionKey } from './uapi.js';

export interface EmbedCall {
  input: Uint8Array;
  dimensions: number;
  /** A DataType; absent: float32. */
  dataType?: number;
  model?: string;
  /** 0-255; absent: Priority.NORMAL. */
  priority?: number;
  /** 0 or absent: VEXFS_IPC_DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The caller's session for sticky routing, 1 to 2^64-1 (0n or absent: none). */
  sessionKey?: bigint;
}

/** Who made a vector (struct vexfs_ipc_provenance); what the daemon did not say is '' or undefined. */
export interface VectorProvenance {
  serviceId: string;
  model: string;
  modelVersion: string;
  dimensions: number;
  dataType: number;
  /** The service embedded only a prefix of the input. */
  truncated: boolean;
}

export interface EmbedResult {
  requestId: bigint;
  status: number;
  /** With status SUCCESS: exactly vectorBytes(dimensions, dataType) bytes. */
  vector: Buffer | undefined;
  processingNs: bigint;
  /** With status SUCCESS: who made the vector. */
  provenance: VectorProvenance | undefined;
}

/** An EmbedCall that passed the module's checks, defaults filled in. */
export type CheckedEmbedCall = Required<Omit<EmbedCall, 'model'>> & Pick<EmbedCall, 'model'>;

/** The module's checks on a caller's request (vexfs_ipc_embed), each error naming the field and what it accepts. */
export function checkEmbedCall(call: EmbedCall): CheckedEmbedCall {
  const dims = call.dimensions;
  if (!Number.isInteger(dims) || dims < 1 || dims > Consts.MAX_DIMENSIONS) {
    throw new InvalidArgumentError('dimensions', `${dims} is not an integer from 1 to ${Consts.MAX_DIMENSIONS}`);
  }
  const input = call.input;
  if (!(input instanceof Uint8Array) || input.length < 1 || input.length > Consts.MAX_INPUT_BYTES) {
    throw new InvalidArgumentError('input', `must be 1 to ${Consts.MAX_INPUT_BYTES} bytes`);
  }
  const dataType = call.dataType ?? 0;
  if (!Number.isInteger(dataType) || dataType < 0 || dataType > Consts.DTYPE_MAX) {
    throw new InvalidArgumentError('dataType', `${dataType} is not a data type (0 to ${Consts.DTYPE_MAX})`);
  }
  const priority = call.priority ?? Priority.NORMAL;
  if (!Number.isInteger(priority) || priority < 0 || priority > 255) {
    throw new InvalidArgumentError('priority', `${priority} is not an integer from 0 to 255`);
  }
  const timeoutMs = call.timeoutMs || Consts.DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > Consts.MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError('timeoutMs', `${timeoutMs} is not an integer from 1 to ${Consts.MAX_TIMEOUT_MS}`);
  }
  if (call.model !== undefined && (call.model.length < 1 || Buffer.byteLength(call.model) >= Consts.MAX_MODEL_LEN)) {
    throw new InvalidArgumentError('model', `must be 1 to ${Consts.MAX_MODEL_LEN - 1} bytes`);
  }
  return { input, dimensions: dims, dataType, model: call.model, priority, timeoutMs, sessionKey: checkSessionKey(call.sessionKey) };
}
