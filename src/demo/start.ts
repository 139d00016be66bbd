#!/usr/bin/env node
/**
 * npm start: the whole flow on one machine. Starts vexfs-bridged on its
 * default kernel transport (the embedded kernel twin when the module is not
 * loaded), starts the two bundled embedders (the hashing embedder and the
 * Universal Sentence Encoder) as service processes registered through the
 * daemon, drives a throughput run through the kernel path with the fast
 * hashing embedder, then embeds the sample corpus with both models through
 * the same path and compares how often a document's nearest neighbour
 * shares its topic.
 */
import { Status } from '../abi/uapi.js';
import { cosine } from '../kernel-side/messages/vectors.js';
import { HASHING_MODEL } from '../embedder/service.js';
import { USE_DIMENSIONS, USE_MODEL } from '../embedder/use-service.js';
import type { KernelTwin } from '../kernel-side/twin/kernel-twin.js';
import { CORPUS } from './corpus.js';
import { startDemoStack } from './stack.js';

const DIMS = 384;
const REQUESTS = Number(process.env.VEXFS_DEMO_REQUESTS ?? 60_000);
const WINDOW = 256;

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

/** Each corpus document once through the kernel path with `model`. */
async function embedCorpus(twin: KernelTwin, texts: readonly Buffer[], model: string, dimensions: number): Promise<Float32Array[]> {
  return Promise.all(
    texts.map(async (input) => {
      const r = await twin.embed({ input, dimensions, model, timeoutMs: 60_000 });
      if (r.status !== Status.SUCCESS || r.vector === undefined) throw new Error(`${model}: status ${r.status}`);
      return new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.length));
    }),
  );
}

/** The nearest other document of each, by cosine. */
function nearest(vectors: readonly Float32Array[], i: number): Array<{ j: number; s: number }> {
  return vectors.map((v, j) => ({ j, s: j === i ? -Infinity : cosine(vectors[i] as Float32Array, v) })).sort((a, b) => b.s - a.s);
}

/** Documents whose nearest neighbour shares their topic. */
function sameTopic(vectors: readonly Float32Array[]): number {
  return vectors.filter((_, i) => CORPUS[nearest(vectors, i)[0]?.j as number]?.topic === CORPUS[i]?.topic).length;
}

async function embedAll(twin: KernelTwin, texts: readonly Buffer[], total: number) {
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
  out.write('vexfs-bridge demo\n');
  const stack = await startDemoStack(['hashing', 'neural'], out);
  try {
    const { twin } = stack;
    const texts = CORPUS.map((d) => Buffer.from(d.text));
    out.write(
      `  throughput: ${REQUESTS.toLocaleString('en-US')} requests over a ${texts.length}-document corpus (${HASHING_MODEL}, ${DIMS} dims, ${WINDOW} in flight)\n`,
    );
    const run = await embedAll(twin, texts, REQUESTS);
    const ok = run.statuses.get(Status.SUCCESS) ?? 0;
    const failed = REQUESTS - ok;
    out.write(`  quality: the corpus once through the kernel path with each model\n`);
    const t0 = performance.now();
    const hashed = await embedCorpus(twin, texts, HASHING_MODEL, DIMS);
    const t1 = performance.now();
    const neural = await embedCorpus(twin, texts, USE_MODEL, USE_DIMENSIONS);
    const t2 = performance.now();

    out.write('\nsummary\n');
    out.write(`  requests      ${REQUESTS.toLocaleString('en-US')} (${ok.toLocaleString('en-US')} ok, ${failed} failed)\n`);
    out.write(`  rate          ${Math.round(REQUESTS / run.seconds).toLocaleString('en-US')} req/s over ${run.seconds.toFixed(2)} s\n`);
    out.write(`  latency       p50 ${(run.p50 / 1000).toFixed(2)} ms, p99 ${(run.p99 / 1000).toFixed(2)} ms (${WINDOW} in flight)\n`);
    out.write(`  nearest neighbour from the same topic, of ${texts.length} documents:\n`);
    const score = (name: string, v: Float32Array[], ms: number) => {
      const n = sameTopic(v);
      out.write(`    ${name.padEnd(44)} ${String(n).padStart(2)}/${v.length} (${((100 * n) / v.length).toFixed(0)}%)  ${ms.toFixed(0)} ms for the corpus\n`);
    };
    score(`${HASHING_MODEL} (${DIMS} dims)`, hashed, t1 - t0);
    score(`${USE_MODEL} (${USE_DIMENSIONS} dims)`, neural, t2 - t1);
    const sample = 23;
    out.write(`  e.g. "${CORPUS[sample]?.text}"\n`);
    for (const [name, v] of [
      [HASHING_MODEL, hashed],
      [USE_MODEL, neural],
    ] as const) {
      const n = nearest(v, sample)[0] as { j: number; s: number };
      out.write(`    ${name}: ~ "${CORPUS[n.j]?.text}" (cosine ${n.s.toFixed(2)})\n`);
    }
    if (failed > 0) process.exitCode = 1;
  } finally {
    await stack.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
