// An HTTP backend that hangs, errors or rate-limits never stops other services of the
// same model from serving; every request gets an answer, and the failing backend is left alone.
import { afterEach, describe, expect, it } from 'vitest';

import { ServiceState, Status } from '../../../src/abi/uapi.js';
import { backendSchema } from '../../../src/control/http-backends.js';
import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { type Fault, type OpenAiServer, startOpenAiServer } from '../../helpers/openai-server.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let bridge: TestBridge | undefined;
let server: OpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('a misbehaving HTTP backend beside an SDK service', () => {
  it.each<Fault>(['hang', 'server-error', 'rate-limit', 'reset'])('%s: every request is served by the other service', async (fault) => {
    server = await startOpenAiServer({ 'hash-16': 16 });
    // The backend is tried first (higher priority tier), and fails in its own way.
    const backend = backendSchema.parse({ id: 'flaky', url: server.url, model: 'hash-16', dimensions: [16], priority: 10, timeoutMs: 5000 });
    bridge = await start({ backends: [backend], balancer: 'priority', outlierMinMs: 300, retryMax: 2 });
    await bridge.service({
      id: 'steady',
      name: 'steady',
      dimensions: [16],
      models: ['hash-16'],
      embed: (inputs) => inputs.map((i) => hashingEmbed(Buffer.from(i).toString(), 16)),
    });
    await until(() => bridge!.daemon.registry.get('flaky')?.state === ServiceState.READY, 'the backend ready');
    server.fault = fault;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bridge!.twin.embed({ input: Buffer.from(`q${i}`), dimensions: 16, model: 'hash-16', timeoutMs: 10_000 })),
    );
    expect(results.map((r) => r.status)).toEqual(new Array(20).fill(Status.SUCCESS));
    expect([...new Float32Array(results[3]!.vector!.buffer, results[3]!.vector!.byteOffset, 16)]).toEqual([...hashingEmbed('q3', 16)]);
  });
});
