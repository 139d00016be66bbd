/** vexfsctl health: exit 0 when a daemon is attached with at least one healthy service. */
import type { CommandSpec } from '../command.js';
import { ExitCode } from '../errors.js';
import { paint } from '../format.js';

export const health: CommandSpec = {
  name: 'health',
  summary: 'exit 0 when attached with at least one healthy service',
  async run(ctx) {
    const b = await ctx.backend();
    const [status, services] = await Promise.all([b.status(), b.services()]);
    const healthy = services.filter((s) => s.health > 0);
    const checks = [
      {
        check: 'kernel side',
        ok: status.kernel.daemonAttached,
        detail: status.kernel.daemonAttached ? `daemon attached (${status.kernel.transport})` : 'no daemon attached',
      },
      { check: 'services', ok: healthy.length > 0, detail: `${healthy.length} of ${services.length} healthy` },
      ...services
        .filter((s) => s.health === 0)
        .map((s) => ({ check: `service ${s.id}`, ok: false, detail: `state ${s.state}, breaker ${s.breaker}, health 0` })),
    ];
    const ok = checks.slice(0, 2).every((c) => c.ok);
    if (ctx.json) ctx.io.out(JSON.stringify({ healthy: ok, checks }, null, 2));
    else {
      const lines = checks.map((c) => `${paint(ctx.style, c.ok ? 'green' : 'red', c.ok ? 'ok  ' : 'FAIL')}  ${c.check}: ${c.detail}`);
      ctx.io.out([...lines, ok ? 'healthy' : 'unhealthy'].join('\n'));
    }
    return ok ? ExitCode.OK : ExitCode.FAILED;
  },
};
