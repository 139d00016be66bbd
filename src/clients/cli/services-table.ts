/** The services table, shared by vexfsctl services and services --all-hosts. */
import { type Style, duration, judge, table } from './format.js';
import type { ServiceView } from './views.js';

/** The services table; with `hosts` (one per service, --all-hosts), a HOST column first. */
export function servicesText(style: Style, list: ServiceView[], hosts?: string[]): string {
  if (list.length === 0) return 'no services are registered';
  return table(
    style,
    [...(hosts ? ['HOST'] : []), 'ID', 'NAME', 'VERSION', 'STATE', 'HEALTH', 'DIMS', 'MODELS', 'LOAD', 'P50', 'P99', 'BREAKER'],
    list.map((s, i) => [
      ...(hosts ? [hosts[i] ?? ''] : []),
      s.id,
      s.name,
      s.version || '-',
      { text: s.state, colour: judge(s.state) },
      { text: String(s.health), colour: judge(s.health) },
      s.dimensions.join(','),
      s.models.length ? s.models.join(',') : '(any)',
      `${s.active}/${s.capacity}${s.queued ? `+${s.queued}` : ''}`,
      duration(s.p50ResponseNs),
      duration(s.p99ResponseNs),
      { text: s.breaker, colour: judge(s.breaker) },
    ]),
  );
}
