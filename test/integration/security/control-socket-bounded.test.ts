// The control socket bounds its connections and the bytes of unfinished
// requests it holds for all of them; past either, the newcomer is told why (ENFILE, ENOBUFS) and closed.
import { constants } from 'node:os';
import { type Socket, connect } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { FrameReader } from '../../../src/services/wire/frames.js';
import { type ControlResponseMsg, decodeControlResponse } from '../../../src/services/wire/proto.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;
const sockets: Socket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
});

/** A raw control connection: what the daemon answers on it, and whether it closed. */
async function open(path: string) {
  const socket = connect(path);
  sockets.push(socket);
  const answers: ControlResponseMsg[] = [];
  let closed = false;
  const reader = new FrameReader((f) => answers.push(decodeControlResponse(f)));
  socket.on('data', (d) => reader.push(d));
  socket.on('error', () => {});
  socket.on('close', () => {
    closed = true;
  });
  await new Promise<void>((r) => socket.once('connect', () => r()));
  return { socket, answers, closed: () => closed };
}

describe('control socket bounds', () => {
  it('refuses a connection past controlMaxConnections with ENFILE and a reason', async () => {
    bridge = await start({ controlMaxConnections: 4 });
    const path = bridge.daemon.config.controlSocket;
    for (let i = 0; i < 4; i++) await open(path);
    await until(() => bridge!.daemon.controlServer!.connections === 4, 'four connections held');
    const fifth = await open(path);
    await until(() => fifth.closed(), 'the fifth connection closed');
    expect(fifth.answers).toHaveLength(1);
    expect(fifth.answers[0]!.errno).toBe(constants.errno.ENFILE);
    expect(fifth.answers[0]!.error).toMatch(/at most 4 \(controlMaxConnections\)/);
    expect(bridge.daemon.controlServer!.connections).toBe(4);
  });

  it('holds at most controlMaxBufferedBytes of half-sent requests for all connections together', async () => {
    const cap = 2 << 20;
    bridge = await start({ controlMaxBufferedBytes: cap });
    const path = bridge.daemon.config.controlSocket;
    // Each claims a 1000 KiB request and sends 800 KiB of it, then stalls.
    const half = () => {
      const head = Buffer.alloc(4);
      head.writeUInt32LE(1000 * 1024);
      return Buffer.concat([head, Buffer.alloc(800 * 1024, 7)]);
    };
    const conns = [await open(path), await open(path), await open(path)];
    for (const c of conns.slice(0, 2)) c.socket.write(half());
    await until(() => bridge!.daemon.controlServer!.bufferedBytes === 2 * (4 + 800 * 1024), 'two half-sent requests held');
    conns[2]!.socket.write(half());
    await until(() => conns[2]!.closed(), 'the third connection closed');
    expect(conns[2]!.answers[0]!.errno).toBe(constants.errno.ENOBUFS);
    expect(conns[2]!.answers[0]!.error).toMatch(/at most 2097152 \(controlMaxBufferedBytes\)/);
    await until(() => bridge!.daemon.controlServer!.bufferedBytes === 2 * (4 + 800 * 1024), 'the third one released');
    expect(conns.slice(0, 2).every((c) => !c.closed())).toBe(true);
    conns[0]!.socket.destroy();
    await until(() => bridge!.daemon.controlServer!.bufferedBytes === 4 + 800 * 1024, 'a closed connection frees what it held');
  });
});
