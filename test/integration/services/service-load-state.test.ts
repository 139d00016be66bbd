// A ready service reports BUSY while every slot it has is taken and OVERLOADED while its queue is
// full as well, in the control socket's stats and the module's view alike, and READY once it drains.
import { describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { serviceRecords, serviceStats } from '../../../src/daemon/stats.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { Gate } from '../../helpers/gate.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('service load state', () => {
  it('goes READY -> BUSY -> OVERLOADED -> READY with the load', async () => {
    bridge = await start({ serviceConcurrency: 1, queuePerService: 2, queueGlobal: 16, retryMax: 0 });
    const gate = new Gate();
    await bridge.service({
      id: 'gated',
      name: 'gated',
      dimensions: [4],
      maxBatchSize: 1,
      embed: async (inputs) => {
        await gate.wait();
        return inputs.map(() => filled(4, 1));
      },
    });
    const d = bridge.daemon;
    const entry = d.registry.get('gated')!;
    const state = () => serviceStats(d, entry).state;
    const send = () => bridge!.twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 10_000 });
    expect(state()).toBe(ServiceState.READY);

    const results = [send()];
    await until(() => gate.waiting === 1, 'the first request at the service');
    expect(state()).toBe(ServiceState.BUSY);
    results.push(send());
    await until(() => serviceStats(d, entry).queued === 1, 'one queued');
    expect(state()).toBe(ServiceState.BUSY);
    results.push(send());
    await until(() => serviceStats(d, entry).queued === 2, 'the queue full');
    expect(state()).toBe(ServiceState.OVERLOADED);
    expect(serviceRecords(d, [entry])[0]?.state).toBe(ServiceState.OVERLOADED);
    // The registry's own state (which routing reads) is untouched: only the report changes.
    expect(entry.state).toBe(ServiceState.READY);

    gate.release();
    expect((await Promise.all(results)).map((r) => r.status)).toEqual([Status.SUCCESS, Status.SUCCESS, Status.SUCCESS]);
    await until(() => state() === ServiceState.READY, 'READY once drained');
  });
});
