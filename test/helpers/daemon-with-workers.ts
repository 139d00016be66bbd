// A vexfs-bridged process (from dist/, as its worker threads run) with N pipelines, attached to a
// kernel twin in the test's process, and a private directory for its sockets; everything it made
// is closed after each test. `useDaemonWithWorkers()` at the top of a file gives the starter.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach } from 'vitest';

import { KernelTwin } from '../../src/kernel-side/twin/kernel-twin.js';
import { until } from './wait.js';

export const DAEMON_BIN = join(import.meta.dirname, '..', '..', 'dist', 'bin', 'vexfs-bridged.js');

export interface WorkersDaemon {
  child: ChildProcess;
  twin: KernelTwin;
  dir: string;
  control: string;
  /** What the daemon wrote to stderr so far (its log). */
  stderr(): string;
}

export function useDaemonWithWorkers(): {
  start(workers: number, args?: string[]): Promise<WorkersDaemon>;
  /** The daemon with `args` alone (no twin, no waiting): for one expected to refuse its settings. */
  run(args: string[]): Pick<WorkersDaemon, 'child' | 'stderr'>;
  /** Something else the test made, closed after it (last first). */
  keep(close: () => unknown): void;
} {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  const run = (args: string[]) => {
    let err = '';
    const child = spawn(process.execPath, [DAEMON_BIN, '--metrics', 'false', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (d) => (err += d));
    cleanup.push(() => child.kill('SIGKILL'));
    return { child, stderr: () => err };
  };
  return {
    keep: (close) => cleanup.push(close),
    run,
    async start(workers, args = []) {
      const dir = mkdtempSync(join(tmpdir(), 'vexfs-workers-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      const control = join(dir, 'control.sock');
      const twin = new KernelTwin({ graceMs: 10_000 });
      cleanup.push(() => twin.close());
      const { child, stderr } = run([
        '--kernel',
        'twin',
        '--twin-port',
        String(twin.portId),
        '--control-socket',
        control,
        '--workers',
        String(workers),
        ...args,
      ]);
      await twin.waitForDaemon(10_000);
      await until(() => twin.stats().daemonQueues === workers, `the daemon's ${workers} queues`, 20_000);
      return { child, twin, dir, control, stderr };
    },
  };
}
