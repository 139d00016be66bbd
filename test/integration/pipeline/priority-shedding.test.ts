// Full queues shed the lowest priority first, answer OVERLOADED at once, and tell the kernel to slow low priorities.
import { describe, expect, it } from 'vitest';

import { Priority, Status } from '../../../src/abi/uapi.js';
import type { TwinEmbedResult as EmbedResult } from '../../../src/kernel-side/twin/kernel-twin.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { Gate } from '../../helpers/gate.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('priority queues and shedding', () => {
  it('sheds Low for Critical, never Critical, and serves what is queued in priority order', async () => {
    bridge = await start({ serviceConcurrency: 1, queuePerService: 4, queueGlobal: 4, queuePerPriority: 100, retryMax: 0 });
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
    const twin = bridge.twin;
    const router = bridge.daemon.router;
    const send = (name: string, priority: number) => twin.embed({ input: Buffer.from(name), dimensions: 4, priority, timeoutMs: 10_000 });
    const results = new Map<string, Promise<EmbedResult>>();
    results.set('first', send('first', Priority.NORMAL));
    await until(() => served.length === 1, 'the first request at the service');
    for (let i = 0; i < 8; i++) results.set(`low${i}`, send(`low${i}`, Priority.LOW));
    await until(() => router.placement.queuedByLevel[0] === 8, '8 Low queued (service queue and overflow)');
    expect(router.placement.overflow.size).toBe(4);

    // Overflow at 4/4 passed 75%: the kernel side fails Low early now.
    await until(() => twin.stats().minPriority === Priority.NORMAL, 'backpressure floor Normal at the kernel side');
    expect(router.placement.backpressureFloor).toBe(Priority.NORMAL);
    const received = router.counters.received;
    const early = await send('late-low', Priority.LOW);
    expect(early.status).toBe(Status.OVERLOADED);
    expect(router.counters.received).toBe(received);

    for (let i = 0; i < 2; i++) results.set(`crit${i}`, send(`crit${i}`, Priority.CRITICAL));
    // Two Low requests made room at once, answered OVERLOADED without waiting for the service.
    await until(() => router.counters.shed === 2, 'two shed');
    expect(router.placement.queuedByLevel).toEqual([6, 0, 0, 2]);

    gate.release();
    const outcome = new Map<string, number>();
    for (const [name, p] of results) outcome.set(name, (await p).status);
    const shed = [...outcome].filter(([, s]) => s === Status.OVERLOADED).map(([n]) => n);
    expect(shed).toHaveLength(2);
    expect(shed.every((n) => n.startsWith('low'))).toBe(true);
    expect([...outcome].filter(([, s]) => s === Status.SUCCESS)).toHaveLength(9);
    // After the one in progress, Critical went first.
    expect(served.slice(0, 3)).toEqual(['first', 'crit0', 'crit1']);
    await until(() => twin.stats().minPriority === 0, 'backpressure lifted at the kernel side');
    expect((await send('after', Priority.LOW)).status).toBe(Status.SUCCESS);
  });

  it('refuses work of a level whose queue is full rather than shedding the same level', async () => {
    bridge = await start({ serviceConcurrency: 1, queuePerService: 100, queueGlobal: 0, queuePerPriority: 3, retryMax: 0 });
    const gate = new Gate();
    await bridge.service({ id: 's', name: 's', dimensions: [4], maxBatchSize: 1, embed: async (i) => (await gate.wait(), i.map(() => filled(4, 1))) });
    const send = (priority: number) => bridge!.twin.embed({ input: Buffer.from('x'), dimensions: 4, priority, timeoutMs: 10_000 });
    const inService = send(Priority.CRITICAL);
    await until(() => bridge!.daemon.router.inflightCount === 1, 'one in flight');
    const queued = [send(Priority.CRITICAL), send(Priority.CRITICAL), send(Priority.CRITICAL)];
    await until(() => bridge!.daemon.router.placement.queuedByLevel[3] === 3, 'Critical level full');
    expect((await send(Priority.CRITICAL)).status).toBe(Status.OVERLOADED);
    gate.release();
    expect((await Promise.all([inService, ...queued])).map((r) => r.status)).toEqual([0, 0, 0, 0]);
  });
});
