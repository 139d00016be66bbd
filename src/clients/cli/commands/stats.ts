/** vexfsctl stats: request totals, failures by status, latency, queues and cache; or one service's. */
import type { CommandSpec } from '../command.js';
import { showCluster } from './cluster.js';
import { ExitCode } from '../errors.js';
import { type Style, duration, judge, pairs, percent } from '../format.js';
import { stringOption } from '../options.js';
import type { ServiceView, StatsView } from '../views.js';

export const stats: CommandSpec = {
  name: 'stats',
  summary: 'request totals, failures by status, latency percentiles, queues, cache (--service ID for one)',
  options: [['--service <ID>', 'one service']],
  details: ['examples:', '  vexfsctl stats', '  vexfsctl stats --service minilm --json'],
  async run(ctx, _args, opts) {
    if (ctx.allHosts) return showCluster(ctx, 'stats');
    const b = await ctx.backend();
    const id = stringOption('service', opts.service);
    const [all, service] = await Promise.all([b.stats(), id === undefined ? undefined : b.service(id)]);
    if (ctx.json) ctx.io.out(JSON.stringify(service ? { ...all, service } : all, null, 2));
    else ctx.io.out(service ? serviceStatsText(ctx.style, service) : statsText(ctx.style, all));
    return ExitCode.OK;
  },
};

function statsText(style: Style, s: StatsView): string {
  const failures = Object.entries(s.byStatus).filter(([k]) => k !== 'SUCCESS');
  return pairs(style, [
    ['answered', String(s.answered)],
    ['succeeded', { text: String(s.succeeded), colour: 'green' }],
    ['failed', { text: String(s.failed), colour: s.failed ? 'red' : undefined }],
    ['  by status', failures.length ? failures.map(([k, v]) => `${k} ${v}`).join(', ') : '-'],
    ['latency', `p50 ${duration(s.p50LatencyNs)}, p99 ${duration(s.p99LatencyNs)}, recent average ${duration(s.avgLatencyNs)}`],
    ['in flight', String(s.inflight)],
    ['queued', `critical ${s.queued.critical}  high ${s.queued.high}  normal ${s.queued.normal}  low ${s.queued.low}`],
    ['cache', `${percent(s.cache.hitRate)} hit rate (${s.cache.hits} hits, ${s.cache.misses} misses, ${s.cache.coalesced} coalesced)`],
    ['shed', String(s.shed)],
    ['rate limited', String(s.rateLimited)],
    ['retries', String(s.retries)],
    ...(s.kernelQueues !== undefined ? [['kernel queues', String(s.kernelQueues)] as [string, string]] : []),
    ...(s.consumers ?? []).map((c, i): [string, string] => [
      i === 0 ? 'kernel callers' : '',
      `${c.name} ${c.inflight} in flight (cap ${c.maxInflight}), ${c.submitted} submitted, ${c.completed} succeeded, ${c.failed} failed (${c.cancelled} cancelled, ${c.timedOut} timed out)`,
    ]),
  ]);
}

function serviceStatsText(style: Style, s: ServiceView): string {
  return pairs(style, [
    ['service', s.id],
    ['requests', String(s.total)],
    ['succeeded', String(s.total - s.failures)],
    ['failed', { text: String(s.failures), colour: s.failures ? 'red' : undefined }],
    ['latency', `p50 ${duration(s.p50ResponseNs)}, p99 ${duration(s.p99ResponseNs)}, recent average ${duration(s.avgResponseNs)}`],
    ['in flight', `${s.active} of ${s.capacity}`],
    ['queued', String(s.queued)],
    ['breaker', { text: s.breaker, colour: judge(s.breaker) }],
  ]);
}
