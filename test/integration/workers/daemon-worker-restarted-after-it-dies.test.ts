// A daemon worker thread that dies (here: terminated) is started again: the kernel side hands
// what its queue held to the other queues, and the new thread attaches a queue and serves.
// Everything runs from dist/ (the worker threads do; the addon's struct types are made once
// per copy of the modules, so the test must not load src/ copies beside them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { until, untilAsync } from '../../helpers/wait.js';

const dist = join(import.meta.dirname, '..', '..', '..', 'dist');
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const filled = (dims: number, x: number) => new Float32Array(dims).fill(x);

describe('a daemon worker thread that dies', () => {
  it('is started again: its queue is attached anew and both queues serve, each request answered once', async () => {
    const { Daemon } = (await import(join(dist, 'daemon', 'daemon.js'))) as typeof import('../../../src/daemon/daemon.js');
    const { defaultConfig } = (await import(join(dist, 'daemon', 'config.js'))) as typeof import('../../../src/daemon/config.js');
    const { createLogger } = (await import(join(dist, 'daemon', 'log.js'))) as typeof import('../../../src/daemon/log.js');
    const { EmbeddingService } = (await import(join(dist, 'clients', 'sdk', 'service.js'))) as typeof import('../../../src/clients/sdk/service.js');
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-workers-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const config = { ...defaultConfig(), kernel: 'twin' as const, controlSocket: join(dir, 'control.sock'), metrics: false, workers: 2 };
    const d = await Daemon.start(config, createLogger('silent'));
    cleanup.push(() => d.stop());
    const twin = d.twin!;
    const pool = d.workerPool!;
    const svc = await EmbeddingService.start({
      id: 'svc',
      name: 'svc',
      dimensions: [4],
      endpoint: `unix:${join(dir, 'svc.sock')}`,
      controlSocket: config.controlSocket,
      embed: async (inputs) => inputs.map(() => filled(4, 3)),
    });
    cleanup.push(() => svc.close({ drainMs: 0 }));
    const send = (i: number) => twin.embed({ input: Buffer.from(`r${i}`), dimensions: 4, timeoutMs: 10_000 });
    await untilAsync(async () => (await Promise.all([send(0), send(1)])).every((r) => r.status === Status.SUCCESS), 'both pipelines serving', 20_000);
    const [thread] = pool.threads();
    await thread!.terminate();
    await until(() => pool.restarts === 1 && twin.stats().daemonQueues === 2, 'the worker started again with a queue', 20_000);
    // Both queues serve again, each answering once.
    await untilAsync(async () => (await Promise.all([send(2), send(3)])).every((r) => r.status === Status.SUCCESS), 'the new worker serving', 20_000);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => send(10 + i)));
    expect(results.filter((r) => r.status !== Status.SUCCESS)).toEqual([]);
    expect(twin.stats()).toMatchObject({ responsesLate: 0, inflight: 0 });
  }, 60_000);
});
