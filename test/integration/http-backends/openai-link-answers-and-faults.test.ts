// The HTTP backend link against the OpenAI-compatible fixture: vectors in input order from a
// base64 answer, and every way a server misbehaves turned into the bridge's status for the batch.
import { readdirSync } from 'node:fs';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { HttpLink, type HttpLinkOptions } from '../../../src/services/links/http-link.js';
import type { EmbedBatchResponseMsg } from '../../../src/services/wire/proto.js';
import { type Fault, type OpenAiServer, denseFloat, startOpenAiServer } from '../../helpers/openai-server.js';
import { batchesTo, floats } from '../../helpers/link-batches.js';
import { until } from '../../helpers/wait.js';

let server: OpenAiServer | undefined;
let link: HttpLink | undefined;
afterEach(async () => {
  link?.close();
  await server?.close();
});

async function setUp(options: Partial<HttpLinkOptions> = {}) {
  server = await startOpenAiServer({ 'hash-16': 16 });
  link = new HttpLink('http-svc', { baseUrl: server.url, model: 'hash-16', apiKey: 'secret', timeoutMs: 5000, ...options });
  const batches = batchesTo(link);
  await until(() => link!.ready, 'the link ready');
  // Each batch's deadline: roomy, so a loaded machine still sees the fault itself (a 64 MiB body is slow to read); short where the fault is a hang.
  const send = (inputs: Uint8Array[], dimensions = 16, timeoutMs = 5000) => batches.send(inputs, dimensions, timeoutMs);
  return { send, answers: batches.answers };
}

describe('the OpenAI-compatible HTTP link', () => {
  it('sends one POST per batch and hands back each vector in input order, the key never in the answer', async () => {
    const { send } = await setUp();
    const r = await send([Buffer.from('alpha'), Buffer.from('beta')]);
    expect(r.error).toBeNull();
    expect(floats(r.results[0]!.vector)).toEqual([...hashingEmbed('alpha', 16)]);
    expect(floats(r.results[1]!.vector)).toEqual([...hashingEmbed('beta', 16)]);
    const req = server!.requests.at(-1)!;
    expect(req.body).toMatchObject({ model: 'hash-16', input: ['alpha', 'beta'], encoding_format: 'base64' });
    expect(req.authorization).toBe('Bearer secret');
    expect(link!.counters.tokens).toBe(6);
  });

  it('takes a full batch answered as float arrays (not base64), and a lying token count is not counted', async () => {
    server = await startOpenAiServer({ 'hash-768': 768 });
    server.floatArrays = true;
    server.promptTokens = -1e308;
    link = new HttpLink('http-svc', { baseUrl: server.url, model: 'hash-768', timeoutMs: 5000 });
    const answers: EmbedBatchResponseMsg[] = [];
    link.on('response', (m) => answers.push(m));
    await until(() => link!.ready, 'the link ready');
    const inputs = Array.from({ length: 32 }, (_, i) => Buffer.from(`text number ${i}`));
    const sent = link.send({
      batchId: 1,
      model: '',
      dimensions: 768,
      inputs,
      tracePrefix: new Uint8Array(),
      traceRequestIds: new Uint8Array(),
      traceSpanIds: new Uint8Array(),
      timeoutMs: 5000,
      priority: 2,
    });
    expect(sent).toBe('sent');
    await until(() => answers.length === 1, 'the answer', 10_000);
    expect(answers[0]!.error).toBeNull();
    expect(answers[0]!.results).toHaveLength(32);
    expect(floats(answers[0]!.results[5]!.vector)).toEqual(Array.from(hashingEmbed('text number 5', 768), (x) => Math.fround(denseFloat(x))));
    expect(link.counters.tokens).toBe(0);
  });

  it('refuses an input that is not UTF-8 by item, and sends the rest', async () => {
    const { send } = await setUp();
    const r = await send([Buffer.from([0xff, 0xfe]), Buffer.from('ok')]);
    expect(r.results[0]!.error?.code).toBe(Status.INVALID_REQUEST);
    expect(floats(r.results[1]!.vector)).toEqual([...hashingEmbed('ok', 16)]);
  });

  it('maps each failure of the server to a status for the batch, and leaks no socket', async () => {
    const fds = readdirSync('/proc/self/fd').length;
    const { send } = await setUp();
    const cases: Array<[Fault, number, RegExp]> = [
      ['server-error', Status.SERVICE_ERROR, /answered 500: the model crashed/],
      ['unauthorized', Status.SERVICE_ERROR, /refused the credentials \(401\)/],
      ['wrong-dimensions', Status.SERVICE_ERROR, /17 dimensions, expected 16/],
      ['bad-base64', Status.SERVICE_ERROR, /outside the base64 alphabet/],
      ['not-finite', Status.SERVICE_ERROR, /not a finite number/],
      ['wrong-count', Status.SERVICE_ERROR, /1 embeddings for 2 inputs/],
      ['malformed-json', Status.SERVICE_ERROR, /not JSON/],
      ['huge-body', Status.SERVICE_ERROR, /larger than \d+ bytes/],
      ['hang', Status.TIMEOUT, /did not answer in time/],
      ['reset', Status.SERVICE_ERROR, /could not be reached/],
    ];
    for (const [fault, status, message] of cases) {
      server!.fault = fault;
      const r = await send([Buffer.from('a'), Buffer.from('b')], 16, fault === 'hang' ? 500 : 5000);
      expect([fault, r.error?.code]).toEqual([fault, status]);
      expect(r.error?.message).toMatch(message);
      expect(r.error?.message).not.toContain('secret');
    }
    server!.fault = 'none';
    expect((await send([Buffer.from('fine')])).error).toBeNull();
    link!.close();
    await server!.close();
    await until(() => readdirSync('/proc/self/fd').length <= fds, 'every socket closed', 5000);
  });

  it('names an unknown model MODEL_NOT_FOUND, splits a batch the server finds too large, and holds off after 429', async () => {
    const { send } = await setUp({ model: 'missing' });
    expect((await send([Buffer.from('x')])).error?.code).toBe(Status.MODEL_NOT_FOUND);
    link!.close();
    const second = await setUp();
    server!.fault = 'too-large';
    server!.maxInputs = 2;
    const r = await second.send([1, 2, 3, 4, 5].map((i) => Buffer.from(`t${i}`)));
    expect(r.error).toBeNull();
    expect(r.results.map((x) => floats(x.vector))).toEqual([1, 2, 3, 4, 5].map((i) => [...hashingEmbed(`t${i}`, 16)]));
    server!.fault = 'rate-limit';
    const congestion: boolean[] = [];
    link!.on('congestion', (on) => congestion.push(on));
    expect((await second.send([Buffer.from('x')])).error?.code).toBe(Status.RATE_LIMITED);
    expect(link!.congested).toBe(true);
    expect(
      link!.send({
        batchId: 99,
        model: '',
        dimensions: 16,
        inputs: [Buffer.from('x')],
        tracePrefix: new Uint8Array(),
        traceRequestIds: new Uint8Array(),
        traceSpanIds: new Uint8Array(),
        timeoutMs: 500,
        priority: 2,
      }),
    ).toBe('blocked');
    // Retry-After: 1 s.
    await until(() => congestion.length === 2, 'the hold lifted', 3000);
    expect(congestion).toEqual([true, false]);
  });
});
