// A legitimate batch whose answers exceed the kernel send queue (more than 512 results of
// 8192-dim float32: over 16 MiB) waits for the socket instead of throwing into the service's
// frame handler, which used to reset a healthy service.
import { describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';

const start = useBridge();
let bridge: TestBridge | undefined;

describe('answers to the kernel side beyond its send queue', () => {
  it('are all delivered and the service is never blamed', async () => {
    // A batch delay gathers the whole burst into one batch of 600 results (19 MiB of answers).
    bridge = await start({ batchMaxDelayUs: 50_000 });
    const batches: number[] = [];
    await bridge.service({
      id: 'wide',
      name: 'wide',
      dimensions: [8192],
      maxBatchSize: 1000,
      embed: (inputs) => {
        batches.push(inputs.length);
        return inputs.map((i) => filled(8192, i[0] as number));
      },
    });
    const invalid: string[] = [];
    const congestion: boolean[] = [];
    bridge.daemon.registry.on('invalid', (_e, err) => invalid.push(err.message));
    bridge.daemon.channel?.on('congestion', (on) => congestion.push(on));
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) => bridge!.twin.embed({ input: Buffer.from([i % 251, i >> 8, i & 255]), dimensions: 8192, timeoutMs: 60_000 })),
    );
    expect(Math.max(...batches)).toBeGreaterThan(512);
    expect(invalid).toEqual([]);
    expect(results.map((r) => r.status).filter((s) => s !== Status.SUCCESS)).toEqual([]);
    results.forEach((r, i) => {
      expect(new Float32Array(r.vector!.buffer, r.vector!.byteOffset, 8192)[8191]).toBe(i % 251);
    });
    expect(congestion[0]).toBe(true);
    expect(congestion.at(-1)).toBe(false);
  });
});
