// Channel round trip: kernel side -> daemon side -> kernel side over
// NETLINK_USERSOCK with real VEXFS_IPC messages, through the addon, next to
// a C program doing the same hops. Prints one JSON object.
//
// Pairings, each in its own processes:
//   ours      Node kernel twin  <-> Node daemon channel (the addon on both ends)
//   baseline  C kernel side     <-> C daemon (recvmmsg/sendmmsg)
//   twin_ceiling    Node twin   <-> C daemon: what the twin alone can drive
//   daemon_ceiling  C kernel    <-> Node daemon: what the daemon side alone sustains
import { KernelTwin } from '../dist/kernel-side/twin/kernel-twin.js';
import { benchDir, buildC, closedLoop, cpuMicros, round, spawnReady, stop } from './lib.mjs';
import { join } from 'node:path';

const INPUT_BYTES = 1024;
const DIMS = 384;
const quick = process.argv.includes('--quick');
const SCENARIOS = [
  { name: 'latency_window_1', window: 1, count: quick ? 2000 : 20000 },
  { name: 'throughput_window_256', window: 256, count: quick ? 20000 : 300000 },
];

const cBin = buildC('nl_roundtrip');
// Every child is killed on the way out, whatever happens to the run.
const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
const log = (msg) => process.stderr.write(`${msg}\n`);

async function withNodeTwin(daemonCmd, daemonArgs, window, count) {
  const twin = new KernelTwin();
  const { child } = await spawnReady(daemonCmd, [...daemonArgs, String(twin.portId)], /^attached$/, { cwd: benchDir });
  children.add(child);
  await twin.waitForDaemon();
  const cpu0 = cpuMicros(child.pid);
  const twinCpu0 = process.cpuUsage();
  const result = await closedLoop(twin, { input: Buffer.alloc(INPUT_BYTES, 'a'), dimensions: DIMS, window, count });
  const twinCpu = process.cpuUsage(twinCpu0);
  const daemonCpu = cpuMicros(child.pid) - cpu0;
  await stop(child);
  twin.close();
  return {
    ...result,
    daemon_cpu_us_per_req: round(daemonCpu / count, 3),
    kernel_side_cpu_us_per_req: round((twinCpu.user + twinCpu.system) / count, 3),
  };
}

async function withCKernel(daemonCmd, daemonArgs, window, count) {
  const kernel = await spawnReady(cBin, ['kernel', String(window), String(count), String(INPUT_BYTES), String(DIMS)], /^port (\d+)$/);
  children.add(kernel.child);
  const port = kernel.match[1];
  const { child } = await spawnReady(daemonCmd, [...daemonArgs, port], /^attached$/, { cwd: benchDir });
  children.add(child);
  const cpu0 = cpuMicros(child.pid);
  const line = await new Promise((resolve, reject) => {
    kernel.rl.on('line', (l) => l.startsWith('{') && resolve(l));
    kernel.child.once('exit', (code) => code !== 0 && reject(new Error(`C kernel side exited with ${code}`)));
  });
  const daemonCpu = cpuMicros(child.pid) - cpu0;
  await stop(child);
  await stop(kernel.child);
  const r = JSON.parse(line);
  return { rps: r.rps, p50_us: r.p50_us, p99_us: r.p99_us, daemon_cpu_us_per_req: round(daemonCpu / count, 3) };
}

const nodeDaemon = [process.execPath, [join(benchDir, 'channel-echo-daemon.mjs')]];
const cDaemon = [cBin, ['daemon']];

const out = {
  benchmark: 'channel-roundtrip',
  transport: 'NETLINK_USERSOCK, VEXFS_IPC generic netlink messages',
  input_bytes: INPUT_BYTES,
  vector_bytes: DIMS * 4,
  scenarios: {},
};
for (const s of SCENARIOS) {
  log(`${s.name}: baseline (C <-> C)`);
  const baseline = await withCKernel(cDaemon[0], cDaemon[1], s.window, s.count);
  log(`${s.name}: ours (twin <-> daemon channel)`);
  const ours = await withNodeTwin(nodeDaemon[0], nodeDaemon[1], s.window, s.count);
  log(`${s.name}: twin ceiling (twin <-> C daemon)`);
  const twinCeiling = await withNodeTwin(cDaemon[0], cDaemon[1], s.window, s.count);
  log(`${s.name}: daemon ceiling (C kernel <-> daemon channel)`);
  const daemonCeiling = await withCKernel(nodeDaemon[0], nodeDaemon[1], s.window, s.count);
  out.scenarios[s.name] = {
    window: s.window,
    count: s.count,
    ours,
    baseline,
    ratio: {
      rps: round(ours.rps / baseline.rps, 3),
      p50: round(ours.p50_us / baseline.p50_us, 3),
      p99: round(ours.p99_us / baseline.p99_us, 3),
      daemon_cpu: round(ours.daemon_cpu_us_per_req / Math.max(baseline.daemon_cpu_us_per_req, 0.001), 3),
    },
    twin_ceiling: twinCeiling,
    daemon_ceiling: daemonCeiling,
  };
}
console.log(JSON.stringify(out, null, 2));
