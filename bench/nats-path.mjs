// The NATS worker path next to the local SDK path and a plain NATS request-reply baseline, in one
// run with the same payloads (1 KiB inputs, 384-dim float32 vectors), closed loop:
//   sdk_unix_socket  kernel twin -> vexfs-bridged -> SDK echo service (Unix socket) -> back
//   nats_worker      kernel twin -> vexfs-bridged -> nats-server -> SDK echo worker on NATS -> back
//   plain_nats       Node client -> nats-server -> Node responder, one request per message, 64 in flight
// The bridge sends one NATS message per batch; the figures say how many inputs that was.
import { join } from 'node:path';

import { connect } from '@nats-io/transport-node';
import { Svcm } from '@nats-io/services';

import { benchDir, closedLoop, cpuMicros, round, spawnReady, stop } from './lib.mjs';
import { plainNats, startNatsServer } from './nats-plain.mjs';
import { startStack, stopStack } from './stack.mjs';

const INPUT = Buffer.alloc(1024, 'a');
const DIMS = 384;
const quick = process.argv.includes('--quick');
const COUNT = quick ? 20_000 : 200_000;
const PLAIN_COUNT = quick ? 10_000 : 100_000;
const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

const nats = await startNatsServer(children);
const url = nats.url;

const stack = await startStack(children, quick, { daemonArgs: ['--metrics', 'false', '--nats', url, '--nats-trust-workers', 'true', '--nats-host', 'bench'] });
const { twin, daemon } = stack;
const worker = await spawnReady(process.execPath, [join(benchDir, 'nats-echo-worker.mjs'), url, String(DIMS)], /^serving \w+$/);
children.add(worker.child);
// Discovery finds it within a round.
await new Promise((r) => setTimeout(r, 1500));

async function measure(model) {
  await closedLoop(twin, { input: INPUT, dimensions: DIMS, model, window: 64, count: quick ? 2000 : 10_000 });
  const cpu0 = cpuMicros(daemon.child.pid);
  const w0 = cpuMicros((model ? worker : stack.service).child.pid);
  const r = await closedLoop(twin, { input: INPUT, dimensions: DIMS, model, window: 256, count: COUNT });
  return {
    throughput_rps: r.rps,
    p50_us: r.p50_us,
    p99_us: r.p99_us,
    daemon_cpu_us_per_req: round((cpuMicros(daemon.child.pid) - cpu0) / COUNT, 3),
    service_cpu_us_per_req: round((cpuMicros((model ? worker : stack.service).child.pid) - w0) / COUNT, 3),
  };
}

/** Requests the worker's NATS endpoint took, from $SRV.STATS. */
async function workerRequests(nc) {
  let n = 0;
  for await (const s of await new Svcm(nc).client({ strategy: 'stall', stall: 200, maxWait: 1000 }).stats('vexfs-embed')) {
    for (const e of s.endpoints ?? []) n += e.num_requests;
  }
  return n;
}

const sdkPath = await measure(undefined);
const probe = await connect({ servers: url });
const before = await workerRequests(probe);
const natsPath = await measure('via-nats');
const messages = (await workerRequests(probe)) - before;
natsPath.nats_messages = messages;
// The measured run's inputs (warm-up included in the count of messages, so this is a floor).
natsPath.inputs_per_message = round((COUNT + (quick ? 2000 : 10_000)) / messages, 1);
await probe.close();

// Plain request-reply: 64 requests in flight, one NATS message each way per request.
const plainNatsResult = await plainNats(children, url, { input: INPUT, vectorBytes: DIMS * 4, count: PLAIN_COUNT, warmup: quick ? 2000 : 10_000 });

await stop(worker.child);
await stopStack(stack);
await nats.close();
console.log(
  JSON.stringify(
    {
      benchmark: 'nats-path',
      input_bytes: INPUT.length,
      vector_bytes: DIMS * 4,
      sdk_unix_socket: sdkPath,
      nats_worker: natsPath,
      plain_nats_request_reply: plainNatsResult,
      ratio_nats_worker_to_plain_nats: round(natsPath.throughput_rps / plainNatsResult.throughput_rps, 2),
      ratio_nats_worker_to_sdk_unix_socket: round(natsPath.throughput_rps / sdkPath.throughput_rps, 3),
      ratio_sdk_unix_socket_to_plain_nats: round(sdkPath.throughput_rps / plainNatsResult.throughput_rps, 2),
      seed_gateway_published_ops_per_s: 13_400,
    },
    null,
    2,
  ),
);
