// Shared helpers for the benchmarks: building the C baseline, child processes, percentiles.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import hdr from 'hdr-histogram-js';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const rootDir = dirname(benchDir);

/** Compiles a C program from bench/c against the uapi header; returns the binary path. */
export function buildC(name) {
  const out = join(mkdtempSync(join(tmpdir(), 'vexfs-bench-')), name);
  execFileSync('gcc', [
    '-O2',
    '-Wall',
    '-Wextra',
    '-Werror',
    '-I',
    join(rootDir, 'kernel-shim', 'include', 'uapi'),
    '-o',
    out,
    join(benchDir, 'c', `${name}.c`),
  ]);
  return out;
}

/** Spawns a process and resolves with it once a stdout line matches `ready`. */
export function spawnReady(cmd, args, ready, options = {}) {
  const { readFrom = 'stdout', ...spawnOptions } = options;
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], ...spawnOptions });
  const lines = [];
  const rl = createInterface({ input: child[readFrom] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} ${args.join(' ')}: not ready within 10 s`)), 10_000);
    child.once('exit', (code) => reject(new Error(`${cmd} exited with ${code} before it was ready`)));
    rl.on('line', (line) => {
      lines.push(line);
      const m = line.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m, lines, rl });
      }
    });
  });
}

/** The node flags the daemon's executable runs with (its shebang), so benchmarks run it as installed. */
export function daemonNodeFlags() {
  const first = readFileSync(join(rootDir, 'dist', 'bin', 'vexfs-bridged.js'), 'utf8').split('\n')[0];
  // VEXFS_BENCH_DAEMON_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p"): profile the daemon of any benchmark (node refuses --cpu-prof in NODE_OPTIONS).
  return `${first.replace(/^#!\S*env (-S )?node\s*/, '')} ${process.env.VEXFS_BENCH_DAEMON_FLAGS ?? ''}`.split(/\s+/).filter(Boolean);
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU time (user + system) a process has used, in microseconds. */
export function cpuMicros(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLK_TCK;
}

export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  return kb / 1024;
}

/** An HdrHistogram of latencies in µs (1 µs to 60 s, 3 significant digits). */
export function latencyHistogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
}

/** p50/p99/p99.9 of latencies given in µs. */
export function percentiles(latencies) {
  const h = latencyHistogram();
  for (const v of latencies) h.recordValue(Math.max(1, Math.round(v)));
  const out = { p50_us: h.getValueAtPercentile(50), p99_us: h.getValueAtPercentile(99), p999_us: h.getValueAtPercentile(99.9) };
  h.destroy();
  return out;
}

export function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Keeps `window` calls of `call()` in flight until `count` have succeeded
 * (`call` resolves to an error message, or undefined on success; a failure
 * fails the run). Returns rps and latency percentiles.
 */
export async function closedLoopOf(call, { window, count }) {
  const lat = new Float64Array(count);
  let issued = 0;
  let done = 0;
  const start = performance.now();
  await new Promise((resolve, reject) => {
    const issue = () => {
      issued++;
      const t0 = performance.now();
      call().then((failure) => {
        if (failure !== undefined) return reject(new Error(failure));
        lat[done++] = (performance.now() - t0) * 1000;
        if (issued < count) issue();
        else if (done === count) resolve();
      }, reject);
    };
    for (let i = 0; i < window && i < count; i++) issue();
  });
  return { rps: Math.round(count / ((performance.now() - start) / 1000)), ...percentiles(lat) };
}

/** closedLoopOf() for embedding requests on a kernel twin. */
export function closedLoop(twin, { input, dimensions, model, window, count }) {
  return closedLoopOf(
    () => twin.embed({ input, dimensions, model, timeoutMs: 30_000 }).then((r) => (r.status !== 0 ? `request failed with status ${r.status}` : undefined)),
    { window, count },
  );
}
