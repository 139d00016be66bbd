// The plain NATS request-reply baseline shared by the benchmarks: a nats-server on a free loopback
// port, a Node responder answering each request with a vector of the benchmark's size, and a Node
// client keeping `window` requests in flight (one NATS message each way per request, no batching).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connect } from '@nats-io/transport-node';

import { benchDir, closedLoopOf, cpuMicros, round, spawnReady, stop } from './lib.mjs';

/** A nats-server for a benchmark; `close()` stops it and removes its store. */
export async function startNatsServer(children) {
  const port = await new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const store = mkdtempSync(join(tmpdir(), 'vexfs-bench-nats-'));
  const server = await spawnReady('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-sd', store], /Server is ready/, {
    stdio: ['ignore', 'ignore', 'pipe'],
    readFrom: 'stderr',
  });
  children.add(server.child);
  return {
    url: `nats://127.0.0.1:${port}`,
    async close() {
      await stop(server.child);
      rmSync(store, { recursive: true, force: true });
    },
  };
}

/** Closed-loop plain request-reply on `url`: `input` out, `vectorBytes` back, `window` in flight. */
export async function plainNats(children, url, { input, vectorBytes, window = 64, count, warmup }) {
  const responder = await spawnReady(process.execPath, [join(benchDir, 'nats-plain-responder.mjs'), url, String(vectorBytes / 4)], /^listening$/);
  children.add(responder.child);
  const client = await connect({ servers: url });
  const run = (n) =>
    closedLoopOf(
      () =>
        client.request('bench.plain', input, { timeout: 10_000 }).then((m) => (m.data.length !== vectorBytes ? `reply of ${m.data.length} bytes` : undefined)),
      { window, count: n },
    );
  await run(warmup);
  const r0 = cpuMicros(responder.child.pid);
  const r = await run(count);
  const out = {
    throughput_rps: r.rps,
    p50_us: r.p50_us,
    p99_us: r.p99_us,
    window,
    responder_cpu_us_per_req: round((cpuMicros(responder.child.pid) - r0) / count, 3),
  };
  await client.close();
  await stop(responder.child);
  return out;
}
