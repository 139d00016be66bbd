// The HTTP link in the tei dialect against a TEI stand-in written from TEI's documentation: its
// limits learned from /info, batches cut to max_client_batch_size, an input TEI would never schedule
// refused up front (never a hang), an input over max_input_length refused alone, a 413 that names
// the limit remembered, and with truncation on the cut inputs marked truncated by TEI's own tokenizer.
import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { hashingEmbed } from '../../../src/embedder/hashing.js';
import { HttpLink, type HttpLinkOptions } from '../../../src/services/links/http-link.js';
import { batchesTo, floats } from '../../helpers/link-batches.js';
import { type TeiLimits, type TeiServer, startTeiServer } from '../../helpers/tei-server.js';
import { listenForTests } from '../../helpers/http-listen.js';
import { until } from '../../helpers/wait.js';

let server: TeiServer | undefined;
let link: HttpLink | undefined;
afterEach(async () => {
  link?.close();
  await server?.close();
});

async function setUp(limits: Partial<TeiLimits> = {}, options: Partial<HttpLinkOptions> = {}) {
  server = await startTeiServer({ dimensions: 16, ...limits });
  link = new HttpLink('tei', { baseUrl: server.url, dialect: 'tei', timeoutMs: 5000, ...options });
  const batches = batchesTo(link);
  await until(() => link!.ready, 'the link ready');
  return batches;
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i % 10}`).join(' ');
const embeds = () => server!.requests.filter((r) => r.path === '/embed');

describe('the tei dialect', () => {
  it('learns the model and limits from /info and sends {inputs, normalize, truncate} to /embed, vectors in input order', async () => {
    const { send } = await setUp();
    expect(link!.serverInfo).toEqual({ models: ['BAAI/bge-small-en-v1.5'], maxBatchSize: 32, maxBatchTokens: 16384, maxInputTokens: 512 });
    const r = await send([Buffer.from('alpha'), Buffer.from('beta')], 16);
    expect(r.error).toBeNull();
    expect(r.model).toBe('BAAI/bge-small-en-v1.5');
    expect(floats(r.results[0]!.vector)).toEqual([...hashingEmbed('alpha', 16)]);
    expect(floats(r.results[1]!.vector)).toEqual([...hashingEmbed('beta', 16)]);
    expect(embeds().at(-1)?.body).toEqual({ inputs: ['alpha', 'beta'], normalize: true, truncate: false });
  });

  it('cuts a batch to max_client_batch_size requests, and remembers a smaller limit a 413 names', async () => {
    // No probe after the first: the limit below changes on the server alone, as after its restart.
    const { send } = await setUp({ maxClientBatchSize: 4 }, { probeIntervalMs: 600_000 });
    const inputs = Array.from({ length: 10 }, (_, i) => Buffer.from(`input ${i}`));
    const r = await send(inputs, 16);
    expect(r.results.every((x) => x.error === null)).toBe(true);
    expect(embeds().map((e) => (e.body as { inputs: string[] }).inputs.length)).toEqual([4, 4, 2]);
    // The server's limit drops below what /info said (a restart with a smaller one): the 413 names it.
    server!.limits.maxClientBatchSize = 3;
    server!.requests.length = 0;
    const again = await send(inputs.slice(0, 4), 16);
    expect(again.results.every((x) => x.error === null)).toBe(true);
    expect(link!.serverInfo.learnedMaxInputs).toBe(3);
    server!.requests.length = 0;
    await send(inputs.slice(0, 6), 16);
    expect(embeds().map((e) => (e.body as { inputs: string[] }).inputs.length)).toEqual([3, 3]);
  });

  it('refuses alone an input over max_input_length (the others served), naming the limit', async () => {
    const { send } = await setUp({ maxInputLength: 64 });
    const r = await send([Buffer.from('short'), Buffer.from(words(100)), Buffer.from('also short')], 16);
    expect(r.error).toBeNull();
    expect(r.results[0]!.error).toBeNull();
    expect(r.results[2]!.error).toBeNull();
    expect(r.results[1]!.error).toMatchObject({ code: Status.INVALID_REQUEST, message: expect.stringContaining('must have less than 64 tokens') });
  });

  it('refuses up front an input TEI would never schedule (over max_batch_tokens, TEI #723) instead of waiting on it', async () => {
    const { send } = await setUp({ maxBatchTokens: 40, maxInputLength: 512 });
    const r = await send([Buffer.from('fits'), Buffer.from(words(200))], 16);
    expect(r.results[0]!.error).toBeNull();
    expect(r.results[1]!.error).toMatchObject({ code: Status.INVALID_REQUEST, message: expect.stringContaining('max_batch_tokens') });
    expect(server!.held).toBe(0);
    expect(embeds().flatMap((e) => (e.body as { inputs: string[] }).inputs)).toEqual(['fits']);
  });

  it('with truncate on, sends truncate: true and marks truncated exactly the inputs TEI cut (counted by its /tokenize)', async () => {
    const { send } = await setUp({ maxInputLength: 64 }, { truncate: true });
    // 'long' is cut; 'near' is long in bytes but within 64 tokens (each word one token), so it is whole.
    const long = words(100);
    const near = Array.from({ length: 60 }, () => 'abcd').join(' ');
    const r = await send([Buffer.from('short'), Buffer.from(long), Buffer.from(near)], 16);
    expect(r.error).toBeNull();
    expect(r.results.map((x) => x.truncated)).toEqual([false, true, false]);
    expect(floats(r.results[0]!.vector)).toEqual([...hashingEmbed('short', 16)]);
    expect(floats(r.results[1]!.vector)).not.toEqual([...hashingEmbed(long, 16)]);
    expect(embeds().at(-1)?.body).toMatchObject({ truncate: true });
    // Only the inputs that could have been cut were tokenized.
    expect(server!.requests.filter((q) => q.path === '/tokenize').flatMap((q) => (q.body as { inputs: string[] }).inputs)).toEqual([long, near]);
  });

  it('takes 429 Overloaded (no Retry-After) as RATE_LIMITED for the batch, and leaves the server alone a while', async () => {
    const { send } = await setUp();
    const congestion: boolean[] = [];
    link!.on('congestion', (on) => congestion.push(on));
    server!.overloaded = true;
    const r = await send([Buffer.from('x')], 16);
    expect(r.error).toMatchObject({ code: Status.RATE_LIMITED, message: expect.stringContaining('Model is overloaded') });
    expect(link!.congested).toBe(true);
    server!.overloaded = false;
    await until(() => !link!.congested, 'the hold-off over');
    expect(congestion).toEqual([true, false]);
  });

  it('is never made ready by a lying server whose answer to "what do you serve" runs past 4 MiB', async () => {
    let asked = 0;
    const huge = await listenForTests(async (req, res) => {
      for await (const _ of req);
      asked++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"models":[{"name":"${'x'.repeat(5 << 20)}"}]}`);
    });
    let told = 0;
    const liar = new HttpLink('liar', { baseUrl: huge.url, dialect: 'ollama', model: 'm', timeoutMs: 5000, probeIntervalMs: 10 });
    liar.discovery.on('info', () => told++);
    try {
      await until(() => asked >= 3, 'three probes answered', 10_000);
      expect([liar.ready, told, liar.serverInfo.models]).toEqual([false, 0, []]);
    } finally {
      liar.close();
      await huge.close();
    }
  });
});
