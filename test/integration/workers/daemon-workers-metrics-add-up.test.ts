// /metrics and the control socket's stats of a daemon with workers count every pipeline: the
// request counts, the latency histograms and each service's totals are the sums of the main
// thread's and the workers' (which report every half second).
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { useInProcessWorkers } from '../../helpers/in-process-workers.js';
import { untilAsync } from '../../helpers/wait.js';

const daemons = useInProcessWorkers();

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
    const started = await daemons.start({ workers: 3, metrics: true, metricsPort: 0 });
    await daemons.service(started, 'svc', 1);
    const d = started.daemon;
    const twin = d.twin!;
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
    const client = await started.m.ControlClient.connect(started.config.controlSocket);
    daemons.keep(() => client.close());
    const stats = await client.stats();
    expect(stats.succeeded).toBe(completed);
    expect(stats.services.find((s) => s.id === 'svc')?.total).toBe(completed);
  }, 60_000);
});
