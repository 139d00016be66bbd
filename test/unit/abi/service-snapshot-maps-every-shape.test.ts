// One service snapshot, mapped by one table to the netlink nest, the C struct and protobuf: the table
// names every live field each shape has, and a snapshot survives the trip through each.
import { readFileSync } from 'node:fs';

import koffi from 'koffi';
import { describe, expect, it } from 'vitest';

import { LIVE, type ServiceSnapshot, liveFrom, liveTo } from '../../../src/abi/service-snapshot.js';
import { ServiceInfoStruct } from '../../../src/abi/structs.js';
import { REGISTRATION_KEYS, SERVICE_FIELDS } from '../../../src/kernel-side/messages/service-attrs.js';

const snap: ServiceSnapshot = {
  id: 's',
  name: 'n',
  version: '1',
  dimensions: [8],
  dataTypes: 1,
  models: ['m'],
  maxBatchSize: 4,
  priority: 0,
  endpoint: 'unix:/x',
  state: 1,
  health: 90,
  breaker: 'half-open',
  uid: 1000,
  pid: 42,
  active: 3,
  queued: 2,
  capacity: 8,
  total: 1234,
  failures: 5,
  avgResponseNs: 1_500_000,
  p50ResponseNs: 1_000_000,
  p99ResponseNs: 9_000_000,
  heartbeatAgeMs: 250,
  cpuPermille: 730,
  rssBytes: 48 * 1024 * 1024,
};
const live = Object.fromEntries(Object.keys(LIVE).map((k) => [k, snap[k as keyof typeof LIVE]]));

function protoFields(message: string): string[] {
  const text = readFileSync(new URL('../../../proto/bridge.proto', import.meta.url), 'utf8');
  const body = text.match(new RegExp(`message ${message} \\{([^}]*)\\}`))?.[1] ?? '';
  return [...body.matchAll(/^\s*(?:repeated\s+)?\w+\s+(\w+)\s*=/gm)].map((m) => (m[1] as string).replace(/_(\w)/g, (_, c: string) => c.toUpperCase()));
}

describe('the service snapshot table', () => {
  it('names every live field of the netlink SERVICE nest, the C struct and protobuf ServiceStats', () => {
    const registration = new Set<string>(REGISTRATION_KEYS);
    const nestLive = Object.keys(SERVICE_FIELDS).filter((field) => !registration.has(field) && field !== 'flags');
    expect(
      Object.values(LIVE)
        .map((r) => r.netlink)
        .sort(),
    ).toEqual(nestLive.sort());

    const cRegistration = new Set([
      'id',
      'name',
      'version',
      'models',
      'endpoint',
      'dimensions',
      'dimensions_count',
      'data_types',
      'max_batch_size',
      'priority',
    ]);
    const cLive = Object.keys((koffi.introspect(ServiceInfoStruct) as { members: Record<string, unknown> }).members).filter((m) => !cRegistration.has(m));
    expect(
      Object.values(LIVE)
        .map((r) => r.c)
        .sort(),
    ).toEqual(cLive.sort());

    // ServiceStats also carries the link's own counters, which only the control socket reports.
    const linkOnly = new Set(['id', 'healthCheckFailing', 'sendBlocked', 'sendBufferedBytes', 'framesRefused', 'tokens']);
    expect(
      Object.values(LIVE)
        .map((r) => r.proto)
        .sort(),
    ).toEqual(
      protoFields('ServiceStats')
        .filter((f) => !linkOnly.has(f))
        .sort(),
    );
  });

  it('carries a snapshot through each shape unchanged', () => {
    for (const shape of ['netlink', 'c', 'proto'] as const) expect(liveFrom(shape, liveTo(shape, snap)), shape).toEqual(live);
    expect(liveTo('netlink', snap)).toMatchObject({ totalRequests: 1234n, rssKib: 48 * 1024, breaker: 2, activeRequests: 3 });
    expect(liveTo('proto', snap)).toMatchObject({ total: 1234, rssBytes: 48 * 1024 * 1024, breaker: 'half-open', active: 3 });
  });
});
