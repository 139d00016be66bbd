// A service whose heartbeats stop gets no new requests until it heartbeats again.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { ServiceRegistry } from '../../../src/services/registry/registry.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('heartbeat health', () => {
  it('stops routing to a silent service and keeps routing to one that heartbeats', async () => {
    bridge = await start({ heartbeatTimeoutMs: 150 });
    await bridge.service({ id: 'quiet', name: 'quiet', dimensions: [4], heartbeatMs: 60_000, embed: (i) => i.map(() => filled(4, 1)) });
    await bridge.service({ id: 'lively', name: 'lively', dimensions: [8], heartbeatMs: 30, embed: (i) => i.map(() => filled(8, 1)) });
    const quiet = bridge.daemon.registry.get('quiet')!;
    await until(() => quiet.unhealthy, 'the silent service to be marked unhealthy');
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.NO_SERVICE);
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 8 })).status).toBe(Status.SUCCESS);
    expect(ServiceRegistry.available(bridge.daemon.registry.get('lively')!)).toBe(true);
  });

  it('routes to a recovered service again', async () => {
    // Healthy for 250 ms after each heartbeat: ample time for one request.
    bridge = await start({ heartbeatTimeoutMs: 250 });
    await bridge.service({ id: 'flaky', name: 'flaky', dimensions: [4], heartbeatMs: 500, embed: (i) => i.map(() => filled(4, 1)) });
    const entry = bridge.daemon.registry.get('flaky')!;
    await until(() => entry.unhealthy, 'unhealthy');
    await until(() => !entry.unhealthy, 'the next heartbeat');
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.SUCCESS);
  });
});
