// Identical requests in flight share one service call; repeats are answered from the cache; stats show both.
import { describe, expect, it } from 'vitest';

import { DataType, Status } from '../../../src/abi/uapi.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { Gate } from '../../helpers/gate.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('response cache and coalescing', () => {
  it('coalesces identical requests, caches the answer, and keys on data type', async () => {
    bridge = await start({ cacheMaxEntries: 100, coalesce: true });
    const gate = new Gate();
    const inputs: string[] = [];
    await bridge.service({
      id: 's',
      name: 's',
      dimensions: [4],
      embed: async (batch) => {
        inputs.push(...batch.map((b) => Buffer.from(b).toString()));
        await gate.wait();
        return batch.map(() => filled(4, 0.5));
      },
    });
    const send = (text: string, dataType: number = DataType.FLOAT32) => bridge!.twin.embed({ input: Buffer.from(text), dimensions: 4, dataType });
    const same = Array.from({ length: 10 }, () => send('same text'));
    const other = send('other text');
    await until(() => inputs.length === 2, 'two distinct inputs at the service');
    gate.release();
    const results = await Promise.all([...same, other]);
    expect(results.map((r) => r.status)).toEqual(new Array(11).fill(Status.SUCCESS));
    for (const r of results) expect(Buffer.from(r.vector!)).toEqual(Buffer.from(filled(4, 0.5).buffer));
    expect(inputs.sort()).toEqual(['other text', 'same text']);

    // Answered from the cache: the service is not asked again.
    expect((await send('same text')).status).toBe(Status.SUCCESS);
    expect(inputs).toHaveLength(2);
    // Another data type is another key.
    const f16 = await send('same text', DataType.FLOAT16);
    expect(f16.status).toBe(Status.SUCCESS);
    expect(f16.vector?.length).toBe(8);
    expect(inputs).toHaveLength(3);

    const client = await ControlClient.connect(bridge.daemon.config.controlSocket);
    try {
      const stats = await client.stats();
      expect(stats).toMatchObject({ cacheCoalesced: 9, cacheHits: 1, cacheEntries: 3, transport: 'twin', inflight: 0 });
      // Every lookup that found nothing: ten identical, the other text, the float16 one.
      expect(stats.cacheMisses).toBe(12);
      expect(stats.succeeded).toBe(13);
      expect(stats.services).toHaveLength(1);
      expect(stats.services[0]).toMatchObject({ id: 's', health: 100, breaker: 'closed', active: 0, queued: 0, total: 3 });
      expect(stats.queuedByLevel).toEqual([0, 0, 0, 0]);
    } finally {
      client.close();
    }
    // Per-request metrics credit coalesced requests to the service that answered their leader, hits to the cache.
    const counted = (service: string) =>
      [...(bridge!.daemon.router.metrics.services.get(service)?.byModel.values() ?? [])].reduce((n, c) => n + c.reduce((a, b) => a + b, 0), 0);
    expect(counted('s')).toBe(12);
    expect(counted('(cache)')).toBe(1);
    expect(bridge.daemon.router.metrics.services.has('(none)')).toBe(false);
  });

  it('hands a coalesced call over when the request that made it is cancelled', async () => {
    bridge = await start({ coalesce: true });
    const gate = new Gate();
    let calls = 0;
    await bridge.service({ id: 's', name: 's', dimensions: [4], embed: async (b) => ((calls += b.length), await gate.wait(), b.map(() => filled(4, 1))) });
    const abort = new AbortController();
    const first = bridge.twin.embed({ input: Buffer.from('t'), dimensions: 4, signal: abort.signal });
    await until(() => calls === 1, 'first at the service');
    const second = bridge.twin.embed({ input: Buffer.from('t'), dimensions: 4 });
    await until(() => bridge!.daemon.router.cache.counters.coalesced === 1, 'second coalesced');
    abort.abort();
    expect((await first).status).toBe(Status.CANCELLED);
    await until(() => calls === 2, 'the waiting request sent on its own');
    gate.release();
    expect((await second).status).toBe(Status.SUCCESS);
  });
});

describe('response cache scope', () => {
  it('shares answers only between requests of the same caller uid, unless shared; a leaving service takes its entries', async () => {
    bridge = await start({ cacheMaxEntries: 100 });
    let calls = 0;
    const svc = await bridge.service({
      id: 'scoped',
      name: 'scoped',
      dimensions: [4],
      embed: (batch) => {
        calls += batch.length;
        return batch.map(() => filled(4, 1));
      },
    });
    const send = (uid: number) => bridge!.twin.embed({ input: Buffer.from('secret text'), dimensions: 4, uid });
    expect((await send(1000)).status).toBe(Status.SUCCESS);
    expect((await send(1000)).status).toBe(Status.SUCCESS);
    expect(calls).toBe(1);
    // Another user's identical input is not answered from the first user's entry.
    expect((await send(1001)).status).toBe(Status.SUCCESS);
    expect(calls).toBe(2);
    expect(bridge.daemon.router.cache.size).toBe(2);
    await svc.close({ drainMs: 0 });
    await until(() => bridge!.daemon.registry.get('scoped') === undefined, 'the service to leave');
    expect(bridge.daemon.router.cache.size).toBe(0);
  });

  it('shares answers across callers with cacheScope shared', async () => {
    bridge = await start({ cacheMaxEntries: 100, cacheScope: 'shared' });
    let calls = 0;
    await bridge.service({ id: 'shared', name: 'shared', dimensions: [4], embed: (batch) => ((calls += batch.length), batch.map(() => filled(4, 1))) });
    await bridge.twin.embed({ input: Buffer.from('t'), dimensions: 4, uid: 1 });
    await bridge.twin.embed({ input: Buffer.from('t'), dimensions: 4, uid: 2 });
    expect(calls).toBe(1);
  });
});
