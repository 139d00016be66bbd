// vexfs-bridged --workers N: the main thread and N - 1 worker threads each attach a kernel queue,
// mirror the registered services with connections of their own, and serve what their queue gets;
// the daemon's counters add them up, and stopping detaches every queue.
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { NetlinkProtocol } from '../../../src/kernel-side/netlink/constants.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { filled } from '../../helpers/bridge.js';
import { useDaemonWithWorkers } from '../../helpers/daemon-with-workers.js';
import { queueFigures } from '../../helpers/queue-figures.js';

const daemons = useDaemonWithWorkers();

describe('a daemon with worker threads', () => {
  it('serves each request once on whichever queue it arrives, every queue through its own pipeline, and counts them together', async () => {
    const { child, twin, dir, control } = await daemons.start(3);
    // The service registers once, with the main thread; each worker connects to it as well.
    const svc = await EmbeddingService.start({
      id: 'svc',
      name: 'svc',
      dimensions: [4],
      endpoint: `unix:${join(dir, 'svc.sock')}`,
      controlSocket: control,
      embed: async (inputs) => inputs.map(() => filled(4, 2)),
    });
    daemons.keep(() => svc.close({ drainMs: 0 }));
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
    daemons.keep(() => client.close());
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
