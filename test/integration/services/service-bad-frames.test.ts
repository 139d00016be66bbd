// A service that sends garbage is reset and counted; the daemon keeps serving everyone else.
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { ControlClient } from '../../../src/clients/sdk/control-client.js';
import { FrameReader } from '../../../src/services/wire/frames.js';
import { encodeServiceFrame } from '../../../src/services/wire/proto.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { frame } from '../../helpers/frames.js';
import { until } from '../../helpers/wait.js';
import { serviceInfo } from '../../helpers/service-info.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.close();
});

describe('misbehaving services', () => {
  it('resets a service that says Hello with the wrong id or sends garbage, and keeps serving', async () => {
    bridge = await start();
    await bridge.service({ id: 'good', name: 'good', dimensions: [4], embed: (i) => i.map(() => filled(4, 1)) });
    const path = join(bridge.dir, 'evil.sock');
    let connections = 0;
    server = createServer((s) => {
      connections++;
      s.on('error', () => {});
      // First connection: a Hello for someone else; later ones: bytes that are no frame at all.
      s.write(connections === 1 ? frame(encodeServiceFrame({ hello: { serviceId: 'not-me' } })) : Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3]));
    });
    await new Promise<void>((r) => server!.listen(path, r));
    const invalid: string[] = [];
    bridge.daemon.registry.on('invalid', (_e, err) => invalid.push(err.message));
    const c = await ControlClient.connect(bridge.daemon.config.controlSocket);
    await c.register(serviceInfo('evil', { dimensions: [8], maxBatchSize: 4, endpoint: `unix:${path}` }));
    await until(() => invalid.length >= 2, 'two resets');
    expect(invalid[0]).toMatch(/hello: service id "not-me", expected "evil"/);
    expect(invalid[1]).toMatch(/exceeds/);
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 4 })).status).toBe(Status.SUCCESS);
    expect((await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 8 })).status).toBe(Status.NO_SERVICE);
    c.close();
  });
});

describe('frame reader', () => {
  it('reassembles frames from any chunking of the stream', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }),
        (frames, cuts) => {
          const stream = Buffer.concat(frames.map((f) => frame(f)));
          const got: Buffer[] = [];
          const reader = new FrameReader((f) => got.push(Buffer.from(f)));
          let pos = 0;
          let i = 0;
          while (pos < stream.length) {
            const n = cuts[i++ % cuts.length] as number;
            reader.push(stream.subarray(pos, pos + n));
            pos += n;
          }
          expect(got).toEqual(frames.map((f) => Buffer.from(f)));
        },
      ),
    );
  });
});
