// Full path: kernel side -> daemon -> embedding service -> daemon -> kernel side, 1 KiB inputs and
// 384-dim float32 vectors, next to a C relay doing the same hops with no logic, and a plain NATS
// request-reply path with the same payloads — all in one run. Our daemon is driven two ways: by the
// C kernel-side generator the relay baseline uses (the daemon's own cost; the headline figures),
// and by the Node kernel twin (a second row: the twin's cost shares the CPUs). Prints one JSON
// object with the targets judged.
import { Status } from '../dist/abi/uapi.js';
import * as c from './c-kernel.mjs';
import { closedLoop, cpuMicros, round, rssMb } from './lib.mjs';
import { plainNats, startNatsServer } from './nats-plain.mjs';
import { openLoop, startStack, stopStack } from './stack.mjs';

const INPUT = Buffer.alloc(1024, 'a');
const DIMS = 384;
const quick = process.argv.includes('--quick');
const CLOSED = { window: 256, count: quick ? 30_000 : 300_000 };
const LIGHT = { window: 1, count: quick ? 2_000 : 20_000 };
const OPEN_SECONDS = quick ? 1 : 3;
const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([k, v]) => [v, k]));
const log = (m) => process.stderr.write(`${m}\n`);
const children = new Set();
process.on('exit', () => {
  for (const ch of children) if (ch.exitCode === null && ch.signalCode === null) ch.kill('SIGKILL');
});

const closedArgs = (o) => ['kernel', String(o.window), String(o.count), String(INPUT.length), String(DIMS), String(Math.round(o.count / 10))];
// One second at the same rate first, not measured: the daemon's JIT starts cold.
const openArgs = (rate) => ['open', String(rate), String(OPEN_SECONDS), String(INPUT.length), String(DIMS), '1'];
const tidy = ({ rps, by_status: byStatus, count: _c, window: _w, ...rest }) => ({
  ...(rps !== undefined ? { throughput_rps: rps } : {}),
  ...rest,
  answers_by_status: c.statusNames(byStatus, STATUS_NAMES),
});

async function twinRows() {
  const stack = await startStack(children, quick);
  const { twin, daemon } = stack;
  const pid = daemon.child.pid;
  const measure = async (fn, requests) => {
    const cpu0 = cpuMicros(pid);
    const { rps, ...result } = await fn();
    return { ...(rps !== undefined ? { throughput_rps: rps } : {}), ...result, daemon_cpu_us_per_req: round((cpuMicros(pid) - cpu0) / requests, 3) };
  };
  const closed = await measure(() => closedLoop(twin, { input: INPUT, dimensions: DIMS, ...CLOSED }), CLOSED.count);
  const light = await measure(() => closedLoop(twin, { input: INPUT, dimensions: DIMS, ...LIGHT }), LIGHT.count);
  const openRate = Math.round(closed.throughput_rps * 0.5);
  const openHalf = await measure(() => openLoop(twin, { input: INPUT, dimensions: DIMS }, openRate, OPEN_SECONDS), openRate * OPEN_SECONDS);
  const rss = rssMb(pid);
  await stopStack(stack);
  return { closed, light, open_half: openHalf, daemon_rss_mb: round(rss, 1) };
}

log('full path: ours driven by the C kernel-side generator');
const oursClosed = tidy(await c.ours(children, closedArgs(CLOSED)));
const oursLight = tidy(await c.ours(children, closedArgs(LIGHT)));
const halfRate = Math.round(oursClosed.throughput_rps * 0.5);
const oursOpen = tidy(await c.ours(children, openArgs(halfRate)));
log('full path: the C relay baseline, same generator');
const relayClosed = tidy(await c.relay(children, closedArgs(CLOSED)));
const relayLight = tidy(await c.relay(children, closedArgs(LIGHT)));
const relayOpen = tidy(await c.relay(children, openArgs(halfRate)));
log('full path: ours driven by the Node kernel twin');
const twin = await twinRows();
log('plain NATS request-reply, same payloads');
const nats = await startNatsServer(children);
const plain = await plainNats(children, nats.url, { input: INPUT, vectorBytes: DIMS * 4, count: quick ? 10_000 : 100_000, warmup: quick ? 2000 : 10_000 });
await nats.close();

const ratio = (a, b) => round(a / Math.max(b, 0.001), 3);
console.log(
  JSON.stringify(
    {
      benchmark: 'full-path',
      path: 'kernel side -> vexfs-bridged -> embedding service (SDK) -> vexfs-bridged -> kernel side',
      input_bytes: INPUT.length,
      vector_bytes: DIMS * 4,
      closed_loop_window: CLOSED.window,
      c_kernel: { closed: oursClosed, light: oursLight, open_half: oursOpen },
      relay: { closed: relayClosed, light: relayLight, open_half: relayOpen },
      twin,
      plain_nats: plain,
      ratios: {
        throughput_to_relay: ratio(oursClosed.throughput_rps, relayClosed.throughput_rps),
        light_p50_to_relay: ratio(oursLight.p50_us, relayLight.p50_us),
        open_half_p99_to_relay: ratio(oursOpen.p99_us, relayOpen.p99_us),
        daemon_cpu_to_relay: ratio(oursClosed.daemon_cpu_us_per_req, relayClosed.daemon_cpu_us_per_req),
        throughput_to_plain_nats: ratio(oursClosed.throughput_rps, plain.throughput_rps),
        twin_throughput_to_plain_nats: ratio(twin.closed.throughput_rps, plain.throughput_rps),
      },
      targets: {
        'daemon CPU/req closed loop <= 4 us': oursClosed.daemon_cpu_us_per_req <= 4,
        'daemon CPU/req at half load <= 6 us': oursOpen.daemon_cpu_us_per_req <= 6,
        'C kernel side >= 150k req/s': oursClosed.throughput_rps >= 150_000,
        'twin >= 120k req/s': twin.closed.throughput_rps >= 120_000,
        'light p50 <= 1.5x relay': oursLight.p50_us <= 1.5 * relayLight.p50_us,
        'p99 at half load <= 5x relay': oursOpen.p99_us <= 5 * relayOpen.p99_us,
        'daemon RSS <= 100 MB': oursClosed.daemon_rss_mb <= 100,
        'local path >= 5x plain NATS': oursClosed.throughput_rps >= 5 * plain.throughput_rps,
      },
    },
    null,
    2,
  ),
);
