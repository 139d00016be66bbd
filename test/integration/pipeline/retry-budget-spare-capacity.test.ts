// The retry budget is sized by spare capacity, so a burst failed by one
// service is retried on idle ones instead of being answered SERVICE_ERROR beyond a floor of 3.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('retry budget', () => {
  it('retries every request of a failed batch while other services sit idle', async () => {
    bridge = await start({ balancer: 'priority', retryMax: 1 });
    await bridge.service({
      id: 'broken',
      name: 'broken',
      dimensions: [4],
      maxBatchSize: 16,
      priority: 10,
      embed: () => {
        throw new Error('model crashed');
      },
    });
    for (const id of ['idle-a', 'idle-b', 'idle-c'])
      await bridge.service({ id, name: id, dimensions: [4], maxBatchSize: 8, embed: (i) => i.map(() => filled(4, 1)) });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => bridge!.twin.embed({ input: Buffer.from(`r${i}`), dimensions: 4, timeoutMs: 5000 })),
    );
    expect(results.map((r) => r.status)).toEqual(new Array(12).fill(Status.SUCCESS));
    expect(bridge.daemon.router.counters.retries).toBe(12);
    expect(bridge.daemon.router.counters.retriesDenied).toBe(0);
  });
});
