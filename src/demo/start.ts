#!/usr/bin/env node
/**
 * npm start: the whole flow on one machine. Starts vexfs-bridged on its
 * default kernel transport (the embedded kernel twin when the module is not
 * loaded), starts the bundled hashing embedder as a separate service process
 * registered through the daemon, embeds a sample corpus through the kernel
 * path with a progress bar, then prints a summary and a nearest-neighbour
 * check on the corpus.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { ServiceState, Status } from '../abi/uapi.js';
import { defaultConfig } from '../daemon/config.js';
import { Daemon } from '../daemon/daemon.js';
import { createLogger } from '../daemon/log.js';
import { cosine } from '../embedder/hashing.js';
import { HASHING_MODEL } from '../embedder/service.js';
import type { KernelTwin } from '../twin/kernel-twin.js';
import { CORPUS } from './corpus.js';

const DIMS = 384;
const REQUESTS = Number(process.env.VEXFS_DEMO_REQUESTS ?? 60_000);
const WINDOW = 256;

const here = dirname(fileURLToPath(import.meta.url));
const out = process.stdout;
const tty = process.stderr.isTTY;

function progress(done: number, total: number, started: number): void {
  const pct = done / total;
  const rate = done / ((performance.now() - started) / 1000);
  const width = 30;
  const bar = '#'.repeat(Math.round(pct * width)).padEnd(width, '.');
  const line = `  [${bar}] ${String(Math.round(pct * 100)).padStart(3)}%  ${done}/${total}  ${Math.round(rate).toLocaleString('en-US')} req/s`;
  if (tty) process.stderr.write(`\r${line}`);
  else if (done === total || done % Math.ceil(total / 10) === 0) process.stderr.write(`${line}\n`);
}

function startEmbedder(controlSocket: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(here, '..', 'bin', 'vexfs-hash-embedder.js'), controlSocket], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      out.write(`  embedder: ${line}\n`);
      resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the embedder exited with code ${code} before registering`)));
  });
}

async function embedAll(twin: KernelTwin, texts: readonly Buffer[], total: number, onVector: (i: number, v: Buffer) => void) {
  const latencies = new Float64Array(total);
  const statuses = new Map<number, number>();
  let issued = 0;
  let done = 0;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const issue = () => {
      const i = issued++;
      const t0 = performance.now();
      twin.embed({ input: texts[i % texts.length] as Buffer, dimensions: DIMS, model: HASHING_MODEL, priority: 128 }).then((r) => {
        latencies[done++] = (performance.now() - t0) * 1000;
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === Status.SUCCESS && r.vector) onVector(i % texts.length, r.vector);
        if (done % 1000 === 0 || done === total) progress(done, total, started);
        if (issued < total) issue();
        else if (done === total) resolve();
      }, reject);
    };
    for (let k = 0; k < WINDOW && k < total; k++) issue();
  });
  if (tty) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  const pct = (q: number) => latencies[Math.min(total - 1, Math.floor(total * q))] as number;
  return { seconds, statuses, p50: pct(0.5), p99: pct(0.99) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vexfs-demo-'));
  const config = { ...defaultConfig(), kernel: 'auto' as const, controlSocket: join(dir, 'control.sock'), logLevel: 'warn' as const, metricsPort: 0 };
  out.write('vexfs-bridge demo\n');
  const daemon = await Daemon.start(config, createLogger(config.logLevel));
  let embedder: ChildProcess | undefined;
  try {
    out.write(`  daemon: kernel transport ${daemon.transport}${daemon.twin ? ' (the vexfs_ipc module is not loaded: embedded kernel twin)' : ''}\n`);
    const twin = daemon.twin;
    if (twin === undefined) throw new Error('the demo drives requests through the kernel twin; with the module loaded, send requests with vexfsctl embed');
    const m = daemon.metricsAddress;
    if (m !== undefined) out.write(`  metrics: http://${m.host}:${m.port}/metrics (and /health, /ready); vexfsctl --socket ${config.controlSocket} status\n`);
    embedder = await startEmbedder(config.controlSocket);
    while (daemon.registry.get('hashing-embedder')?.state !== ServiceState.READY) await new Promise((r) => setTimeout(r, 5));

    const texts = CORPUS.map((d) => Buffer.from(d.text));
    const vectors: Float32Array[] = new Array(texts.length);
    out.write(`  embedding ${REQUESTS.toLocaleString('en-US')} requests over a ${texts.length}-document corpus (${DIMS} dims, ${WINDOW} in flight)\n`);
    const run = await embedAll(twin, texts, REQUESTS, (i, v) => {
      vectors[i] ??= new Float32Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.length));
    });

    let correct = 0;
    for (let i = 0; i < vectors.length; i++) {
      let best = -1;
      let bestSim = -Infinity;
      for (let j = 0; j < vectors.length; j++) {
        if (j === i) continue;
        const s = cosine(vectors[i] as Float32Array, vectors[j] as Float32Array);
        if (s > bestSim) {
          bestSim = s;
          best = j;
        }
      }
      if (CORPUS[best]?.topic === CORPUS[i]?.topic) correct++;
    }
    const ok = run.statuses.get(Status.SUCCESS) ?? 0;
    const failed = REQUESTS - ok;
    out.write('\nsummary\n');
    out.write(`  requests      ${REQUESTS.toLocaleString('en-US')} (${ok.toLocaleString('en-US')} ok, ${failed} failed)\n`);
    out.write(`  rate          ${Math.round(REQUESTS / run.seconds).toLocaleString('en-US')} req/s over ${run.seconds.toFixed(2)} s\n`);
    out.write(`  latency       p50 ${(run.p50 / 1000).toFixed(2)} ms, p99 ${(run.p99 / 1000).toFixed(2)} ms (${WINDOW} in flight)\n`);
    out.write(
      `  nearest-neighbour check: ${correct}/${vectors.length} documents have a nearest neighbour from their own topic (${((100 * correct) / vectors.length).toFixed(0)}%)\n`,
    );
    const sample = 23;
    const neighbours = vectors
      .map((v, j) => ({ j, s: j === sample ? -Infinity : cosine(vectors[sample] as Float32Array, v) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 2);
    out.write(`  e.g. "${CORPUS[sample]?.text}"\n`);
    for (const n of neighbours) out.write(`       ~ "${CORPUS[n.j]?.text}" (cosine ${n.s.toFixed(2)})\n`);
    if (failed > 0) process.exitCode = 1;
  } finally {
    if (embedder && embedder.exitCode === null) {
      const exited = new Promise((r) => embedder?.once('exit', r));
      embedder.kill('SIGTERM');
      await exited;
    }
    await daemon.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
