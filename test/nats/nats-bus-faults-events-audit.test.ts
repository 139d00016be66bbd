// The daemon on a NATS bus that fails — the server killed and restarted, a worker that
// answers garbage — answers every kernel request exactly once with a specific status, comes back
// with its workers, shows the connection in stats and metrics, and puts its events and audit
// records on the bus (the audit stream durable in JetStream).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { jetstream } from '@nats-io/jetstream';
import type { Msg } from '@nats-io/nats-core';
import { Svcm } from '@nats-io/services';
import { describe, expect, it } from 'vitest';

import { Status } from '../../src/abi/uapi.js';
import { Headers, Op, Subjects, WORKER_PROTOCOL_VERSION, WORKER_SERVICE_NAME } from '../../src/services/nats/subjects.js';
import { decodeServiceFrame, encodeControlRequest, encodeServiceFrame } from '../../src/services/wire/proto.js';
import { filled, useBridge } from '../helpers/bridge.js';
import { client, natsSettings, startWorker, untilWorkers, useNats } from '../helpers/nats-bridge.js';
import { until } from '../helpers/wait.js';

const start = useBridge();
const nats = useNats();

const fill = (inputs: Uint8Array[], o: { dimensions: number }) => inputs.map(() => filled(o.dimensions, 1));

describe('the daemon on a failing NATS bus', () => {
  it('NATS killed and restarted: each request gets one specific answer, the connection and the workers come back, stats and metrics say so', async () => {
    const server = await nats.server();
    const bridge = await start(natsSettings(server, 'h1', { natsTrustWorkers: true }));
    nats.keep(await startWorker(server, { id: 'remote', embed: fill }));
    await untilWorkers(bridge, 'remote', 1);
    const node = bridge.daemon.natsNode!;
    await server.stop(true);
    await until(() => node.bus.state === 'reconnecting', 'the daemon reconnecting');
    const during = await Promise.all(Array.from({ length: 10 }, (_, i) => bridge.twin.embed({ input: Buffer.from(`d${i}`), dimensions: 8, timeoutMs: 1500 })));
    // No worker can be reached: said so, not left to hang.
    expect(new Set(during.map((r) => r.status))).toEqual(new Set([Status.NO_SERVICE]));
    await server.start();
    await until(() => node.bus.state === 'connected', 'the daemon reconnected', 15_000);
    await untilWorkers(bridge, 'remote', 1, 15_000);
    const after = await Promise.all(Array.from({ length: 10 }, (_, i) => bridge.twin.embed({ input: Buffer.from(`a${i}`), dimensions: 8 })));
    expect(after.map((r) => r.status)).toEqual(Array(10).fill(Status.SUCCESS));
    expect(node.status).toMatchObject({ host: 'h1', state: 'connected', disconnects: 1, reconnects: 1 });
    const m = bridge.daemon.metricsAddress!;
    const text = await (await fetch(`http://${m.host}:${m.port}/metrics`)).text();
    expect(text).toMatch(/vexfs_nats_connected 1/);
    expect(text).toMatch(/vexfs_nats_reconnects_total 1/);
  });

  it('events and the audit trail reach the bus; the audit stream keeps them and the file has the same records', async () => {
    const server = await nats.server();
    const watcher = await client(server);
    nats.keepClient(watcher);
    const events: Array<{ subject: string; event: string; service?: string }> = [];
    watcher.subscribe('vexfs.v1.events.h1.>', {
      callback: (_e, m) => {
        events.push({ subject: m.subject, ...(m.json() as { event: string }) });
      },
    });
    await watcher.flush();
    const auditLog = join(mkdtempSync(join(tmpdir(), 'vexfs-audit-')), 'audit.log');
    const bridge = await start(natsSettings(server, 'h1', { natsTrustWorkers: true, natsAuditStream: 'VEXFS_AUDIT', auditLog }));
    nats.keep(await startWorker(server, { id: 'remote', embed: fill }));
    await untilWorkers(bridge, 'remote', 1);
    await until(() => events.some((e) => e.event === 'worker.joined'), 'the worker.joined event');
    expect(events.find((e) => e.event === 'service.registered')?.subject).toBe(Subjects.event('h1', 'service.registered'));
    const js = jetstream(watcher);
    const consumer = await js.consumers.get('VEXFS_AUDIT');
    const stored: Array<{ event: string; service?: string; server?: string }> = [];
    const deadline = Date.now() + 5000;
    while (!stored.some((r) => r.event === 'service.registered') && Date.now() < deadline) {
      const m = await consumer.next({ expires: 1000 });
      if (m !== null) stored.push(m.json());
    }
    expect(stored.map((r) => r.event)).toEqual(expect.arrayContaining(['daemon.attached', 'nats.connected', 'service.registered']));
    expect(stored.find((r) => r.event === 'service.registered')?.service).toMatch(/^remote\./);
    const info = await (await js.jetstreamManager()).streams.info('VEXFS_AUDIT');
    expect(info.config.subjects).toEqual([Subjects.anyAudit]);
    expect(info.config.max_age).toBe(7 * 86_400_000 * 1_000_000);
    await bridge.daemon.stop();
    const file = readFileSync(auditLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).event);
    expect(file).toEqual(expect.arrayContaining(['daemon.attached', 'nats.connected', 'service.registered']));
  });

  it('the audit stream cannot be shortened by another daemon, nor purged or have records deleted by a bus client', async () => {
    const server = await nats.server();
    const rogue = nats.keepClient(await client(server));
    const jsm = await jetstream(rogue).jetstreamManager();
    // Someone made the stream first, deletable, with a short life.
    await jsm.streams.add({ name: 'VEXFS_AUDIT', subjects: [Subjects.anyAudit], max_age: 120_000 * 1_000_000, max_bytes: 2 << 20 });
    const a = await start(natsSettings(server, 'h1', { natsTrustWorkers: true, natsAuditStream: 'VEXFS_AUDIT' }));
    await until(() => (a.daemon.natsNode!.auditStored ?? 0) > 0, 'h1 storing audit records');
    const b = await start(
      natsSettings(server, 'h2', { natsTrustWorkers: true, natsAuditStream: 'VEXFS_AUDIT', natsAuditMaxAgeMs: 60_000, natsAuditMaxBytes: 1 << 20 }),
    );
    await until(() => (b.daemon.natsNode!.auditStored ?? 0) > 0, 'h2 storing audit records');
    const c = (await jsm.streams.info('VEXFS_AUDIT')).config;
    // Raised to h1's, never lowered to h2's; deleting and purging denied.
    expect(c.max_age).toBe(7 * 86_400_000 * 1_000_000);
    expect(c.max_bytes).toBe(256 << 20);
    expect(c.deny_delete).toBe(true);
    expect(c.deny_purge).toBe(true);
    await expect(jsm.streams.purge('VEXFS_AUDIT')).rejects.toThrow(/purge not permitted/);
    await expect(jsm.streams.deleteMessage('VEXFS_AUDIT', 1)).rejects.toThrow(/delete not permitted/);
    expect((await jsm.streams.info('VEXFS_AUDIT')).state.messages).toBeGreaterThan(1);
  });

  it('a worker that answers garbage, the wrong batch or nothing: its requests are served by another worker; the headers carry deadline, priority and trace context', async () => {
    const server = await nats.server();
    const bridge = await start(natsSettings(server, 'h1', { natsTrustWorkers: true, outlierMinMs: 300 }));
    const nc = await client(server);
    nats.keepClient(nc);
    const seen: Array<Record<string, string>> = [];
    let mode = 0;
    const svc = await new Svcm(nc).add({ name: WORKER_SERVICE_NAME, version: WORKER_PROTOCOL_VERSION, metadata: { service: 'remote' }, queue: '' });
    svc.addEndpoint('embed', {
      subject: Subjects.instance('remote', svc.info().id),
      queue: '',
      handler: (_err, m: Msg) => {
        if (m.headers?.get(Headers.op) === Op.hello) {
          const info = {
            id: 'remote',
            name: 'hostile',
            version: '',
            dimensions: [8],
            dataTypes: 0,
            models: [],
            maxBatchSize: 8,
            priority: 0,
            endpoint: 'nats:remote',
            metadata: {},
          };
          m.respond(encodeControlRequest({ id: 0, register: info, token: '' }));
          return;
        }
        seen.push({
          timeout: m.headers?.get(Headers.timeoutMs) ?? '',
          priority: m.headers?.get(Headers.priority) ?? '',
          traceparent: m.headers?.get(Headers.traceparent) ?? '',
        });
        const batch = decodeServiceFrame(m.data).request!;
        const answers = [
          new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]),
          encodeServiceFrame({ response: { batchId: batch.batchId + 7, results: [] } }),
          undefined,
          encodeServiceFrame({ healthResult: { id: 1, healthy: true } }),
        ];
        const answer = answers[mode++ % answers.length];
        if (answer !== undefined) m.respond(answer);
      },
    });
    await untilWorkers(bridge, 'remote', 1);
    nats.keep(await startWorker(server, { id: 'remote', embed: fill }));
    await untilWorkers(bridge, 'remote', 2);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => bridge.twin.embed({ input: Buffer.from(`h${i}`), dimensions: 8, priority: 10, timeoutMs: 5000 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(Status.SUCCESS));
    expect(seen.length).toBeGreaterThan(0);
    for (const h of seen) {
      expect(Number(h.timeout)).toBeGreaterThan(0);
      expect(Number(h.timeout)).toBeLessThanOrEqual(5000);
      expect(h.priority).toBe('10');
      expect(h.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    }
    await svc.stop();
  });
});
