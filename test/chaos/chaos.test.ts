// The chaos tier (npm run test:chaos): a real daemon process (two pipelines: --workers 2), three SDK services in their own
// processes answering with vectors derived from their inputs, the kernel twin and an open-loop
// load of mixed priorities, deadlines and repeated inputs in this process — under scheduled
// faults: services SIGKILLed, SIGSTOPped and hung, the daemon SIGKILLed and SIGTERMed and started
// again, hostile control clients. Every request must be answered exactly once, with the vector of
// its own input, never later than its deadline (plus slack), and fail only inside a fault's window.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { afterAll, describe, expect, it } from 'vitest';

import { Priority, Status } from '../../src/abi/uapi.js';
import { KernelTwin } from '../../src/kernel-side/twin/kernel-twin.js';
import { until } from '../helpers/wait.js';
import { derivedVector } from './derived.js';

const root = join(import.meta.dirname, '..', '..');
const SECONDS = Number(process.env.VEXFS_CHAOS_SECONDS ?? 75);
const RATE = Number(process.env.VEXFS_CHAOS_RATE ?? 1500);
const DIMS = 16;
/** An answer may come this long after its deadline (the twin's deadline sweep and event-loop turns). */
const SLACK_MS = 250;
/** A failure is explained by a fault that began at most this long before it was answered. */
const FAULT_WINDOW_MS = 8000;

const dir = mkdtempSync(join(tmpdir(), 'vexfs-chaos-'));
const control = join(dir, 'control.sock');
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function spawnReady(args: string[], ready: RegExp, from: 'stdout' | 'stderr'): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', from === 'stdout' ? 'pipe' : 'ignore', from === 'stderr' ? 'pipe' : 'ignore'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: not ready in 30 s`)), 30_000);
    createInterface({ input: child[from]! }).on('line', (l) => {
      if (ready.test(l)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
  });
}

const startDaemon = (twin: KernelTwin) =>
  spawnReady(
    [
      join(root, 'dist', 'bin', 'vexfs-bridged.js'),
      '--kernel',
      'twin',
      '--twin-port',
      String(twin.portId),
      '--control-socket',
      control,
      '--metrics',
      'false',
      '--coalesce',
      'true',
      // Two pipelines, each with its own queue at the twin: the faults hit the main thread's and a worker's.
      '--workers',
      '2',
    ],
    /kernel transport/,
    'stderr',
  );
const startService = (id: string) =>
  spawnReady(
    [join(root, 'node_modules', 'vite-node', 'vite-node.mjs'), join(root, 'test', 'chaos', 'service.ts'), control, join(dir, `${id}.sock`), id],
    /^registered$/,
    'stdout',
  );

const fdCount = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;
const rssKib = (pid: number) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1]);

interface Sent {
  input: Buffer;
  at: number;
  timeoutMs: number;
  answers: number;
  status?: number;
  answeredAt?: number;
  wrongVector?: boolean;
}

describe('chaos', () => {
  it('answers every request exactly once, with its own vector, in time, failing only inside fault windows', async () => {
    const twin = new KernelTwin({ graceMs: 15_000 });
    let daemon = await startDaemon(twin);
    await twin.waitForDaemon(30_000);
    const services = new Map<string, ChildProcess>();
    for (const id of ['svc-a', 'svc-b', 'svc-c']) services.set(id, await startService(id));
    await new Promise((r) => setTimeout(r, 500));

    const faults: Array<{ at: number; what: string }> = [];
    const fault = (what: string) => faults.push({ at: performance.now(), what });
    const sent: Sent[] = [];
    let refused = 0;
    const t0 = performance.now();
    let baseline: { fds: number; rss: number } | undefined;

    // The fault schedule, seconds from the start of the load.
    const schedule: Array<[number, () => Promise<void> | void]> = [
      // The first daemon under steady load, before any fault: its descriptors, and its memory's peak over three samples.
      [5, () => (baseline = { fds: fdCount(daemon.pid!), rss: rssKib(daemon.pid!) })],
      [6, () => void (baseline!.rss = Math.max(baseline!.rss, rssKib(daemon.pid!)))],
      [7, () => void (baseline!.rss = Math.max(baseline!.rss, rssKib(daemon.pid!)))],
      [
        8,
        async () => {
          fault('SIGKILL svc-a');
          services.get('svc-a')!.kill('SIGKILL');
          services.set('svc-a', await startService('svc-a'));
        },
      ],
      [
        16,
        () => {
          fault('SIGSTOP svc-b for 4 s');
          services.get('svc-b')!.kill('SIGSTOP');
          setTimeout(() => services.get('svc-b')!.kill('SIGCONT'), 4000);
        },
      ],
      [
        24,
        () => {
          fault('svc-c hangs for 6 s');
          services.get('svc-c')!.kill('SIGUSR2');
          setTimeout(() => services.get('svc-c')!.kill('SIGUSR2'), 6000);
        },
      ],
      [
        34,
        async () => {
          fault('SIGKILL the daemon, start it again');
          daemon.kill('SIGKILL');
          await new Promise((r) => daemon.once('exit', r));
          daemon = await startDaemon(twin);
        },
      ],
      [
        46,
        () => {
          fault('hostile control clients');
          for (let i = 0; i < 20; i++) {
            const s = connect(control);
            s.on('error', () => {});
            const head = Buffer.alloc(4);
            head.writeUInt32LE(900 * 1024);
            // Half of a large request, garbage, then nothing.
            s.write(i % 2 ? Buffer.concat([head, Buffer.alloc(400 * 1024, 1)]) : Buffer.from([0xff, 0xff, 0xff, 0x7f, 1, 2, 3]));
            setTimeout(() => s.destroy(), 5000);
          }
        },
      ],
      [
        54,
        async () => {
          fault('SIGTERM the daemon, start it again');
          daemon.kill('SIGTERM');
          await new Promise((r) => daemon.once('exit', r));
          daemon = await startDaemon(twin);
        },
      ],
    ];
    for (const [s, f] of schedule) setTimeout(() => void f(), s * 1000);

    // Open-loop load: mixed priorities and deadlines; one input in ten repeats a recent one.
    const total = SECONDS * RATE;
    const pending: Array<Promise<void>> = [];
    await new Promise<void>((resolve) => {
      let issued = 0;
      const tick = () => {
        const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
        for (; issued < due; issued++) {
          const n = issued;
          const input = Buffer.from(`chaos ${n % 10 === 0 && n > 100 ? n - 37 : n}`);
          const rec: Sent = { input, at: performance.now(), timeoutMs: [2000, 5000, 10_000][n % 3] as number, answers: 0 };
          const priority = [Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.CRITICAL][n % 4] as number;
          const p = twin.embed({ input, dimensions: DIMS, priority, timeoutMs: rec.timeoutMs }).then(
            (r) => {
              rec.answers++;
              rec.status = r.status;
              rec.answeredAt = performance.now();
              if (r.status === Status.SUCCESS) {
                const got = new Float32Array(r.vector!.buffer, r.vector!.byteOffset, DIMS);
                const want = derivedVector(input, DIMS);
                rec.wrongVector = got.some((v, i) => v !== want[i]);
              }
              sent.push(rec);
            },
            () => {
              // Refused at once by the kernel side (no daemon attached: -ENOTCONN), never pending.
              refused++;
              fault(`refused: no daemon (${n})`);
            },
          );
          pending.push(p);
        }
        if (issued < total) setTimeout(tick, 2);
        else resolve();
      };
      tick();
    });
    await Promise.all(pending);

    const answered = sent.length;
    expect(answered + refused).toBe(total);
    expect(sent.filter((r) => r.answers !== 1)).toEqual([]);
    expect(sent.filter((r) => r.wrongVector)).toEqual([]);
    const late = sent.filter((r) => (r.answeredAt as number) - r.at > r.timeoutMs + SLACK_MS);
    expect(late.map((r) => [r.status, Math.round((r.answeredAt as number) - r.at), r.timeoutMs])).toEqual([]);
    const failedAt = sent.filter((r) => r.status !== Status.SUCCESS);
    const unexplained = failedAt.filter((r) => !faults.some((f) => f.at <= (r.answeredAt as number) && (r.answeredAt as number) - f.at <= FAULT_WINDOW_MS));
    const byStatus: Record<number, number> = {};
    for (const r of failedAt) byStatus[r.status as number] = (byStatus[r.status as number] ?? 0) + 1;
    console.log(
      JSON.stringify({ total, answered, refused, failed: failedAt.length, byStatus, faults: faults.filter((f) => !f.what.startsWith('refused')).length }),
    );
    expect(unexplained.map((r) => r.status)).toEqual([]);
    // What a fault may cost: a deadline passing in a stopped or hung service before it is taken out
    // of rotation, a retry refused, a request still running when SIGTERM's grace ends. Never
    // NO_SERVICE (services re-register with a restarted daemon), OVERLOADED (capacity is ample)
    // or NO_DAEMON (the daemon is back long before the kernel side's grace ends).
    const allowed = new Set<number>([Status.TIMEOUT, Status.SERVICE_ERROR, Status.SHUTTING_DOWN]);
    expect(failedAt.filter((r) => !allowed.has(r.status as number)).map((r) => r.status)).toEqual([]);
    expect(failedAt.length).toBeLessThan(answered * 0.005);

    // The daemon that ran from the second restart on, once idle: back to the first one's descriptors and
    // within half again of its memory. Polled, not sampled once: a heap gives memory back at its idle
    // collection, which a busy machine runs late; a leak never gets there.
    expect(baseline).toBeDefined();
    await until(() => fdCount(daemon.pid!) <= baseline!.fds + 2, `the daemon back to ${baseline!.fds} (+2) descriptors`, 30_000);
    await until(() => rssKib(daemon.pid!) < baseline!.rss * 1.5, `the daemon's memory below 1.5 x ${baseline!.rss} KiB`, 30_000);
    twin.close();
  }, 240_000);
});
