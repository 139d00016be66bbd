// A daemon killed and started again serves the requests the kernel side
// re-sends and the new ones, while its services re-register: none is answered NO_SERVICE.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { KernelTwin, type TwinEmbedResult } from '../../../src/kernel-side/twin/kernel-twin.js';
import { filled } from '../../helpers/bridge.js';

const bin = join(import.meta.dirname, '..', '..', '..', 'dist', 'bin', 'vexfs-bridged.js');
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function daemon(twin: KernelTwin, control: string): ChildProcess {
  const child = spawn(process.execPath, [bin, '--kernel', 'twin', '--twin-port', String(twin.portId), '--control-socket', control, '--metrics', 'false'], {
    stdio: 'ignore',
  });
  cleanup.push(() => child.kill('SIGKILL'));
  return child;
}

describe('a daemon restart', () => {
  it('loses no request: the re-sent ones and the new ones are served once services re-register', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-restart-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const control = join(dir, 'control.sock');
    const twin = new KernelTwin({ graceMs: 10_000 });
    cleanup.push(() => twin.close());
    const first = daemon(twin, control);
    await twin.waitForDaemon(10_000);
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    let svc: EmbeddingService | Error = new Error('not started');
    // The daemon's control socket appears a moment after it attaches.
    for (let i = 0; i < 200 && !(svc instanceof EmbeddingService); i++) {
      svc = await EmbeddingService.start({
        id: 'svc',
        name: 'svc',
        dimensions: [4],
        endpoint: `unix:${join(dir, 'svc.sock')}`,
        controlSocket: control,
        embed: async (inputs) => {
          await gate;
          return inputs.map(() => filled(4, 3));
        },
      }).catch((err: Error) => err);
      if (svc instanceof Error) await new Promise((r) => setTimeout(r, 20));
    }
    expect(svc).toBeInstanceOf(EmbeddingService);
    cleanup.push(() => (svc as EmbeddingService).close({ drainMs: 0 }));
    const send = (i: number) => twin.embed({ input: Buffer.from(`r${i}`), dimensions: 4, timeoutMs: 20_000 });
    // Wait until the service is serving: one request through end to end.
    release();
    let warm: TwinEmbedResult;
    do warm = await send(-1);
    while (warm.status !== Status.SUCCESS);
    gate = new Promise<void>((r) => (release = r));

    // Twenty requests held by the service when the daemon dies.
    const inFlight = Array.from({ length: 20 }, (_, i) => send(i));
    while (twin.stats().inflight < 20) await new Promise((r) => setTimeout(r, 5));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    release();

    daemon(twin, control);
    await twin.waitForDaemon(10_000);
    // Sent right after the new daemon attached, before the service has registered with it.
    const afterRestart = Array.from({ length: 20 }, (_, i) => send(100 + i));
    const statuses = (await Promise.all([...inFlight, ...afterRestart])).map((r) => r.status);
    expect(statuses.filter((s) => s !== Status.SUCCESS)).toEqual([]);
  }, 30_000);

  it('answers NO_SERVICE, not TIMEOUT, when nothing registers before the deadline of a request that waited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-restart-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const twin = new KernelTwin();
    cleanup.push(() => twin.close());
    daemon(twin, join(dir, 'control.sock'));
    await twin.waitForDaemon(10_000);
    const r = await twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 300 });
    expect(r.status).toBe(Status.NO_SERVICE);
  });
});
