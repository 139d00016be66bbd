// A request for a service that is registered but still connecting waits for it (bounded), instead of NO_SERVICE.
import { type Server, createServer } from 'node:net';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { FrameReader, FrameWriter } from '../../../src/services/wire/frames.js';
import { decodeServiceFrame, encodeServiceFrame } from '../../../src/services/wire/proto.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { serviceInfo } from '../../helpers/service-info.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let server: Server | undefined;
let client: ControlClient | undefined;
afterEach(async () => {
  client?.close();
  server?.close();
});

/** A minimal service speaking the wire protocol, listening only from `delayMs` on. */
function lateService(path: string, delayMs: number): void {
  setTimeout(() => {
    server = createServer((socket) => {
      const writer = new FrameWriter(socket);
      writer.write(encodeServiceFrame({ hello: { serviceId: 'late' } }));
      const reader = new FrameReader((frame) => {
        const req = decodeServiceFrame(frame).request;
        if (!req) return;
        const vector = new Uint8Array(new Float32Array(req.dimensions).fill(0.5).buffer);
        writer.write(encodeServiceFrame({ response: { batchId: req.batchId, results: req.inputs.map(() => ({ vector })) } }));
      });
      socket.on('data', (c) => reader.push(c));
      socket.on('error', () => {});
    }).listen(path);
  }, delayMs);
}

async function registerLate(b: TestBridge): Promise<void> {
  client = await ControlClient.connect(b.daemon.config.controlSocket);
  const path = join(b.dir, 'late.sock');
  await client.register(serviceInfo('late', { maxBatchSize: 8, endpoint: `unix:${path}` }));
  lateService(path, 150);
}

describe('requests for a service that is still connecting', () => {
  it('wait for it and are served once it is ready', async () => {
    bridge = await start({ startingHoldMs: 5000 });
    await registerLate(bridge);
    const r = await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 });
    expect(r.status).toBe(Status.SUCCESS);
    expect(new Float32Array(r.vector!.buffer, r.vector!.byteOffset, 4)[0]).toBe(0.5);
    // Requests for shapes no service offers are still answered at once.
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 5 })).status).toBe(Status.NO_SERVICE);
  });

  it('get NO_SERVICE when the hold runs out, and never wait past their deadline', async () => {
    bridge = await start({ startingHoldMs: 50 });
    client = await ControlClient.connect(bridge.daemon.config.controlSocket);
    await client.register(serviceInfo('never', { name: 'n', maxBatchSize: 8, endpoint: `unix:${join(bridge.dir, 'nobody.sock')}` }));
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.NO_SERVICE);
    await bridge.close();
    bridge = await start({ startingHoldMs: 10_000 });
    client.close();
    client = await ControlClient.connect(bridge.daemon.config.controlSocket);
    await client.register(serviceInfo('never', { name: 'n', maxBatchSize: 8, endpoint: `unix:${join(bridge.dir, 'nobody.sock')}` }));
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 100 })).status).toBe(Status.TIMEOUT);
  });
});
