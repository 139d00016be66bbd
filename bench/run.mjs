// npm run bench: runs every benchmark and prints their JSON results as one object; npm run bench -- --profile profiles the daemon instead.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { benchDir } from './lib.mjs';

// --profile: only the daemon's CPU profile under load (bench/profile.mjs).
const args = process.argv.slice(2).filter((a) => a !== '--json' && a !== '--profile');
const benches = process.argv.includes('--profile')
  ? ['profile.mjs']
  : ['full-path.mjs', 'channel-roundtrip.mjs', 'latency-curve.mjs', 'http-backend.mjs', 'nats-path.mjs', 'workers.mjs'];
const results = {};
for (const b of benches) {
  const r = spawnSync(process.execPath, [join(benchDir, b), ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`${b} failed with exit code ${r.status}`);
    process.exit(1);
  }
  results[b.replace(/\.mjs$/, '')] = JSON.parse(r.stdout);
}
console.log(JSON.stringify(results, null, 2));
