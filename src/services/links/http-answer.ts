/**
 * What an HTTP backend makes of a server's answer, whatever its dialect:
 * vectors checked (length, base64 alphabet, finite values) into one slab per
 * batch, bodies read with a cap, transport failures and HTTP statuses as
 * the bridge's statuses.
 */
import { Consts, Status } from '../../abi/uapi.js';
import type { EmbedResultMsg } from '../wire/proto.js';

export class BatchError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

/** Statuses for HTTP answers that are not 200 (a refusal as too large is split, not mapped). */
function statusOf(httpStatus: number): number {
  if (httpStatus === 400 || httpStatus === 422) return Status.INVALID_REQUEST;
  if (httpStatus === 404) return Status.MODEL_NOT_FOUND;
  if (httpStatus === 429) return Status.RATE_LIMITED;
  return Status.SERVICE_ERROR;
}

/** How long a server that answered 429 without saying how long is left alone, ms. */
const OVERLOADED_HOLD_MS = 1000;

/** A batch's refusal by HTTP status `httpStatus` (not 200, not "too large"), in the server's words (`reason`). */
export function refusedBatch(httpStatus: number, retryAfterHeader: string | string[] | undefined, reason: string): BatchError {
  if (httpStatus === 401 || httpStatus === 403) return new BatchError(Status.SERVICE_ERROR, `the server refused the credentials (${httpStatus}): ${reason}`);
  // A 429 without a usable Retry-After (TEI's "Model is overloaded") still means "not now": a second's rest.
  const retryAfter = Number(retryAfterHeader);
  const holdMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : httpStatus === 429 ? OVERLOADED_HOLD_MS : 0;
  return new BatchError(statusOf(httpStatus), `the server answered ${httpStatus}: ${reason}`, holdMs);
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** A request that never got an HTTP answer: the batch's time ran out (TIMEOUT), or the connection failed (SERVICE_ERROR). */
export function transportError(err: Error & { code?: string }): BatchError {
  if (err.name === 'TimeoutError' || TIMEOUT_CODES.has(err.code ?? '')) return new BatchError(Status.TIMEOUT, 'the server did not answer in time');
  return new BatchError(Status.SERVICE_ERROR, `the server could not be reached: ${err.message}`);
}

export function item(code: number, message: string): EmbedResultMsg {
  return { vector: new Uint8Array(0), error: { code, message }, traceparent: '', truncated: false };
}

export const MAX_JSON_FLOAT_CHARS = 26;
/** More tokens than bytes is impossible for the inputs the kernel sends (at most MAX_INPUT_BYTES each); this bounds a lying count. */
export const MAX_TOKENS_PER_INPUT = Consts.MAX_INPUT_BYTES;

/**
 * A float32 little-endian vector of `dims` from base64 or a number array,
 * written into `slab` at `offset`; finite values only.
 */
export function vectorInto(slab: Uint8Array, offset: number, embedding: unknown, dims: number): Uint8Array {
  const bytes = dims * 4;
  const v = slab.subarray(offset, offset + bytes);
  if (typeof embedding === 'string') {
    const length = Buffer.byteLength(embedding, 'base64');
    if (length !== bytes) throw new BatchError(Status.SERVICE_ERROR, `an embedding has ${length / 4} dimensions, expected ${dims}`);
    // The decoder skips characters outside the alphabet: fewer bytes written is how they show.
    if (Buffer.from(v.buffer, v.byteOffset, bytes).write(embedding, 0, bytes, 'base64') !== bytes) {
      throw new BatchError(Status.SERVICE_ERROR, 'an embedding has characters outside the base64 alphabet');
    }
  } else if (Array.isArray(embedding)) {
    if (embedding.length !== dims) throw new BatchError(Status.SERVICE_ERROR, `an embedding has ${embedding.length} dimensions, expected ${dims}`);
    const f = new Float32Array(v.buffer, v.byteOffset, dims);
    for (let k = 0; k < dims; k++) {
      const x = embedding[k];
      if (typeof x !== 'number') throw new BatchError(Status.SERVICE_ERROR, 'an embedding has a value that is not a number');
      f[k] = x;
    }
  } else {
    throw new BatchError(Status.SERVICE_ERROR, 'an embedding is neither base64 nor an array of numbers');
  }
  // All exponent bits set is Inf or NaN: one integer test per value (a float32 overflowing from a number array is caught too).
  const words = new Uint32Array(v.buffer, v.byteOffset, dims);
  for (let k = 0; k < dims; k++) {
    if (((words[k] as number) & 0x7f800000) === 0x7f800000) throw new BatchError(Status.SERVICE_ERROR, 'an embedding has a value that is not a finite number');
  }
  return v;
}

/** The body as text, refusing one larger than `max` bytes (a broken or hostile server). */
export async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.length;
    if (size > max) {
      body.destroy();
      throw new BatchError(Status.SERVICE_ERROR, `the answer is larger than ${max} bytes`);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An error answer's body as JSON, for the dialect to find the server's message in. */
export function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: the dialect finds no message and the text itself is the reason.
    return undefined;
  }
}
