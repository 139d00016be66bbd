import * as c from './c-kernel.mjs';
const children = new Set();
const r = await c.ours(children, ['kernel', '256', '300000', '1024', '384', '30000'], {
  daemonArgs: ['--metrics', 'true', '--metrics-port', '19393'],
  nodeArgs: process.argv.slice(2),
});
console.log(r.rps, r.daemon_cpu_us_per_req, r.daemon_rss_mb);
