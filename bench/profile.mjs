// npm run bench -- --profile: a CPU profile of the daemon under load (closed loop from the C
// kernel-side generator, 256 in flight, 1 KiB inputs, 384-dim vectors), written with node's
// --cpu-prof, and a summary of where its busy time goes: self time by function, garbage
// collection and the rest. Open the .cpuprofile in Chrome DevTools (Performance) or speedscope.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import * as c from './c-kernel.mjs';
import { rootDir, round } from './lib.mjs';

const count = process.argv.includes('--quick') ? 30_000 : 300_000;
const dir = join(rootDir, 'bench', 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(dir, { recursive: true });
const children = new Set();
process.on('exit', () => {
  for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGKILL');
});

const run = await c.ours(children, ['kernel', '256', String(count), '1024', '384', String(count / 10)], {
  nodeArgs: ['--cpu-prof', '--cpu-prof-dir', dir],
});
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (file === undefined) throw new Error(`no profile was written to ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));

// Self time per node: each sample's time delta goes to the node it landed in.
const selfUs = new Map();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const byFunction = new Map();
let idle = 0;
let total = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  total += us;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') {
    idle += us;
    continue;
  }
  const where = url ? `${relative(rootDir, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
const busy = total - idle;
const top = [...byFunction.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30)
  .map(([fn, us]) => ({ function: fn, self_ms: round(us / 1000, 1), share_of_busy: round(us / busy, 3) }));
console.log(
  JSON.stringify(
    {
      benchmark: 'profile',
      profile: relative(rootDir, join(dir, file)),
      requests: count + count / 10,
      throughput_rps: run.throughput_rps,
      daemon_cpu_us_per_req: run.daemon_cpu_us_per_req,
      busy_ms: round(busy / 1000, 1),
      idle_ms: round(idle / 1000, 1),
      garbage_collection_share: round((byFunction.get('(garbage collector)') ?? 0) / busy, 3),
      top_self_time: top,
    },
    null,
    2,
  ),
);
