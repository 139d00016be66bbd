// Valid messages survive encode -> decode unchanged, through genetlink and frames alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Cmd, Consts, Flags } from '../../../../src/abi/uapi.js';
import { EncodeError } from '../../../../src/errors.js';
import { FRAME_HEADER_BYTES, readFrame, sealFrame } from '../../../../src/kernel-side/messages/chardev-frame.js';
import { GENL_HDRLEN, NLMSG_HDRLEN } from '../../../../src/kernel-side/netlink/constants.js';
import { NlHeader, readNlHeader } from '../../../../src/kernel-side/netlink/message.js';
import { NlWriter } from '../../../../src/kernel-side/netlink/writer.js';
import { decodeAttrs, decodeGenl } from '../../../../src/kernel-side/messages/decode.js';
import { writeEmbedRequest, writeEmbedResponse, writeReply, writeServiceRegister, writeServiceRevoke } from '../../../../src/kernel-side/messages/encode.js';
import type { ServiceRecord } from '../../../../src/kernel-side/messages/messages.js';
import { embedRequest, embedResponse as embedResponseOf, name, to } from '../../../helpers/message-arbitraries.js';

const embedResponse = embedResponseOf();

const service: fc.Arbitrary<ServiceRecord> = fc.record({
  id: name(Consts.MAX_SERVICE_ID_LEN),
  name: name(Consts.MAX_NAME_LEN),
  version: fc.stringMatching(/^[0-9.]{0,31}$/),
  dimensions: fc.array(fc.integer({ min: 1, max: Consts.MAX_DIMENSIONS }), { minLength: 1, maxLength: Consts.MAX_DIMENSION_SETS }),
  dataTypes: fc.integer({ min: 0, max: 31 }),
  models: fc.array(name(20), { maxLength: 5 }),
  maxBatchSize: fc.integer({ min: 1, max: Consts.MAX_BATCH_SIZE }),
  priority: fc.integer({ min: 0, max: 255 }),
  endpoint: fc.stringMatching(/^unix:\/[a-z0-9/]{1,60}$/),
  flags: fc.constant(0),
});

/** The value with every Uint8Array as a Buffer, which is what the decoder hands back. */
function asBuffers<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? { __bytes: [...v] } : typeof v === 'bigint' ? { __bigint: v.toString() } : v)),
    // A request's input decodes as a plain Uint8Array (a slab copy), other bytes as Buffers.
    (k, v) =>
      v?.__bytes ? (k === 'input' ? new Uint8Array(v.__bytes) : Buffer.from(v.__bytes)) : v && typeof v.__bigint === 'string' ? BigInt(v.__bigint) : v,
  ) as T;
}

function decodeOnly(w: NlWriter) {
  const hdr = new NlHeader();
  expect(readNlHeader(w.buffer, 0, w.length, hdr)).toBe(w.length);
  return decodeGenl(w.buffer, hdr);
}

describe('codec round trips', () => {
  it('EMBED_REQUEST', () => {
    fc.assert(
      fc.property(embedRequest, (req) => {
        const w = new NlWriter(64);
        writeEmbedRequest(w, to, req);
        const got = decodeOnly(w);
        expect(got.cmd).toBe(Cmd.EMBED_REQUEST);
        expect(got.msg).toEqual(asBuffers(req));
      }),
      { numRuns: 500 },
    );
  });

  it('EMBED_RESPONSE', () => {
    fc.assert(
      fc.property(embedResponse, (res) => {
        const w = new NlWriter(64);
        writeEmbedResponse(w, to, res);
        expect(decodeOnly(w).msg).toEqual(asBuffers({ ...res, flags: res.truncated ? Flags.TRUNCATED : 0 }));
      }),
      { numRuns: 500 },
    );
  });

  it('SERVICE_REGISTER, SERVICE_REVOKE and a REPLY listing services', () => {
    fc.assert(
      fc.property(service, fc.array(service, { maxLength: 4 }), (svc, list) => {
        const w = new NlWriter(64);
        writeServiceRegister(w, to, { requestId: 3n, service: svc, callerUid: 1, callerPid: 2 });
        expect(decodeOnly(w).msg).toEqual({ requestId: 3n, service: svc, callerUid: 1, callerPid: 2, flags: 0 });
        w.reset();
        writeServiceRevoke(w, to, { serviceId: svc.id });
        expect(decodeOnly(w)).toEqual({ cmd: Cmd.SERVICE_REVOKE, msg: { serviceId: svc.id } });
        w.reset();
        writeReply(w, to, { requestId: 4n, errno: 0, services: list });
        expect(decodeOnly(w).msg).toEqual({ requestId: 4n, errno: 0, flags: 0, services: list });
      }),
      { numRuns: 300 },
    );
  });

  it('the same attribute stream travels as a frame body', () => {
    fc.assert(
      fc.property(embedRequest, (req) => {
        const w = new NlWriter(64);
        writeEmbedRequest(w, to, req);
        const body = w.buffer.subarray(NLMSG_HDRLEN + GENL_HDRLEN, w.length);
        const frame = Buffer.alloc(FRAME_HEADER_BYTES + body.length);
        body.copy(frame, FRAME_HEADER_BYTES);
        sealFrame(frame, 0, body.length, Cmd.EMBED_REQUEST, req.requestId);
        const h = readFrame(frame, 0, frame.length);
        expect(h.cmd).toBe(Cmd.EMBED_REQUEST);
        expect(h.correlationId).toBe(req.requestId);
        expect(decodeAttrs(h.cmd, frame, FRAME_HEADER_BYTES, h.length).msg).toEqual(asBuffers(req));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to encode out-of-range values and leaves nothing half-written', () => {
    const w = new NlWriter(64);
    const bad = {
      requestId: 1n,
      priority: 300,
      timeoutMs: 1,
      deadlineNs: 0n,
      dimensions: 1,
      dataType: 0,
      model: undefined,
      input: Buffer.from('x'),
      callerUid: 0,
      callerPid: 0,
      flags: 0,
      sessionKey: 0n,
    };
    expect(() => writeEmbedRequest(w, to, bad)).toThrow(EncodeError);
    expect(w.length).toBe(0);
    expect(() => writeEmbedRequest(w, to, { ...bad, priority: 1, model: 'm'.repeat(Consts.MAX_MODEL_LEN) })).toThrow(/exceeds the limit of 63/);
    expect(w.messageCount).toBe(0);
  });
});
