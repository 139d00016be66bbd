// Active health checks: unhealthy after 3 failed checks, healthy after 2 passed; traffic moves meanwhile.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('active health checks', () => {
  it('takes a service out after three failed checks and back after two good ones', async () => {
    bridge = await start({ healthCheckIntervalMs: 20, healthCheckTimeoutMs: 15 });
    let healthy = true;
    const answers: boolean[] = [];
    const calls = { sick: 0, other: 0 };
    await bridge.service({
      id: 'sick',
      name: 'sick',
      dimensions: [4],
      healthCheck: () => (answers.push(healthy), healthy),
      embed: (i) => ((calls.sick += i.length), i.map(() => filled(4, 1))),
    });
    await bridge.service({ id: 'other', name: 'other', dimensions: [4], embed: (i) => ((calls.other += i.length), i.map(() => filled(4, 2))) });
    const entry = bridge.daemon.registry.get('sick')!;
    await until(() => answers.length >= 2, 'checks running');

    healthy = false;
    const from = answers.length;
    await until(() => entry.checkFailing, 'marked failing');
    // Three failed answers in a row were needed (a check in flight when the flag flipped may add one).
    expect(answers.slice(from).filter((a) => !a).length).toBeGreaterThanOrEqual(3);
    expect(bridge.daemon.router.dispatch.health(entry)).toBe(0);
    calls.sick = 0;
    const results = await Promise.all(Array.from({ length: 30 }, () => bridge!.twin.embed({ input: Buffer.from('x'), dimensions: 4 })));
    expect(results.every((r) => r.status === Status.SUCCESS)).toBe(true);
    expect(calls.sick).toBe(0);

    healthy = true;
    const back = answers.length;
    await until(() => !entry.checkFailing, 'healthy again');
    expect(answers.slice(back).filter((a) => a).length).toBeGreaterThanOrEqual(2);
    expect(bridge.daemon.router.dispatch.health(entry)).toBe(100);
  });

  it('counts a check that is not answered in time as failed', async () => {
    bridge = await start({ healthCheckIntervalMs: 20, healthCheckTimeoutMs: 10 });
    await bridge.service({
      id: 'stuck',
      name: 'stuck',
      dimensions: [4],
      healthCheck: () => new Promise<boolean>(() => {}),
      embed: (i) => i.map(() => filled(4, 1)),
    });
    const entry = bridge.daemon.registry.get('stuck')!;
    await until(() => entry.checkFailing, 'marked failing');
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.NO_SERVICE);
  });
});
