// Issue 16: embedding workers on NATS serve kernel requests like local services — discovered,
// their tokens checked, balanced per instance (or as one queue-group pool), and failed over
// within the deadline when one is killed or hangs; every request answered exactly once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Status } from '../../src/abi/uapi.js';
import { filled, useBridge } from '../helpers/bridge.js';
import { mintToken, natsSettings, readyWorkers, startWorker, untilWorkers, useNats } from '../helpers/nats-bridge.js';
import { until } from '../helpers/wait.js';

const start = useBridge();
const nats = useNats();

/** The first value of each vector says which worker made it. */
function maker(index: number) {
  return (inputs: Uint8Array[], o: { dimensions: number }) => inputs.map(() => filled(o.dimensions, index));
}

const firstValue = (v: Buffer | undefined) => (v === undefined ? Number.NaN : v.readFloatLE(0));

describe('NATS workers', () => {
  it('register with a token covering their claims, serve kernel requests balanced across instances; claims past a token are refused', async () => {
    const server = await nats.server();
    // The daemon mints tokens from its state directory.
    const withTokens = await start({ ...natsSettings(server, 'h1'), stateDir: mkdtempSync(join(tmpdir(), 'vexfs-state-')) });
    const token = await mintToken(withTokens, 'remote', ['hash']);
    for (const i of [1, 2]) nats.keep(await startWorker(server, { id: 'remote', models: ['hash'], token, embed: maker(i) }));
    // No token; a token for another id; a model the token does not cover.
    nats.keep(await startWorker(server, { id: 'rogue', models: ['hash'], embed: maker(9) }));
    nats.keep(await startWorker(server, { id: 'other', models: ['hash'], token, embed: maker(9) }));
    nats.keep(await startWorker(server, { id: 'remote', models: ['gpt'], token, embed: maker(9) }));
    const refused: string[] = [];
    withTokens.daemon.natsNode!.workers.on('refused', (service, _i, err) => refused.push(`${service}: ${err.message}`));
    await untilWorkers(withTokens, 'remote', 2);
    await until(() => refused.length >= 3, 'three workers refused');
    expect(refused.sort()).toEqual([
      expect.stringMatching(/^other: token .* allows service ids "remote", not "other"/),
      expect.stringMatching(/^remote: token .* allows models hash, not "gpt"/),
      expect.stringMatching(/^rogue: the worker presented no registration token/),
    ]);
    expect(withTokens.daemon.registry.list().map((e) => e.info.id)).toEqual(readyWorkers(withTokens, 'remote'));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => withTokens.twin.embed({ input: Buffer.from(`text ${i}`), dimensions: 8, model: 'hash' })),
    );
    expect(results.every((r) => r.status === Status.SUCCESS)).toBe(true);
    const by = new Set(results.map((r) => firstValue(r.vector)));
    expect([...by].sort()).toEqual([1, 2]);
    // Listed like any service, with its NATS instance.
    const entry = withTokens.daemon.registry.list()[0]!;
    expect(entry.info.endpoint).toBe(`nats:${entry.info.id}`);
    expect(entry.info.metadata.nats).toBe(entry.info.id.split('.')[1]);
    // Its process's load arrives with discovery's $SRV.STATS, as a Unix service's heartbeat carries it.
    await until(() => entry.rssKib > 0, "the worker's memory reported");
    expect(entry.rssKib * 1024).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('a killed worker: what it held fails over to the other within the deadline, each request answered once', async () => {
    const server = await nats.server();
    const bridge = await start({ ...natsSettings(server, 'h1', { natsTrustWorkers: true }) });
    let release: () => void = () => {};
    const stuck = new Promise<void>((r) => {
      release = r;
    });
    const hung = await startWorker(server, {
      id: 'remote',
      maxBatchSize: 4,
      embed: async (inputs, o) => {
        await stuck;
        return maker(1)(inputs, o);
      },
    });
    await untilWorkers(bridge, 'remote', 1);
    const healthy = await startWorker(server, { id: 'remote', maxBatchSize: 4, embed: maker(2) });
    nats.keep(healthy);
    await untilWorkers(bridge, 'remote', 2);
    const hungId = bridge.daemon.registry.list().find((e) => e.info.metadata.nats === hung.natsInstance)!.info.id;
    const answers = new Map<bigint, number>();
    const pending = Array.from({ length: 40 }, (_, i) =>
      bridge.twin.embed({ input: Buffer.from(`t${i}`), dimensions: 8, timeoutMs: 8000 }).then((r) => {
        answers.set(r.requestId, (answers.get(r.requestId) ?? 0) + 1);
        return r;
      }),
    );
    await until(() => (bridge.daemon.registry.get(hungId)?.active ?? 0) > 0, 'the hung worker holding requests');
    // Killed: its connection dies without a word (no drain, no stopping message).
    await (hung as unknown as { worker: { nc: { close(): Promise<void> } } }).worker.nc.close();
    const results = await Promise.all(pending);
    release();
    expect(results.map((r) => r.status)).toEqual(results.map(() => Status.SUCCESS));
    expect(results.every((r) => firstValue(r.vector) === 2)).toBe(true);
    expect([...answers.values()].every((n) => n === 1)).toBe(true);
    expect(answers.size).toBe(40);
    // Discovery lets it go.
    await until(() => bridge.daemon.registry.get(hungId) === undefined, 'the killed worker unregistered');
  });

  it('a worker that stops gracefully answers what it holds and leaves at once', async () => {
    const server = await nats.server();
    const bridge = await start({ ...natsSettings(server, 'h1', { natsTrustWorkers: true, natsDiscoveryMs: 5000 }) });
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const w = await startWorker(server, {
      id: 'remote',
      embed: async (inputs, o) => {
        await slow;
        return maker(3)(inputs, o);
      },
    });
    void bridge.daemon.natsNode!.workers.discover();
    await untilWorkers(bridge, 'remote', 1);
    const pending = Array.from({ length: 5 }, (_, i) => bridge.twin.embed({ input: Buffer.from(`s${i}`), dimensions: 8, timeoutMs: 8000 }));
    const id = readyWorkers(bridge, 'remote')[0]!;
    await until(() => (bridge.daemon.registry.get(id)?.active ?? 0) === 5, 'the worker holding five requests');
    const closing = w.close({ drainMs: 5000 });
    await until(() => bridge.daemon.registry.get(id)?.state === 4, 'the worker stopping');
    release();
    await closing;
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual(Array(5).fill(Status.SUCCESS));
    // Gone from the registry once drained, long before the next discovery round.
    await until(() => bridge.daemon.registry.get(id) === undefined, 'the drained worker unregistered', 2000);
  });

  it('pool mode will not start unless told that NATS permissions decide who receives batches (a queue group takes no token check)', async () => {
    const server = await nats.server();
    await expect(start({ ...natsSettings(server, 'h1', { natsPool: true }) })).rejects.toThrow(
      /natsPool: in pool mode batches \(file contents\) go to queue group .* whatever its token: set natsPoolPermissionsDecide/,
    );
  });

  it('as a queue-group pool: one service for all instances of a worker service, served by all', async () => {
    const server = await nats.server();
    const bridge = await start({ ...natsSettings(server, 'h1', { natsTrustWorkers: true, natsPool: true, natsPoolPermissionsDecide: true }) });
    const pool = [];
    for (const i of [1, 2]) pool.push(nats.keep(await startWorker(server, { id: 'pooled', maxBatchSize: 2, embed: maker(i) })));
    await untilWorkers(bridge, 'pooled', 1);
    expect(bridge.daemon.registry.get('pooled')?.info.metadata.nats).toBe('pool');
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => bridge.twin.embed({ input: Buffer.from(`p${i}`), dimensions: 8 })));
    expect(results.every((r) => r.status === Status.SUCCESS)).toBe(true);
    expect(new Set(results.map((r) => firstValue(r.vector)))).toEqual(new Set([1, 2]));
    // One instance leaving does not take the pool's registration with it.
    await pool[0]!.close({ drainMs: 0 });
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => bridge.twin.embed({ input: Buffer.from(`q${i}`), dimensions: 8 })));
    expect(after.every((r) => r.status === Status.SUCCESS)).toBe(true);
    expect(bridge.daemon.registry.get('pooled')).toBeDefined();
  });
});
