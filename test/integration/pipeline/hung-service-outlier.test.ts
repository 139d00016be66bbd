// A service whose embed never returns, while its heartbeats and health checks
// still answer, is taken out of rotation once a batch is far past its usual answer time; that
// batch and its queued work fail over at once instead of waiting for their deadlines.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { BreakerState } from '../../../src/pipeline/breakers.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('a hung service', () => {
  it('fails over its outstanding batch, opens its breaker and gets no new work', async () => {
    bridge = await start({ balancer: 'priority', outlierMinMs: 300, retryMax: 2 });
    let calls = 0;
    await bridge.service({
      id: 'hung',
      name: 'hung',
      dimensions: [4],
      priority: 10,
      embed: () => {
        calls++;
        return new Promise<Float32Array[]>(() => {});
      },
    });
    await bridge.service({ id: 'good', name: 'good', dimensions: [4], embed: (i) => i.map(() => filled(4, 1)) });
    const overdue: string[] = [];
    bridge.daemon.router.outcomes.subscribe({ onOverdue: (id) => overdue.push(id) });
    const first = await bridge.twin.embed({ input: Buffer.from('a'), dimensions: 4, timeoutMs: 10_000 });
    expect(first.status).toBe(Status.SUCCESS);
    expect(overdue).toEqual(['hung']);
    expect(bridge.daemon.router.breakers.state('hung')).toBe(BreakerState.OPEN);
    const entry = bridge.daemon.registry.get('hung')!;
    expect(entry.failures).toBe(1);
    expect(bridge.daemon.router.dispatch.health(entry)).toBe(0);
    // Out of rotation: the next requests go straight to the good service.
    const rest = await Promise.all(Array.from({ length: 5 }, (_, i) => bridge!.twin.embed({ input: Buffer.from(`b${i}`), dimensions: 4, timeoutMs: 10_000 })));
    expect(rest.map((r) => r.status)).toEqual([0, 0, 0, 0, 0]);
    expect(calls).toBe(1);
  });
});
