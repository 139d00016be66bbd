// Daemon workers (vexfs-bridged --workers N): the full path of full-path.mjs (C kernel-side
// generator, 1 KiB inputs, 384-dim vectors, closed loop of 256) with 1, 2 and 4 pipelines, each a
// thread with its own kernel queue and its own connection to the SDK echo service, next to the C
// relay in the same run. The generator gives each queue a batch in turn. Prints one JSON object:
// throughput and daemon CPU per request by worker count, and each count's ratio to one worker's.
import { availableParallelism } from 'node:os';

import * as c from './c-kernel.mjs';
import { round } from './lib.mjs';

const quick = process.argv.includes('--quick');
const COUNT = quick ? 30_000 : 300_000;
const args = ['kernel', '256', String(COUNT), '1024', '384', String(Math.round(COUNT / 10))];
const children = new Set();
process.on('exit', () => {
  for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGKILL');
});

const counts = [1, 2, 4];
const runs = {};
for (const workers of counts) {
  process.stderr.write(`workers: ${workers}\n`);
  const r = await c.ours(children, args, { workers });
  runs[workers] = { throughput_rps: r.rps, p50_us: r.p50_us, p99_us: r.p99_us, daemon_cpu_us_per_req: r.daemon_cpu_us_per_req, daemon_rss_mb: r.daemon_rss_mb };
}
const relay = await c.relay(children, args);
const one = runs[1].throughput_rps;
console.log(
  JSON.stringify(
    {
      benchmark: 'workers',
      cpus: availableParallelism(),
      by_workers: runs,
      relay: { throughput_rps: relay.rps, daemon_cpu_us_per_req: relay.daemon_cpu_us_per_req },
      throughput_to_one_worker: Object.fromEntries(counts.map((w) => [w, round(runs[w].throughput_rps / one, 3)])),
      throughput_to_relay: Object.fromEntries(counts.map((w) => [w, round(runs[w].throughput_rps / relay.rps, 3)])),
    },
    null,
    2,
  ),
);
