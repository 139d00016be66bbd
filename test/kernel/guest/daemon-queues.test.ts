// Runs inside the VM: a daemon with several queues. Queue 0 is the port that attached as the
// daemon; more attach from the same process (worker threads). Requests go to the queue of the CPU
// that submitted them (the test module submits on the CPU its writer is pinned to), to the next
// queue when that one's socket is full, and a queue that leaves hands what it held to the others;
// every request completes exactly once.
import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Flags, Status } from '../../../src/abi/uapi.js';
import { GenlKernelChannel, type KernelChannel } from '../../../src/kernel-side/channels/channel.js';
import { VexfsDevice } from '../../../src/kernel-side/channels/device.js';
import { NetlinkProtocol } from '../../../src/kernel-side/netlink/constants.js';
import type { EmbedRequest, QueueRecord } from '../../../src/kernel-side/messages/messages.js';
import { queueFigures } from '../../helpers/queue-figures.js';
import { until } from '../../helpers/wait.js';
import { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { CONTROL, insmod, rmmod, startDaemon, stopAnyDaemon, stopDaemon } from './guest-stack.js';

const RACE = '/sys/kernel/debug/vexfs_ipc_test/race';
const run = promisify(execFile);
let dev: VexfsDevice;

/** The test module submits `n` requests from CPU `cpu` (its writer pinned there). */
function submitOn(cpu: number, n: number): Promise<unknown> {
  return run('taskset', ['-c', String(cpu), 'sh', '-c', `echo "submit ${n} 60000" > ${RACE}`]);
}

/** Waits for the round's completions and reads them (the test module's report). */
async function report(): Promise<Record<string, number>> {
  const line = (await readFile(RACE, 'utf8')).trim();
  return Object.fromEntries(line.split(' ').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])]));
}

function answer(req: EmbedRequest, via: KernelChannel): void {
  via.respond({
    requestId: req.requestId,
    status: Status.SUCCESS,
    vector: Buffer.alloc(32, Number(req.requestId & 0xffn)),
    processingNs: 1000n,
    serviceId: 'q',
  });
}

function open(request: (req: EmbedRequest, ch: KernelChannel) => void, queue = false): Promise<GenlKernelChannel> {
  return GenlKernelChannel.open({ protocol: NetlinkProtocol.GENERIC, kernelPort: 0, queue }, { request, cancel: () => {} });
}

beforeAll(async () => {
  dev = VexfsDevice.open();
  await stopAnyDaemon(dev);
  if (rmmod('vexfs_ipc_test') !== 0) throw new Error('vexfs_ipc_test is loaded and busy');
  insmod('kernel-shim/vexfs_ipc_test.ko');
});

afterAll(() => {
  expect(rmmod('vexfs_ipc_test')).toBe(0);
  dev.close();
});

describe('a daemon with several queues', () => {
  it('takes a queue only beside a daemon, from the daemon’s own process, and only answers from it', async () => {
    await expect(open(() => {}, true)).rejects.toMatchObject({ errnoName: 'ENOTCONN' });
    const first = await open(() => {});
    try {
      expect(first.queue).toBe(0);
      const second = await open(() => {}, true);
      expect(second.queue).toBe(1);
      expect(dev.stats().daemon_queues).toBe(2);
      // Another process (here a child node) cannot add itself to this daemon's queues.
      const script = `import { GenlKernelChannel } from '${join(process.cwd(), 'dist/kernel-side/channels/channel.js')}';
        try { await GenlKernelChannel.open({ protocol: 16, kernelPort: 0, queue: true }, { request() {}, cancel() {} }); console.log('attached'); }
        catch (e) { console.log(e.errnoName); }`;
      const out = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        let s = '';
        child.stdout!.on('data', (d) => (s += d));
        child.on('exit', () => resolve(s.trim()));
      });
      expect(out).toBe('EBUSY');
      // A worker's queue sends answers, not control messages.
      const refused = new Promise((resolve) => second.once('kernelError', resolve));
      second.heartbeat(0, 0);
      expect(await refused).toMatchObject({ errnoName: 'EOPNOTSUPP' });
      await second.close();
      await until(() => dev.stats().daemon_queues === 1, 'the second queue gone', 30_000);
    } finally {
      await first.close();
    }
    expect(dev.stats().daemon_queues).toBe(0);
  });

  it('sends each CPU’s requests to its own queue and takes answers from any queue', async () => {
    const got = [0, 0];
    const first = await open((req, ch) => {
      got[0]!++;
      answer(req, ch);
    });
    // The second queue answers through the first one's socket: an answer may come from any queue.
    const second = await open((req) => {
      got[1]!++;
      answer(req, first);
    }, true);
    try {
      // A round waits for the one before it to complete: the report is the second's.
      await submitOn(0, 60);
      await submitOn(1, 40);
      expect(await report()).toMatchObject({ n: 40, calls: 40, max: 1, success: 40 });
      expect(got).toEqual([60, 40]);
      const queues = await queueFigures(NetlinkProtocol.GENERIC, 0);
      expect(queues).toEqual([
        { index: 0, sent: 60n, answered: 100n, fallback: 0n },
        { index: 1, sent: 40n, answered: 0n, fallback: 0n },
      ]);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('passes a full queue over for the next, and hands the requests of a worker that ends to the others, each completed once', async () => {
    const resent: boolean[] = [];
    let first = 0;
    const ch = await open((req, c) => {
      first++;
      resent.push(((req.flags ?? 0) & Flags.RESENT) !== 0);
      answer(req, c);
    });
    const flag = new SharedArrayBuffer(4);
    const worker = new Worker(join(import.meta.dirname, '..', '..', 'helpers', 'queue-worker.mjs'), {
      workerData: { flag, protocol: NetlinkProtocol.GENERIC, kernelPort: 0 },
    });
    const messages: Array<Record<string, unknown>> = [];
    worker.on('message', (m) => messages.push(m));
    try {
      await until(() => messages.some((m) => m.attached === 1), 'the worker’s queue', 30_000);
      worker.postMessage('block');
      await until(() => messages.some((m) => m.blocking), 'the worker to stop reading', 30_000);
      // All 200 are CPU 1's, so queue 1's: the few its socket holds stay there, the rest go to queue 0.
      await submitOn(1, 200);
      let queues: QueueRecord[] = [];
      for (const start = Date.now(); ; ) {
        queues = (await queueFigures(NetlinkProtocol.GENERIC, 0)) ?? [];
        if (queues.length === 2 && queues[0]!.sent + queues[1]!.sent === 200n) break;
        if (Date.now() - start > 60_000)
          throw new Error(`timed out waiting for all 200 to be sent: ${JSON.stringify(queues, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      // Queue 0 took only what queue 1 could not; queue 1 holds some.
      expect(queues[0]!.fallback).toBe(queues[0]!.sent);
      expect(queues[0]!.sent).toBeGreaterThan(0n);
      expect(queues[1]!.sent).toBeGreaterThan(0n);
      // The worker reads again, then ends without answering or detaching: its socket closing
      // (NETLINK_URELEASE) is what tells the module, and what it held goes to queue 0.
      Atomics.store(new Int32Array(flag), 0, 1);
      Atomics.notify(new Int32Array(flag), 0);
      await worker.terminate();
      expect(await report()).toMatchObject({ n: 200, calls: 200, max: 1, success: 200, canary: 0, wrong: 0 });
      expect(first).toBe(200);
      expect(resent.filter(Boolean).length).toBe(Number(queues[1]!.sent));
      expect(dev.stats()).toMatchObject({ daemon_queues: 1, live_requests: 0 });
    } finally {
      await worker.terminate();
      await ch.close();
    }
  });

  it('serves CPU 0’s requests through the daemon’s own pipeline and CPU 1’s through its worker’s (vexfs-bridged --workers 2)', async () => {
    const daemon = await startDaemon(['--workers', '2']);
    try {
      await until(() => dev.stats().daemon_queues === 2, 'the worker’s queue', 60_000);
      const svc = await EmbeddingService.start({
        id: 'queues',
        name: 'queues',
        dimensions: [8],
        endpoint: 'unix:/run/vexfs/queues.sock',
        controlSocket: CONTROL,
        embed: async (inputs) => inputs.map(() => new Float32Array(8).fill(1)),
      });
      try {
        // Each pipeline learns of the service on its own: rounds from each CPU until one is served whole.
        for (const cpu of [0, 1]) {
          for (const start = Date.now(); ; ) {
            await submitOn(cpu, 20);
            if ((await report()).success === 20) break;
            if (Date.now() - start > 60_000) throw new Error(`CPU ${cpu}'s queue never served a round`);
          }
        }
        const before = (await queueFigures(NetlinkProtocol.GENERIC, 0))!;
        await submitOn(0, 100);
        expect(await report()).toMatchObject({ n: 100, calls: 100, max: 1, success: 100 });
        await submitOn(1, 100);
        expect(await report()).toMatchObject({ n: 100, calls: 100, max: 1, success: 100 });
        // Each queue took its CPU's hundred and answered them itself: two pipelines served them.
        const after = (await queueFigures(NetlinkProtocol.GENERIC, 0))!;
        expect(after.map((q, i) => Number(q.sent - before[i]!.sent))).toEqual([100, 100]);
        expect(after.map((q, i) => Number(q.answered - before[i]!.answered))).toEqual([100, 100]);
      } finally {
        await svc.close({ drainMs: 0 });
      }
    } finally {
      await stopDaemon(daemon, dev);
    }
    expect(dev.stats().daemon_queues).toBe(0);
  });
});
