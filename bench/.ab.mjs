// A/B helper: the C-driven closed loop, N runs, medians.
import * as c from '/work/main/bench/c-kernel.mjs';
const runs = Number(process.argv[2] ?? 3);
const children = new Set();
const out = [];
for (let i = 0; i < runs; i++) {
  const r = await c.ours(children, ['kernel', '256', '300000', '1024', '384', '30000'], { nodeArgs: (process.env.NODE_ARGS ?? '').split(' ').filter(Boolean) });
  out.push(r);
  process.stderr.write(`${r.rps} req/s, ${r.daemon_cpu_us_per_req} us/req, svc ${r.service_cpu_us_per_req}, rss ${r.daemon_rss_mb}\n`);
}
const med = (k) => out.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(out.length / 2)];
console.log(JSON.stringify({ rps: med('rps'), cpu: med('daemon_cpu_us_per_req'), rss: med('daemon_rss_mb'), p50: med('p50_us') }));
