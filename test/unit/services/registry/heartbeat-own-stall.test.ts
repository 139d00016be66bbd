// A stall of the daemon's own event loop is not a service's silence: heartbeats that arrived meanwhile are
// still unread when the check timer fires, so that tick judges nothing; real silence is still caught.
import { afterEach, expect, it, vi } from 'vitest';

import { ServiceState } from '../../../../src/abi/uapi.js';
import { ServiceRegistry } from '../../../../src/services/registry/registry.js';
import { serviceInfo } from '../../../helpers/service-info.js';

let registry: ServiceRegistry | undefined;
afterEach(() => {
  registry?.close();
  vi.useRealTimers();
});

it('skips the heartbeat check after its own stall, then marks a silent service unhealthy', () => {
  vi.useFakeTimers();
  registry = new ServiceRegistry({ heartbeatTimeoutMs: 2000, connection: { reconnectMinMs: 60_000, reconnectMaxMs: 60_000 } });
  const entry = registry.register(serviceInfo('s', { endpoint: 'unix:/nonexistent/s.sock' }), 'test');
  entry.state = ServiceState.READY;
  entry.lastHeartbeat = Date.now();
  const health: boolean[] = [];
  registry.on('health', (_e, healthy) => health.push(healthy));

  vi.advanceTimersByTime(1000);
  expect(entry.unhealthy).toBe(false);
  // The loop is blocked for 10 s: the clock moves, the timer fires once, late.
  vi.setSystemTime(Date.now() + 10_000);
  vi.advanceTimersToNextTimer();
  expect(entry.unhealthy).toBe(false);
  // The next on-time tick, with still no heartbeat, is real silence.
  vi.advanceTimersByTime(1000);
  expect(entry.unhealthy).toBe(true);
  expect(health).toEqual([false]);
});
