// Two checkouts of this repository, each built (npm ci), measured against each other in one run:
// each tree's own daemon driven by the C kernel-side generator (closed loop, 256 in flight, 1 KiB
// inputs, 384 dims), alternated `--rounds` times (A B B A ...) so drift on a shared machine falls
// on both, and the C relay once as the baseline. For "behaviour unchanged, within noise" claims:
//   node bench/trees.mjs /path/to/before /path/to/after [--rounds 3] [--count 300000]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { round } from './lib.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args[at + 1]);
};
const trees = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (trees.length !== 2) {
  process.stderr.write('usage: node bench/trees.mjs BEFORE_DIR AFTER_DIR [--rounds N] [--count N]\n');
  process.exit(2);
}
const rounds = flag('--rounds', 3);
const count = flag('--count', 300_000);
const cArgs = ['kernel', '256', String(count), '1024', '384', String(Math.round(count / 10))];
const children = new Set();
process.on('exit', () => {
  for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGKILL');
});

const benches = await Promise.all(trees.map((t) => import(pathToFileURL(resolve(t, 'bench/c-kernel.mjs')).href)));
const names = ['before', 'after'];
const rows = [];
for (let r = 0; r < rounds; r++) {
  // A B, then B A: neither tree always runs first.
  const order = r % 2 === 0 ? [0, 1] : [1, 0];
  for (const i of order) {
    const o = await benches[i].ours(children, cArgs);
    rows.push({ tree: names[i], rps: o.rps, cpu_us: o.daemon_cpu_us_per_req, p50_us: o.p50_us, p99_us: o.p99_us });
    process.stderr.write(`${names[i]}: ${o.rps} req/s, ${o.daemon_cpu_us_per_req} us CPU/request\n`);
  }
}
const relay = await benches[1].relay(children, cArgs);
const mean = (tree, key) => round(rows.filter((x) => x.tree === tree).reduce((a, x) => a + x[key], 0) / rounds, 3);
const summary = Object.fromEntries(names.map((n) => [n, { rps: mean(n, 'rps'), cpu_us: mean(n, 'cpu_us') }]));
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'full path, two trees alternated in one run',
      trees: Object.fromEntries(names.map((n, i) => [n, resolve(trees[i])])),
      date: new Date().toISOString(),
      method: `C kernel-side generator, closed loop, 256 in flight, ${count} requests (+10% warm-up), 1 KiB inputs, 384 dims; ${rounds} rounds`,
      rows,
      mean: summary,
      relay: { rps: relay.rps, cpu_us: relay.daemon_cpu_us_per_req },
      after_over_before: { rps: round(summary.after.rps / summary.before.rps, 3), cpu_us: round(summary.after.cpu_us / summary.before.cpu_us, 3) },
      after_cpu_over_relay: round(summary.after.cpu_us / relay.daemon_cpu_us_per_req, 2),
    },
    null,
    1,
  )}\n`,
);
