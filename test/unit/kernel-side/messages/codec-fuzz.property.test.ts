// Every decoder, fed random and mutated bytes, either decodes or throws a
// DecodeError naming the field: never another exception, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Cmd, DataType } from '../../../../src/abi/uapi.js';
import { DecodeError } from '../../../../src/errors.js';
import { readFrame, sealFrame } from '../../../../src/kernel-side/messages/chardev-frame.js';
import { AttrTable } from '../../../../src/kernel-side/netlink/attributes.js';
import { MsgKind } from '../../../../src/kernel-side/netlink/constants.js';
import { readFamily, writeFamily } from '../../../../src/kernel-side/netlink/controller.js';
import { readNlError, writeNlError } from '../../../../src/kernel-side/netlink/extack.js';
import { NlHeader, readNlHeader } from '../../../../src/kernel-side/netlink/message.js';
import { NlWriter } from '../../../../src/kernel-side/netlink/writer.js';
import { decodeAttrs, decodeGenl } from '../../../../src/kernel-side/messages/decode.js';
import { writeEmbedRequest, writeReply } from '../../../../src/kernel-side/messages/encode.js';
import { attrPolicy } from '../../../../src/kernel-side/messages/policy.js';

const RUNS = 3000;

/** Runs `decode` and accepts only success or a DecodeError with a field name. */
function onlyDecodeErrors(decode: () => unknown): void {
  try {
    decode();
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    expect(err.field.length).toBeGreaterThan(0);
  }
}

/** Walks every message of a datagram and decodes each as the daemon would. */
function decodeDatagram(buf: Buffer): void {
  const hdr = new NlHeader();
  let pos = 0;
  while (pos < buf.length) {
    pos = readNlHeader(buf, pos, buf.length, hdr);
    if (hdr.type === MsgKind.ERROR) readNlError(buf, hdr);
    else if (hdr.type === 0x10) readFamily(buf, hdr);
    else decodeGenl(buf, hdr);
  }
}

function sampleDatagram(): Buffer {
  const w = new NlWriter(256);
  const to = { familyId: 0x20, seq: 7, portId: 99 };
  writeEmbedRequest(w, to, {
    requestId: 42n,
    priority: 128,
    timeoutMs: 1000,
    deadlineNs: 123456789n,
    dimensions: 384,
    dataType: DataType.FLOAT16,
    model: 'mini',
    input: Buffer.from('hello world'),
    callerUid: 1000,
    callerPid: 4321,
    flags: 0,
    sessionKey: 77n,
  });
  writeReply(w, to, {
    requestId: 5n,
    errno: 0,
    services: [
      {
        id: 'svc-1',
        name: 'one',
        version: '1',
        dimensions: [384, 768],
        dataTypes: 3,
        models: ['a', 'b'],
        maxBatchSize: 64,
        priority: 1,
        endpoint: 'unix:/tmp/s',
        flags: 0,
        state: 1,
        totalRequests: 9n,
      },
    ],
    stats: { REQUESTS_SUBMITTED: 3n, INFLIGHT: 1n },
  });
  const hdr = new NlHeader();
  readNlHeader(w.buffer, 0, w.length, hdr);
  writeNlError(w, hdr, 22, 0, 'bad thing');
  writeFamily(w, 1, 0, { id: 0x20, name: 'VEXFS_IPC', version: 1, hdrSize: 0, maxAttr: 27, ops: [{ id: 3, flags: 2 }], groups: [{ name: 'events', id: 5 }] });
  return Buffer.from(w.buffer.subarray(0, w.length));
}

describe('decoders under random and mutated input', () => {
  const valid = sampleDatagram();

  it('decode the unmutated sample datagram', () => {
    expect(() => decodeDatagram(valid)).not.toThrow();
  });

  it('random bytes: netlink datagrams', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => onlyDecodeErrors(() => decodeDatagram(Buffer.from(bytes)))),
      { numRuns: RUNS },
    );
  });

  it('random bytes: attribute streams of every command', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.uint8Array({ maxLength: 512 }), (cmd, bytes) =>
        onlyDecodeErrors(() => decodeAttrs(cmd, Buffer.from(bytes), 0, bytes.length)),
      ),
      { numRuns: RUNS },
    );
  });

  it('random attributes with plausible headers: policy table', () => {
    const attr = fc
      .record({ type: fc.integer({ min: 0, max: 40 }), nested: fc.boolean(), payload: fc.uint8Array({ maxLength: 24 }) })
      .map(({ type, nested, payload }) => {
        const b = Buffer.alloc(4 + ((payload.length + 3) & ~3));
        b.writeUInt16LE(4 + payload.length, 0);
        b.writeUInt16LE(type | (nested ? 0x8000 : 0), 2);
        b.set(payload, 4);
        return b;
      });
    const table = new AttrTable(attrPolicy);
    fc.assert(
      fc.property(fc.array(attr, { maxLength: 12 }), fc.integer({ min: 0, max: 13 }), (attrs, cmd) => {
        const stream = Buffer.concat(attrs);
        onlyDecodeErrors(() => table.parse(stream, 0, stream.length));
        onlyDecodeErrors(() => decodeAttrs(cmd, stream, 0, stream.length));
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated valid datagrams: flipped bytes, truncation, extension', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(valid.length - 1), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: valid.length }),
        fc.uint8Array({ maxLength: 16 }),
        (flips, cut, tail) => {
          const bytes = Buffer.concat([valid, Buffer.from(tail)]);
          for (const f of flips) bytes[f.at] = f.value;
          onlyDecodeErrors(() => decodeDatagram(bytes.subarray(0, Math.min(bytes.length, cut + tail.length))));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('misaligned message offsets are rejected', () => {
    const hdr = new NlHeader();
    expect(() => readNlHeader(valid, 2, valid.length, hdr)).toThrow(DecodeError);
  });

  it('random bytes and mutated frames: frame header', () => {
    const frame = Buffer.alloc(128);
    frame.set(valid.subarray(20, 60), 40);
    const len = sealFrame(frame, 0, 40, Cmd.EMBED_REQUEST, 42n, 1n);
    expect(readFrame(frame, 0, len).correlationId).toBe(42n);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => onlyDecodeErrors(() => readFrame(Buffer.from(bytes), 0, bytes.length))),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.nat(len - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const copy = Buffer.from(frame.subarray(0, len));
        copy[at] = (copy[at] as number) ^ xor;
        // Any single-byte change is caught: by a field check or by the CRC.
        expect(() => readFrame(copy, 0, len)).toThrow(DecodeError);
      }),
      { numRuns: RUNS },
    );
  });
});
