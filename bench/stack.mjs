// Our side of the full path, shared by the benchmarks: a kernel twin in this process, vexfs-bridged
// and the SDK echo service in their own processes; and an open-loop load generator for it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Status } from '../dist/abi/uapi.js';
import { KernelTwin } from '../dist/kernel-side/twin/kernel-twin.js';
import { benchDir, closedLoop, daemonNodeFlags, percentiles, rootDir, spawnReady, stop } from './lib.mjs';

const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([k, v]) => [v, k]));
const WARM_UP = { input: Buffer.alloc(1024, 'a'), dimensions: 384, window: 64 };

/**
 * Starts twin, daemon (with `daemonArgs` added) and `services` echo services (children are added to
 * `children` for cleanup) and warms them up.
 */
export async function startStack(children, quick = false, { daemonArgs = [], services = 1 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-fullpath-'));
  const control = join(dir, 'control.sock');
  const twin = new KernelTwin();
  const daemon = await spawnReady(
    process.execPath,
    [
      ...daemonNodeFlags(),
      join(rootDir, 'dist', 'bin', 'vexfs-bridged.js'),
      '--kernel',
      'twin',
      '--twin-port',
      String(twin.portId),
      '--control-socket',
      control,
      '--log-level',
      'info',
      '--metrics-port',
      '0',
      ...daemonArgs,
    ],
    /kernel transport/,
    { stdio: ['ignore', 'ignore', 'pipe'], readFrom: 'stderr' },
  );
  children.add(daemon.child);
  await twin.waitForDaemon();
  const echo = [];
  for (let i = 0; i < services; i++) echo.push(await startEcho(children, control, dir, i === 0 ? 'bench-echo' : `bench-echo-${i}`));
  await new Promise((r) => setTimeout(r, 200));
  await closedLoop(twin, { ...WARM_UP, count: quick ? 2000 : 20_000 });
  return { twin, daemon, service: echo[0], services: echo, control, dir };
}

/** An SDK echo service registered as `id` (in its own process). */
export async function startEcho(children, control, dir, id) {
  const service = await spawnReady(process.execPath, [join(benchDir, 'echo-service.mjs'), control, join(dir, `${id}.sock`), id], /^registered$/);
  children.add(service.child);
  return service;
}

export async function stopStack({ twin, daemon, services }) {
  for (const s of services) await stop(s.child);
  await stop(daemon.child);
  twin.close();
}

/** Requests at a fixed rate; latency counts from the scheduled send time (no coordinated omission). */
export async function openLoop(twin, { input, dimensions }, rate, seconds) {
  const total = Math.round(rate * seconds);
  const lat = new Float64Array(total);
  let issued = 0;
  let done = 0;
  let failed = 0;
  const byStatus = {};
  const start = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (issued < due) {
        const scheduled = start + (issued / rate) * 1000;
        issued++;
        twin.embed({ input, dimensions, timeoutMs: 30_000 }).then((r) => {
          if (r.status !== 0) {
            failed++;
            byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
          }
          lat[done++] = (performance.now() - scheduled) * 1000;
          if (done === total) resolve();
        });
      }
      if (issued < total) setImmediate(tick);
    };
    tick();
  });
  const failedByStatus = Object.fromEntries(Object.entries(byStatus).map(([k, v]) => [STATUS_NAMES[k] ?? k, v]));
  return {
    offered_rps: rate,
    achieved_rps: Math.round(total / ((performance.now() - start) / 1000)),
    failed,
    failed_by_status: failedByStatus,
    ...percentiles(lat),
  };
}
