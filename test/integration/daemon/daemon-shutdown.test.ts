// Graceful shutdown: in-flight requests finish or get SHUTTING_DOWN; the binary exits 0 on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { filled, startBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

describe('daemon shutdown', () => {
  it('lets in-flight requests finish, then answers the stuck ones SHUTTING_DOWN', async () => {
    const bridge = await startBridge({ shutdownGraceMs: 300 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await bridge.service({ id: 'quick', name: 'q', dimensions: [4], embed: async (i) => (await gate, i.map(() => filled(4, 1))) });
    await bridge.service({ id: 'stuck', name: 's', dimensions: [8], embed: async (i) => (await new Promise(() => {}), i.map(() => filled(8, 1))) });
    const quick = bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 10_000 });
    const stuck = bridge.twin.embed({ input: Buffer.from('x'), dimensions: 8, timeoutMs: 10_000 });
    await until(() => bridge.daemon.router.inflightCount === 2, 'both in flight');
    const stopping = bridge.daemon.stop();
    // New work is refused at once while stopping.
    const late = await new Promise<number>((resolve) =>
      bridge.daemon.router.submit(
        {
          requestId: 999_999n,
          priority: 128,
          timeoutMs: 1000,
          deadlineNs: process.hrtime.bigint() + 1_000_000_000n,
          dimensions: 4,
          dataType: 0,
          model: undefined,
          input: Buffer.from('x'),
          callerUid: 0,
          callerPid: 0,
          flags: 0,
          sessionKey: 0n,
        },
        (res) => resolve(res.status),
      ),
    );
    expect(late).toBe(Status.SHUTTING_DOWN);
    release();
    expect((await quick).status).toBe(Status.SUCCESS);
    await stopping;
    expect((await stuck).status).toBe(Status.SHUTTING_DOWN);
    await bridge.close();
  });

  it('vexfs-bridged exits 0 on SIGTERM and removes its control socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-bin-'));
    const control = join(dir, 'control.sock');
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, '..', '..', '..', 'dist', 'bin', 'vexfs-bridged.js'), '--kernel', 'twin', '--control-socket', control],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let logs = '';
    child.stderr.on('data', (d) => (logs += d));
    await until(() => logs.includes('embedded kernel twin'), 'the daemon to start', 10_000);
    const client = await ControlClient.connect(control);
    expect(await client.list()).toEqual([]);
    client.close();
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(logs).toContain('"msg":"stopped"');
    await expect(ControlClient.connect(control)).rejects.toThrow(/is vexfs-bridged running/);
  });

  it('vexfs-bridged exits 2 with the bad key named on a configuration error', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', '..', 'dist', 'bin', 'vexfs-bridged.js'), '--kernel', 'floppy'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err).toContain('config kernel (--kernel): "floppy" is not one of auto, genl, chardev, twin');
  });
});
