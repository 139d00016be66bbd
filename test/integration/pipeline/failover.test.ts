// Several real SDK services, one failing, one slow and one dying mid-run: every request gets an answer.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { BreakerState } from '../../../src/pipeline/breakers.js';
import { EmbedItemError } from '../../../src/clients/sdk/batch.js';
import type { EmbeddingService } from '../../../src/clients/sdk/service.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('failover', () => {
  it('loses nothing when one service errors, one is slow and one dies mid-run; the erroring one loses its share', async () => {
    bridge = await start({ breakerVolume: 5, breakerErrorPercent: 50, breakerResetMs: 60_000, balancer: 'round-robin' });
    const calls = { good: 0, flaky: 0, slow: 0, dying: 0 };
    const ok = (n: number) => Array.from({ length: n }, () => filled(4, 1));
    await bridge.service({ id: 'good', name: 'good', dimensions: [4], embed: (i) => ((calls.good += i.length), ok(i.length)) });
    await bridge.service({
      id: 'flaky',
      name: 'flaky',
      dimensions: [4],
      embed: (i) => {
        calls.flaky += i.length;
        throw new Error('model crashed');
      },
    });
    await bridge.service({ id: 'slow', name: 'slow', dimensions: [4], embed: async (i) => ((calls.slow += i.length), await sleep(20), ok(i.length)) });
    const dying: EmbeddingService = await bridge.service({
      id: 'dying',
      name: 'dying',
      dimensions: [4],
      embed: async (i) => ((calls.dying += i.length), await sleep(5), ok(i.length)),
    });

    const statuses: number[][] = [];
    for (let wave = 0; wave < 20; wave++) {
      if (wave === 5) void dying.close();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, k) => bridge!.twin.embed({ input: Buffer.from(`w${wave}-${k}`), dimensions: 4, timeoutMs: 5000 })),
      );
      statuses.push(results.map((r) => r.status));
    }
    const all = statuses.flat();
    expect(all).toHaveLength(400);
    // Before the breaker opened, a failure the retry budget (20% of 20 in flight) could not cover is answered SERVICE_ERROR...
    expect(all.filter((s) => s !== Status.SUCCESS && s !== Status.SERVICE_ERROR)).toEqual([]);
    expect(all.filter((s) => s === Status.SERVICE_ERROR).length).toBeLessThan(20);
    // ...and once it is open (5 failed batches: after wave 4), and through the death of another service in wave 5, every request succeeds.
    expect(
      statuses
        .slice(5)
        .flat()
        .filter((s) => s !== Status.SUCCESS),
    ).toEqual([]);
    const router = bridge.daemon.router;
    expect(router.counters.retries).toBeGreaterThan(0);
    expect(router.breakers.state('flaky')).toBe(BreakerState.OPEN);
    // Once open, the flaky service got nothing more: far below the quarter round robin would give it.
    expect(calls.flaky).toBeLessThan(40);
    expect(calls.good + calls.slow).toBeGreaterThan(300);
    expect(bridge.twin.stats().inflight).toBe(0);
    expect(router.inflightCount).toBe(0);
  });

  it('retries within the deadline: when every service fails it answers their status before the timeout', async () => {
    bridge = await start({ retryMax: 3, retryBaseMs: 1, retryMaxMs: 5 });
    let calls = 0;
    await bridge.service({
      id: 'a',
      name: 'a',
      dimensions: [4],
      embed: (i) => ((calls += i.length), i.map(() => new EmbedItemError('busy', Status.OVERLOADED))),
    });
    await bridge.service({
      id: 'b',
      name: 'b',
      dimensions: [4],
      embed: (i) => ((calls += i.length), i.map(() => new EmbedItemError('busy', Status.OVERLOADED))),
    });
    const r = await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 2000 });
    expect(r.status).toBe(Status.OVERLOADED);
    expect(calls).toBe(4);
    expect(bridge.daemon.router.counters.retries).toBe(3);
  });

  it('does not retry a request the service called invalid', async () => {
    bridge = await start();
    let calls = 0;
    await bridge.service({
      id: 'a',
      name: 'a',
      dimensions: [4],
      embed: (i) => ((calls += i.length), i.map(() => new EmbedItemError('bad text', Status.INVALID_REQUEST))),
    });
    await bridge.service({
      id: 'b',
      name: 'b',
      dimensions: [4],
      embed: (i) => ((calls += i.length), i.map(() => new EmbedItemError('bad text', Status.INVALID_REQUEST))),
    });
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.INVALID_REQUEST);
    expect(calls).toBe(1);
    expect(bridge.daemon.router.counters.retries).toBe(0);
  });

  it('keeps retries within the budget when a whole wave fails', async () => {
    bridge = await start({ retryMax: 1, retryBaseMs: 50, retryMaxMs: 50 });
    await bridge.service({
      id: 'a',
      name: 'a',
      dimensions: [4],
      maxBatchSize: 100,
      embed: () => {
        throw new Error('down');
      },
    });
    const results = await Promise.all(Array.from({ length: 100 }, () => bridge!.twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 5000 })));
    expect(results.every((r) => r.status === Status.SERVICE_ERROR)).toBe(true);
    const c = bridge.daemon.router.counters;
    // 20% of 100 in flight.
    expect(c.retries).toBeLessThanOrEqual(20);
    expect(c.retries).toBeGreaterThanOrEqual(3);
    // Every failure was either retried once or refused a retry by the budget.
    expect(c.retries + c.retriesDenied).toBe(100);
    await until(() => bridge!.daemon.router.retry.active === 0, 'retry budget returned');
  });
});
