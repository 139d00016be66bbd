// The HTTP backend path next to the SDK's Unix-socket path, same run, same daemon: kernel twin ->
// vexfs-bridged -> (a) the SDK echo service, (b) an echo server declared as a backend once per
// dialect (openai, tei, ollama) -> back. 1 KiB inputs, 384-dim vectors, closed loop; the daemon's
// CPU per request and the batches each path formed. Prints one JSON object.
import { join } from 'node:path';

import { benchDir, closedLoop, cpuMicros, round, spawnReady, stop } from './lib.mjs';
import { startStack, stopStack } from './stack.mjs';

const INPUT = Buffer.alloc(1024, 'a');
const DIMS = 384;
const COUNT = process.argv.includes('--quick') ? 20_000 : 200_000;
const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

const http = await spawnReady(process.execPath, [join(benchDir, 'http-echo-server.mjs'), String(DIMS)], /^listening (\d+)$/);
children.add(http.child);
const DIALECTS = ['openai', 'tei', 'ollama'];
const url = `http://127.0.0.1:${http.match[1]}`;
// Each dialect's backend serves a model name of its own, so a request picks the path.
const backends = JSON.stringify(
  DIALECTS.map((dialect) => ({
    id: `http-${dialect}`,
    dialect,
    url,
    model: 'echo',
    models: [`via-${dialect}`],
    dimensions: [DIMS],
    maxBatchSize: 512,
    connections: 4,
  })),
);
// The stack's daemon and SDK echo service, with the HTTP echo server declared as a backend.
const stack = await startStack(children, false, { daemonArgs: ['--metrics', 'false', '--backends', backends] });
const { twin, daemon } = stack;

async function measure(model) {
  await closedLoop(twin, { input: INPUT, dimensions: DIMS, model, window: 64, count: 10_000 });
  const cpu0 = cpuMicros(daemon.child.pid);
  const r = await closedLoop(twin, { input: INPUT, dimensions: DIMS, model, window: 256, count: COUNT });
  return { throughput_rps: r.rps, p50_us: r.p50_us, p99_us: r.p99_us, daemon_cpu_us_per_req: round((cpuMicros(daemon.child.pid) - cpu0) / COUNT, 3) };
}

const sdkPath = await measure(undefined);
const serverStats = async () => (await fetch(`${url}/stats`)).json();
const byDialect = {};
for (const dialect of DIALECTS) {
  const before = await serverStats();
  const path = await measure(`via-${dialect}`);
  const after = await serverStats();
  // The run's batches (its warm-up included): inputs per POST, and the daemon's CPU per batch.
  const perBatch = (after.inputs - before.inputs) / (after.posts - before.posts);
  path.inputs_per_batch = round(perBatch, 1);
  path.daemon_cpu_us_per_batch = round(path.daemon_cpu_us_per_req * perBatch, 1);
  path.ratio_throughput_to_sdk = round(path.throughput_rps / sdkPath.throughput_rps, 3);
  path.extra_daemon_cpu_us_per_req = round(path.daemon_cpu_us_per_req - sdkPath.daemon_cpu_us_per_req, 3);
  byDialect[dialect] = path;
}
await stopStack(stack);
await stop(http.child);
console.log(
  JSON.stringify(
    {
      benchmark: 'http-backend',
      input_bytes: INPUT.length,
      vector_bytes: DIMS * 4,
      sdk_unix_socket: sdkPath,
      http_by_dialect: byDialect,
    },
    null,
    2,
  ),
);
