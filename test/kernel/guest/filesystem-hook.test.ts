// Runs inside the VM: vexfs_ipc_hook.ko embeds the files written in a
// watched tmpfs directory through the real module, the real daemon and the
// bundled neural embedder (Universal Sentence Encoder lite), and
// `vexfsctl search` ranks them; rewrites, deletes, a daemon killed mid-run
// and an unload with work in flight must each leave the right state.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HOOK_XATTR, type HookVectors, parseHookXattr } from '../../../src/abi/hook-xattr.js';
import { CORPUS } from '../../../src/demo/corpus.js';
import { USE_DIMENSIONS, USE_MODEL } from '../../../src/embedder/use-service.js';
import { VexfsDevice } from '../../../src/kernel-side/channels/device.js';
import { loadNative } from '../../../src/native.js';
import { ctl } from '../../helpers/ctl.js';
import { until } from '../../helpers/wait.js';
import { QUERIES } from './fixtures/search-queries.js';
import { CONTROL, insmod, rmmod, startDaemon, stopAnyDaemon, stopDaemon } from './guest-stack.js';

const DIR = '/tmp/notes';
const PARAMS = '/sys/module/vexfs_ipc_hook/parameters';
const STATS = '/sys/module/vexfs_ipc_hook/stats';
const native = loadNative();
let dev: VexfsDevice;
let daemon: ChildProcess | undefined;
let embedder: ChildProcess | undefined;

const counts: Record<string, number> = {};
const FILES = CORPUS.map((d) => {
  const i = (counts[d.topic] = (counts[d.topic] ?? -1) + 1);
  return { name: `${d.topic}-${i}.txt`, text: `${d.text}\n` };
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const vectorsOf = (name: string): HookVectors | undefined => {
  const raw = native.getxattr(join(DIR, name), HOOK_XATTR);
  return raw === null ? undefined : parseHookXattr(raw);
};
const hookStat = (name: string) => Number(readFileSync(join(STATS, name), 'utf8'));
const hookConsumer = () => dev.consumers().find((c) => c.name === 'hook');

function startEmbedder(): ChildProcess {
  const child = spawn(process.execPath, ['dist/bin/vexfs-use-embedder.js', '--control-socket', CONTROL], { stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

async function embedderReady(): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { services } = await dev.list();
    if (services.some((s) => s.id === 'use-embedder' && s.state === 1)) return;
    if (Date.now() > deadline) throw new Error('the neural embedder did not register within 300 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function search(query: string): Promise<{ hits: Array<{ file: string; score: number }>; text: string }> {
  const json = await ctl(['search', DIR, query, '--json', '--top', '3', '--timeout', '15000']);
  expect(json.code, json.stderr).toBe(0);
  const text = await ctl(['search', DIR, query, '--top', '3', '--timeout', '15000']);
  return { hits: JSON.parse(json.stdout).hits, text: text.stdout };
}

async function allEmbedded(names: string[], what: string, timeoutMs = 600_000): Promise<void> {
  await until(() => names.every((n) => vectorsOf(n) !== undefined), what, timeoutMs);
}

beforeAll(async () => {
  dev = VexfsDevice.open();
  await stopAnyDaemon(dev);
  rmmod('vexfs_ipc_hook');
  daemon = await startDaemon();
  embedder = startEmbedder();
  await embedderReady();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR);
  // A chunk may wait behind the whole corpus at one emulated CPU's pace: a long timeout, so none is tried twice.
  insmod('kernel-shim/vexfs_ipc_hook.ko', `dirs=${DIR}`, `model=${USE_MODEL}`, `dimensions=${USE_DIMENSIONS}`, 'chunk_bytes=1024', 'timeout_ms=600000');
}, 600_000);

afterAll(async () => {
  embedder?.kill('SIGCONT');
  rmmod('vexfs_ipc_hook');
  embedder?.kill('SIGKILL');
  await stopDaemon(daemon, dev);
  rmSync(DIR, { recursive: true, force: true });
  dev.close();
});

describe('vexfs_ipc_hook.ko', () => {
  it('takes the directories to watch as absolute paths of directories, and says why not', () => {
    expect(readFileSync(join(PARAMS, 'dirs'), 'utf8').trim()).toBe(DIR);
    expect(() => writeFileSync(join(PARAMS, 'dirs'), 'tmp/notes')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => writeFileSync(join(PARAMS, 'dirs'), '/tmp/no-such-dir')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => writeFileSync(join(PARAMS, 'dirs'), '/etc/passwd')).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    expect(() => writeFileSync(join(PARAMS, 'dirs'), `${DIR},${DIR}`)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    // A refused value leaves the watched set as it was; the same value again is no change (the fuzz found it refused EEXIST).
    expect(readFileSync(join(PARAMS, 'dirs'), 'utf8').trim()).toBe(DIR);
    writeFileSync(join(PARAMS, 'dirs'), DIR);
    writeFileSync(join(PARAMS, 'dirs'), ` ${DIR} `);
    expect(readFileSync(join(PARAMS, 'dirs'), 'utf8').trim()).toBe(DIR);
    expect(() => writeFileSync(join(PARAMS, 'dimensions'), '0')).toThrow(expect.objectContaining({ code: 'ERANGE' }));
    expect(() => writeFileSync(join(PARAMS, 'model'), 'm'.repeat(64))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  });

  it('embeds every file written in the watched directory with the expected model, and search ranks the right file first', async () => {
    const started = Date.now();
    for (const f of FILES) writeFileSync(join(DIR, f.name), f.text);
    await allEmbedded(
      FILES.map((f) => f.name),
      'every file to get its vectors',
    );
    const seconds = (Date.now() - started) / 1000;
    for (const f of FILES) {
      const v = vectorsOf(f.name)!;
      expect(v).toMatchObject({ model: USE_MODEL, dimensions: USE_DIMENSIONS, serviceId: 'use-embedder', fileBytes: Buffer.byteLength(f.text), flags: 0 });
      expect(v.sha256).toBe(sha(f.text));
      expect(v.chunks.map((c) => [c.offset, c.length])).toEqual([[0, Buffer.byteLength(f.text)]]);
    }
    let right = 0;
    const lines: string[] = [];
    for (const q of QUERIES) {
      const { hits } = await search(q.query);
      const first = basename(hits[0]!.file);
      if (first === q.file) right++;
      lines.push(`${first === q.file ? 'right' : 'WRONG'}  ${q.file}  ${first} ${hits[0]!.score.toFixed(3)}  "${q.query}"`);
    }
    const sample = await search(QUERIES[4]!.query);
    const v = vectorsOf('astronomy-3.txt')!;
    console.log(
      [
        '=== README sample: what a filesystem sees ===',
        `${FILES.length} files written to ${DIR}; all embedded ${seconds.toFixed(1)} s after the first write (VM, TCG)`,
        `${DIR}/astronomy-3.txt: ${HOOK_XATTR}: model ${v.model} version ${v.modelVersion}, service ${v.serviceId}, ${v.dimensions} dims, ${v.chunks.length} chunk(s) ${v.chunks.map((c) => `${c.offset}+${c.length}`).join(' ')}, ${v.fileBytes} bytes, sha256 ${v.sha256.slice(0, 16)}…, ${(Number(v.processingNs) / 1e6).toFixed(1)} ms in the daemon`,
        `$ vexfsctl search ${DIR} "${QUERIES[4]!.query}" --top 3`,
        sample.text.trimEnd(),
        `queries whose intended file ranked first: ${right} of ${QUERIES.length}`,
        ...lines,
        '=== end of sample ===',
      ].join('\n'),
    );
    expect(right).toBeGreaterThanOrEqual(9);
  }, 900_000);

  it('stores new vectors when a file is written again, and none of the old content meanwhile', async () => {
    const text = 'Whip the cream with sugar until it holds soft peaks, then fold in the vanilla.\n';
    writeFileSync(join(DIR, 'astronomy-3.txt'), text);
    await until(() => vectorsOf('astronomy-3.txt')?.sha256 === sha(text), 'the rewritten file to get vectors of its new content', 300_000);
    const { hits } = await search('whipped cream with sugar and vanilla');
    expect(basename(hits[0]!.file)).toBe('astronomy-3.txt');
  }, 600_000);

  it('cancels the work of a file deleted while its chunks are in flight', async () => {
    // The embedder paused: the chunks wait at the service, so the delete meets them in flight.
    embedder!.kill('SIGSTOP');
    try {
      const before = hookConsumer()!;
      const cancelledBefore = hookStat('cancelled');
      const big = Array.from({ length: 40 }, (_, i) => `Line ${i} of a long note about rivers, bridges and the towns beside them.`).join('\n');
      writeFileSync(join(DIR, 'big.txt'), big);
      await until(() => hookConsumer()!.inflight >= 3, 'the chunks of big.txt to be in flight', 60_000);
      unlinkSync(join(DIR, 'big.txt'));
      await until(() => hookConsumer()!.inflight === 0, 'the cancelled chunks to complete', 60_000);
      const after = hookConsumer()!;
      expect(after.cancelled - before.cancelled).toBeGreaterThanOrEqual(3);
      expect(hookStat('cancelled')).toBe(cancelledBefore + 1);
    } finally {
      embedder!.kill('SIGCONT');
    }
    await until(() => dev.stats().live_requests === 0, 'nothing left pending in the module', 60_000);
  });

  it('loses no file when the daemon is killed mid-run and started again', async () => {
    embedder!.kill('SIGSTOP');
    const names = Array.from({ length: 10 }, (_, i) => `restart-${i}.txt`);
    try {
      for (const [i, n] of names.entries()) writeFileSync(join(DIR, n), `${FILES[i * 6]!.text}`);
      await until(() => hookConsumer()!.inflight >= names.length, 'the new files to be in flight', 60_000);
      daemon!.kill('SIGKILL');
      await until(() => dev.stats().daemon_attached === 0, 'the module to see the daemon go', 30_000);
    } finally {
      embedder!.kill('SIGCONT');
    }
    daemon = await startDaemon();
    await allEmbedded(names, 'every file written before the kill to get its vectors', 300_000);
    for (const [i, n] of names.entries()) expect(vectorsOf(n)!.sha256).toBe(sha(FILES[i * 6]!.text));
  }, 600_000);

  it('answers every value written to its parameters with success or an errno, and embeds as before afterwards', async () => {
    const names = ['dirs', 'model', 'dimensions', 'chunk_bytes', 'max_file_bytes', 'timeout_ms', 'priority', 'max_parked', 'max_retries'];
    const saved = Object.fromEntries(names.map((n) => [n, readFileSync(join(PARAMS, n), 'utf8').trim()]));
    const values = ['', '0', '1', '-1', '63', '64', '255', '256', '8193', '65536', '1048577', '4294967295', '4294967296', '0x10', 'abc', ' 12 ', '12abc'];
    const paths = [DIR, '/proc/self', '/sys', '/dev', 'relative', `${DIR},/dev`, `${DIR},${DIR}`, ',,,', '/no/such', `${DIR}/astronomy-0.txt`];
    let seed = 20261205;
    // A linear congruential generator's high bits (its low ones repeat with a short period).
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    const outcomes: Record<string, number> = {};
    try {
      for (let i = 0; i < 400; i++) {
        const name = names[next(names.length)] as string;
        const kind = next(4);
        const value =
          kind === 0
            ? Buffer.from(Array.from({ length: next(80) }, () => next(256)))
            : kind === 1
              ? 'x'.repeat(next(3000))
              : ((name === 'dirs' ? paths[next(paths.length)] : values[next(values.length)]) as string);
        let outcome = 'ok';
        try {
          writeFileSync(join(PARAMS, name), value);
        } catch (err) {
          outcome = (err as NodeJS.ErrnoException).code ?? 'no errno';
        }
        outcomes[`${name} ${outcome}`] = (outcomes[`${name} ${outcome}`] ?? 0) + 1;
      }
    } finally {
      for (const n of names) writeFileSync(join(PARAMS, n), saved[n] as string);
    }
    expect(Object.keys(outcomes).filter((k) => k.endsWith('no errno'))).toEqual([]);
    for (const code of ['ok', 'EINVAL', 'ERANGE', 'ENOENT'])
      expect(
        Object.keys(outcomes).some((k) => k.endsWith(` ${code}`)),
        `${code} in ${JSON.stringify(outcomes)}`,
      ).toBe(true);
    expect(readFileSync(join(PARAMS, 'dirs'), 'utf8').trim()).toBe(DIR);
    const text = 'A note written after the parameters were fuzzed and put back.\n';
    writeFileSync(join(DIR, 'after-fuzz.txt'), text);
    await until(() => vectorsOf('after-fuzz.txt')?.sha256 === sha(text), 'a file written after the fuzz to get its vectors', 300_000);
  }, 600_000);

  it('unloads with work in flight: the work is cancelled and nothing leaks', async () => {
    embedder!.kill('SIGSTOP');
    try {
      writeFileSync(join(DIR, 'late.txt'), 'Written just before the hook is unloaded.\n');
      await until(() => (hookConsumer()?.inflight ?? 0) >= 1, 'late.txt to be in flight', 60_000);
      expect(rmmod('vexfs_ipc_hook')).toBe(0);
      expect(dev.consumers().map((c) => c.name)).not.toContain('hook');
    } finally {
      embedder!.kill('SIGCONT');
    }
    await until(() => dev.stats().live_requests === 0, 'nothing left pending in the module', 60_000);
    expect(vectorsOf('late.txt')).toBeUndefined();
  });
});
