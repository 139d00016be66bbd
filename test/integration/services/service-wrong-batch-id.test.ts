// A service that answers with a batch id it was never given has its
// outstanding batches failed over at once, instead of leaving their requests to their deadlines.
import { type Server, createServer } from 'node:net';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { FrameReader } from '../../../src/services/wire/frames.js';
import { decodeServiceFrame, encodeServiceFrame } from '../../../src/services/wire/proto.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { frame } from '../../helpers/frames.js';
import { serviceInfo } from '../../helpers/service-info.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let server: Server | undefined;
afterEach(() => {
  server?.close();
});

describe('a service that answers the wrong batch', () => {
  it('fails its outstanding batch over to another service at once', async () => {
    bridge = await start({ balancer: 'priority', retryMax: 2 });
    await bridge.service({ id: 'good', name: 'good', dimensions: [4], embed: (i) => i.map(() => filled(4, 2)) });
    const path = join(bridge.dir, 'confused.sock');
    const asked: number[] = [];
    server = createServer((s) => {
      s.on('error', () => {});
      s.write(frame(encodeServiceFrame({ hello: { serviceId: 'confused' } })));
      const reader = new FrameReader((f) => {
        const req = decodeServiceFrame(f).request;
        if (!req) return;
        asked.push(req.batchId);
        const results = req.inputs.map(() => ({ vector: Buffer.from(new Float32Array(4).fill(9).buffer) }));
        s.write(frame(encodeServiceFrame({ response: { batchId: req.batchId + 1000, results } })));
      });
      s.on('data', (d) => reader.push(d));
    });
    await new Promise<void>((r) => server!.listen(path, r));
    const c = await ControlClient.connect(bridge.daemon.config.controlSocket);
    // Higher registration priority: the priority balancer tries it first.
    await c.register(serviceInfo('confused', { dimensions: [4], priority: 10, endpoint: `unix:${path}` }));
    await until(() => bridge!.daemon.registry.get('confused')?.state === 1, 'the confused service connected');
    const invalid: string[] = [];
    bridge.daemon.router.outcomes.subscribe({ onInvalidResponse: (_id, reason) => invalid.push(reason) });
    const r = await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4, timeoutMs: 3000 });
    expect(asked).toEqual([1]);
    expect(invalid).toEqual(['response to unknown batch 1001']);
    expect(r.status).toBe(Status.SUCCESS);
    expect([...new Float32Array(r.vector!.buffer, r.vector!.byteOffset, 4)]).toEqual([2, 2, 2, 2]);
    c.close();
  });
});
