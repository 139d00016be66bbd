// A daemon with worker threads (--workers) serves NATS workers from every pipeline: a thread's
// links send through the main thread's connection and follow its discovery, and a worker that
// stops gracefully while every pipeline holds its batches answers them all (each once) and is
// released only after every pipeline has stopped sending to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Status } from '../../src/abi/uapi.js';
import { NetlinkProtocol } from '../../src/kernel-side/netlink/constants.js';
import { ControlClient } from '../../src/clients/sdk/control-client.js';
import { filled } from '../helpers/bridge.js';
import { useDaemonWithWorkers } from '../helpers/daemon-with-workers.js';
import { startWorker, useNats } from '../helpers/nats-bridge.js';
import { queueFigures } from '../helpers/queue-figures.js';
import { until, untilAsync } from '../helpers/wait.js';

const nats = useNats();
const daemons = useDaemonWithWorkers();

describe('NATS workers and a daemon with worker threads', () => {
  it('serve every pipeline, and a worker draining batches of every pipeline answers each once', async () => {
    const server = await nats.server();
    const { twin, control } = await daemons.start(3, ['--nats', server.url, '--nats-host', 'h1', '--nats-trust-workers', 'true', '--nats-discovery-ms', '150']);
    let hold = false;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let holding = 0;
    const w = nats.keep(
      await startWorker(server, {
        id: 'remote',
        embed: async (inputs, o) => {
          if (hold) {
            holding += inputs.length;
            await held;
          }
          return inputs.map(() => filled(o.dimensions, 5));
        },
      }),
    );
    const send = (i: number) => twin.embed({ input: Buffer.from(`r${i}`), dimensions: 8, timeoutMs: 15_000 });
    // Until every pipeline has the worker (the threads learn of it from the main thread).
    await untilAsync(async () => (await Promise.all([0, 1, 2].map(send))).every((r) => r.status === Status.SUCCESS), 'every pipeline serving', 20_000);
    const before = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => send(10 + i)));
    expect(results.filter((r) => r.status !== Status.SUCCESS)).toEqual([]);
    expect(results.every((r) => Buffer.from(r.vector!).readFloatLE(0) === 5)).toBe(true);
    const after = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    expect(after.map((q, i) => Number(q.answered - before[i]!.answered))).toEqual([20, 20, 20]);

    // Batches from every pipeline at the worker, then it drains.
    hold = true;
    const pending = Array.from({ length: 9 }, (_, i) => send(100 + i));
    await until(() => holding === 9, 'the worker holding nine requests', 10_000);
    const closing = w.close({ drainMs: 8000 });
    const client = await ControlClient.connect(control);
    daemons.keep(() => client.close());
    await untilAsync(async () => (await client.stats()).services.find((s) => s.id.startsWith('remote.'))?.state === 4, 'the worker stopping', 10_000);
    release();
    await closing;
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual(Array(9).fill(Status.SUCCESS));
    expect(twin.stats()).toMatchObject({ responsesLate: 0, requestsResent: 0, inflight: 0 });
    // Gone once drained: a request now has no service, on every queue.
    await untilAsync(async () => (await client.stats()).services.length === 0, 'the drained worker unregistered', 10_000);
  }, 60_000);

  it('refuses workers beside a NATS pool, naming the setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vexfs-nats-workers-'));
    daemons.keep(() => rmSync(dir, { recursive: true, force: true }));
    const { child, stderr } = daemons.run([
      ...['--kernel', 'twin', '--control-socket', join(dir, 'c.sock'), '--workers', '2'],
      ...['--nats', 'nats://127.0.0.1:1', '--nats-pool', 'true'],
    ]);
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).not.toBe(0);
    expect(stderr()).toMatch(/workers.*more than one worker with --nats-pool is not supported/);
  });
});
