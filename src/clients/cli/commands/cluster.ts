/**
 * status, services and stats with --all-hosts: every daemon on the NATS bus
 * that answers within --nats-timeout, one table with a HOST column (or, with
 * --json, one object per host).
 */
import { servicesOf, statsOf, statusOf } from '../transports/daemon-views.js';
import type { HostSnapshot } from '../transports/nats-backend.js';
import type { Context } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import { clean, duration, judge, table, uptime } from '../format.js';
import { servicesText } from '../services-table.js';

export type ClusterCommand = 'status' | 'services' | 'stats';

export async function showCluster(ctx: Context, command: ClusterCommand): Promise<ExitCode> {
  const { hosts, doubtful } = await (await ctx.cluster()).all();
  for (const d of doubtful) ctx.io.err(`vexfsctl: ${clean(d)}`);
  if (hosts.length === 0) throw new CliError(ExitCode.UNAVAILABLE, `no daemon answered on the NATS bus within ${ctx.natsTimeoutMs} ms`);
  const view = RENDER[command];
  if (ctx.json)
    ctx.io.out(
      JSON.stringify(
        hosts.map((h) => ({ host: h.host, ...view.json(h) })),
        null,
        2,
      ),
    );
  else ctx.io.out(view.text(ctx, hosts));
  return ExitCode.OK;
}

const RENDER: Record<ClusterCommand, { json: (h: HostSnapshot) => object; text: (ctx: Context, hosts: HostSnapshot[]) => string }> = {
  status: {
    json: (h) => statusOf(h.stats, 'nats'),
    text: (ctx, hosts) =>
      table(
        ctx.style,
        ['HOST', 'KERNEL', 'NATS', 'UPTIME', 'SERVICES', 'IN FLIGHT', 'QUEUED'],
        hosts.map((h) => {
          const s = statusOf(h.stats, 'nats');
          return [
            h.host,
            { text: s.kernel.daemonAttached ? s.kernel.transport : 'detached', colour: s.kernel.daemonAttached ? 'green' : 'red' },
            { text: s.nats?.state ?? '-', colour: judge(s.nats?.state === 'connected' ? 'ready' : 'error') },
            uptime(s.uptimeMs),
            String(s.services),
            String(s.inflight),
            String(s.queued.critical + s.queued.high + s.queued.normal + s.queued.low),
          ];
        }),
      ),
  },
  services: {
    json: (h) => ({ services: servicesOf(h.services, h.stats) }),
    text: (ctx, hosts) => {
      const rows = hosts.flatMap((h) => servicesOf(h.services, h.stats).map((s) => ({ host: h.host, s })));
      if (rows.length === 0) return `no services are registered at ${hosts.map((h) => h.host).join(', ')}`;
      return servicesText(
        ctx.style,
        rows.map((r) => r.s),
        rows.map((r) => r.host),
      );
    },
  },
  stats: {
    json: (h) => statsOf(h.stats, 'nats'),
    text: (ctx, hosts) =>
      table(
        ctx.style,
        ['HOST', 'ANSWERED', 'SUCCEEDED', 'FAILED', 'P50', 'P99', 'IN FLIGHT', 'SHED', 'RETRIES'],
        hosts.map((h) => {
          const s = statsOf(h.stats, 'nats');
          return [
            h.host,
            String(s.answered),
            String(s.succeeded),
            { text: String(s.failed), colour: s.failed ? 'red' : undefined },
            duration(s.p50LatencyNs),
            duration(s.p99LatencyNs),
            String(s.inflight),
            String(s.shed),
            String(s.retries),
          ];
        }),
      ),
  },
};
