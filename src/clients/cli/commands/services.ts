/** vexfsctl services and vexfsctl service <id>: the registered services, as a table or one in detail. */
import { showCluster } from './cluster.js';
import { type CommandSpec, show } from '../command.js';
import { servicesText } from '../services-table.js';
import { type Style, bytes, duration, judge, pairs, percent } from '../format.js';
import { DTYPE_NAMES } from '../options.js';
import type { ServiceView } from '../views.js';

export const services: CommandSpec = {
  name: 'services',
  summary: 'table of registered services',
  async run(ctx) {
    if (ctx.allHosts) return showCluster(ctx, 'services');
    return show(ctx, await (await ctx.backend()).services(), (v) => servicesText(ctx.style, v));
  },
};

export const service: CommandSpec = {
  name: 'service',
  summary: 'one service in detail',
  args: '<id>',
  async run(ctx, [id]) {
    return show(ctx, await (await ctx.backend()).service(id as string), (v) => serviceText(ctx.style, v));
  },
};

function serviceText(style: Style, s: ServiceView): string {
  return pairs(style, [
    ['id', s.id],
    ['name', s.name],
    ['version', s.version || '-'],
    ['state', { text: s.state, colour: judge(s.state) }],
    ['health', { text: `${s.health}/100`, colour: judge(s.health) }],
    ['breaker', { text: s.breaker, colour: judge(s.breaker) }],
    ['dimensions', s.dimensions.join(', ')],
    ['models', s.models.length ? s.models.join(', ') : '(requests naming no model)'],
    ['data types', dtypeNames(s.dataTypes)],
    ['max batch', String(s.maxBatchSize)],
    ['priority', String(s.priority)],
    ['endpoint', s.endpoint],
    ['registered by', `uid ${s.uid}, pid ${s.pid}`],
    ['load', `${s.active} active of ${s.capacity} (${percent(s.load)}), ${s.queued} queued`],
    ['requests', `${s.total} total, ${s.failures} failed`],
    ['latency', `p50 ${duration(s.p50ResponseNs)}, p99 ${duration(s.p99ResponseNs)}, recent average ${duration(s.avgResponseNs)}`],
    ['last heartbeat', s.heartbeatAgeMs ? `${(s.heartbeatAgeMs / 1000).toFixed(1)}s ago` : '-'],
    ['process', s.rssBytes ? `CPU ${percent(s.cpu)} of one core, memory ${bytes(s.rssBytes)} (its last heartbeat)` : '- (not reported yet)'],
  ]);
}

function dtypeNames(mask: number): string {
  if (mask === 0) return 'float32';
  return Object.entries(DTYPE_NAMES)
    .filter(([, v]) => mask & (1 << v))
    .map(([k]) => k)
    .join(', ');
}
