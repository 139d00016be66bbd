// /metrics and the control socket's stats of a daemon with workers count every pipeline: the
// request counts, the latency histograms and each service's totals are the sums of the main
// thread's and the workers' (which report every half second). Runs from dist/ like the daemon's
// worker threads (the addon's struct types are made once per copy of the modules).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { untilAsync } from '../../helpers/wait.js';

const dist = join(import.meta.dirname, '..', '..', '..', 'dist');
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The sum of a metric's samples whose labels include `match`. */
function sample(text: string, name: string, match = ''): number {
  let n = 0;
  for (const line of text.split('\n')) {
    if ((line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && line.includes(match)) n += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return n;
}

describe('a daemon with workers', () => {
  it('counts every pipeline’s requests in /metrics and in each service’s totals', async () => {
    const { Daemon } = (await import(join(dist, 'daemon', 'daemon.js'))) as typeof import('../../../src/daemon/daemon.js');
    const { defaultConfig } = (await import(join(dist, 'daemon', 'config.js'))) as typeof import('../../../src/daemon/config.js');
    const { createLogger } = (await import(join(dist, 'daemon', 'log.js'))) as typeof import('../../../src/daemon/log.js');
    const { EmbeddingService } = (await import(join(dist, 'clients', 'sdk', 'service.js'))) as typeof import('../../../src/clients/sdk/service.js');
    const { ControlClient } = (await import(join(dist, 'clients', 'sdk', 'control-client.js'))) as typeof import('../../../src/clients/sdk/control-client.js');
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-workers-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const config = { ...defaultConfig(), kernel: 'twin' as const, controlSocket: join(dir, 'control.sock'), metrics: true, metricsPort: 0, workers: 3 };
    const d = await Daemon.start(config, createLogger('silent'));
    cleanup.push(() => d.stop());
    const twin = d.twin!;
    const svc = await EmbeddingService.start({
      id: 'svc',
      name: 'svc',
      dimensions: [4],
      endpoint: `unix:${join(dir, 'svc.sock')}`,
      controlSocket: config.controlSocket,
      embed: async (inputs) => inputs.map(() => new Float32Array(4).fill(1)),
    });
    cleanup.push(() => svc.close({ drainMs: 0 }));
    const send = (i: number) => twin.embed({ input: Buffer.from(`r${i}`), dimensions: 4, timeoutMs: 10_000 });
    await untilAsync(async () => (await Promise.all([0, 1, 2].map(send))).every((r) => r.status === Status.SUCCESS), 'every pipeline serving', 20_000);
    const results = await Promise.all(Array.from({ length: 90 }, (_, i) => send(10 + i)));
    expect(results.filter((r) => r.status !== Status.SUCCESS)).toEqual([]);
    const completed = Number(twin.stats().requestsCompleted);
    const { host, port } = d.metricsAddress!;
    const metrics = async () => (await fetch(`http://${host}:${port}/metrics`)).text();
    // Within the workers' next reports: every request counted once, whichever pipeline served it.
    await untilAsync(
      async () => sample(await metrics(), 'vexfs_requests_total', 'status="success"') === completed,
      'every success in vexfs_requests_total',
      10_000,
    );
    const text = await metrics();
    expect(sample(text, 'vexfs_request_duration_seconds_count')).toBe(completed);
    expect(sample(text, 'vexfs_service_response_duration_seconds_count', 'service="svc"')).toBe(completed);
    const client = await ControlClient.connect(config.controlSocket);
    cleanup.push(() => client.close());
    const stats = await client.stats();
    expect(stats.succeeded).toBe(completed);
    expect(stats.services.find((s) => s.id === 'svc')?.total).toBe(completed);
  }, 60_000);
});
