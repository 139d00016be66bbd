// A service list longer than one netlink attribute (64 KiB) leaves in parts instead of
// throwing: 82 maximum-length registrations used to make LIST_SERVICES kill the daemon.
import { describe, expect, it } from 'vitest';

import { Cmd, Consts, Flags } from '../../../../src/abi/uapi.js';
import { readNlHeader, NlHeader } from '../../../../src/kernel-side/netlink/message.js';
import { NlWriter } from '../../../../src/kernel-side/netlink/writer.js';
import { decodeGenl } from '../../../../src/kernel-side/messages/decode.js';
import { writeReply } from '../../../../src/kernel-side/messages/encode.js';
import type { ReplyMessage, ServiceRecord } from '../../../../src/kernel-side/messages/messages.js';

const to = { familyId: 0x1f, seq: 0, portId: 7 };

function longest(i: number): ServiceRecord {
  const pad = (s: string, len: number) => (s + 'x'.repeat(len)).slice(0, len);
  return {
    id: pad(`svc-${i}-`, Consts.MAX_SERVICE_ID_LEN - 1),
    name: pad(`name ${i} `, Consts.MAX_NAME_LEN - 1),
    version: pad('1.', Consts.MAX_VERSION_LEN - 1),
    dimensions: Array.from({ length: Consts.MAX_DIMENSION_SETS }, (_, k) => k + 1),
    dataTypes: 1,
    models: [pad('m', Consts.MAX_MODELS_LEN - 1)],
    maxBatchSize: Consts.MAX_BATCH_SIZE,
    priority: 255,
    endpoint: pad('unix:/tmp/', Consts.MAX_ENDPOINT_LEN - 1),
    flags: 0,
    state: 1,
    health: 100,
    uid: 65534,
    pid: 4242,
    totalRequests: 1n,
    failures: 0n,
  };
}

function decodeAll(w: NlWriter): ReplyMessage[] {
  const out: ReplyMessage[] = [];
  const hdr = new NlHeader();
  let pos = 0;
  while (pos < w.length) {
    pos = readNlHeader(w.buffer, pos, w.length, hdr);
    expect(hdr.length).toBeLessThanOrEqual(Consts.MAX_MSG_BYTES);
    const m = decodeGenl(w.buffer, hdr);
    if (m.cmd !== Cmd.REPLY) throw new Error(`unexpected command ${m.cmd}`);
    out.push(m.msg);
  }
  return out;
}

describe('REPLY to LIST_SERVICES with a long list', () => {
  it('splits the maximum registry of maximum-length records into parts flagged MORE, all but the last', () => {
    const services = Array.from({ length: Consts.MAX_SERVICES }, (_, i) => longest(i));
    const w = new NlWriter();
    const messages = writeReply(w, to, { requestId: 9n, errno: 0, services });
    const parts = decodeAll(w);
    expect(parts.length).toBe(messages);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.slice(0, -1).every((p) => p.flags === Flags.MORE && p.errno === 0)).toBe(true);
    expect(parts.at(-1)?.flags).toBe(0);
    expect(parts.every((p) => p.requestId === 9n)).toBe(true);
    expect(parts.flatMap((p) => p.services ?? []).map((s) => s.id)).toEqual(services.map((s) => s.id));
  });

  it('keeps a short list in one message with no MORE flag', () => {
    const w = new NlWriter();
    expect(writeReply(w, to, { requestId: 3n, errno: 0, services: [longest(1), longest(2)] })).toBe(1);
    const [only] = decodeAll(w);
    expect(only?.flags).toBe(0);
    expect(only?.services?.length).toBe(2);
  });

  it('answers an empty list with one message', () => {
    const w = new NlWriter();
    expect(writeReply(w, to, { requestId: 4n, errno: 0, services: [] })).toBe(1);
    expect(decodeAll(w)[0]?.services).toEqual([]);
  });
});
