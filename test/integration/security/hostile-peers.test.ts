// Hostile peers against a running daemon: a service sending random and mutated frames, and
// control-socket clients sending garbage, mutated requests and huge length prefixes. The
// daemon stays up, answers what it can, resets what it must, keeps serving a good service,
// and its heap does not grow with what the peers sent.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { decodeControlResponse, encodeControlRequest, encodeServiceFrame } from '../../../src/services/wire/proto.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { frame } from '../../helpers/frames.js';
import { until } from '../../helpers/wait.js';
import { serviceInfo } from '../../helpers/service-info.js';

const SEED = 20261124;
const start = useBridge();
let bridge: TestBridge | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.close();
  server = undefined;
});

/** Random frames, and well-formed ones with a byte flipped, truncated or extended. */
function hostileFrames(seed: number, n: number, wellFormed: Uint8Array[]): Buffer[] {
  const arb = fc.oneof(
    fc.uint8Array({ maxLength: 512 }).map((b) => frame(b)),
    fc.tuple(fc.constantFrom(...wellFormed), fc.nat(), fc.integer({ min: 0, max: 7 })).map(([f, at, bit]) => {
      const copy = Buffer.from(f);
      if (copy.length > 0) copy[at % copy.length] = (copy[at % copy.length] as number) ^ (1 << bit);
      return frame(copy);
    }),
    fc.tuple(fc.constantFrom(...wellFormed), fc.nat()).map(([f, cut]) => frame(f.subarray(0, cut % (f.length + 1)))),
  );
  return fc.sample(arb, { seed, numRuns: n });
}

async function served(b: TestBridge): Promise<void> {
  expect((await b.twin.embed({ input: Buffer.from('still here'), dimensions: 4 })).status).toBe(Status.SUCCESS);
}

describe('hostile peers', () => {
  it('a service sending random and mutated frames is reset and reconnected; the good one keeps serving', async () => {
    bridge = await start();
    await bridge.service({ id: 'good', name: 'good', dimensions: [4], embed: (i) => i.map(() => filled(4, 1)) });
    const heapBefore = process.memoryUsage().heapUsed;
    const wellFormed = [
      encodeServiceFrame({ response: { batchId: 1, results: [{ vector: new Uint8Array(32) }] } } as never),
      encodeServiceFrame({ heartbeat: { serviceId: 'evil', activeRequests: 1 } } as never),
      encodeServiceFrame({ healthResult: { id: 3, healthy: true, message: '' } } as never),
      encodeServiceFrame({ stopping: { drainMs: 5 } } as never),
    ];
    const frames = hostileFrames(SEED, 400, wellFormed);
    let connections = 0;
    server = createServer((s: Socket) => {
      s.on('error', () => {});
      const start = connections * 20;
      connections++;
      // Hello first (the daemon then reads further), then 20 hostile frames per connection.
      s.write(frame(encodeServiceFrame({ hello: { serviceId: 'evil' } })));
      for (const f of frames.slice(start, start + 20)) s.write(f);
    });
    const path = join(bridge.dir, 'evil.sock');
    await new Promise<void>((r) => server!.listen(path, r));
    const invalid: string[] = [];
    bridge.daemon.registry.on('invalid', (e, err) => {
      if (e.info.id === 'evil') invalid.push(err.message);
    });
    const c = await ControlClient.connect(bridge.daemon.config.controlSocket);
    await c.register(serviceInfo('evil', { dimensions: [8], maxBatchSize: 4, endpoint: `unix:${path}` }));
    await until(() => connections >= 10, 'ten reconnections of the hostile service', 20_000);
    expect(invalid.length).toBeGreaterThan(0);
    await served(bridge);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    c.close();
  });

  it('control clients sending garbage, mutated requests and huge prefixes are answered or cut off; others are served', async () => {
    bridge = await start();
    await bridge.service({ id: 'good', name: 'good', dimensions: [4], embed: (i) => i.map(() => filled(4, 1)) });
    const socketPath = bridge.daemon.config.controlSocket;
    const wellFormed = [
      encodeControlRequest({ id: 1, list: true }),
      encodeControlRequest({ id: 2, stats: true }),
      encodeControlRequest({
        id: 3,
        register: serviceInfo('x', { dimensions: [8], endpoint: 'unix:/tmp/x.sock' }),
      }),
      encodeControlRequest({
        id: 4,
        embed: { input: Buffer.from('hi'), model: '', dimensions: 4, dataType: 0, priority: 128, timeoutMs: 1000, sessionKey: '' },
      }),
      encodeControlRequest({ id: 5, tokenList: true }),
    ];
    const frames = hostileFrames(SEED + 1, 300, wellFormed);
    const heapBefore = process.memoryUsage().heapUsed;
    let answered = 0;
    let cutOff = 0;
    for (let i = 0; i < frames.length; i += 10) {
      await new Promise<void>((resolve) => {
        const s = createConnection(socketPath);
        let buf = Buffer.alloc(0);
        const done = () => {
          s.destroy();
          resolve();
        };
        s.on('data', (d: Buffer) => {
          buf = Buffer.concat([buf, d]);
          while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
            decodeControlResponse(buf.subarray(4, 4 + buf.readUInt32LE(0)));
            buf = buf.subarray(4 + buf.readUInt32LE(0));
            answered++;
          }
        });
        s.on('close', () => {
          cutOff++;
          resolve();
        });
        s.on('error', () => {});
        s.on('connect', () => {
          // One good request first: answered before whatever follows cuts the connection off.
          s.write(frame(wellFormed[0] as Uint8Array));
          for (const f of frames.slice(i, i + 10)) s.write(f);
          setTimeout(done, 100);
        });
      });
    }
    // A length prefix far past the control limit is cut off before anything is buffered.
    const huge = createConnection(socketPath);
    huge.on('error', () => {});
    const closed = new Promise<void>((r) => huge.on('close', () => r()));
    huge.write(frame(Buffer.alloc(16), 0x7fffffff));
    await closed;
    expect(answered).toBeGreaterThanOrEqual(30);
    expect(cutOff).toBeGreaterThan(0);
    await served(bridge);
    const c = await ControlClient.connect(socketPath);
    expect((await c.list()).map((s) => s.id)).toContain('good');
    c.close();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});
