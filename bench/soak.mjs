// npm run soak -- --minutes N [--out DIR]: steady open-loop load at half of the closed-loop maximum
// through the full path (twin -> vexfs-bridged -> two SDK echo services) with a fault every
// minute (alternately: one service SIGKILLed and started again; the other SIGSTOPped for 3 s).
// Every 5 s it samples the daemon's RSS, heap, open FDs and event-loop delay (from its /metrics)
// and the window's latency and failures into DIR/soak.json, and draws DIR/soak.svg.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { closedLoop, round } from './lib.mjs';
import { openLoop, startEcho, startStack, stopStack } from './stack.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const minutes = Number(arg('--minutes', '60'));
const out = arg('--out', 'docs');
const WINDOW_S = 5;
const INPUT = Buffer.alloc(1024, 'a');
const DIMS = 384;
const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
// Stopped early: the samples so far are in DIR/soak.json; the children go too.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const stack = await startStack(children, false, { daemonArgs: ['--metrics-port', String(port)], services: 2 });
const max = await closedLoop(stack.twin, { input: INPUT, dimensions: DIMS, window: 256, count: 200_000 });
const rate = Math.round(max.rps / 2);
process.stderr.write(`soak: ${minutes} min at ${rate} req/s (half of ${max.rps})\n`);

/** The daemon's own figures from its /metrics. */
async function scrape() {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const value = (name) => Number(text.match(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm'))?.[1] ?? Number.NaN);
  return {
    rss_mb: round(value('process_resident_memory_bytes') / 2 ** 20, 1),
    heap_mb: round(value('nodejs_heap_size_used_bytes') / 2 ** 20, 1),
    fds: value('process_open_fds'),
    loop_p99_ms: round(value('nodejs_eventloop_lag_p99_seconds') * 1000, 2),
  };
}

const samples = [];
const totals = { requests: 0, failed: 0, by_status: {} };
const faults = [];
const start = performance.now();
let nextFault = 60;
let fault = 0;
while ((performance.now() - start) / 1000 < minutes * 60) {
  const t = (performance.now() - start) / 1000;
  if (t >= nextFault) {
    nextFault += 60;
    const timers = [];
    if (fault++ % 2 === 0) {
      const victim = stack.services[0];
      victim.child.kill('SIGKILL');
      faults.push({ t: round(t, 1), fault: 'SIGKILL bench-echo, started again' });
      timers.push(
        new Promise((r) => victim.child.once('exit', r)).then(async () => {
          stack.services[0] = await startEcho(children, stack.control, stack.dir, 'bench-echo');
        }),
      );
    } else {
      const victim = stack.services[1].child;
      victim.kill('SIGSTOP');
      faults.push({ t: round(t, 1), fault: 'SIGSTOP bench-echo-1 for 3 s' });
      timers.push(new Promise((r) => setTimeout(r, 3000)).then(() => victim.kill('SIGCONT')));
    }
    void Promise.all(timers);
  }
  const r = await openLoop(stack.twin, { input: INPUT, dimensions: DIMS }, rate, WINDOW_S);
  totals.requests += Math.round(rate * WINDOW_S);
  totals.failed += r.failed;
  for (const [k, v] of Object.entries(r.failed_by_status)) totals.by_status[k] = (totals.by_status[k] ?? 0) + v;
  samples.push({
    t: round((performance.now() - start) / 1000, 1),
    achieved_rps: r.achieved_rps,
    failed: r.failed,
    p50_us: r.p50_us,
    p99_us: r.p99_us,
    ...(await scrape()),
  });
  const first = samples[0];
  const last = samples[samples.length - 1];
  const summary = {
    benchmark: 'soak',
    minutes: round((performance.now() - start) / 60_000, 1),
    offered_rps: rate,
    closed_loop_max_rps: max.rps,
    ...totals,
    rss_mb: { start: first.rss_mb, end: last.rss_mb, max: Math.max(...samples.map((s) => s.rss_mb)) },
    fds: { start: first.fds, end: last.fds, max: Math.max(...samples.map((s) => s.fds)) },
    heap_mb: { start: first.heap_mb, end: last.heap_mb },
    faults,
    samples,
  };
  writeFileSync(join(out, 'soak.json'), `${JSON.stringify(summary, null, 1)}\n`);
  writeFileSync(join(out, 'soak.svg'), chart(summary));
}
await stopStack(stack);
const { samples: _all, ...summary } = JSON.parse((await import('node:fs')).readFileSync(join(out, 'soak.json'), 'utf8'));
console.log(JSON.stringify(summary, null, 2));

/** Four stacked panels against time: memory, FDs, latency, failures; faults marked. */
function chart(s) {
  const W = 720;
  const PH = 120;
  const L = 60;
  const R = 20;
  const T = 24;
  const gap = 34;
  const tMax = Math.max(60, ...s.samples.map((x) => x.t));
  const x = (t) => round(L + (t / tMax) * (W - L - R), 1);
  const panels = [
    {
      title: 'daemon memory, MB (RSS red, heap blue)',
      series: [
        ['rss_mb', '#d62728'],
        ['heap_mb', '#1f77b4'],
      ],
    },
    { title: 'daemon open file descriptors', series: [['fds', '#2ca02c']] },
    {
      title: 'latency p99 (red) and p50 (blue), ms; event-loop p99 (grey)',
      series: [
        ['p99_ms', '#d62728'],
        ['p50_ms', '#1f77b4'],
        ['loop_p99_ms', '#888'],
      ],
    },
    { title: 'failed requests per 5 s window', series: [['failed', '#b00']] },
  ];
  const rows = s.samples.map((v) => ({ ...v, p99_ms: v.p99_us / 1000, p50_ms: v.p50_us / 1000 }));
  let body = '';
  panels.forEach((p, i) => {
    const top = T + i * (PH + gap);
    const yMax = Math.max(1, ...p.series.flatMap(([k]) => rows.map((r) => r[k]).filter(Number.isFinite))) * 1.1;
    const y = (v) => round(top + PH - (v / yMax) * PH, 1);
    body += `<text x="${L}" y="${top - 6}">${p.title}</text>`;
    body += `<line x1="${L}" x2="${W - R}" y1="${top + PH}" y2="${top + PH}" stroke="#333"/><line x1="${L}" x2="${L}" y1="${top}" y2="${top + PH}" stroke="#333"/>`;
    body += `<text x="${L - 6}" y="${top + 8}" text-anchor="end">${round(yMax, 1)}</text><text x="${L - 6}" y="${top + PH}" text-anchor="end">0</text>`;
    for (const f of s.faults) body += `<line x1="${x(f.t)}" x2="${x(f.t)}" y1="${top}" y2="${top + PH}" stroke="#fc8" stroke-dasharray="3,3"/>`;
    for (const [k, colour] of p.series) {
      body += `<polyline fill="none" stroke="${colour}" stroke-width="1.5" points="${rows.map((r) => `${x(r.t)},${y(r[k])}`).join(' ')}"/>`;
    }
  });
  const H = T + panels.length * (PH + gap);
  body += `<text x="${(W + L) / 2}" y="${H - 8}" text-anchor="middle">minutes (${s.minutes}); dashed: faults; ${s.offered_rps} req/s offered</text>`;
  for (let m = 0; m <= tMax / 60; m += Math.max(1, Math.round(tMax / 600))) body += `<text x="${x(m * 60)}" y="${H - 22}" text-anchor="middle">${m}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">\n<rect width="${W}" height="${H}" fill="white"/>\n${body}\n</svg>\n`;
}
