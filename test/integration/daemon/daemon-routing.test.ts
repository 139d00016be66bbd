// Kernel requests through the real daemon (twin mode) to real SDK services over Unix sockets.
import { describe, expect, it } from 'vitest';

import { DataType, Status } from '../../../src/abi/uapi.js';
import { convertVector } from '../../../src/kernel-side/messages/vectors.js';
import { EmbedItemError } from '../../../src/clients/sdk/batch.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;

const text = (s: string) => Buffer.from(s);

describe('daemon routing', () => {
  it('routes by dimensions and model, and returns the service vector', async () => {
    bridge = await start();
    await bridge.service({ id: 'small', name: 'small', dimensions: [4], models: ['m-small'], embed: (inputs) => inputs.map(() => filled(4, 0.25)) });
    await bridge.service({ id: 'big', name: 'big', dimensions: [8, 16], models: ['m-big'], embed: (inputs, o) => inputs.map(() => filled(o.dimensions, 0.5)) });
    const a = await bridge.twin.embed({ input: text('x'), dimensions: 4, model: 'm-small' });
    expect(a.status).toBe(Status.SUCCESS);
    expect(new Float32Array(a.vector!.buffer, a.vector!.byteOffset, 4)).toEqual(filled(4, 0.25));
    const b = await bridge.twin.embed({ input: text('x'), dimensions: 16 });
    expect(b.status).toBe(Status.SUCCESS);
    expect(b.vector?.length).toBe(64);
    expect(new Float32Array(b.vector!.buffer, b.vector!.byteOffset, 16)[0]).toBe(0.5);
  });

  it('answers NO_SERVICE and MODEL_NOT_FOUND with a specific status', async () => {
    bridge = await start();
    expect((await bridge.twin.embed({ input: text('x'), dimensions: 4 })).status).toBe(Status.NO_SERVICE);
    await bridge.service({ id: 's', name: 's', dimensions: [4], models: ['m1'], dataTypes: 1 << DataType.FLOAT32, embed: (i) => i.map(() => filled(4, 0)) });
    expect((await bridge.twin.embed({ input: text('x'), dimensions: 5 })).status).toBe(Status.NO_SERVICE);
    expect((await bridge.twin.embed({ input: text('x'), dimensions: 4, model: 'm2' })).status).toBe(Status.MODEL_NOT_FOUND);
    expect((await bridge.twin.embed({ input: text('x'), dimensions: 4, dataType: DataType.INT8 })).status).toBe(Status.NO_SERVICE);
    const c = bridge.daemon.router.counters;
    expect(c.byStatus[Status.NO_SERVICE]).toBe(3);
    expect(c.byStatus[Status.MODEL_NOT_FOUND]).toBe(1);
  });

  it('spreads requests over equivalent services and batches them', async () => {
    bridge = await start();
    const seen = { a: 0, b: 0 };
    const batchSizes: number[] = [];
    await bridge.service({ id: 'a', name: 'a', dimensions: [4], embed: (i) => ((seen.a += i.length), batchSizes.push(i.length), i.map(() => filled(4, 1))) });
    await bridge.service({ id: 'b', name: 'b', dimensions: [4], embed: (i) => ((seen.b += i.length), batchSizes.push(i.length), i.map(() => filled(4, 1))) });
    const results = await Promise.all(Array.from({ length: 400 }, () => bridge!.twin.embed({ input: text('x'), dimensions: 4 })));
    expect(results.every((r) => r.status === Status.SUCCESS)).toBe(true);
    expect(seen.a + seen.b).toBe(400);
    expect(Math.abs(seen.a - seen.b)).toBeLessThanOrEqual(2);
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
  });

  it('converts the float32 answer to the data type the kernel asked for', async () => {
    bridge = await start();
    const values = new Float32Array([0.5, -0.25, 1.5, -2, 0.1, 0, -0.1, 0.75, 0.3]);
    await bridge.service({ id: 's', name: 's', dimensions: [9], embed: (i) => i.map(() => values.slice()) });
    const bytes = new Uint8Array(values.buffer);
    for (const dtype of [DataType.FLOAT32, DataType.FLOAT16, DataType.INT8, DataType.INT16, DataType.BINARY]) {
      const r = await bridge.twin.embed({ input: text('x'), dimensions: 9, dataType: dtype });
      expect(r.status).toBe(Status.SUCCESS);
      expect(new Uint8Array(r.vector!)).toEqual(new Uint8Array(convertVector(bytes, 9, dtype)));
    }
  });

  it('maps service errors to statuses: per item, whole batch, and malformed vectors', async () => {
    bridge = await start();
    await bridge.service({
      id: 's',
      name: 's',
      dimensions: [4, 8, 12],
      embed: (inputs, o) => {
        if (o.dimensions === 8) throw new Error('model crashed');
        if (o.dimensions === 12) return inputs.map(() => filled(3, 0));
        return inputs.map((i) => (i[0] === 0x62 ? new EmbedItemError('bad input', Status.INVALID_REQUEST) : i[0] === 0x63 ? new Error('boom') : filled(4, 0)));
      },
    });
    expect((await bridge.twin.embed({ input: text('a'), dimensions: 4 })).status).toBe(Status.SUCCESS);
    expect((await bridge.twin.embed({ input: text('b'), dimensions: 4 })).status).toBe(Status.INVALID_REQUEST);
    expect((await bridge.twin.embed({ input: text('c'), dimensions: 4 })).status).toBe(Status.SERVICE_ERROR);
    expect((await bridge.twin.embed({ input: text('a'), dimensions: 8 })).status).toBe(Status.SERVICE_ERROR);
    expect((await bridge.twin.embed({ input: text('a'), dimensions: 12 })).status).toBe(Status.SERVICE_ERROR);
  });

  it('answers TIMEOUT at the deadline and discards the late result', async () => {
    bridge = await start();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await bridge.service({ id: 'slow', name: 'slow', dimensions: [4], embed: async (i) => (await gate, i.map(() => filled(4, 1))) });
    const r = await bridge.twin.embed({ input: text('x'), dimensions: 4, timeoutMs: 50 });
    expect(r.status).toBe(Status.TIMEOUT);
    release();
    await until(() => bridge!.daemon.router.counters.lateResults === 1, 'the late result to be counted');
    expect(bridge.daemon.router.inflightCount).toBe(0);
  });

  it('drops a request the kernel cancels', async () => {
    bridge = await start();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    await bridge.service({ id: 'slow', name: 'slow', dimensions: [4], embed: async (i) => (calls++, await gate, i.map(() => filled(4, 1))) });
    const ac = new AbortController();
    const p = bridge.twin.embed({ input: text('x'), dimensions: 4, signal: ac.signal, timeoutMs: 10_000 });
    await until(() => calls === 1, 'the service to get the request');
    ac.abort();
    expect((await p).status).toBe(Status.CANCELLED);
    await until(() => bridge!.daemon.router.counters.cancelled === 1, 'the daemon to drop it');
    release();
    await until(() => bridge!.daemon.router.counters.lateResults === 1, 'the result to be discarded');
    expect(bridge.twin.stats().responsesLate).toBe(0);
  });

  it('fails in-flight requests of a service that dies, and reconnects when it returns', async () => {
    bridge = await start();
    const endpoint = `unix:${bridge.dir}/phoenix.sock`;
    const gate = new Promise<void>(() => {});
    let calls = 0;
    const first = await bridge.service({
      id: 'phoenix',
      name: 'p',
      dimensions: [4],
      endpoint,
      embed: async (i) => (calls++, await gate, i.map(() => filled(4, 1))),
    });
    const inflight = bridge.twin.embed({ input: text('x'), dimensions: 4, timeoutMs: 10_000 });
    await until(() => calls === 1, 'the request to reach the service');
    // Kill the service's sockets without unregistering (as a crash would).
    for (const s of (first as unknown as { connections: Map<import('node:net').Socket, unknown> }).connections.keys()) s.destroy();
    expect((await inflight).status).toBe(Status.SERVICE_ERROR);
    await until(() => bridge!.daemon.registry.get('phoenix')?.state === 1, 'the daemon to reconnect');
    const r = await bridge.twin.embed({ input: text('x'), dimensions: 4, timeoutMs: 200 });
    expect(r.status).toBe(Status.TIMEOUT); // reconnected to the same (still stuck) service
  });

  it('answers OVERLOADED past its in-flight limit', async () => {
    bridge = await start({ maxInflight: 2 });
    const gate = new Promise<void>(() => {});
    await bridge.service({ id: 'stuck', name: 'stuck', dimensions: [4], embed: async (i) => (await gate, i.map(() => filled(4, 1))) });
    const held = [
      bridge.twin.embed({ input: text('x'), dimensions: 4, timeoutMs: 300 }),
      bridge.twin.embed({ input: text('x'), dimensions: 4, timeoutMs: 300 }),
    ];
    expect((await bridge.twin.embed({ input: text('x'), dimensions: 4 })).status).toBe(Status.OVERLOADED);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([Status.TIMEOUT, Status.TIMEOUT]);
  });

  it('unregisters a service when its control connection closes', async () => {
    bridge = await start();
    const svc = await bridge.service({ id: 'gone', name: 'gone', dimensions: [4], embed: (i) => i.map(() => filled(4, 1)) });
    await svc.close();
    await until(() => bridge!.daemon.registry.get('gone') === undefined, 'unregistration');
    expect((await bridge.twin.embed({ input: text('x'), dimensions: 4 })).status).toBe(Status.NO_SERVICE);
  });
});
