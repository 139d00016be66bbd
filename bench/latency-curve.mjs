// Latency against offered load: the full path (kernel twin -> vexfs-bridged -> SDK echo service)
// at fixed rates from 10% to 90% of the closed-loop maximum measured in the same run. Prints one
// JSON object; with --svg FILE also draws p50 and p99 against the offered rate.
import { writeFileSync } from 'node:fs';

import { closedLoop, round } from './lib.mjs';
import { openLoop, startStack, stopStack } from './stack.mjs';

const INPUT = Buffer.alloc(1024, 'a');
const DIMS = 384;
const FRACTIONS = [0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9];
const SECONDS = process.argv.includes('--quick') ? 1 : 3;
const svgAt = process.argv.indexOf('--svg');
const children = new Set();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

const stack = await startStack(children);
const max = await closedLoop(stack.twin, { input: INPUT, dimensions: DIMS, window: 256, count: 200_000 });
const points = [];
for (const f of FRACTIONS) {
  const r = await openLoop(stack.twin, { input: INPUT, dimensions: DIMS }, Math.round(max.rps * f), SECONDS);
  points.push({ fraction: f, ...r });
  process.stderr.write(`${Math.round(f * 100)}%: ${r.achieved_rps} req/s, p50 ${r.p50_us} us, p99 ${r.p99_us} us, failed ${r.failed}\n`);
}
await stopStack(stack);
const result = { benchmark: 'latency-curve', closed_loop_max_rps: max.rps, seconds_per_point: SECONDS, points };
console.log(JSON.stringify(result, null, 2));
if (svgAt > 0) writeFileSync(process.argv[svgAt + 1], chart(result));

/** p50 and p99 (log scale) against the offered rate, with failures noted. */
function chart({ closed_loop_max_rps: maxRps, points: pts }) {
  const W = 640;
  const H = 360;
  const L = 70;
  const B = 50;
  const T = 30;
  const R = 20;
  const lo = 0.1; // ms
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...pts.map((p) => p.p99_us / 1000))));
  const x = (rps) => L + (rps / maxRps) * (W - L - R);
  const y = (ms) => round(T + (1 - (Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (H - T - B), 1);
  const line = (key, colour) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.map((p) => `${round(x(p.offered_rps), 1)},${round(y(p[key] / 1000), 1)}`).join(' ')}"/>` +
    pts.map((p) => `<circle cx="${round(x(p.offered_rps), 1)}" cy="${round(y(p[key] / 1000), 1)}" r="3" fill="${colour}"/>`).join('');
  const yTicks = [];
  for (let v = lo; v <= hi; v *= 10)
    yTicks.push(`<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${L - 8}" y="${y(v) + 4}" text-anchor="end">${v} ms</text>`);
  const xTicks = [0.25, 0.5, 0.75, 1].map(
    (f) => `<text x="${round(x(maxRps * f), 1)}" y="${H - B + 18}" text-anchor="middle">${Math.round((maxRps * f) / 1000)}k (${f * 100}%)</text>`,
  );
  const failed = pts
    .filter((p) => p.failed > 0)
    .map((p) => `<text x="${round(x(p.offered_rps), 1)}" y="${T + 12}" text-anchor="middle" fill="#b00">${p.failed} failed</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">
<rect width="${W}" height="${H}" fill="white"/>
${yTicks.join('\n')}
<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/>
${xTicks.join('\n')}
<text x="${(W + L) / 2}" y="${H - 12}" text-anchor="middle">offered load, req/s (share of the closed-loop maximum, ${Math.round(maxRps / 1000)}k)</text>
${line('p99_us', '#d62728')}
${line('p50_us', '#1f77b4')}
<text x="${L + 10}" y="${T + 14}" fill="#1f77b4">p50</text><text x="${L + 40}" y="${T + 14}" fill="#d62728">p99</text>
${failed.join('\n')}
</svg>
`;
}
