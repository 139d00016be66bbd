// The HTTP link in the ollama dialect against an Ollama stand-in written from Ollama's API
// documentation: the model learned from /api/tags when none is configured, truncation always asked
// off (Ollama cuts by default and does not say which input it cut), an input over the context
// refused alone, an unknown model MODEL_NOT_FOUND.
import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { HttpLink, type HttpLinkOptions } from '../../../src/services/links/http-link.js';
import { batchesTo, floats } from '../../helpers/link-batches.js';
import { type OllamaModel, type OllamaServer, startOllamaServer } from '../../helpers/ollama-server.js';
import { until } from '../../helpers/wait.js';

let server: OllamaServer | undefined;
let link: HttpLink | undefined;
afterEach(async () => {
  link?.close();
  await server?.close();
});

async function setUp(models: Record<string, OllamaModel>, options: Partial<HttpLinkOptions> = {}) {
  server = await startOllamaServer(models);
  link = new HttpLink('ollama', { baseUrl: server.url, dialect: 'ollama', timeoutMs: 5000, ...options });
  const batches = batchesTo(link);
  await until(() => link!.ready, 'the link ready');
  return batches;
}

describe('the ollama dialect', () => {
  it('uses the model /api/tags names when none is configured, and asks /api/embed not to truncate', async () => {
    const { send } = await setUp({ 'all-minilm:latest': { dimensions: 16, context: 256 } });
    expect(link!.serverInfo.models).toEqual(['all-minilm:latest']);
    const r = await send([Buffer.from('alpha'), Buffer.from('beta')], 16);
    expect(r.error).toBeNull();
    expect(r.model).toBe('all-minilm:latest');
    expect(floats(r.results[1]!.vector)).toEqual([...hashingEmbed('beta', 16)]);
    expect(server!.requests.at(-1)?.body).toEqual({ model: 'all-minilm:latest', input: ['alpha', 'beta'], truncate: false });
    expect(link!.counters.tokens).toBe(7);
  });

  it("refuses alone an input over the model context (the others served), in Ollama's words", async () => {
    const { send } = await setUp({ 'all-minilm:latest': { dimensions: 16, context: 32 } });
    const long = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
    const r = await send([Buffer.from('one'), Buffer.from(long), Buffer.from('three')], 16);
    expect(r.error).toBeNull();
    expect(r.results.map((x) => x.error?.code ?? 0)).toEqual([0, Status.INVALID_REQUEST, 0]);
    expect(r.results[1]!.error?.message).toContain('the input length exceeds the context length');
  });

  it('names a model the server lacks MODEL_NOT_FOUND, and sends dimensions when told to', async () => {
    const { send } = await setUp({ 'all-minilm:latest': { dimensions: 16, context: 256 } }, { model: 'nomic-embed-text:latest' });
    const r = await send([Buffer.from('x')], 16);
    expect(r.error).toMatchObject({ code: Status.MODEL_NOT_FOUND, message: expect.stringContaining('try pulling it first') });
    link!.close();
    link = new HttpLink('ollama', { baseUrl: server!.url, dialect: 'ollama', model: 'all-minilm:latest', sendDimensions: true, timeoutMs: 5000 });
    const { send: sendShort } = batchesTo(link);
    await until(() => link!.ready, 'the second link ready');
    const short = await sendShort([Buffer.from('x')], 8);
    expect(floats(short.results[0]!.vector)).toEqual([...hashingEmbed('x', 8)]);
    expect(server!.requests.at(-1)?.body).toMatchObject({ dimensions: 8 });
  });
});
