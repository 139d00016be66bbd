// Send batching and back-off in the TS socket, with a fake native socket injected.
import { describe, expect, it } from 'vitest';

import { QueueFullError } from '../../../../src/errors.js';
import type { NativeAddon, NativeNetlinkSocket } from '../../../../src/native.js';
import { NlHeader, readNlHeader } from '../../../../src/kernel-side/netlink/message.js';
import { NetlinkSocket } from '../../../../src/kernel-side/netlink/socket.js';
import { until } from '../../../helpers/wait.js';

interface Sent {
  datagrams: Buffer[];
  dest: number;
}

function errno(code: string, n: number): Error {
  return Object.assign(new Error(`${code}: fake, sendto`), { code, errno: -n, syscall: 'sendto' });
}

/** A fake that records datagrams and fails the next sends as scripted. */
function fakeNative(script: Array<Error | number> = []) {
  const sent: Sent[] = [];
  class FakeSocket implements Partial<NativeNetlinkSocket> {
    readonly fd = 99;
    readonly portId = 1234;
    readonly slotSize = 65536;
    readonly recvBuffer = Buffer.alloc(0);
    readonly recvMeta = new Uint32Array(0);
    bind() {}
    setRecvBufferSize() {}
    setSendBufferSize() {}
    close() {}
    start() {}
    send(buf: Uint8Array, offset: number, length: number, dest: number) {
      const step = script.shift();
      if (step instanceof Error) throw step;
      sent.push({ datagrams: [Buffer.from(buf.subarray(offset, offset + length))], dest });
      return length;
    }
    sendBatch(buf: Uint8Array, lengths: Uint32Array, count: number, dest: number) {
      const step = script.shift();
      if (step instanceof Error) throw step;
      const n = typeof step === 'number' ? Math.min(step, count) : count;
      const datagrams: Buffer[] = [];
      let off = 0;
      for (let i = 0; i < n; i++) {
        datagrams.push(Buffer.from(buf.subarray(off, off + (lengths[i] as number))));
        off += lengths[i] as number;
      }
      sent.push({ datagrams, dest });
      return n;
    }
  }
  return { native: { NetlinkSocket: FakeSocket } as unknown as Pick<NativeAddon, 'NetlinkSocket'>, sent };
}

function queue(sock: NetlinkSocket, dest: number, count: number, bodyBytes: number) {
  for (let i = 0; i < count; i++) {
    const w = sock.outbox(dest);
    w.beginMessage(0x20, 1, i, 1234).raw(Buffer.alloc(bodyBytes, i & 0xff));
    w.endMessage();
  }
}

function seqs(datagrams: Buffer[]): number[] {
  const out: number[] = [];
  const hdr = new NlHeader();
  for (const d of datagrams) {
    let pos = 0;
    while (pos < d.length) {
      pos = readNlHeader(d, pos, d.length, hdr);
      out.push(hdr.seq);
    }
  }
  return out;
}

describe('netlink socket send batching', () => {
  it('sends everything queued in one tick as one datagram', async () => {
    const { native, sent } = fakeNative();
    const sock = new NetlinkSocket(2, { native });
    queue(sock, 7, 50, 100);
    expect(sent).toHaveLength(0);
    await Promise.resolve();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.dest).toBe(7);
    expect(seqs(sent[0]?.datagrams ?? [])).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('splits at message boundaries into datagrams no larger than maxDatagram, in one sendmmsg', async () => {
    const { native, sent } = fakeNative();
    const sock = new NetlinkSocket(2, { native, maxDatagram: 4096 });
    queue(sock, 7, 40, 1000);
    await Promise.resolve();
    expect(sent).toHaveLength(1);
    const datagrams = sent[0]?.datagrams ?? [];
    expect(datagrams.length).toBeGreaterThan(1);
    for (const d of datagrams) expect(d.length).toBeLessThanOrEqual(4096);
    expect(seqs(datagrams)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('keeps separate destinations separate', async () => {
    const { native, sent } = fakeNative();
    const sock = new NetlinkSocket(2, { native });
    queue(sock, 7, 3, 10);
    queue(sock, 8, 2, 10);
    await Promise.resolve();
    expect(sent.map((s) => [s.dest, seqs(s.datagrams).length]).sort()).toEqual([
      [7, 3],
      [8, 2],
    ]);
  });

  it('retries after EAGAIN and after a partial sendmmsg, losing and duplicating nothing', async () => {
    const { native, sent } = fakeNative([errno('EAGAIN', 11), 2]);
    const sock = new NetlinkSocket(2, { native, maxDatagram: 4096 });
    queue(sock, 7, 40, 1000);
    await until(() => seqs(sent.flatMap((s) => s.datagrams)).length === 40, 'all messages after retries');
    expect(seqs(sent.flatMap((s) => s.datagrams))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(sock.pendingBytes).toBe(0);
  });

  it('reports other send errors with the number of messages dropped', async () => {
    const { native } = fakeNative([errno('ECONNREFUSED', 111)]);
    const sock = new NetlinkSocket(2, { native });
    const errors: Array<[string, number, number]> = [];
    sock.on('sendError', (err, dest, lost) => errors.push([(err as Error & { code: string }).code, dest, lost]));
    queue(sock, 9, 5, 10);
    await Promise.resolve();
    expect(errors).toEqual([['ECONNREFUSED', 9, 5]]);
    expect(sock.pendingBytes).toBe(0);
  });

  it('refuses to queue past maxPendingBytes for a destination that is not draining', async () => {
    const { native } = fakeNative(Array.from({ length: 100 }, () => errno('EAGAIN', 11)));
    const sock = new NetlinkSocket(2, { native, maxPendingBytes: 10_000 });
    queue(sock, 7, 9, 1000); // 9 x 1016 bytes
    await Promise.resolve(); // the flush fails with EAGAIN and backs off
    expect(sock.pendingBytes).toBe(9144);
    queue(sock, 7, 1, 1000); // still under the bound when queued
    expect(() => queue(sock, 7, 1, 1000)).toThrow(QueueFullError);
    expect(sock.pendingBytes).toBe(10160);
    sock.close();
  });
});
