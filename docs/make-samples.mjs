// Produces the sample outputs docs/operating.md quotes, from a real run: vexfs-bridged (embedded kernel
// twin) with the two bundled embedders as service processes, 3,000 requests to the hashing
// embedder and 200 to the neural one (some High), one for a model nobody serves; then
// `vexfsctl services`, `vexfsctl stats`, `vexfsctl embed ...` and part of /metrics.
// Writes docs/samples.txt. Needs the build (npm run build).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startDemoStack } from '../dist/demo/stack.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sink = { write: () => true };
const stack = await startDemoStack(['hashing', 'neural'], sink);
try {
  const send = (i, model, dimensions, priority = 128) =>
    stack.twin.embed({
      input: Buffer.from(`sample document ${i} about ${['comets', 'markets', 'gardens'][i % 3]}`),
      dimensions,
      model,
      priority,
      timeoutMs: 60_000,
    });
  for (let k = 0; k < 3000; k += 250) await Promise.all(Array.from({ length: 250 }, (_, i) => send(k + i, 'hashing-ngram-v1', 384)));
  await Promise.all(Array.from({ length: 200 }, (_, i) => send(i, 'universal-sentence-encoder-lite', 512, i % 5 === 0 ? 200 : 128)));
  await send(0, 'all-MiniLM-L6-v2', 384);
  // Asynchronous: the daemon answering vexfsctl runs in this process.
  const ctl = async (...args) =>
    `$ vexfsctl ${args.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}\n${(await promisify(execFile)(process.execPath, [join(root, 'dist', 'bin', 'vexfsctl.js'), '--socket', stack.controlSocket, ...args])).stdout}`;
  const m = stack.daemon.metricsAddress;
  const metrics = await (await fetch(`http://${m.host}:${m.port}/metrics`)).text();
  const wanted =
    /^(# (HELP|TYPE) )?(vexfs_requests_total|vexfs_request_duration_seconds_(bucket|sum|count)|vexfs_queue_depth|vexfs_service_breaker_state|vexfs_kernel_requests_submitted_total)\b/;
  writeFileSync(
    join(root, 'docs', 'samples.txt'),
    [
      await ctl('services'),
      await ctl('stats'),
      await ctl('embed', 'the quick brown fox', '--model', 'universal-sentence-encoder-lite'),
      '$ curl -s 127.0.0.1:9477/metrics   (some series)',
      metrics
        .split('\n')
        .filter((l) => wanted.test(l) && !/le="(0\.0000\d*|0\.0001|0\.00025|0\.0005)"/.test(l))
        .join('\n'),
      '',
    ].join('\n'),
  );
} finally {
  await stack.close();
}
