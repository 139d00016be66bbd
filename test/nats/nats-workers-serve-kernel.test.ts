// Embedding workers on NATS serve kernel requests like local services — discovered,
// their tokens checked, balanced per instance (or as one queue-group pool), and failed over
// within the deadline when one is killed or hangs; every request answered exactly once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Status } from '../../src/abi/uapi.js';
import { BreakerState } from '../../src/pipeline/breakers.js';
import { filled, useBridge } from '../helpers/bridge.js';
import { Subjects } from '../../src/services/nats/subjects.js';
import { client, mintToken, natsSettings, readyWorkers, startWorker, untilWorkers, useNats } from '../helpers/nats-bridge.js';
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

  it('as a queue-group pool: one service for all instances of a worker service, served by all', async () => {
    const server = await nats.server();
    const bridge = await start({ ...natsSettings(server, 'h1', { natsTrustWorkers: true, natsPool: true }) });
    const pool = [];
    for (const i of [1, 2]) pool.push(nats.keep(await startWorker(server, { id: 'pooled', maxBatchSize: 2, embed: maker(i) })));
    await untilWorkers(bridge, 'pooled', 1);
    // Both members hold the pool's key (and so are in its queue group).
    await until(() => bridge.daemon.natsNode!.workers.members('pooled') === 2, 'both pool members verified');
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

  it('in pool mode only token-verified members can read batches: a refused worker and a rogue queue subscriber get ciphertext, and their answers do not count', async () => {
    const server = await nats.server();
    const bridge = await start({
      ...natsSettings(server, 'h1', { natsPool: true, breakerResetMs: 200 }),
      stateDir: mkdtempSync(join(tmpdir(), 'vexfs-state-')),
    });
    const token = await mintToken(bridge, 'pooled', ['*']);
    nats.keep(await startWorker(server, { id: 'pooled', token, embed: maker(1) }));
    await untilWorkers(bridge, 'pooled', 1);
    // A worker without a token joins the same queue group, and so does a plain client recording what it gets.
    let refusedCalls = 0;
    const refusedWorker = nats.keep(
      await startWorker(server, {
        id: 'pooled',
        embed: (inputs, o) => {
          refusedCalls += inputs.length;
          return maker(9)(inputs, o);
        },
      }),
    );
    const rogue = nats.keepClient(await client(server));
    const stolen: Uint8Array[] = [];
    const rogueSub = rogue.subscribe(Subjects.pool('pooled'), {
      queue: Subjects.queueGroup('pooled'),
      callback: (_e, m) => {
        stolen.push(m.data);
        m.respond(new Uint8Array([8, 1, 18, 0]));
      },
    });
    await rogue.flush();
    const breakers = bridge.daemon.router.breakers;
    // Rounds until the rogue has taken something (NATS picks queue members at random).
    const texts: string[] = [];
    const results: Array<{ status: number; vector?: Buffer | undefined }> = [];
    for (let round = 0; round < 50 && stolen.length === 0; round++) {
      const batch = Array.from({ length: 8 }, (_, i) => `secret-file-${round}-line-${i}`);
      texts.push(...batch);
      results.push(...(await Promise.all(batch.map((t) => bridge.twin.embed({ input: Buffer.from(t), dimensions: 8, timeoutMs: 8000 })))));
      await until(() => breakers.allows('pooled'), "the pool's breaker ready again");
    }
    // Every vector came from the verified member; a batch the others took failed (their answers do not open), never with a forged vector.
    for (const r of results) {
      expect([Status.SUCCESS, Status.SERVICE_ERROR, Status.NO_SERVICE]).toContain(r.status);
      if (r.status === Status.SUCCESS) expect(firstValue(r.vector)).toBe(1);
    }
    expect(refusedCalls).toBe(0);
    expect(stolen.length).toBeGreaterThan(0);
    const seen = Buffer.concat(stolen).toString('latin1');
    for (const t of texts) expect(seen).not.toContain(t);
    // Taking batches from the queue group is still a denial of service that only NATS permissions prevent: without the others, all is served.
    rogueSub.unsubscribe();
    await refusedWorker.close({ drainMs: 0 });
    await rogue.flush();
    // The failures opened the pool's breaker: a trial batch closes it again.
    await until(() => breakers.allows('pooled'), "the pool's breaker ready for a trial");
    expect((await bridge.twin.embed({ input: Buffer.from('trial'), dimensions: 8, timeoutMs: 8000 })).status).toBe(Status.SUCCESS);
    await until(() => breakers.state('pooled') === BreakerState.CLOSED, "the pool's breaker closed");
    const after = await Promise.all(texts.slice(0, 40).map((t) => bridge.twin.embed({ input: Buffer.from(t), dimensions: 8, timeoutMs: 8000 })));
    expect(after.map((r) => r.status)).toEqual(Array(after.length).fill(Status.SUCCESS));
  });
});
