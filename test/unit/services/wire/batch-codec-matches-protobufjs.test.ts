// The hand-written codec of the two hot service frames reads and writes what the generated
// protobufjs code does, and refuses what a hostile service could send with a DecodeError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { DecodeError } from '../../../../src/errors.js';
import { RESULTS_FIELD, decodeBatchResponseFrame, encodeBatchRequestFrame } from '../../../../src/services/wire/batch-codec.js';
import { type EmbedBatchRequestMsg, decodeServiceFrame, encodeServiceFrame } from '../../../../src/services/wire/proto.js';

const bytes = (max: number) => fc.uint8Array({ maxLength: max });
const u32 = fc.integer({ min: 0, max: 0xffffffff });

const batch = fc.record({
  batchId: u32,
  model: fc.string({ unit: 'grapheme', maxLength: 20 }),
  dimensions: u32,
  inputs: fc.array(bytes(300), { maxLength: 12 }),
  tracePrefix: fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ minLength: 8, maxLength: 8 })),
  timeoutMs: u32,
  traceRequestIds: bytes(96),
  traceSpanIds: bytes(96),
  priority: fc.integer({ min: 0, max: 255 }),
});

const itemError = fc.option(fc.record({ code: u32, message: fc.string({ maxLength: 30 }) }), { nil: null });
const response = fc.record({
  batchId: u32,
  results: fc.array(fc.record({ vector: bytes(64), error: itemError, traceparent: fc.string({ maxLength: 60 }) }), { maxLength: 10 }),
  error: itemError,
});

const plain = (b: Uint8Array | null | undefined) => [...(b ?? [])];

describe('the hand-written batch codec', () => {
  it('encodes batch requests that the generated code decodes to the same batch', () => {
    fc.assert(
      fc.property(batch, (b: EmbedBatchRequestMsg) => {
        const framed = encodeBatchRequestFrame(b, true);
        const bare = encodeBatchRequestFrame(b);
        expect(Buffer.from(framed).readUInt32LE(0)).toBe(bare.length);
        expect(Buffer.from(framed.subarray(4)).equals(Buffer.from(bare))).toBe(true);
        const got = decodeServiceFrame(bare).request;
        expect(got).toBeTruthy();
        expect({
          batchId: got?.batchId,
          model: got?.model,
          dimensions: got?.dimensions,
          inputs: got?.inputs.map(plain),
          tracePrefix: plain(got?.tracePrefix),
          timeoutMs: got?.timeoutMs,
          traceRequestIds: plain(got?.traceRequestIds),
          traceSpanIds: plain(got?.traceSpanIds),
          priority: got?.priority,
        }).toEqual({
          ...b,
          inputs: b.inputs.map(plain),
          tracePrefix: plain(b.tracePrefix),
          traceRequestIds: plain(b.traceRequestIds),
          traceSpanIds: plain(b.traceSpanIds),
        });
      }),
    );
  });

  it('decodes batch responses the generated code encodes to what the generated code decodes', () => {
    fc.assert(
      fc.property(response, (r) => {
        const frame = encodeServiceFrame({ response: r });
        const mine = decodeBatchResponseFrame(frame, 1000);
        const theirs = decodeServiceFrame(frame).response;
        expect(mine?.batchId).toBe(theirs?.batchId);
        expect(mine?.error ?? null).toEqual(theirs?.error ? { code: theirs.error.code, message: theirs.error.message } : null);
        expect(mine?.results.map((x) => ({ v: plain(x.vector), e: x.error, t: x.traceparent }))).toEqual(
          theirs?.results.map((x) => ({ v: plain(x.vector), e: x.error ? { code: x.error.code, message: x.error.message } : null, t: x.traceparent })),
        );
      }),
    );
  });

  it('leaves other frames to the generated code and refuses truncated or overfull responses with a DecodeError', () => {
    expect(decodeBatchResponseFrame(encodeServiceFrame({ heartbeat: { serviceId: 'x', activeRequests: 1 } }), 10)).toBeUndefined();
    fc.assert(
      fc.property(response, fc.nat(), (r, cut) => {
        const frame = encodeServiceFrame({ response: r });
        const prefix = frame.subarray(0, cut % (frame.length + 1));
        try {
          decodeBatchResponseFrame(prefix, 1000);
        } catch (err) {
          expect(err).toBeInstanceOf(DecodeError);
        }
      }),
    );
    const many = encodeServiceFrame({ response: { batchId: 1, results: Array.from({ length: 5 }, () => ({ vector: new Uint8Array(4) })) } });
    expect(() => decodeBatchResponseFrame(many, 4)).toThrow(expect.objectContaining({ field: RESULTS_FIELD }));
    expect(decodeBatchResponseFrame(many, 5)?.results).toHaveLength(5);
  });
});
