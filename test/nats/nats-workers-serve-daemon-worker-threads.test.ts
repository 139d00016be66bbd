// A daemon with worker threads (--workers) serves NATS workers from every pipeline: a thread's
// links send through the main thread's connection and follow its discovery, and a worker that
// stops gracefully while every pipeline holds its batches answers them all (each once) and is
// released only after every pipeline has stopped sending to it. In pool mode every thread seals
// with the pool's key, and follows it when it changes; a rogue client in the pool's queue group
// reads no batch of any pipeline and forges no answer.
import { describe, expect, it } from 'vitest';

import { Status } from '../../src/abi/uapi.js';
import { NetlinkProtocol } from '../../src/kernel-side/netlink/constants.js';
import { ControlClient } from '../../src/clients/sdk/control-client.js';
import { Subjects } from '../../src/services/nats/subjects.js';
import { filled } from '../helpers/bridge.js';
import { useDaemonWithWorkers } from '../helpers/daemon-with-workers.js';
import { client, startWorker, useNats } from '../helpers/nats-bridge.js';
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

  it('as a pool: every pipeline seals its batches with the pool key, and keeps serving when a member leaves and the key changes', async () => {
    const server = await nats.server();
    const { twin, control } = await daemons.start(3, [
      ...['--nats', server.url, '--nats-host', 'h1', '--nats-trust-workers', 'true', '--nats-discovery-ms', '150', '--nats-pool', 'true'],
    ]);
    const members = [];
    for (const v of [1, 2])
      members.push(
        nats.keep(await startWorker(server, { id: 'pooled', maxBatchSize: 2, embed: async (inputs, o) => inputs.map(() => filled(o.dimensions, v)) })),
      );
    const send = (i: number) => twin.embed({ input: Buffer.from(`p${i}`), dimensions: 8, timeoutMs: 15_000 });
    await untilAsync(async () => (await Promise.all([0, 1, 2].map(send))).every((r) => r.status === Status.SUCCESS), 'every pipeline serving the pool', 20_000);
    const before = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => send(10 + i)));
    expect(results.filter((r) => r.status !== Status.SUCCESS)).toEqual([]);
    // Answers opened in every pipeline: each queue's share was answered, by both members between them.
    const after = (await queueFigures(NetlinkProtocol.USERSOCK, twin.portId))!;
    expect(after.map((q, i) => Number(q.answered - before[i]!.answered))).toEqual([20, 20, 20]);
    expect(new Set(results.map((r) => Buffer.from(r.vector!).readFloatLE(0)))).toEqual(new Set([1, 2]));
    // A member leaves: the pool key changes, and the threads' copies with it.
    await members[0]!.close({ drainMs: 0 });
    await untilAsync(
      async () => (await Promise.all([0, 1, 2].map((i) => send(100 + i)))).every((r) => r.status === Status.SUCCESS),
      'served after the key changed',
      20_000,
    );
    const later = await Promise.all(Array.from({ length: 30 }, (_, i) => send(200 + i)));
    expect(later.filter((r) => r.status !== Status.SUCCESS)).toEqual([]);
    expect(new Set(later.map((r) => Buffer.from(r.vector!).readFloatLE(0)))).toEqual(new Set([2]));
    const client = await ControlClient.connect(control);
    daemons.keep(() => client.close());
    expect((await client.stats()).services.map((s) => s.id)).toEqual(['pooled']);
  }, 60_000);

  it('as a pool: a rogue client in the queue group reads no pipeline’s batches and forges no answer', async () => {
    const server = await nats.server();
    const { twin } = await daemons.start(3, [
      ...['--nats', server.url, '--nats-host', 'h1', '--nats-trust-workers', 'true', '--nats-discovery-ms', '150', '--nats-pool', 'true'],
    ]);
    nats.keep(await startWorker(server, { id: 'pooled', embed: async (inputs, o) => inputs.map(() => filled(o.dimensions, 1)) }));
    const send = (text: string) => twin.embed({ input: Buffer.from(text), dimensions: 8, timeoutMs: 15_000 });
    await untilAsync(
      async () => (await Promise.all(['w0', 'w1', 'w2'].map(send))).every((r) => r.status === Status.SUCCESS),
      'every pipeline serving the pool',
      20_000,
    );
    // A plain client joins the pool's queue group, keeps what it is given and answers with a forged frame.
    const rogue = nats.keepClient(await client(server));
    const stolen: Uint8Array[] = [];
    rogue.subscribe(Subjects.pool('pooled'), {
      queue: Subjects.queueGroup('pooled'),
      callback: (_e, m) => {
        stolen.push(m.data);
        m.respond(new Uint8Array([8, 1, 18, 0]));
      },
    });
    await rogue.flush();
    // Rounds of three requests per queue, until the rogue has taken several batches (NATS picks queue members at random).
    const texts: string[] = [];
    const results: Array<{ status: number; vector?: Uint8Array | undefined }> = [];
    for (let round = 0; round < 100 && stolen.length < 6; round++) {
      const batch = Array.from({ length: 9 }, (_, i) => `secret-${round}-${i}`);
      texts.push(...batch);
      results.push(...(await Promise.all(batch.map(send))));
    }
    expect(stolen.length).toBeGreaterThan(0);
    const seen = Buffer.concat(stolen).toString('latin1');
    for (const t of texts) expect(seen).not.toContain(t);
    // An answer the rogue made never counts: what succeeded came from the member.
    for (const r of results) {
      expect([Status.SUCCESS, Status.SERVICE_ERROR, Status.NO_SERVICE]).toContain(r.status);
      if (r.status === Status.SUCCESS) expect(Buffer.from(r.vector!).readFloatLE(0)).toBe(1);
    }
  }, 60_000);
});
