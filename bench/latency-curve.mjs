// Latency against offered load, ours and the C relay in one run, both driven by the C kernel-side
// generator (bench/c-kernel.mjs): our closed-loop maximum first, then fixed rates at 10, 25, 50, 75,
// 90 and 100% of it for both paths (the same offered loads; the relay's own maximum is reported
// too); latency from each request's scheduled send time (no coordinated omission); achieved rate,
// p50/p99/p99.9, answers by status and the daemon's CPU per request at each point. Prints one JSON
// object; with --svg FILE also draws p50 and p99 of both against the offered rate.
import { writeFileSync } from 'node:fs';

import { Status } from '../dist/abi/uapi.js';
import * as c from './c-kernel.mjs';
import { round } from './lib.mjs';

const INPUT_BYTES = 1024;
const DIMS = 384;
const FRACTIONS = [0.1, 0.25, 0.5, 0.75, 0.9, 1];
const quick = process.argv.includes('--quick');
const SECONDS = quick ? 1 : 3;
const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([k, v]) => [v, k]));
const svgAt = process.argv.indexOf('--svg');
const children = new Set();
process.on('exit', () => {
  for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGKILL');
});

const count = quick ? 30_000 : 200_000;
const closedMax = (run) => run(children, ['kernel', '256', String(count), String(INPUT_BYTES), String(DIMS), String(count / 10)]);

async function curve(run, name, max) {
  const points = [];
  for (const f of FRACTIONS) {
    const rate = Math.round(max * f);
    const args = ['open', String(rate), String(SECONDS), String(INPUT_BYTES), String(DIMS), '1'];
    let point = await run(children, args);
    // Seen once in a few dozen points: every send refused from the first (the path's socket full
    // before it read anything); that point is measured again rather than drawn as a collapse.
    if (point.answered === 0) {
      process.stderr.write(`${name} ${Math.round(f * 100)}%: nothing answered (${point.refused} refused), measured again\n`);
      point = await run(children, args);
    }
    const { by_status: byStatus, ...r } = point;
    const answers = c.statusNames(byStatus, STATUS_NAMES);
    points.push({ fraction: f, ...r, answers_by_status: answers });
    const failed = r.answered - (answers.SUCCESS ?? 0) + r.lost + r.refused;
    process.stderr.write(`${name} ${Math.round(f * 100)}%: ${r.achieved_rps} req/s, p50 ${r.p50_us} us, p99 ${r.p99_us} us, failed ${failed}\n`);
  }
  return points;
}

const oursMax = (await closedMax(c.ours)).rps;
const relayMax = (await closedMax(c.relay)).rps;
const ours = { closed_loop_max_rps: oursMax, points: await curve(c.ours, 'ours', oursMax) };
const relay = { closed_loop_max_rps: relayMax, points: await curve(c.relay, 'relay', oursMax) };
const result = { benchmark: 'latency-curve', seconds_per_point: SECONDS, ours, relay };
console.log(JSON.stringify(result, null, 2));
if (svgAt > 0) writeFileSync(process.argv[svgAt + 1], chart(result));

/** p50 and p99 (log scale) of both paths against the offered rate (shares of our maximum). */
function chart({ ours: o, relay: r }) {
  const W = 680;
  const H = 380;
  const L = 70;
  const B = 55;
  const T = 40;
  const R = 20;
  const lo = 0.01; // ms
  const all = [...o.points, ...r.points];
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...all.map((p) => p.p99_us / 1000))));
  const x = (f) => L + f * (W - L - R);
  const y = (ms) => round(T + (1 - (Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (H - T - B), 1);
  const line = (pts, key, colour, dash) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash ? ' stroke-dasharray="5,4"' : ''} points="${pts.map((p) => `${round(x(p.fraction), 1)},${y(p[key] / 1000)}`).join(' ')}"/>` +
    pts.map((p) => `<circle cx="${round(x(p.fraction), 1)}" cy="${y(p[key] / 1000)}" r="3" fill="${colour}"/>`).join('');
  const yTicks = [];
  for (let v = lo; v <= hi * 1.0001; v *= 10) {
    const label = v >= 1 ? `${Math.round(v)} ms` : `${round(v * 1000, 0)} µs`;
    yTicks.push(`<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${L - 8}" y="${y(v) + 4}" text-anchor="end">${label}</text>`);
  }
  const xTicks = FRACTIONS.map((f) => `<text x="${round(x(f), 1)}" y="${H - B + 18}" text-anchor="middle">${Math.round(f * 100)}%</text>`);
  const failures = (pts, colour, dy) =>
    pts
      .map((p) => ({ p, failed: p.answered - (p.answers_by_status.SUCCESS ?? 0) + p.lost + p.refused }))
      .filter(({ failed }) => failed > 0)
      .map(({ p, failed }) => `<text x="${round(x(p.fraction), 1)}" y="${T - dy}" text-anchor="middle" fill="${colour}">${failed} failed</text>`);
  const k = (n) => `${Math.round(n / 1000)}k`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">
<rect width="${W}" height="${H}" fill="white"/>
${yTicks.join('\n')}
<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/>
${xTicks.join('\n')}
<text x="${(W + L) / 2}" y="${H - 14}" text-anchor="middle">offered load, share of our closed-loop maximum of ${k(o.closed_loop_max_rps)} req/s (the C relay's: ${k(r.closed_loop_max_rps)})</text>
${line(o.points, 'p99_us', '#d62728', false)}
${line(o.points, 'p50_us', '#1f77b4', false)}
${line(r.points, 'p99_us', '#d62728', true)}
${line(r.points, 'p50_us', '#1f77b4', true)}
<text x="${L + 10}" y="${T + 14}"><tspan fill="#1f77b4">p50</tspan> <tspan fill="#d62728">p99</tspan>: solid ours, dashed C relay</text>
${failures(o.points, '#b00', 22).join('\n')}
${failures(r.points, '#555', 8).join('\n')}
</svg>
`;
}
