// Discovery against hostile bus clients (a real nats-server): a client that answers
// $SRV.STATS every 100 ms cannot hold a round open, floods and malformed answers cost only
// themselves, an answer naming a real instance under another service is no heartbeat, and a
// forged stopping notice does not take a worker out of rotation.
import type { NatsConnection } from '@nats-io/nats-core';
import { describe, expect, it } from 'vitest';

import { Status } from '../../src/abi/uapi.js';
import type { DaemonConfig } from '../../src/daemon/config.js';
import { Subjects } from '../../src/services/nats/subjects.js';
import { filled, useBridge } from '../helpers/bridge.js';
import { client, natsSettings, readyWorkers, startWorker, untilWorkers, useNats } from '../helpers/nats-bridge.js';
import { until } from '../helpers/wait.js';

const start = useBridge();
const nats = useNats();

const embed = (inputs: Uint8Array[], o: { dimensions: number }) => inputs.map(() => filled(o.dimensions, 1));

describe('NATS discovery among hostile bus clients', () => {
  /** A bus client answering $SRV.STATS: `burst` answers at once, then one every 50 ms for ever (the stall). */
  function rogueAnswerer(rogue: NatsConnection, burst: string[], timers: NodeJS.Timeout[]): void {
    rogue.subscribe('$SRV.STATS.vexfs-embed', {
      callback: (_err, msg) => {
        const reply = msg.reply;
        if (reply === undefined) return;
        for (const answer of burst) rogue.publish(reply, answer);
        timers.push(setInterval(() => rogue.publish(reply, JSON.stringify({ id: 'stall', metadata: { service: 'fake' } })), 50));
      },
    });
  }

  async function servedDespiteRogue(burst: string[]): Promise<string[]> {
    const server = await nats.server();
    const timers: NodeJS.Timeout[] = [];
    rogueAnswerer(nats.keepClient(await client(server)), burst, timers);
    try {
      // The default round length (the stall then exceeds the answerer's pace).
      const bridge = await start({ ...natsSettings(server, 'h1', { natsTrustWorkers: true, natsDiscoveryMs: 1000 }) });
      const noise: string[] = [];
      bridge.daemon.natsNode!.workers.on('noise', (what) => noise.push(what));
      // Rounds end by their deadline: several of them complete while the rogue keeps answering.
      for (let i = 0; i < 3; i++) await bridge.daemon.natsNode!.workers.discover();
      nats.keep(await startWorker(server, { id: 'real', embed }));
      await untilWorkers(bridge, 'real', 1);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bridge.twin.embed({ input: Buffer.from(`t${i}`), dimensions: 8 })));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(Status.SUCCESS));
      // Still there rounds later: the rogue's answers did not make it miss rounds.
      const id = readyWorkers(bridge, 'real')[0]!;
      for (let i = 0; i < 4; i++) await bridge.daemon.natsNode!.workers.discover();
      expect(bridge.daemon.registry.get(id)?.unhealthy).toBe(false);
      expect(readyWorkers(bridge, 'real')).toEqual([id]);
      return noise;
    } finally {
      for (const t of timers) clearInterval(t);
    }
  }

  it('an answerer that never stops (one answer every 50 ms) does not hold a round open', async () => {
    await servedDespiteRogue([]);
  });

  it('malformed answers and a flood past the bound cost only themselves; a known worker is asked on its own subject', async () => {
    const malformed = ['x', 'null', '{"id":"a","metadata":{"service":"s"},"endpoints":5}', '{"id":"a.b","metadata":{"service":"s"}}'];
    const flood = Array.from({ length: 1500 }, (_, i) => JSON.stringify({ id: `fake${i}`, metadata: { service: 'fake' }, endpoints: [] }));
    const noise = await servedDespiteRogue([...malformed, ...flood]);
    expect(noise).toContain('malformed $SRV.STATS answers');
    expect(noise.some((w) => w.startsWith('$SRV.STATS answers past'))).toBe(true);
  });

  /** A daemon with one worker of "real" registered; `noise` collects what discovery ignored from then on. */
  async function oneWorker(settings: Partial<DaemonConfig>) {
    const server = await nats.server();
    const daemon = await start({ ...natsSettings(server, 'h1', settings) });
    const worker = await startWorker(server, { id: 'real', embed });
    await untilWorkers(daemon, 'real', 1);
    const id = readyWorkers(daemon, 'real')[0]!;
    const noise: string[] = [];
    daemon.daemon.natsNode!.workers.on('noise', (what) => noise.push(what));
    return { server, bridge: Object.assign(daemon, { worker }), id, instance: id.split('.')[1]!, noise };
  }

  it('a stopping notice without the worker’s key is ignored; the worker keeps serving', async () => {
    const { server, bridge, id, instance, noise } = await oneWorker({ natsTrustWorkers: true });
    nats.keep(bridge.worker);
    const rogue = nats.keepClient(await client(server));
    rogue.publish(Subjects.stopping('real', instance), JSON.stringify({ drainMs: 0 }));
    rogue.publish(Subjects.stopping('real', instance), JSON.stringify({ drainMs: 0, key: 'guessed-key-guessed-key' }));
    await until(() => noise.length >= 2, 'both forged notices seen');
    expect(noise.every((w) => w.includes("without the worker's key"))).toBe(true);
    expect(readyWorkers(bridge, 'real')).toEqual([id]);
    const r = await bridge.twin.embed({ input: Buffer.from('still'), dimensions: 8 });
    expect(r.status).toBe(Status.SUCCESS);
  });

  it('a $SRV.STATS answer naming a real instance under another service is not its heartbeat', async () => {
    const { server, bridge, id, instance, noise } = await oneWorker({ natsTrustWorkers: true, natsWorkerMissedRounds: 2 });
    const w = bridge.worker;
    // The worker's NATS connection goes without a word (as in a crash); the rogue answers for its instance id.
    const rogue = nats.keepClient(await client(server));
    rogue.subscribe('$SRV.STATS.vexfs-embed', {
      callback: (_err, msg) => {
        msg.respond(JSON.stringify({ id: instance, metadata: { service: 'other' } }));
      },
    });
    await rogue.flush();
    await (w as unknown as { worker: { nc: { close(): Promise<void> } } }).worker.nc.close();
    await until(() => bridge.daemon.registry.get(id) === undefined, 'the silent worker unregistered despite the rogue', 10_000);
    expect(noise.some((what) => what.includes('under another service'))).toBe(true);
  });
});
