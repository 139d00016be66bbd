/**
 * The two hot service frames written out by hand: ServiceFrame{request:
 * EmbedBatchRequest} (daemon -> service) and ServiceFrame{response:
 * EmbedBatchResponse} (service -> daemon). protobufjs builds an operation
 * object per field written and a message object per result read; here a
 * batch is one sized buffer written in one pass, and a response one pass over
 * the frame with each vector a view of it. Same wire format as
 * proto/bridge.proto (test/unit/services/wire/batch-codec-matches-protobufjs checks
 * both against the generated code); other frames use the generated code.
 */
import { DecodeError } from '../../errors.js';
import type { EmbedBatchRequestMsg, EmbedBatchResponseMsg, EmbedResultMsg, ItemErrorMsg } from './proto.js';

// Tags: (field number << 3) | wire type (0 varint, 2 length-delimited).
const FRAME_REQUEST = (3 << 3) | 2;
const FRAME_RESPONSE = (4 << 3) | 2;

function varintSize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

function lenField(len: number): number {
  return 1 + varintSize(len) + len;
}

function varintField(v: number): number {
  return v === 0 ? 0 : 1 + varintSize(v);
}

/** A writer over one buffer sized in advance. */
class Out {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(v: number): void {
    let x = v >>> 0;
    while (x >= 0x80) {
      this.buf[this.pos++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.buf[this.pos++] = x;
  }

  uint(tag: number, v: number): void {
    if (v === 0) return;
    this.buf[this.pos++] = tag;
    this.varint(v);
  }

  bytes(tag: number, b: Uint8Array): void {
    this.buf[this.pos++] = tag;
    this.varint(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
}

/** The ServiceFrame bytes of a batch request; with `lengthPrefix`, after its u32 little-endian length (FrameWriter.writeFramed). */
export function encodeBatchRequestFrame(b: EmbedBatchRequestMsg, lengthPrefix = false): Uint8Array {
  const model = b.model === '' ? undefined : Buffer.from(b.model, 'utf8');
  let inner = varintField(b.batchId) + varintField(b.dimensions) + varintField(b.timeoutMs) + varintField(b.priority);
  if (model !== undefined) inner += lenField(model.length);
  for (const input of b.inputs) inner += lenField(input.length);
  if (b.tracePrefix.length > 0) inner += lenField(b.tracePrefix.length);
  if (b.traceRequestIds.length > 0) inner += lenField(b.traceRequestIds.length);
  if (b.traceSpanIds.length > 0) inner += lenField(b.traceSpanIds.length);
  const size = lenField(inner);
  const out = new Out(Buffer.allocUnsafe(size + (lengthPrefix ? 4 : 0)));
  if (lengthPrefix) {
    out.buf.writeUInt32LE(size, 0);
    out.pos = 4;
  }
  out.buf[out.pos++] = FRAME_REQUEST;
  out.varint(inner);
  out.uint(1 << 3, b.batchId);
  if (model !== undefined) out.bytes((2 << 3) | 2, model);
  out.uint(3 << 3, b.dimensions);
  for (const input of b.inputs) out.bytes((4 << 3) | 2, input);
  if (b.tracePrefix.length > 0) out.bytes((5 << 3) | 2, b.tracePrefix);
  out.uint(6 << 3, b.timeoutMs);
  if (b.traceRequestIds.length > 0) out.bytes((7 << 3) | 2, b.traceRequestIds);
  if (b.traceSpanIds.length > 0) out.bytes((8 << 3) | 2, b.traceSpanIds);
  out.uint(9 << 3, b.priority);
  return out.buf;
}

/** A reader over one frame; every read is bounds-checked (a peer wrote it). */
class In {
  pos: number;
  end: number;
  /** The end of the field `field()` last found. */
  fieldEnd = 0;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    end: number,
  ) {
    this.pos = start;
    this.end = end;
  }

  /** Reads [start, end) of the same frame next: one reader serves every item of a response. */
  reset(start: number, end: number): this {
    this.pos = start;
    this.end = end;
    return this;
  }

  varint(): number {
    // Most are one byte (tags, small numbers) or two (lengths up to 16 KiB).
    const end = this.end;
    if (this.pos < end) {
      const b0 = this.buf[this.pos] as number;
      if (b0 < 0x80) {
        this.pos++;
        return b0;
      }
      if (this.pos + 1 < end) {
        const b1 = this.buf[this.pos + 1] as number;
        if (b1 < 0x80) {
          this.pos += 2;
          return (b0 & 0x7f) | (b1 << 7);
        }
      }
    }
    let v = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.pos >= this.end) throw new RangeError('a varint runs past its message');
      const b = this.buf[this.pos++] as number;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v > 0xffffffff ? v % 2 ** 32 : v;
    }
    // Longer varints (int64 fields this schema does not have here): skip the rest.
    while (this.pos < this.end && (this.buf[this.pos++] as number) >= 0x80);
    return v % 2 ** 32;
  }

  /** The start of a length-delimited field's payload (its end: `fieldEnd`), without an array per field. */
  field(): number {
    const len = this.varint();
    const start = this.pos;
    if (len > this.end - start) throw new RangeError('a field runs past its message');
    this.pos = start + len;
    this.fieldEnd = this.pos;
    return start;
  }

  view(): Uint8Array {
    const s = this.field();
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset + s, this.fieldEnd - s);
  }

  string(): string {
    const s = this.field();
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + s, this.fieldEnd - s).toString('utf8');
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 2) this.field();
    else if (wire === 1) this.pos += 8;
    else if (wire === 5) this.pos += 4;
    else throw new RangeError(`wire type ${wire} is not used by this protocol`);
    if (this.pos > this.end) throw new RangeError('a field runs past its message');
  }
}

const EMPTY = new Uint8Array(0);

/** The field named when a response carries more results than its batch could have. */
export const RESULTS_FIELD = 'service frame.response.results';

function itemError(m: In): ItemErrorMsg {
  let code = 0;
  let message = '';
  while (m.pos < m.end) {
    const tag = m.varint();
    if (tag === 1 << 3) code = m.varint();
    else if (tag === ((2 << 3) | 2)) message = m.string();
    else m.skip(tag & 7);
  }
  return { code, message };
}

/**
 * The batch response in a service frame, or undefined when the frame is
 * something else (decoded by the generated code). More than `maxResults`
 * results is refused before they are built. Throws DecodeError.
 */
export function decodeBatchResponseFrame(frame: Uint8Array, maxResults: number): EmbedBatchResponseMsg | undefined {
  if (frame.length === 0 || frame[0] !== FRAME_RESPONSE) return undefined;
  try {
    const top = new In(frame, 1, frame.length);
    const start = top.field();
    const end = top.fieldEnd;
    if (top.pos !== frame.length) return undefined;
    const r = new In(frame, start, end);
    const item = new In(frame, 0, 0);
    let batchId = 0;
    let error: ItemErrorMsg | null = null;
    let model = '';
    let modelVersion = '';
    const results: EmbedResultMsg[] = [];
    while (r.pos < end) {
      const tag = r.varint();
      if (tag === 1 << 3) batchId = r.varint();
      else if (tag === ((2 << 3) | 2)) {
        if (results.length === maxResults) throw new DecodeError(RESULTS_FIELD, `more than ${maxResults} results; a batch holds at most ${maxResults}`);
        const e = item.reset(r.field(), r.fieldEnd).end;
        let vector: Uint8Array = EMPTY;
        let itemErr: ItemErrorMsg | null = null;
        let traceparent = '';
        let truncated = false;
        while (item.pos < e) {
          const t = item.varint();
          if (t === ((1 << 3) | 2)) vector = item.view();
          else if (t === ((2 << 3) | 2)) {
            const es = item.field();
            itemErr = itemError(new In(frame, es, item.fieldEnd));
          } else if (t === ((3 << 3) | 2)) traceparent = item.string();
          else if (t === 4 << 3) truncated = item.varint() !== 0;
          else item.skip(t & 7);
        }
        results.push({ vector, error: itemErr, traceparent, truncated });
      } else if (tag === ((3 << 3) | 2)) {
        const es = r.field();
        error = itemError(new In(frame, es, r.fieldEnd));
      } else if (tag === ((4 << 3) | 2)) model = r.string();
      else if (tag === ((5 << 3) | 2)) modelVersion = r.string();
      else r.skip(tag & 7);
    }
    return { batchId, results, error, model, modelVersion };
  } catch (err) {
    if (err instanceof DecodeError) throw err;
    throw new DecodeError('service frame', (err as Error).message);
  }
}
