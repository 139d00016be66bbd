import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as c from './c-kernel.mjs';
const dir = '/tmp/heapprof';
mkdirSync(dir, { recursive: true });
const children = new Set();
await c.ours(children, ['kernel', '256', '300000', '1024', '384', '30000'], {
  nodeArgs: ['--heap-prof', '--heap-prof-dir', dir, '--heap-prof-interval', '65536'],
});
const f = readdirSync(dir)
  .filter((x) => x.endsWith('.heapprofile'))
  .sort()
  .pop();
const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
const agg = new Map();
const walk = (n, stack) => {
  const cf = n.callFrame;
  const here = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;
  const self = n.selfSize;
  if (self > 0) agg.set(here + '  <- ' + stack, (agg.get(here + '  <- ' + stack) ?? 0) + self);
  for (const ch of n.children) walk(ch, here);
};
walk(p.head, '');
let total = 0;
for (const v of agg.values()) total += v;
console.log('sampled total MB', (total / 1e6).toFixed(1));
for (const [k, v] of [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / total).toFixed(3), k);
