// An OpenAI-compatible embedding server of our own for tests: POST /v1/embeddings and GET
// /v1/models, answering with the hashing embedder (fast, deterministic). `fault` makes it misbehave
// the ways real servers do, so the HTTP backend's handling of each can be tested.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { hashingEmbed } from '../../src/embedder/hashing.js';
import { listenForTests } from './http-listen.js';

export type Fault =
  | 'none'
  | 'rate-limit'
  | 'server-error'
  | 'unauthorized'
  | 'hang'
  | 'reset'
  | 'wrong-dimensions'
  | 'bad-base64'
  | 'not-finite'
  | 'wrong-count'
  | 'malformed-json'
  | 'too-large'
  | 'huge-body';

export interface OpenAiServer {
  readonly url: string;
  /** Requests received, with their parsed bodies (for /v1/embeddings). */
  readonly requests: Array<{ path: string; body: unknown; authorization: string | undefined }>;
  fault: Fault;
  /** For 'too-large': batches larger than this get 413. */
  maxInputs: number;
  /** Answer number arrays even when base64 is asked for (as servers that ignore encoding_format do). */
  floatArrays: boolean;
  /** What usage.prompt_tokens says (default: three per input). */
  promptTokens: unknown;
  /** The "model" its answers name (default: the one asked for), as servers that resolve an alias answer with the full name. */
  answerModel: string | undefined;
  close(): Promise<void>;
}

/** floatArrays answers: every value shifted off zero, so each prints as long as a real model's (hashing vectors are mostly zeros). */
export const denseFloat = (x: number) => x - 0.0123456789;

export async function startOpenAiServer(models: Record<string, number> = { 'hash-384': 384 }): Promise<OpenAiServer> {
  const state: Omit<OpenAiServer, 'url' | 'close'> = {
    requests: [],
    fault: 'none',
    maxInputs: Number.POSITIVE_INFINITY,
    floatArrays: false,
    promptTokens: undefined,
    answerModel: undefined,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    state.requests.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'GET' && req.url === '/v1/models') {
      json(200, { object: 'list', data: Object.keys(models).map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })) });
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/embeddings' || body === undefined) {
      json(404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
      return;
    }
    const f = state.fault;
    if (f === 'hang') return;
    if (f === 'reset') {
      req.socket.destroy();
      return;
    }
    if (f === 'rate-limit') return json(429, { error: { message: 'slow down', type: 'rate_limit_error' } }, { 'retry-after': '1' });
    if (f === 'server-error') return json(500, { error: { message: 'the model crashed', type: 'server_error' } });
    if (f === 'unauthorized') return json(401, { error: { message: 'bad key', type: 'invalid_request_error' } });
    if (f === 'malformed-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": [');
      return;
    }
    if (f === 'huge-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"data": "${'x'.repeat(64 * 1024 * 1024)}"}`);
      return;
    }
    const model = String(body.model);
    const dims = models[model];
    if (dims === undefined) return json(404, { error: { message: `model ${model} not found`, type: 'invalid_request_error', code: 'model_not_found' } });
    const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
    if (f === 'too-large' && inputs.length > state.maxInputs)
      return json(413, { error: { message: `at most ${state.maxInputs} inputs`, type: 'invalid_request_error' } });
    const want = typeof body.dimensions === 'number' ? body.dimensions : dims;
    const base64 = body.encoding_format === 'base64' && !state.floatArrays;
    let data = inputs.map((input, index) => {
      const v = hashingEmbed(input, f === 'wrong-dimensions' ? want + 1 : want);
      if (state.floatArrays) return { object: 'embedding', index, embedding: Array.from(v, denseFloat) };
      if (f === 'not-finite') v[v.length - 1] = Number.NaN;
      const b64 = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
      // The right length, one character outside the alphabet (a lenient decoder skips it and comes up short).
      if (f === 'bad-base64') return { object: 'embedding', index, embedding: `${b64.slice(0, 4)}!${b64.slice(5)}` };
      return { object: 'embedding', index, embedding: base64 ? b64 : Array.from(v) };
    });
    if (f === 'wrong-count') data = data.slice(1);
    // Out of order on purpose: clients must order by index.
    data.reverse();
    const tokens = state.promptTokens ?? inputs.length * 3;
    json(200, { object: 'list', data, model: state.answerModel ?? model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
  }

  return Object.assign(state, await listenForTests(handle));
}
