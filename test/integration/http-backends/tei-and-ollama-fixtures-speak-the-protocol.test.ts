// The TEI and Ollama stand-ins checked against their vendors, not against our adapter: the Ollama
// one by the official `ollama` client, the TEI one by the requests and answers TEI's documentation
// shows (docs/source/en/quick_tour.md, its OpenAPI: /embed with one input or several, /info, the
// error body {error, error_type} and its statuses).
import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';

import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { type OllamaServer, startOllamaServer } from '../../helpers/ollama-server.js';
import { type TeiServer, startTeiServer } from '../../helpers/tei-server.js';

let tei: TeiServer | undefined;
let ollama: OllamaServer | undefined;
afterEach(async () => {
  await tei?.close();
  await ollama?.close();
  tei = ollama = undefined;
});

const post = async (url: string, body: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('the stand-ins for TEI and Ollama', () => {
  it("TEI: the quick tour's requests, /info's fields, and the documented refusals", async () => {
    tei = await startTeiServer({ dimensions: 384, maxClientBatchSize: 2, maxInputLength: 8 });
    const one = await post(`${tei.url}/embed`, { inputs: 'What is Deep Learning?' });
    expect(one.status).toBe(200);
    expect((one.body as number[][])[0]).toHaveLength(384);
    const two = await post(`${tei.url}/embed`, { inputs: ['Today is a nice day', 'I like you'] });
    expect((two.body as number[][]).map((v) => v[3])).toEqual([hashingEmbed('Today is a nice day', 384)[3], hashingEmbed('I like you', 384)[3]]);
    const info = (await (await fetch(`${tei.url}/info`)).json()) as Record<string, unknown>;
    expect(Object.keys(info)).toEqual(
      expect.arrayContaining(['model_id', 'max_input_length', 'max_batch_tokens', 'max_client_batch_size', 'auto_truncate', 'version']),
    );
    expect(await post(`${tei.url}/embed`, { inputs: ['a', 'b', 'c'] })).toEqual({
      status: 413,
      body: { error: 'batch size 3 > maximum allowed batch size 2', error_type: 'Validation' },
    });
    expect(await post(`${tei.url}/embed`, { inputs: 'one two three four five six seven eight' })).toEqual({
      status: 413,
      body: { error: expect.stringMatching(/^Input validation error: `inputs` must have less than 8 tokens\. Given: \d+$/), error_type: 'Validation' },
    });
    expect((await post(`${tei.url}/embed`, { inputs: 'one two three four five six seven eight', truncate: true })).status).toBe(200);
    expect(await post(`${tei.url}/embed`, { inputs: [] })).toEqual({ status: 400, body: { error: '`inputs` cannot be empty', error_type: 'Empty' } });
    expect((await fetch(`${tei.url}/health`)).status).toBe(200);
  });

  it("Ollama: answers the official client's embed and list, and refuses as the API does", async () => {
    ollama = await startOllamaServer({ 'nomic-embed-text:latest': { dimensions: 768, context: 8 } });
    const client = new Ollama({ host: ollama.url });
    const r = await client.embed({ model: 'nomic-embed-text:latest', input: ['Why is the sky blue?', 'Why is the grass green?'] });
    expect(r.embeddings).toHaveLength(2);
    expect(r.embeddings[1]?.[7]).toBeCloseTo(hashingEmbed('Why is the grass green?', 768)[7] as number, 6);
    expect(r.model).toBe('nomic-embed-text:latest');
    expect(r.prompt_eval_count).toBeGreaterThan(0);
    expect((await client.list()).models.map((m) => m.name)).toEqual(['nomic-embed-text:latest']);
    await expect(client.embed({ model: 'llama3', input: 'x' })).rejects.toMatchObject({ status_code: 404, error: expect.stringContaining('not found') });
    const long = 'a b c d e f g h i j k l';
    await expect(client.embed({ model: 'nomic-embed-text:latest', input: long, truncate: false })).rejects.toMatchObject({
      status_code: 400,
      error: 'the input length exceeds the context length',
    });
    // Ollama's default is to cut.
    expect((await client.embed({ model: 'nomic-embed-text:latest', input: long })).embeddings).toHaveLength(1);
  });
});
