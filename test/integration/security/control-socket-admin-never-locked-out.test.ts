// The control socket shares its limits out: another local user holding every connection it can
// (and idle ones) does not lock out root; idle connections are let go; a registration whose
// token is still being checked when its connection closes is not made.
import { spawn } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { connect } from 'node:net';
import { constants } from 'node:os';

import { describe, expect, it } from 'vitest';

import { FrameReader, FrameWriter } from '../../../src/services/wire/frames.js';
import { type ControlResponseMsg, decodeControlResponse, encodeControlRequest } from '../../../src/services/wire/proto.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
const NOBODY = { uid: 65534, gid: 65534 };

/** As uid 65534: opens `n` control connections and holds them; prints how many the daemon has refused so far (an answer, or closed). */
function hogAs(path: string, n: number) {
  const script = `const net = require('node:net'); let refused = 0;
    for (let i = 0; i < ${n}; i++) { const s = net.connect(${JSON.stringify(path)}); let gone = false;
      const out = () => { if (gone) return; gone = true; console.log(++refused); };
      s.on('error', () => {}); s.on('data', out); s.on('close', out); }
    process.stdin.on('data', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script], { ...NOBODY, stdio: ['pipe', 'pipe', 'inherit'] });
  let refused = 0;
  child.stdout.on('data', (d: Buffer) => {
    refused = Math.max(refused, ...d.toString().trim().split('\n').map(Number));
  });
  return { child, refused: () => refused };
}

describe('control socket shares', () => {
  it('another user holding every connection it can does not lock out root', async () => {
    const bridge = await start({ controlMaxConnections: 64 });
    chmodSync(bridge.dir, 0o755);
    chmodSync(bridge.daemon.config.controlSocket, 0o666);
    const hog = hogAs(bridge.daemon.config.controlSocket, 80);
    try {
      // 64 less the administrators' eighth is 56; one user's share is a quarter of that: 14 kept, 66 refused.
      await until(() => hog.refused() === 66 && bridge.daemon.controlServer!.connections === 14, 'the other user held to its share', 20_000);
      const admin = await ControlClient.connect(bridge.daemon.config.controlSocket);
      expect(Array.isArray(await admin.list())).toBe(true);
      admin.close();
    } finally {
      hog.child.stdin.end('x');
    }
  });

  it('closes a connection idle for controlIdleMs with a reason, and keeps one that holds a registration', async () => {
    const bridge = await start({ controlIdleMs: 300 });
    const path = bridge.daemon.config.controlSocket;
    const holder = await ControlClient.connect(path);
    await holder.register({
      id: 'held',
      name: 'n',
      version: '',
      dimensions: [8],
      dataTypes: 1,
      priority: 0,
      metadata: {},
      models: ['m'],
      maxBatchSize: 1,
      endpoint: 'unix:/tmp/held.sock',
    });
    const idle = connect(path);
    const answers: ControlResponseMsg[] = [];
    const reader = new FrameReader((f) => answers.push(decodeControlResponse(f)));
    idle.on('data', (d) => reader.push(d));
    let closed = false;
    idle.on('close', () => {
      closed = true;
    });
    await until(() => closed, 'the idle connection closed');
    expect(answers[0]?.errno).toBe(constants.errno.ETIMEDOUT);
    expect(answers[0]?.error).toMatch(/idle for 300 ms with nothing in progress \(controlIdleMs\)/);
    // Well past its idle time, the registration's connection is still there.
    await until(() => bridge.daemon.controlServer!.connections === 1, 'only the holder left');
    expect(bridge.daemon.registry.get('held')).toBeDefined();
    holder.close();
  });

  it('a registration whose token is still being checked when its connection closes is not made', async () => {
    const bridge = await start({ stateDir: `${(await import('node:fs')).mkdtempSync('/tmp/vexfs-state-')}` });
    const admin = await ControlClient.connect(bridge.daemon.config.controlSocket);
    const { token } = await admin.tokenCreate({ services: 'late-*', models: ['m'], ttlMs: 60_000, note: '' });
    admin.close();
    // The check is held open until the connection has closed.
    const tokens = (bridge.daemon as unknown as { tokens: { verify: (t: string) => Promise<unknown> } }).tokens;
    const verify = tokens.verify.bind(tokens);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const checks: Promise<unknown>[] = [];
    tokens.verify = (t) => {
      const p = gate.then(() => verify(t));
      checks.push(p);
      return p;
    };
    const socket = connect(bridge.daemon.config.controlSocket);
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.on('error', () => {});
    new FrameWriter(socket).write(
      encodeControlRequest({
        id: 1,
        token,
        register: { id: 'late-1', name: 'n', version: '', dimensions: [8], models: ['m'], maxBatchSize: 1, endpoint: 'unix:/tmp/late.sock' },
      }),
    );
    await until(() => checks.length === 1, 'the token check started');
    socket.destroy();
    await until(() => bridge.daemon.controlServer!.connections === 0, 'the connection gone');
    release();
    await Promise.allSettled(checks);
    await new Promise((r) => setImmediate(r));
    expect(bridge.daemon.registry.get('late-1')).toBeUndefined();
  });
});
