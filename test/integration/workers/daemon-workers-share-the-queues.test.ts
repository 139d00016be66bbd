// vexfs-bridged --workers N: the main thread and N - 1 worker threads each attach a kernel queue,
// mirror the registered services with connections of their own, and serve what their queue gets;
// the daemon's counters add them up, and stopping detaches every queue.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { NetlinkProtocol } from '../../../src/kernel-side/netlink/constants.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { KernelTwin } from '../../../src/kernel-side/twin/kernel-twin.js';
import { filled } from '../../helpers/bridge.js';
import { queueFigures } from '../../helpers/queue-figures.js';
import { until } from '../../helpers/wait.js';

const bin = join(import.meta.dirname, '..', '..', '..', 'dist', 'bin', 'vexfs-bridged.js');
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

function daemon(args: string[]): { child: ChildProcess; stderr: () => string } {
  let err = '';
  const child = spawn(process.execPath, [bin, '--metrics', 'false', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d) => (err += d));
  cleanup.push(() => child.kill('SIGKILL'));
  return { child, stderr: () => err };
}

describe('a daemon with worker threads', () => {
  it('serves each request once on whichever queue it arrives, every queue through its own pipeline, and counts them together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-workers-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const control = join(dir, 'control.sock');
    const twin = new KernelTwin({ graceMs: 10_000 });
    cleanup.push(() => twin.close());
    const { child } = daemon(['--kernel', 'twin', '--twin-port', String(twin.portId), '--control-socket', control, '--workers', '3']);
    await twin.waitForDaemon(10_000);
    await until(() => twin.stats().daemonQueues === 3, 'the two workers’ queues', 20_000);
    // The service registers once, with the main thread; each worker connects to it as well.
    const svc = await EmbeddingService.start({
      id: 'svc',
      name: 'svc',
      dimensions: [4],
      endpoint: `unix:${join(dir, 'svc.sock')}`,
      controlSocket: control,
      embed: async (inputs) => inputs.map(() => filled(4, 2)),
    });
    cleanup.push(() => svc.close({ drainMs: 0 }));
    const send = (i: number) => twin.embed({ input: Buffer.from(`r${i}`), dimensions: 4, timeoutMs: 20_000 });
    // Until every pipeline has the service (a worker learns of it a moment after the main thread).
    for (;;) {
      const r = await Promise.all([0, 1, 2].map(send));
      if (r.every((x) => x.status === Status.SUCCESS)) break;
      expect(r.map((x) => x.status).filter((s) => s !== Status.SUCCESS && s !== Status.NO_SERVICE)).toEqual([]);
      await new Promise((r) => setTimeout(r, 20));
    }
    const before = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId)) ?? [];
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => send(i)));
    expect(results.filter((r) => r.status !== Status.SUCCESS)).toEqual([]);
    expect(results.every((r) => Buffer.from(r.vector!).equals(Buffer.from(filled(4, 2).buffer)))).toBe(true);
    // A third of them on each queue, each answered on the queue it came by: three pipelines served them.
    const after = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId)) ?? [];
    expect(after.map((q, i) => Number(q.sent - before[i]!.sent))).toEqual([100, 100, 100]);
    expect(after.map((q, i) => Number(q.answered - before[i]!.answered))).toEqual([100, 100, 100]);
    expect(twin.stats()).toMatchObject({ requestsResent: 0, responsesLate: 0, inflight: 0 });
    // The daemon's counters include its workers' (they report every half second).
    const client = await ControlClient.connect(control);
    cleanup.push(() => client.close());
    const total = Number(twin.stats().requestsCompleted);
    let succeeded = 0;
    for (const start = Date.now(); succeeded !== total && Date.now() - start < 10_000; ) {
      succeeded = (await client.stats()).succeeded;
      if (succeeded !== total) await new Promise((r) => setTimeout(r, 50));
    }
    expect(succeeded).toBe(total);
    // Stopping: every worker answers what it holds and detaches, then the main thread.
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expect(twin.stats()).toMatchObject({ daemonAttached: false, daemonQueues: 0 });
  }, 60_000);
});
