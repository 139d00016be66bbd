// With coalescing on, a Critical request riding on an identical Low one is not
// shed with it; it takes the lead and is served, as a High request sent after it would be.
import { describe, expect, it } from 'vitest';

import { Priority, Status } from '../../../src/abi/uapi.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { Gate } from '../../helpers/gate.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('coalescing and priorities', () => {
  it('promotes a Critical follower when its Low leader is shed, and serves it', async () => {
    bridge = await start({ coalesce: true, serviceConcurrency: 1, queuePerService: 1, queueGlobal: 1, queuePerPriority: 100, retryMax: 0 });
    const gate = new Gate();
    const served: string[] = [];
    await bridge.service({
      id: 'slow',
      name: 'slow',
      dimensions: [4],
      maxBatchSize: 1,
      embed: async (inputs) => {
        served.push(...inputs.map((i) => Buffer.from(i).toString()));
        await gate.wait();
        return inputs.map(() => filled(4, 1));
      },
    });
    const router = bridge.daemon.router;
    const send = (name: string, priority: number) => bridge!.twin.embed({ input: Buffer.from(name), dimensions: 4, priority, timeoutMs: 10_000 });
    const first = send('first', Priority.NORMAL);
    await until(() => served.length === 1, 'the first request at the service');
    const lowLeader = send('same', Priority.LOW);
    await until(() => router.placement.queuedByLevel[0] === 1, 'the Low leader queued');
    const filler = send('filler', Priority.LOW);
    await until(() => router.placement.overflow.size === 1, 'a Low request in the overflow queue, which is now full');
    const criticalFollower = send('same', Priority.CRITICAL);
    await until(() => router.cache.counters.coalesced === 1, 'the Critical request follows the Low one');
    // The service queue is full: a High request displaces the Low leader, and nowhere is left for it.
    const high = send('high', Priority.HIGH);
    expect((await lowLeader).status).toBe(Status.OVERLOADED);
    // The promoted Critical request takes the service queue; the High one moves to overflow in place of the Low filler.
    expect((await filler).status).toBe(Status.OVERLOADED);
    gate.release();
    expect((await criticalFollower).status).toBe(Status.SUCCESS);
    expect((await first).status).toBe(Status.SUCCESS);
    expect((await high).status).toBe(Status.SUCCESS);
    expect(served).toEqual(['first', 'same', 'high']);
  });
});
