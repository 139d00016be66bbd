// Clients send nothing to a control socket another user could have planted (the per-uid fallback
// under a world-writable TMPDIR, made first by someone else), and take registration tokens only
// from a file or the environment: a token on the command line is refused before it is used.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { useBridge } from '../../helpers/bridge.js';
import { VEXFSCTL, ctl } from '../../helpers/ctl.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
const VICTIM = { uid: 65534, gid: 65534 };
const ATTACKER = 65533;
const EMBEDDER = join(import.meta.dirname, '..', '..', '..', 'dist', 'bin', 'vexfs-hash-embedder.js');

describe('clients and their secrets', () => {
  it('vexfsctl sends nothing to a control socket another user planted at its per-uid fallback', async () => {
    // A TMPDIR like /tmp: root's, world-writable, sticky.
    const tmp = mkdtempSync(join(tmpdir(), 'vexfs-sharedtmp-'));
    chmodSync(tmp, 0o1777);
    // The other user gets there first: /tmp/vexfs-65534/control.sock is theirs.
    const trapDir = join(tmp, `vexfs-${VICTIM.uid}`);
    mkdirSync(trapDir, { mode: 0o755 });
    const received: Buffer[] = [];
    const conns: Socket[] = [];
    const trap = createServer((s) => {
      conns.push(s);
      s.on('data', (d) => received.push(d));
    });
    const trapPath = join(trapDir, 'control.sock');
    await new Promise<void>((r) => trap.listen(trapPath, () => r()));
    chmodSync(trapPath, 0o777);
    chownSync(trapPath, ATTACKER, ATTACKER);
    chownSync(trapDir, ATTACKER, ATTACKER);
    try {
      const env = { TMPDIR: tmp, VEXFS_CONTROL_SOCKET: '', XDG_RUNTIME_DIR: '', VEXFS_REGISTRATION_TOKEN: 'secret-token-of-the-victim' };
      const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [VEXFSCTL, '--via', 'daemon', 'register', '--id', 'x', '--dims', '8', '--endpoint', 'unix:/tmp/x.sock', '--hold-ms', '1'],
          { env: { ...process.env, ...env, NO_COLOR: '1' }, ...VICTIM, timeout: 20_000 },
          (err, _stdout, stderr) => resolve({ code: err === null ? 0 : ((err as { code?: number }).code ?? -1), stderr }),
        );
      });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(
        new RegExp(
          `refusing to use the control socket .*vexfs-65534/control.sock: .*vexfs-65534 is owned by uid ${ATTACKER} inside a directory anyone may write to`,
        ),
      );
      expect(Buffer.concat(received).length).toBe(0);
      expect(conns).toHaveLength(0);
    } finally {
      for (const c of conns) c.destroy();
      trap.close();
    }
  });

  it('the SDK refuses the same planted socket before connecting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-open-'));
    chmodSync(dir, 0o777);
    const path = join(dir, 'control.sock');
    const trap = createServer(() => {});
    await new Promise<void>((r) => trap.listen(path, () => r()));
    try {
      await expect(ControlClient.connect(path)).rejects.toThrow(/is writable by users other than its owner \(mode 777\)/);
    } finally {
      trap.close();
    }
  });

  it('a token on the command line is refused (vexfsctl and the embedders); --token-file is taken', async () => {
    const bridge = await start({ stateDir: mkdtempSync(join(tmpdir(), 'vexfs-state-')) });
    const socket = bridge.daemon.config.controlSocket;
    const viaArgv = await ctl(['--socket', socket, 'register', '--id', 'tok-a', '--dims', '8', '--endpoint', 'unix:/tmp/tok-a.sock', '--token', 'x']);
    expect(viaArgv.code).toBe(2);
    expect(viaArgv.stderr).toMatch(/--token would put the token in \/proc\/<pid>\/cmdline.*--token-file PATH/);
    const embedder = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [EMBEDDER, '--token', 'x', socket], { timeout: 20_000 }, (err, _o, stderr) =>
        resolve({ code: err === null ? 0 : ((err as { code?: number }).code ?? -1), stderr }),
      );
    });
    expect(embedder.code).toBe(2);
    expect(embedder.stderr).toMatch(/--token would put the token in \/proc\/<pid>\/cmdline/);

    const admin = await ControlClient.connect(socket);
    const { token } = await admin.tokenCreate({ services: 'tok-*', models: ['m'], ttlMs: 60_000, note: '' });
    admin.close();
    chmodSync(bridge.dir, 0o755);
    chmodSync(socket, 0o666);
    const file = join(mkdtempSync(join(tmpdir(), 'vexfs-tokfile-')), 'token');
    writeFileSync(file, `${token}\n`, { mode: 0o644 });
    chmodSync(join(file, '..'), 0o755);
    const held = ctl(
      ['--socket', socket, 'register', '--id', 'tok-f', '--dims', '8', '--endpoint', 'unix:/tmp/tok-f.sock', '--models', 'm', '--token-file', file],
      {},
      VICTIM,
    );
    await until(() => bridge.daemon.registry.get('tok-f')?.tokenId !== undefined, 'the registration made with the token from the file');
    held.child.kill('SIGINT');
    await held;
  });

  it('in twin mode an unprivileged caller’s priority is lowered to the top of Normal, as the module does', async () => {
    const bridge = await start();
    await bridge.service({ id: 'svc', name: 'svc', dimensions: [8], embed: (inputs, o) => inputs.map(() => new Float32Array(o.dimensions).fill(1)) });
    chmodSync(bridge.dir, 0o755);
    chmodSync(bridge.daemon.config.controlSocket, 0o666);
    const socket = bridge.daemon.config.controlSocket;
    const asked = await ctl(['--socket', socket, '--via', 'daemon', 'embed', 'x', '--dims', '8', '--priority', 'critical'], {}, VICTIM);
    expect(asked.code, asked.stderr).toBe(0);
    const asRoot = await ctl(['--socket', socket, '--via', 'daemon', 'embed', 'y', '--dims', '8', '--priority', 'critical']);
    expect(asRoot.code, asRoot.stderr).toBe(0);
    const m = bridge.daemon.metricsAddress!;
    const text = await (await fetch(`http://${m.host}:${m.port}/metrics`)).text();
    expect(text).toMatch(/vexfs_requests_total\{service="svc",[^}]*priority="normal",status="success"\} 1/);
    expect(text).toMatch(/vexfs_requests_total\{service="svc",[^}]*priority="critical",status="success"\} 1/);
  });
});
