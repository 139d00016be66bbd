// A hostile service cannot make the daemon buffer or decode more than its registration
// allows, nor hold the daemon's memory by not reading: its frames are bounded before they
// are buffered, its result count is checked before decoding, and writes to it stop at a bound.
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { HELLO_MAX_FRAME, serviceFrameBytes } from '../../../src/services/links/unix-service-link.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { countBatchResults, encodeServiceFrame } from '../../../src/services/wire/proto.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { frame } from '../../helpers/frames.js';
import { until } from '../../helpers/wait.js';
import { serviceInfo } from '../../helpers/service-info.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let server: Server | undefined;
const clients: ControlClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  server?.close();
  server = undefined;
});

/** A raw endpoint registered as `id`; `onConnection` plays the service. */
async function hostile(id: string, onConnection: (s: Socket) => void, shape = { dimensions: [8], maxBatchSize: 4 }): Promise<void> {
  const b = bridge as TestBridge;
  const path = join(b.dir, `${id}.sock`);
  server = createServer((s) => {
    s.on('error', () => {});
    onConnection(s);
  });
  await new Promise<void>((r) => server!.listen(path, r));
  const c = await ControlClient.connect(b.daemon.config.controlSocket);
  clients.push(c);
  await c.register(serviceInfo(id, { endpoint: `unix:${path}`, ...shape }));
}

const serviceStats = (id: string) => bridge?.daemon.registry.get(id)?.link;

describe('a hostile service', () => {
  it('is cut off at a huge length prefix before its Hello, without the daemon buffering it', async () => {
    bridge = await start();
    let closed = false;
    await hostile('huge-prefix', (s) => {
      const head = Buffer.alloc(4);
      head.writeUInt32LE(60 * 1024 * 1024);
      // Only the prefix and a few bytes: the old 64 MiB limit would wait for the rest.
      s.write(Buffer.concat([head, Buffer.alloc(16)]));
      s.on('close', () => {
        closed = true;
      });
    });
    await until(() => closed, 'the daemon to reset the connection');
    expect(serviceStats('huge-prefix')?.counters.framesRefused).toBeGreaterThanOrEqual(1);
  });

  it('has a response with more results than a batch holds refused before it is decoded, and others keep being served', async () => {
    bridge = await start();
    await bridge.service({ id: 'good', name: 'good', dimensions: [4], embed: (i) => i.map(() => filled(4, 1)) });
    const invalid: string[] = [];
    bridge.daemon.registry.on('invalid', (e, err) => {
      if (e.info.id === 'flood') invalid.push(err.message);
    });
    // 200,000 empty results: 400 KB on the wire, within its frame allowance (16 x 8192 dims), ~10 MB of objects if decoded.
    const flood = encodeServiceFrame({ response: { batchId: 1, results: Array.from({ length: 200_000 }, () => ({})) } } as never);
    expect(countBatchResults(flood)).toBe(200_000);
    await hostile(
      'flood',
      (s) => {
        s.write(frame(encodeServiceFrame({ hello: { serviceId: 'flood' } })));
        s.write(frame(flood));
      },
      { dimensions: [8192], maxBatchSize: 16 },
    );
    await until(() => invalid.length >= 1, 'the flood to be refused');
    // Refused at the first result past the bound, before the rest are read.
    expect(invalid[0]).toMatch(/more than 16 results; a batch holds at most 16/);
    expect(serviceStats('flood')?.counters.framesRefused).toBeGreaterThanOrEqual(1);
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.SUCCESS);
  });

  it('has frames larger than its registration allows refused (a full batch of its largest vector)', async () => {
    bridge = await start();
    const allowed = serviceFrameBytes({ maxBatchSize: 2, maxDimensions: 8 });
    expect(allowed).toBeLessThan(1024 * 1024);
    expect(HELLO_MAX_FRAME).toBeLessThan(allowed);
    const invalid: string[] = [];
    bridge.daemon.registry.on('invalid', (_e, err) => invalid.push(err.message));
    await hostile(
      'oversize',
      (s) => {
        s.write(frame(encodeServiceFrame({ hello: { serviceId: 'oversize' } })));
        const head = Buffer.alloc(4);
        head.writeUInt32LE(allowed + 1);
        s.write(head);
      },
      { dimensions: [8], maxBatchSize: 2 },
    );
    await until(() => invalid.length >= 1, 'the oversize frame to be refused');
    expect(invalid[0]).toMatch(new RegExp(`${allowed + 1} bytes exceeds ${allowed}`));
  });

  it('that stops reading gets no more than the send bound and its queue waits; a service that reads is served', async () => {
    // Outlier detection off: this is about the send bound (hung-service-outlier.test.ts takes such a service out of rotation).
    bridge = await start({ serviceSendBufferBytes: 65_536, balancer: 'round-robin', serviceConcurrency: 200, outlierMinMs: 600_000 });
    await bridge.service({ id: 'reader', name: 'reader', dimensions: [8], maxBatchSize: 8, embed: (i) => i.map(() => filled(8, 2)) });
    await hostile(
      'deaf',
      (s) => {
        s.write(frame(encodeServiceFrame({ hello: { serviceId: 'deaf' } })));
        s.pause(); // never reads what the daemon sends
      },
      { dimensions: [8], maxBatchSize: 8 },
    );
    await until(() => bridge!.daemon.registry.get('deaf')?.state === 1, 'deaf ready');
    const input = Buffer.alloc(8 * 1024, 7);
    // Enough 8 KiB inputs to fill the unix socket's own buffer and the daemon's 64 KiB bound several times.
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) => bridge!.twin.embed({ input: Buffer.concat([input, Buffer.from(String(i))]), dimensions: 8, timeoutMs: 3000 })),
    );
    const conn = serviceStats('deaf');
    expect(conn?.congested).toBe(true);
    // Bounded: at most the bound plus one batch (8 inputs of 8 KiB and framing) sits in the daemon for it.
    expect(conn?.sendBuffered).toBeLessThanOrEqual(65_536 + 9 * 8 * 1024);
    // Requests already given to the deaf service wait out their deadline; the reader serves the rest.
    expect(results.filter((r) => r.status === Status.SUCCESS).length).toBeGreaterThan(0);
    expect(results.every((r) => r.status === Status.SUCCESS || r.status === Status.TIMEOUT)).toBe(true);
    expect(bridge.daemon.registry.get('reader')?.link.congested).toBe(false);
  });
});
