/** vexfsctl status: the kernel side, transport, uptime, services, in flight, queue depths. */
import { DEVICE_PATH } from '../../../kernel-side/channels/device.js';
import { showCluster } from './cluster.js';
import { type CommandSpec, show } from '../command.js';
import { type Cell, type Style, pairs, uptime } from '../format.js';
import type { StatusView } from '../views.js';

export const status: CommandSpec = {
  name: 'status',
  summary: 'kernel side, transport, uptime, services, in flight, queue depths',
  async run(ctx) {
    if (ctx.allHosts) return showCluster(ctx, 'status');
    return show(ctx, await (await ctx.backend()).status(), (v) => statusText(ctx.style, v));
  },
};

function statusText(style: Style, s: StatusView): string {
  const kernel = s.kernel.module
    ? s.kernel.daemonAttached
      ? `module loaded, daemon attached over ${s.kernel.transport}`
      : 'module loaded, no daemon attached'
    : s.kernel.daemonAttached
      ? `no module: daemon on the kernel twin (${s.kernel.transport})`
      : 'no module, no kernel side';
  return pairs(style, [
    ['kernel', { text: kernel, colour: s.kernel.daemonAttached ? 'green' : 'red' }],
    ['source', s.source === 'device' ? `${DEVICE_PATH} (ioctl)` : s.source === 'nats' ? 'the daemon over NATS' : "daemon's control socket"],
    ['uptime', s.kernel.daemonAttached ? uptime(s.uptimeMs) : '-'],
    ['services', String(s.services)],
    ['in flight', String(s.inflight)],
    ['queued', `critical ${s.queued.critical}  high ${s.queued.high}  normal ${s.queued.normal}  low ${s.queued.low}`],
    ...natsRow(s),
  ]);
}

/** The NATS line, for a daemon with --nats. */
function natsRow(s: StatusView): Array<[string, Cell]> {
  if (s.nats === undefined) return [];
  const { state, server, host, reconnects } = s.nats;
  const text = `${state}${server ? ` to ${server}` : ''} as host ${host}${reconnects ? `, ${reconnects} reconnects` : ''}`;
  return [['nats', { text, colour: state === 'connected' ? 'green' : 'red' }]];
}
