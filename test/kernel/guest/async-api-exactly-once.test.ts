// Runs inside the VM: the in-kernel asynchronous API (vexfs_ipc_submit,
// cancel, completion) driven by vexfs_ipc_test.ko, with this process as a
// daemon of its own over the real channel code, racing every way a request
// can end against its answer. Each request's completion must run exactly
// once, and a request that did not succeed must never have its buffer written.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { GenlKernelChannel, type KernelChannel } from '../../../src/kernel-side/channels/channel.js';
import { VexfsDevice } from '../../../src/kernel-side/channels/device.js';
import { NetlinkProtocol } from '../../../src/kernel-side/netlink/constants.js';
import type { EmbedRequest } from '../../../src/kernel-side/messages/messages.js';
import { until } from '../../helpers/wait.js';
import { insmod, rmmod, stopAnyDaemon } from './guest-stack.js';

const RACE = '/sys/kernel/debug/vexfs_ipc_test/race';
const GRACE = '/sys/module/vexfs_ipc/parameters/grace_ms';
let dev: VexfsDevice;

interface Report {
  n: number;
  calls: number;
  max: number;
  success: number;
  cancelled: number;
  timeout: number;
  no_daemon: number;
  other: number;
  canary: number;
  wrong: number;
}

async function report(): Promise<Report> {
  const line = (await readFile(RACE, 'utf8')).trim();
  return Object.fromEntries(
    line
      .split(' ')
      .map((kv) => kv.split('='))
      .map(([k, v]) => [k, Number(v)]),
  ) as unknown as Report;
}

/** A daemon that answers each request as `answer` says (the vector: the low byte of its id, as the test module checks). */
async function daemon(answer: (req: EmbedRequest, ch: KernelChannel) => void): Promise<GenlKernelChannel> {
  return GenlKernelChannel.open({ protocol: NetlinkProtocol.GENERIC, kernelPort: 0 }, { request: answer, cancel: () => {} });
}

function succeed(req: EmbedRequest, ch: KernelChannel): void {
  ch.respond({
    requestId: req.requestId,
    status: Status.SUCCESS,
    vector: Buffer.alloc(32, Number(req.requestId & 0xffn)),
    processingNs: 1000n,
    serviceId: 'raw',
    model: 'raw-model',
    modelVersion: '1',
  });
}

function expectExactlyOnce(r: Report, n: number): void {
  expect(r).toMatchObject({ n, calls: n, max: 1, canary: 0, wrong: 0, other: 0 });
  expect(r.success + r.cancelled + r.timeout + r.no_daemon).toBe(n);
}

async function settled(): Promise<void> {
  await until(() => dev.stats().live_requests === 0 && dev.consumers().every((c) => c.inflight === 0), 'every request to be settled', 60_000);
}

beforeAll(async () => {
  dev = VexfsDevice.open();
  await stopAnyDaemon(dev);
  if (rmmod('vexfs_ipc_test') !== 0) throw new Error('vexfs_ipc_test is loaded and busy');
  insmod('kernel-shim/vexfs_ipc_test.ko');
});

afterAll(async () => {
  writeFileSync(GRACE, '20000');
  expect(rmmod('vexfs_ipc_test')).toBe(0);
  dev.close();
});

describe('the asynchronous in-kernel API', () => {
  it('refuses a batch with no daemon attached (nothing is accepted, no completion runs)', async () => {
    await expect(writeFile(RACE, 'submit 4 1000')).rejects.toMatchObject({ code: 'ENOTCONN' });
    expect((await report()).n).toBe(0);
  });

  it('completes each request exactly once when cancels race the answers', async () => {
    // The daemon answers one request per turn of its event loop, so the cancels (written from
    // the thread pool) meet answers still streaming in; it waits at 300 answers until they are done.
    const queue: EmbedRequest[] = [];
    let answered = 0;
    let hold: Promise<unknown> | undefined;
    let pumping = false;
    const pump = async (c: KernelChannel) => {
      pumping = true;
      while (queue.length > 0) {
        if (answered === 300 && hold !== undefined) await hold;
        succeed(queue.shift()!, c);
        answered++;
        await new Promise((r) => setImmediate(r));
      }
      pumping = false;
    };
    const ch = await daemon((req, c) => {
      queue.push(req);
      if (!pumping) void pump(c);
    });
    try {
      const total = { success: 0, cancelled: 0 };
      for (let round = 0; round < 4; round++) {
        answered = 0;
        let release!: () => void;
        hold = new Promise<void>((r) => (release = r));
        await writeFile(RACE, 'submit 400 60000');
        await until(() => answered >= 50, 'the first answers', 30_000);
        // Cancels of one owner and of each request, while the daemon's answers stream in.
        await Promise.all([writeFile(RACE, 'cancel 1'), writeFile(RACE, 'cancel-each')]);
        release();
        const r = await report();
        expectExactlyOnce(r, 400);
        expect(r.timeout + r.no_daemon).toBe(0);
        total.success += r.success;
        total.cancelled += r.cancelled;
      }
      // Both outcomes happened: the races were real.
      expect(total.success).toBeGreaterThan(0);
      expect(total.cancelled).toBeGreaterThan(0);
      // Its late answers to cancelled requests go out before its socket closes.
      await until(() => !pumping, 'the daemon to finish answering', 30_000);
      await settled();
    } finally {
      await ch.close();
    }
  });

  it('completes each request exactly once when timeouts race the answers', async () => {
    const ch = await daemon(succeed);
    try {
      let timedOut = 0;
      for (let round = 0; round < 4; round++) {
        await writeFile(RACE, `submit 400 ${1 + round}`);
        const r = await report();
        expectExactlyOnce(r, 400);
        expect(r.cancelled + r.no_daemon).toBe(0);
        timedOut += r.timeout;
      }
      expect(timedOut).toBeGreaterThan(0);
      await settled();
    } finally {
      await ch.close();
    }
  });

  it('completes each request exactly once when the daemon goes while answering', async () => {
    writeFileSync(GRACE, '1');
    let lost = 0;
    let won = 0;
    for (let round = 0; round < 3; round++) {
      let received = 0;
      let closing: Promise<void> | undefined;
      const ch = await daemon((req, c) => {
        received++;
        succeed(req, c);
        // Half answered, then the socket closes with the rest unanswered (and answers still in its queue).
        if (received === 200) closing = (c as GenlKernelChannel).close();
      });
      await writeFile(RACE, 'submit 400 60000');
      const r = await report();
      await (closing ?? ch.close());
      expectExactlyOnce(r, 400);
      lost += r.no_daemon;
      won += r.success;
      await until(() => dev.stats().daemon_attached === 0, 'the module to see the daemon go', 30_000);
    }
    expect(lost).toBeGreaterThan(0);
    expect(won).toBeGreaterThan(0);
    writeFileSync(GRACE, '20000');
    await settled();
  });

  it('counts the test module as a consumer of its own in GET_STATS, apart from SEND_EMBEDDING_REQUEST callers', () => {
    const consumers = dev.consumers();
    expect(consumers.map((c) => c.name)).toEqual(expect.arrayContaining(['ioctl', 'embed', 'test']));
    const t = consumers.find((c) => c.name === 'test')!;
    expect(t).toMatchObject({ inflight: 0, max_inflight: 1024 });
    expect(t.submitted).toBeGreaterThanOrEqual(400 * 11);
    expect(t.completed + t.failed).toBe(t.submitted);
    const s = dev.stats();
    expect(s.kernel_capacity).toBe(Math.floor(((s.pending_capacity as number) * 50) / 100));
  });

  it('survives a seeded fuzz of hostile daemon answers to batches (lying provenance, wrong sizes, duplicates) with cancels between', async () => {
    const out = await new Promise<Record<string, number>>((resolve, reject) => {
      const child = spawn(process.execPath, ['test/kernel/guest/fuzz.mjs', 'batches', '20261205', '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (d) => (stdout += d));
      child.stderr!.on('data', (d) => (stderr += d));
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`fuzz batches exited ${code}: ${stderr}`))));
    });
    // Answers were refused for what they got wrong, some requests succeeded, some were cancelled or timed out.
    expect(out['answer ok']).toBeGreaterThan(0);
    expect(Object.keys(out).some((k) => /^answer E/.test(k))).toBe(true);
    expect(out['requests success']).toBeGreaterThan(0);
    await settled();
  });

  it('keeps in-kernel consumers and SEND_EMBEDDING_REQUEST callers each to their own part of the pending table', async () => {
    const MAX_PENDING = '/sys/module/vexfs_ipc/parameters/max_pending';
    const PER_UID = '/sys/module/vexfs_ipc/parameters/max_pending_per_uid';
    let held = 0;
    // A daemon that holds everything: what is pending stays pending.
    const ch = await daemon(() => held++);
    writeFileSync(MAX_PENDING, '8');
    writeFileSync(PER_UID, '0');
    try {
      // Half of 8 for the kernel: a batch of 5 is refused whole, one of 4 fills its part.
      await expect(writeFile(RACE, 'submit 5 60000')).rejects.toMatchObject({ code: 'EBUSY' });
      await writeFile(RACE, 'submit 4 60000');
      // The kernel's part full does not touch the callers' part: four ioctl requests are taken...
      const callers = [0, 1, 2, 3].map((i) => dev.embed({ input: Buffer.from(`caller ${i}`), dimensions: 8, timeoutMs: 3000 }));
      await until(() => held === 8, 'all eight at the daemon', 30_000);
      // ...and with both parts full, a fifth caller is refused.
      await expect(dev.embed({ input: Buffer.from('fifth'), dimensions: 8, timeoutMs: 3000 })).rejects.toMatchObject({ code: 'EBUSY' });
      expect((await Promise.all(callers)).map((r) => r.status)).toEqual([Status.TIMEOUT, Status.TIMEOUT, Status.TIMEOUT, Status.TIMEOUT]);
      await writeFile(RACE, 'cancel-each');
      expect(await report()).toMatchObject({ n: 4, cancelled: 4, calls: 4, max: 1 });
      expect(dev.stats()).toMatchObject({ kernel_capacity: 4, pending_capacity: 8 });
    } finally {
      writeFileSync(MAX_PENDING, '4096');
      writeFileSync(PER_UID, '1024');
      await ch.close();
    }
    await settled();
  });

  it('unloads a consumer with requests in flight: they are cancelled, the daemon is told, nothing leaks', async () => {
    const cancels: bigint[] = [];
    let received = 0;
    const ch = await GenlKernelChannel.open(
      { protocol: NetlinkProtocol.GENERIC, kernelPort: 0 },
      { request: () => received++, cancel: (m) => cancels.push(m.requestId) },
    );
    try {
      await writeFile(RACE, 'submit 100 60000');
      await until(() => received === 100, 'the daemon to hold all 100', 30_000);
      expect(rmmod('vexfs_ipc_test')).toBe(0);
      await until(() => cancels.length === 100, 'a CANCEL for each', 30_000);
      await settled();
      expect(dev.consumers().map((c) => c.name)).not.toContain('test');
    } finally {
      await ch.close();
      insmod('kernel-shim/vexfs_ipc_test.ko');
    }
  });
});
