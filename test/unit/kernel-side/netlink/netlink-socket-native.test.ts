// The addon's netlink socket with real NETLINK_USERSOCK sockets between two endpoints in this process.
import { afterEach, describe, expect, it } from 'vitest';

import { isErrnoException } from '../../../../src/errors.js';
import { NetlinkProtocol } from '../../../../src/kernel-side/netlink/constants.js';
import { RECV_FLAG_TRUNCATED, RecvMeta, loadNative, type NativeNetlinkSocket } from '../../../../src/native.js';
import { until } from '../../../helpers/wait.js';

const native = loadNative();
const open: NativeNetlinkSocket[] = [];
afterEach(() => {
  while (open.length) open.pop()?.close();
});

function sock(options?: { batch?: number; slotSize?: number; maxRounds?: number }): NativeNetlinkSocket {
  const s = new native.NetlinkSocket(NetlinkProtocol.USERSOCK, options);
  s.bind(0, 0);
  open.push(s);
  return s;
}

describe('native netlink socket', () => {
  it('delivers a burst in batches, not one callback per datagram', async () => {
    const rx = sock({ batch: 16 });
    rx.setRecvBufferSize(4 * 1024 * 1024);
    const tx = sock();
    const seen: number[] = [];
    let callbacks = 0;
    rx.start(
      (count) => {
        callbacks++;
        for (let i = 0; i < count; i++) {
          const len = rx.recvMeta[i * 4 + RecvMeta.LENGTH] as number;
          expect(rx.recvMeta[i * 4 + RecvMeta.PORT_ID]).toBe(tx.portId);
          seen.push(rx.recvBuffer.readUInt32LE(i * rx.slotSize) + len * 0);
        }
      },
      (err) => {
        throw err;
      },
    );
    const N = 400;
    const payload = Buffer.alloc(8 * N);
    const lengths = new Uint32Array(N).fill(8);
    for (let i = 0; i < N; i++) payload.writeUInt32LE(i, i * 8);
    expect(tx.sendBatch(payload, lengths, N, rx.portId, 0)).toBe(N);
    await until(() => seen.length === N, 'all datagrams');
    expect(seen).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(callbacks).toBeLessThanOrEqual(N / 16 + 2);
  });

  it('reports a datagram longer than its slot as truncated', async () => {
    const rx = sock({ slotSize: 4096 });
    const tx = sock();
    const flags: number[] = [];
    const lengths: number[] = [];
    rx.start(
      (count) => {
        for (let i = 0; i < count; i++) {
          flags.push(rx.recvMeta[i * 4 + RecvMeta.FLAGS] as number);
          lengths.push(rx.recvMeta[i * 4 + RecvMeta.LENGTH] as number);
        }
      },
      () => {},
    );
    tx.send(Buffer.alloc(10_000), 0, 10_000, rx.portId, 0);
    tx.send(Buffer.alloc(100), 0, 100, rx.portId, 0);
    await until(() => flags.length === 2, 'two datagrams');
    expect(flags).toEqual([RECV_FLAG_TRUNCATED, 0]);
    expect(lengths[1]).toBe(100);
  });

  it('throws Node-style errno errors', () => {
    const tx = sock();
    const dead = sock();
    const deadPort = dead.portId;
    dead.close();
    let err: unknown;
    try {
      tx.send(Buffer.alloc(16), 0, 16, deadPort, 0);
    } catch (e) {
      err = e;
    }
    expect(isErrnoException(err, 'ECONNREFUSED')).toBe(true);
    expect(err).toMatchObject({ syscall: 'sendto', errno: -111 });
    expect((err as Error).message).toBe('ECONNREFUSED: connection refused, sendto');
    const used = sock();
    const clash = new native.NetlinkSocket(NetlinkProtocol.USERSOCK);
    open.push(clash);
    expect(() => clash.bind(used.portId, 0)).toThrow(expect.objectContaining({ code: 'EADDRINUSE', syscall: 'bind' }));
  });

  it('refuses calls after close and validates arguments', () => {
    const s = sock();
    expect(() => s.send(Buffer.alloc(4), 0, 8, 1, 0)).toThrow(RangeError);
    expect(() => s.send('nope' as unknown as Buffer, 0, 1, 1, 0)).toThrow(TypeError);
    expect(() => new native.NetlinkSocket(NetlinkProtocol.USERSOCK, { batch: 0 })).toThrow(/options.batch must be an integer from 1 to 1024/);
    s.close();
    s.close();
    expect(() => s.bind(0, 0)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    expect(s.fd).toBe(-1);
  });

  it('can be closed from inside its own receive callback', async () => {
    const rx = sock({ batch: 4 });
    const tx = sock();
    let calls = 0;
    rx.start(
      () => {
        calls++;
        rx.close();
      },
      () => {},
    );
    const lengths = new Uint32Array(64).fill(16);
    tx.sendBatch(Buffer.alloc(16 * 64), lengths, 64, rx.portId, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(1);
  });

  it('runs an ioctl synchronously and on a worker thread with errno errors', async () => {
    const { openSync, closeSync } = await import('node:fs');
    const fd = openSync('/dev/null', 'r');
    try {
      // FIONREAD on /dev/null is not supported: ENOTTY, like an unknown command on our device.
      const buf = Buffer.alloc(4);
      expect(() => native.ioctlSync(fd, 0x541b, buf)).toThrow(expect.objectContaining({ code: 'ENOTTY', syscall: 'ioctl' }));
      await expect(native.ioctl(fd, 0x541b, buf)).rejects.toMatchObject({ code: 'ENOTTY' });
      // A buffer shorter than the size encoded in the request is refused before the syscall.
      expect(() => native.ioctlSync(fd, 0xc0585622, Buffer.alloc(8))).toThrow(/encodes 88/);
    } finally {
      closeSync(fd);
    }
  });

  it('writes the ioctl answer into the buffer, in both forms', async () => {
    const { execFileSync } = await import('node:child_process');
    const { closeSync, constants, mkdtempSync, openSync, writeSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const fifo = join(mkdtempSync(join(tmpdir(), 'vexfs-ioctl-')), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    try {
      writeSync(fd, Buffer.from('hello'));
      const FIONREAD = 0x541b;
      const buf = Buffer.alloc(4);
      expect(native.ioctlSync(fd, FIONREAD, buf)).toBe(0);
      expect(buf.readInt32LE(0)).toBe(5);
      buf.fill(0);
      await expect(native.ioctl(fd, FIONREAD, buf)).resolves.toBe(0);
      expect(buf.readInt32LE(0)).toBe(5);
    } finally {
      closeSync(fd);
    }
  });
});
