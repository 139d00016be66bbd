// The OpenAI-compatible test server (test/helpers/openai-server.ts) checked by the official `openai`
// client, so the fixture our HTTP backend is tested against is not tuned to our own adapter.
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';

import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { type OpenAiServer, startOpenAiServer } from '../../helpers/openai-server.js';

let server: OpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
});

describe('the OpenAI-compatible fixture', () => {
  it('answers the reference client in base64 and as floats, lists its models, and reports errors as the API does', async () => {
    server = await startOpenAiServer({ 'hash-384': 384 });
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key', maxRetries: 0 });
    const b64 = await client.embeddings.create({ model: 'hash-384', input: ['alpha', 'beta'] });
    expect(b64.data.map((d) => d.index).sort()).toEqual([0, 1]);
    const alpha = b64.data.find((d) => d.index === 0)!.embedding;
    expect(alpha).toHaveLength(384);
    expect(alpha[5]).toBeCloseTo(hashingEmbed('alpha', 384)[5] as number, 6);
    expect(server.requests.at(-1)?.authorization).toBe('Bearer test-key');
    const floats = await client.embeddings.create({ model: 'hash-384', input: 'gamma', encoding_format: 'float', dimensions: 64 });
    expect(floats.data[0]!.embedding).toHaveLength(64);
    expect(floats.usage.prompt_tokens).toBe(3);
    expect((await client.models.list()).data.map((m) => m.id)).toEqual(['hash-384']);
    await expect(client.embeddings.create({ model: 'nope', input: 'x' })).rejects.toMatchObject({ status: 404 });
    server.fault = 'rate-limit';
    await expect(client.embeddings.create({ model: 'hash-384', input: 'x' })).rejects.toMatchObject({ status: 429 });
  });
});
