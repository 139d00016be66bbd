// Both sides of the full-path comparison driven by the same C kernel-side generator
// (bench/c/nl_roundtrip.c, closed or open loop, started by a gate once the path is up): our daemon
// with the SDK echo service, and the C relay with the C echo service. The Node twin's own cost,
// which production never pays, is out of the daemon's figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildC, cpuMicros, daemonNodeFlags, rootDir, round, rssMb, spawnReady, stop } from './lib.mjs';
import { startEcho } from './stack.mjs';

export const bins = { kernel: buildC('nl_roundtrip'), relay: buildC('relay'), service: buildC('echo_service') };

/** Requests the run sends in all (its warm-up included): what CPU per request divides by. */
function requestsOf(cArgs) {
  return cArgs[0] === 'kernel' ? Number(cArgs[2]) + Number(cArgs[5] ?? 0) : Math.round(Number(cArgs[1]) * (Number(cArgs[2]) + Number(cArgs[5] ?? 0)));
}

/**
 * Starts the generator with `cArgs` (gated, waiting for `queues` attaches), the path `attach(port, dir)` makes,
 * opens the gate, returns the generator's JSON and the relay's CPU and RSS.
 */
async function drive(children, cArgs, attach, queues = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-ckernel-'));
  const kernel = await spawnReady(bins.kernel, [...cArgs, '1', String(queues)], /^port (\d+)$/, { stdio: ['pipe', 'pipe', 'inherit'] });
  children.add(kernel.child);
  const attached = new Promise((resolve) => {
    if (kernel.lines.includes('attached')) resolve();
    kernel.rl.on('line', (l) => l === 'attached' && resolve());
  });
  const path = await attach(kernel.match[1], dir, attached);
  await attached;
  const answer = new Promise((resolve) => kernel.rl.on('line', (l) => l.startsWith('{') && resolve(JSON.parse(l))));
  const cpu0 = cpuMicros(path.relay.pid);
  const svc0 = cpuMicros(path.service.pid);
  kernel.child.stdin.write('go\n');
  const result = await answer;
  const n = requestsOf(cArgs);
  const out = {
    ...result,
    daemon_cpu_us_per_req: round((cpuMicros(path.relay.pid) - cpu0) / n, 3),
    service_cpu_us_per_req: round((cpuMicros(path.service.pid) - svc0) / n, 3),
    daemon_rss_mb: round(rssMb(path.relay.pid), 1),
  };
  for (const c of [kernel.child, ...path.stop]) await stop(c);
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** Our daemon (with `workers` pipelines, each on its own queue) and the SDK echo service behind the C generator. `nodeArgs` go to the daemon's node (e.g. --cpu-prof). */
export function ours(children, cArgs, { daemonArgs = [], nodeArgs = [], workers = 1 } = {}) {
  return drive(
    children,
    cArgs,
    async (port, dir) => {
      const control = join(dir, 'control.sock');
      const daemon = await spawnReady(
        process.execPath,
        [
          ...daemonNodeFlags(),
          ...nodeArgs,
          join(rootDir, 'dist', 'bin', 'vexfs-bridged.js'),
          '--kernel',
          'twin',
          '--twin-port',
          port,
          '--control-socket',
          control,
          '--log-level',
          'info',
          '--metrics',
          'false',
          '--workers',
          String(workers),
          ...daemonArgs,
        ],
        /kernel transport/,
        { stdio: ['ignore', 'ignore', 'pipe'], readFrom: 'stderr' },
      );
      children.add(daemon.child);
      const service = await startEcho(children, control, dir, 'bench-echo');
      // Connected and ready before the gate opens.
      await new Promise((r) => setTimeout(r, 300));
      return { relay: daemon.child, service: service.child, stop: [service.child, daemon.child] };
    },
    workers,
  );
}

/** The C relay and C echo service behind the same generator. */
export function relay(children, cArgs) {
  return drive(children, cArgs, async (port, dir) => {
    const sock = join(dir, 'svc.sock');
    const service = await spawnReady(bins.service, [sock], /^listening$/);
    children.add(service.child);
    const r = await spawnReady(bins.relay, [port, sock], /^attached$/);
    children.add(r.child);
    return { relay: r.child, service: service.child, stop: [r.child, service.child] };
  });
}

/** Answers by status as the generator counts them, the non-zero ones by name. */
export function statusNames(byStatus, names) {
  const out = {};
  byStatus.forEach((n, i) => {
    if (n > 0) out[names[i] ?? 'unknown'] = n;
  });
  return out;
}
