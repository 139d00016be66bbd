// Within one priority level, a caller flooding the queue cannot starve another caller.
import { describe, expect, it } from 'vitest';

import { Priority, Status } from '../../../src/abi/uapi.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { Gate } from '../../helpers/gate.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('fair share between callers', () => {
  it('serves a second caller in turn with a flooding first caller at the same priority', async () => {
    bridge = await start({ serviceConcurrency: 1 });
    const gate = new Gate();
    const served: string[] = [];
    await bridge.service({
      id: 's',
      name: 's',
      dimensions: [4],
      maxBatchSize: 1,
      embed: async (inputs) => {
        served.push(Buffer.from(inputs[0] as Uint8Array).toString());
        await gate.wait();
        return [filled(4, 1)];
      },
    });
    const send = (name: string, uid: number) => bridge!.twin.embed({ input: Buffer.from(name), dimensions: 4, priority: Priority.LOW, uid, timeoutMs: 10_000 });
    const all = [send('block', 1)];
    await until(() => served.length === 1, 'the service busy');
    for (let i = 0; i < 40; i++) all.push(send(`flood${i}`, 1000));
    await until(() => bridge!.daemon.router.placement.queuedByLevel[0] === 40, 'the flood queued');
    for (let i = 0; i < 3; i++) all.push(send(`polite${i}`, 2000));
    await until(() => bridge!.daemon.router.placement.queuedByLevel[0] === 43, 'all queued');
    gate.release();
    expect((await Promise.all(all)).every((r) => r.status === Status.SUCCESS)).toBe(true);
    const polite = ['polite0', 'polite1', 'polite2'].map((n) => served.indexOf(n));
    // Alternating turns: the second caller's three go within the first seven after the blocker.
    expect(Math.max(...polite)).toBeLessThanOrEqual(7);
    expect(served.filter((n) => n.startsWith('flood'))).toEqual(Array.from({ length: 40 }, (_, i) => `flood${i}`));
  });
});
