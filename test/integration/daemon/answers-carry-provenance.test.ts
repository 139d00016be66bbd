// Every SUCCESS tells the kernel who made the vector: the service, the model (the
// request's, the service's default, or the one an HTTP server says it ran) and its version,
// and whether the service embedded only a prefix of the input; a cached answer keeps its own.
import { afterEach, describe, expect, it } from 'vitest';

import { DataType, ServiceState, Status } from '../../../src/abi/uapi.js';
import { backendSchema } from '../../../src/control/http-backends.js';
import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { type TestBridge, useBridge } from '../../helpers/bridge.js';
import { type OpenAiServer, startOpenAiServer } from '../../helpers/openai-server.js';
import { until } from '../../helpers/wait.js';

const start = useBridge();
let server: OpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serving(bridge: TestBridge, id: string): Promise<void> {
  await until(() => bridge.daemon.registry.get(id)?.state === ServiceState.READY, `${id} ready`);
}

describe('the provenance of an answer', () => {
  it('names the service, the model asked for, its version, and a truncated input', async () => {
    const bridge = await start({ cacheMaxEntries: 100 });
    const decoder = new TextDecoder();
    await bridge.service({
      id: 'cutter',
      name: 'cuts long inputs',
      version: '2.1.0',
      dimensions: [8],
      models: ['model-a', 'model-b'],
      embed: (inputs) =>
        inputs.map((i) => {
          const text = decoder.decode(i);
          const vector = hashingEmbed(text.slice(0, 10), 8);
          return text.length > 10 ? { vector, truncated: true as const } : vector;
        }),
    });
    await serving(bridge, 'cutter');
    const embed = (text: string, model?: string) => bridge.twin.embed({ input: Buffer.from(text), dimensions: 8, model });
    const short = await embed('short', 'model-b');
    expect(short.status).toBe(Status.SUCCESS);
    expect(short.provenance).toEqual({
      serviceId: 'cutter',
      model: 'model-b',
      modelVersion: '2.1.0',
      dimensions: 8,
      dataType: DataType.FLOAT32,
      truncated: false,
    });
    expect((await embed('a rather long input', 'model-a')).provenance).toMatchObject({ model: 'model-a', truncated: true });
    // Answered from the cache: the same provenance as the answer it keeps.
    const hits = bridge.daemon.router.cache.counters.hits;
    const again = await embed('a rather long input', 'model-a');
    expect(bridge.daemon.router.cache.counters.hits).toBe(hits + 1);
    expect(again.provenance).toMatchObject({ serviceId: 'cutter', model: 'model-a', modelVersion: '2.1.0', truncated: true });
    // A failure carries none.
    expect((await embed('x', 'model-z')).provenance).toBeUndefined();
  });

  it('takes the model an OpenAI-compatible server says it ran', async () => {
    server = await startOpenAiServer({ 'hash-16': 16 });
    const bridge = await start({ backends: [backendSchema.parse({ id: 'remote', url: server.url, model: 'hash-16', dimensions: [16] })] });
    await serving(bridge, 'remote');
    server.answerModel = 'hash-16-v2-full-name';
    const r = await bridge.twin.embed({ input: Buffer.from('over http'), dimensions: 16, model: 'hash-16' });
    expect(r.status).toBe(Status.SUCCESS);
    expect(r.provenance).toMatchObject({ serviceId: 'remote', model: 'hash-16-v2-full-name', truncated: false });
    // A name that does not fit the ABI's field is not passed on: the model asked for stands.
    server.answerModel = 'x'.repeat(200);
    const long = await bridge.twin.embed({ input: Buffer.from('over http again'), dimensions: 16, model: 'hash-16' });
    expect(long.provenance).toMatchObject({ serviceId: 'remote', model: 'hash-16' });
  });
});
