#!/usr/bin/env node
/**
 * npm run search -- DIR "query": the job the bridge exists for. Every text
 * file in DIR (.txt, .md) is split into paragraphs, each embedded through
 * the kernel path by the neural embedder (as a filesystem would on write),
 * then the query is embedded the same way and the nearest paragraphs are
 * printed with their file and cosine.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

import { Consts, Status } from '../abi/uapi.js';
import { cosine } from '../kernel-side/messages/vectors.js';
import { USE_DIMENSIONS, USE_MODEL } from '../embedder/use-service.js';
import type { KernelTwin } from '../kernel-side/twin/kernel-twin.js';
import { startDemoStack } from './stack.js';

const MAX_FILES = 200;
const out = process.stdout;

interface Passage {
  file: string;
  text: string;
}

/** Paragraphs of the text files in `dir` (not recursive), each at most one request's input. */
function passages(dir: string): Passage[] {
  const files = readdirSync(dir)
    .filter((f) => ['.txt', '.md'].includes(extname(f)) && statSync(join(dir, f)).isFile())
    .sort()
    .slice(0, MAX_FILES);
  return files.flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p.length >= 20)
      .map((text) => ({ file, text: Buffer.from(text).subarray(0, Consts.MAX_INPUT_BYTES).toString('utf8') })),
  );
}

async function embed(twin: KernelTwin, text: string): Promise<Float32Array> {
  const r = await twin.embed({ input: Buffer.from(text), dimensions: USE_DIMENSIONS, model: USE_MODEL, timeoutMs: 60_000 });
  if (r.status !== Status.SUCCESS || r.vector === undefined) throw new Error(`embedding failed with status ${r.status}`);
  return new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.length));
}

async function main(): Promise<void> {
  const [dir, query] = process.argv.slice(2);
  if (dir === undefined || query === undefined) {
    process.stderr.write('usage: npm run search -- DIR "query"   (indexes the .txt and .md files of DIR, then answers the query)\n');
    process.exit(2);
  }
  const found = passages(dir);
  if (found.length === 0) throw new Error(`no paragraphs of 20 characters or more in .txt or .md files in ${dir}`);
  out.write(`vexfs-bridge search: ${found.length} paragraphs from ${new Set(found.map((p) => p.file)).size} files in ${dir}\n`);
  const stack = await startDemoStack(['neural'], out);
  try {
    const t0 = performance.now();
    const vectors = await Promise.all(found.map((p) => embed(stack.twin, p.text)));
    out.write(`  indexed through the kernel path in ${((performance.now() - t0) / 1000).toFixed(1)} s (${USE_MODEL})\n`);
    const q = await embed(stack.twin, query);
    out.write(`\nquery: "${query}"\n`);
    const ranked = vectors.map((v, i) => ({ i, s: cosine(q, v) })).sort((a, b) => b.s - a.s);
    for (const { i, s } of ranked.slice(0, 3)) {
      const p = found[i] as Passage;
      out.write(`  ${s.toFixed(2)}  ${p.file}: ${p.text.length > 160 ? `${p.text.slice(0, 157)}...` : p.text}\n`);
    }
  } finally {
    await stack.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`search failed: ${(err as Error)?.message ?? String(err)}\n`);
  process.exitCode = 1;
});
