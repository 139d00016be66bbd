// The kernel twin keeps a daemon's queues as the module does: a queue only beside a daemon,
// requests over every queue, answers from any, control from queue 0 only, a leaving queue's
// requests handed to the others, per-queue figures in GET_STATS — over real NETLINK_USERSOCK sockets.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import { afterEach, describe, expect, it } from 'vitest';

import { Flags, Status } from '../../../../src/abi/uapi.js';
import { GenlKernelChannel, type KernelChannel } from '../../../../src/kernel-side/channels/channel.js';
import { NetlinkProtocol } from '../../../../src/kernel-side/netlink/constants.js';
import type { EmbedRequest } from '../../../../src/kernel-side/messages/messages.js';
import { KernelTwin } from '../../../../src/kernel-side/twin/kernel-twin.js';
import { queueFigures } from '../../../helpers/queue-figures.js';
import { until } from '../../../helpers/wait.js';

const closers: Array<() => unknown> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function twin(): KernelTwin {
  const t = new KernelTwin({ heartbeatMs: 20 });
  closers.push(() => t.close());
  return t;
}

async function open(t: KernelTwin, request: (req: EmbedRequest, ch: KernelChannel) => void, queue = false): Promise<GenlKernelChannel> {
  const ch = await GenlKernelChannel.open({ protocol: NetlinkProtocol.USERSOCK, kernelPort: t.portId, queue }, { request, cancel: () => {} });
  closers.push(() => ch.close());
  return ch;
}

const answer = (req: EmbedRequest, via: KernelChannel) =>
  via.respond({ requestId: req.requestId, status: Status.SUCCESS, vector: Buffer.alloc(req.dimensions * 4, 1), processingNs: 1n, serviceId: 'q' });

const embed = (t: KernelTwin, n: number) => Promise.all(Array.from({ length: n }, (_, i) => t.embed({ input: Buffer.from(`r${i}`), dimensions: 4 })));

describe('the kernel twin with a daemon of several queues', () => {
  it('refuses a queue without a daemon, numbers the queues, and takes only answers and a detach from a queue other than 0', async () => {
    const t = twin();
    await expect(open(t, () => {}, true)).rejects.toMatchObject({ errnoName: 'ENOTCONN' });
    const first = await open(t, () => {});
    const second = await open(t, () => {}, true);
    expect([first.queue, second.queue]).toEqual([0, 1]);
    expect(t.stats().daemonQueues).toBe(2);
    const refused = new Promise((resolve) => second.once('kernelError', resolve));
    second.heartbeat(3, 0);
    expect(await refused).toMatchObject({ errnoName: 'EOPNOTSUPP' });
    await second.close();
    expect(t.stats().daemonQueues).toBe(1);
  });

  it('sends requests over every queue and takes each answer from whichever queue it comes', async () => {
    const t = twin();
    const got = [0, 0];
    const first = await open(t, (req, ch) => {
      got[0]!++;
      answer(req, ch);
    });
    await open(
      t,
      (req) => {
        got[1]!++;
        answer(req, first);
      },
      true,
    );
    const results = await embed(t, 100);
    expect(results.every((r) => r.status === Status.SUCCESS)).toBe(true);
    expect(got).toEqual([50, 50]);
    expect(await queueFigures(NetlinkProtocol.USERSOCK, t.portId)).toEqual([
      { index: 0, sent: 50n, answered: 100n, fallback: 0n },
      { index: 1, sent: 50n, answered: 0n, fallback: 0n },
    ]);
  });

  it('hands what a leaving queue held to the others, marked re-sent, and completes each request once', async () => {
    const t = twin();
    const resent: boolean[] = [];
    await open(t, (req, ch) => {
      resent.push(((req.flags ?? 0) & Flags.RESENT) !== 0);
      answer(req, ch);
    });
    let held = 0;
    const second = await open(t, () => held++, true);
    const results = embed(t, 40);
    await until(() => held === 20, 'the second queue to hold its half');
    await second.close();
    expect((await results).map((r) => r.status)).toEqual(Array(40).fill(Status.SUCCESS));
    expect(resent.filter(Boolean)).toHaveLength(20);
    expect(t.stats()).toMatchObject({ daemonQueues: 1, inflight: 0, requestsCompleted: 40, requestsResent: 20 });
  });

  it('notices a worker thread that ends holding requests (its socket closes) and hands them to the other queues', async () => {
    const t = twin();
    let first = 0;
    await open(t, (req, ch) => {
      first++;
      answer(req, ch);
    });
    const worker = new Worker(join(import.meta.dirname, '..', '..', '..', 'helpers', 'queue-worker.mjs'), {
      workerData: { flag: new SharedArrayBuffer(4), protocol: NetlinkProtocol.USERSOCK, kernelPort: t.portId },
    });
    closers.push(() => worker.terminate());
    const said: Array<Record<string, unknown>> = [];
    worker.on('message', (m) => said.push(m));
    await until(() => said.some((m) => m.attached === 1), 'the worker’s queue');
    const results = embed(t, 40);
    const held = async () => {
      worker.postMessage('received');
      const n = said.length;
      await until(() => said.length > n, 'the worker’s count');
      return said.at(-1)!.received as number;
    };
    while ((await held()) < 20) await new Promise((r) => setTimeout(r, 5));
    // Ended, not detached: nothing tells the twin but its socket closing.
    await worker.terminate();
    expect((await results).map((r) => r.status)).toEqual(Array(40).fill(Status.SUCCESS));
    expect(first).toBe(40);
    expect(t.stats()).toMatchObject({ daemonQueues: 1, requestsResent: 20, inflight: 0 });
  });
});
