/**
 * vexfsctl top: one screen, redrawn every interval, of request rate,
 * latency, queues and every service with its breaker. q or Ctrl-C quits.
 * With --json, one JSON object per interval instead of a screen.
 */
import type { Backend } from '../transports/backend.js';
import type { CommandSpec } from '../command.js';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { type Style, duration, judge, paint, table, uptime } from '../format.js';
import { intOption } from '../options.js';
import type { ServiceView, StatsView, StatusView } from '../views.js';

export const top: CommandSpec = {
  name: 'top',
  summary: 'live view refreshing every second (q or Ctrl-C quits)',
  options: [['--interval <MS>', 'refresh period (100-60000, default 1000)']],
  details: ['keys: q or Ctrl-C quits'],
  async run(ctx, _args, o) {
    const intervalMs = intOption('interval', o.interval, 100, 60_000, 1000);
    return runTop(ctx, await ctx.backend(), intervalMs);
  },
};

interface Frame {
  at: number;
  status: StatusView;
  stats: StatsView;
  services: ServiceView[];
}

async function runTop(ctx: Context, backend: Backend, intervalMs: number): Promise<ExitCode> {
  const { stdin, stdout } = ctx.io;
  const tty = stdout.isTTY === true && !ctx.json;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const onKey = (data: Buffer) => {
    const key = data.toString();
    if (key === 'q' || key === 'Q' || key === '\u0003') stop();
  };
  const raw = stdin.isTTY === true;
  if (raw) stdin.setRawMode(true);
  stdin.on('data', onKey);
  stdin.resume();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (tty) stdout.write('\u001b[?25l');
  let previous: Frame | undefined;
  try {
    for (;;) {
      const [status, stats, services] = await Promise.all([backend.status(), backend.stats(), backend.services()]);
      const frame: Frame = { at: performance.now(), status, stats, services };
      if (ctx.json) ctx.io.out(JSON.stringify(summary(frame, previous)));
      else stdout.write(`${tty ? '\u001b[H\u001b[2J' : ''}${screen(ctx.style, frame, previous, intervalMs)}\n`);
      previous = frame;
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<'tick'>((resolve) => {
        timer = setTimeout(() => resolve('tick'), intervalMs);
      });
      const why = await Promise.race([tick, stopped.then(() => 'stop' as const)]);
      clearTimeout(timer);
      if (why === 'stop') break;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    stdin.off('data', onKey);
    if (raw) stdin.setRawMode(false);
    stdin.pause();
    if (tty) stdout.write('\u001b[?25h');
  }
  return ExitCode.OK;
}

function rate(now: number, before: number | undefined, seconds: number): number {
  return before === undefined || seconds <= 0 ? 0 : Math.max(0, (now - before) / seconds);
}

function summary(f: Frame, p: Frame | undefined) {
  const secs = p ? (f.at - p.at) / 1000 : 0;
  return {
    requestsPerSecond: Math.round(rate(f.stats.answered, p?.stats.answered, secs)),
    inflight: f.stats.inflight,
    queued: f.stats.queued,
    p50LatencyNs: f.stats.p50LatencyNs,
    p99LatencyNs: f.stats.p99LatencyNs,
    services: f.services.map((s) => ({
      id: s.id,
      state: s.state,
      breaker: s.breaker,
      health: s.health,
      requestsPerSecond: Math.round(rate(s.total, p?.services.find((x) => x.id === s.id)?.total, secs)),
      active: s.active,
      queued: s.queued,
      p50ResponseNs: s.p50ResponseNs,
      p99ResponseNs: s.p99ResponseNs,
    })),
  };
}

function screen(style: Style, f: Frame, p: Frame | undefined, intervalMs: number): string {
  const sum = summary(f, p);
  const q = f.stats.queued;
  const head = [
    paint(style, 'bold', 'vexfs-bridge top') +
      `  ${f.status.kernel.daemonAttached ? paint(style, 'green', `attached (${f.status.kernel.transport})`) : paint(style, 'red', 'no daemon attached')}` +
      `  up ${uptime(f.status.uptimeMs)}  every ${intervalMs / 1000}s  q quits`,
    `requests  ${sum.requestsPerSecond}/s   answered ${f.stats.answered}   failed ${f.stats.failed}   in flight ${f.stats.inflight}`,
    `latency   p50 ${duration(f.stats.p50LatencyNs)}   p99 ${duration(f.stats.p99LatencyNs)}   recent average ${duration(f.stats.avgLatencyNs)}`,
    `queues    critical ${q.critical}   high ${q.high}   normal ${q.normal}   low ${q.low}   shed ${f.stats.shed}   rate-limited ${f.stats.rateLimited}`,
    '',
  ];
  const rows = f.services.map((s, i) => {
    const r = sum.services[i];
    return [
      s.id,
      { text: s.state, colour: judge(s.state) },
      { text: String(s.health), colour: judge(s.health) },
      { text: s.breaker, colour: judge(s.breaker) },
      `${r?.requestsPerSecond ?? 0}/s`,
      `${s.active}/${s.capacity}`,
      String(s.queued),
      duration(s.p50ResponseNs),
      duration(s.p99ResponseNs),
      String(s.failures),
    ];
  });
  const services = rows.length
    ? table(style, ['SERVICE', 'STATE', 'HEALTH', 'BREAKER', 'RATE', 'ACTIVE', 'QUEUED', 'P50', 'P99', 'FAILED'], rows)
    : 'no services are registered';
  return [...head, services].join('\n');
}
