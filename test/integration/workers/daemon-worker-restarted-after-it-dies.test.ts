// A daemon worker thread that dies (here: terminated) is started again: the kernel side hands
// what its queue held to the other queues, and the new thread attaches a queue and serves.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { useInProcessWorkers } from '../../helpers/in-process-workers.js';
import { until, untilAsync } from '../../helpers/wait.js';

const daemons = useInProcessWorkers();

describe('a daemon worker thread that dies', () => {
  it('is started again: its queue is attached anew and both queues serve, each request answered once', async () => {
    const started = await daemons.start({ workers: 2 });
    await daemons.service(started, 'svc', 3);
    const twin = started.daemon.twin!;
    const pool = started.daemon.workerPool!;
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
