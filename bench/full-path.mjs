// Full path: kernel side -> daemon -> embedding service -> daemon -> kernel side,
// with 1 KiB inputs and 384-dim float32 vectors, next to a C relay doing the
// same hops with no logic. Each side runs in its own processes; the kernel
// side (the twin) is in this process. Prints one JSON object.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildC, closedLoop, cpuMicros, round, rssMb, spawnReady, stop } from './lib.mjs';
import { openLoop, startStack, stopStack } from './stack.mjs';

const INPUT = Buffer.alloc(1024, 'a');
const DIMS = 384;
const quick = process.argv.includes('--quick');
const CLOSED = { window: 256, count: quick ? 30_000 : 300_000 };
const LIGHT = { window: 1, count: quick ? 2_000 : 20_000 };
const OPEN_SECONDS = quick ? 1 : 3;
const log = (m) => process.stderr.write(`${m}\n`);
const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
const bins = { kernel: buildC('nl_roundtrip'), relay: buildC('relay'), service: buildC('echo_service') };

const rename = ({ rps, ...rest }) => ({ throughput_rps: rps, ...rest });

async function ours() {
  const stack = await startStack(children, quick);
  const { twin, daemon } = stack;
  const pid = daemon.child.pid;
  const measure = async (fn, requests) => {
    const cpu0 = cpuMicros(pid);
    const result = await fn();
    return { ...result, daemon_cpu_us_per_req: round((cpuMicros(pid) - cpu0) / requests, 3) };
  };
  const closed = await measure(() => closedLoop(twin, { input: INPUT, dimensions: DIMS, ...CLOSED }).then(rename), CLOSED.count);
  const light = await measure(() => closedLoop(twin, { input: INPUT, dimensions: DIMS, ...LIGHT }).then(rename), LIGHT.count);
  const openRate = Math.round(closed.throughput_rps * 0.5);
  const open = await measure(() => openLoop(twin, { input: INPUT, dimensions: DIMS }, openRate, OPEN_SECONDS), openRate * OPEN_SECONDS);
  const rss = rssMb(pid);
  await stopStack(stack);
  return { closed, light, open, daemon_rss_mb: round(rss, 1) };
}

async function cRun(window, count) {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-fullpath-c-'));
  const sock = join(dir, 'svc.sock');
  const service = await spawnReady(bins.service, [sock], /^listening$/);
  children.add(service.child);
  const kernel = await spawnReady(bins.kernel, ['kernel', String(window), String(count), String(INPUT.length), String(DIMS)], /^port (\d+)$/);
  children.add(kernel.child);
  const relay = await spawnReady(bins.relay, [kernel.match[1], sock], /^attached$/);
  children.add(relay.child);
  const cpu0 = cpuMicros(relay.child.pid);
  const line = await new Promise((resolve) => kernel.rl.on('line', (l) => l.startsWith('{') && resolve(l)));
  const cpu = cpuMicros(relay.child.pid) - cpu0;
  const rss = rssMb(relay.child.pid);
  for (const c of [kernel.child, relay.child, service.child]) await stop(c);
  const r = JSON.parse(line);
  return { throughput_rps: r.rps, p50_us: r.p50_us, p99_us: r.p99_us, daemon_cpu_us_per_req: round(cpu / count, 3), daemon_rss_mb: round(rss, 1) };
}

log('full path: ours (twin -> vexfs-bridged -> SDK service)');
const o = await ours();
log('full path: baseline (C kernel side -> C relay -> C service)');
const bClosed = await cRun(CLOSED.window, CLOSED.count);
const bLight = await cRun(LIGHT.window, LIGHT.count);

console.log(
  JSON.stringify(
    {
      benchmark: 'full-path',
      path: 'kernel twin -> vexfs-bridged -> embedding service (SDK) -> vexfs-bridged -> kernel twin',
      input_bytes: INPUT.length,
      vector_bytes: DIMS * 4,
      closed_loop_window: CLOSED.window,
      throughput_rps: o.closed.throughput_rps,
      p50_us: o.closed.p50_us,
      p99_us: o.closed.p99_us,
      light_load_p50_us: o.light.p50_us,
      light_load_p99_us: o.light.p99_us,
      daemon_cpu_us_per_req: o.closed.daemon_cpu_us_per_req,
      daemon_rss_mb: o.daemon_rss_mb,
      open_loop: o.open,
      baseline_throughput_rps: bClosed.throughput_rps,
      baseline_p50_us: bClosed.p50_us,
      baseline_p99_us: bClosed.p99_us,
      baseline_light_load_p50_us: bLight.p50_us,
      baseline_light_load_p99_us: bLight.p99_us,
      baseline_daemon_cpu_us_per_req: bClosed.daemon_cpu_us_per_req,
      baseline_daemon_rss_mb: bClosed.daemon_rss_mb,
      ratio_throughput: round(o.closed.throughput_rps / bClosed.throughput_rps, 3),
      ratio_light_load_p50: round(o.light.p50_us / bLight.p50_us, 3),
      ratio_daemon_cpu: round(o.closed.daemon_cpu_us_per_req / Math.max(bClosed.daemon_cpu_us_per_req, 0.001), 3),
    },
    null,
    2,
  ),
);
