// A service that closes drains first: the daemon marks it STOPPING and sends it nothing new (queued
// requests go to another service), the batch it holds is answered by it, then it unregisters.
import { describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { serviceStats } from '../../../src/daemon/stats.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { Gate } from '../../helpers/gate.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('graceful service close', () => {
  it('finishes the batch in hand, sends nothing new to it, then unregisters', async () => {
    bridge = await start({ serviceConcurrency: 1, retryMax: 0 });
    const gate = new Gate();
    const servedBy: Record<string, string[]> = { leaving: [], staying: [] };
    const leaving = await bridge.service({
      id: 'leaving',
      name: 'leaving',
      dimensions: [4],
      maxBatchSize: 1,
      embed: async (inputs) => {
        servedBy.leaving!.push(...inputs.map((i) => Buffer.from(i).toString()));
        await gate.wait();
        return inputs.map(() => filled(4, 1));
      },
    });
    const d = bridge.daemon;
    const send = (text: string) => bridge!.twin.embed({ input: Buffer.from(text), dimensions: 4, timeoutMs: 10_000 });
    const first = send('first');
    await until(() => gate.waiting === 1, 'the first request at the leaving service');
    // Its one slot is taken and it is the only service: the next waits in its queue.
    const queued = send('queued');
    await until(() => serviceStats(d, d.registry.get('leaving')!).queued === 1, 'one queued behind it');
    await bridge.service({
      id: 'staying',
      name: 'staying',
      dimensions: [4],
      maxBatchSize: 1,
      embed: (inputs) => (servedBy.staying!.push(...inputs.map((i) => Buffer.from(i).toString())), inputs.map(() => filled(4, 2))),
    });

    const closing = leaving.close();
    await until(() => d.registry.get('leaving')?.state === ServiceState.STOPPING, 'the daemon to mark it stopping');
    expect(serviceStats(d, d.registry.get('leaving')!).state).toBe(ServiceState.STOPPING);
    // The queued request moved on, and new work goes elsewhere.
    expect((await queued).status).toBe(Status.SUCCESS);
    expect((await send('later')).status).toBe(Status.SUCCESS);
    expect(servedBy.staying).toEqual(['queued', 'later']);
    expect(d.registry.get('leaving')).toBeDefined();

    gate.release();
    const r = await first;
    expect(r.status).toBe(Status.SUCCESS);
    expect(Buffer.from(r.vector!).readFloatLE(0)).toBe(1);
    await closing;
    expect(servedBy.leaving).toEqual(['first']);
    expect(d.registry.get('leaving')).toBeUndefined();
    expect(d.router.counters.retries).toBe(0);
  });

  it('gives up waiting after drainMs and unregisters anyway', async () => {
    bridge = await start({ retryMax: 0 });
    const gate = new Gate();
    const svc = await bridge.service({
      id: 'stuck',
      name: 'stuck',
      dimensions: [4],
      drainMs: 200,
      embed: async (inputs) => (await gate.wait(), inputs.map(() => filled(4, 1))),
    });
    const pending = bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 10_000 });
    await until(() => gate.waiting === 1, 'the request at the service');
    await svc.close();
    expect(bridge.daemon.registry.get('stuck')).toBeUndefined();
    // Unregistered with the batch unanswered: the daemon fails it rather than leaving it hanging.
    expect((await pending).status).toBe(Status.SERVICE_ERROR);
    gate.release();
  });
});
