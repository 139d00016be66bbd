// A text-embeddings-inference stand-in for tests, written from TEI's documentation and router
// (docs/source/en/, router/src/http/server.rs): GET /info with its limits, GET /health, POST /embed
// ({inputs, normalize, truncate} -> float arrays in input order), POST /tokenize, and its refusals:
// an empty batch 400 "Empty"; a batch over max_client_batch_size 413 "batch size N > maximum allowed
// batch size M" (Validation); an input over max_input_length without truncate 413 "Input validation
// error: `inputs` must have less than M tokens. Given: N"; a body over the payload limit 413 (plain
// text); overload 429 "Overloaded". An input whose tokens exceed max_batch_tokens is never scheduled
// and never answered, as TEI #723 reports. Its tokenizer: a word is one token per four bytes, plus
// [CLS] and [SEP], so every token covers at least one byte as real tokenizers' do.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { hashingEmbed } from '../../src/embedder/hashing.js';
import { listenForTests } from './http-listen.js';

export interface TeiLimits {
  modelId: string;
  dimensions: number;
  maxClientBatchSize: number;
  maxBatchTokens: number;
  maxInputLength: number;
  payloadLimit: number;
}

export interface TeiServer {
  readonly url: string;
  readonly limits: TeiLimits;
  /** POST bodies received, by path. */
  readonly requests: Array<{ path: string; body: unknown }>;
  /** Requests held unanswered (inputs over max_batch_tokens). */
  readonly held: number;
  overloaded: boolean;
  close(): Promise<void>;
}

/** The tokens of `text` as this stand-in's tokenizer counts them (special tokens included). */
export function teiTokens(text: string): string[] {
  const words = text.match(/[^\s]+/g) ?? [];
  const pieces = words.flatMap((w) => {
    const bytes = Buffer.from(w);
    const out: string[] = [];
    for (let i = 0; i < bytes.length; i += 4) out.push(bytes.subarray(i, i + 4).toString('latin1'));
    return out;
  });
  return ['[CLS]', ...pieces, '[SEP]'];
}

export async function startTeiServer(limits: Partial<TeiLimits> = {}): Promise<TeiServer> {
  const l: TeiLimits = {
    modelId: 'BAAI/bge-small-en-v1.5',
    dimensions: 384,
    maxClientBatchSize: 32,
    maxBatchTokens: 16384,
    maxInputLength: 512,
    payloadLimit: 2_000_000,
    ...limits,
  };
  const requests: TeiServer['requests'] = [];
  const heldResponses = new Set<ServerResponse>();
  const state = { overloaded: false };
  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  const refuse = (res: ServerResponse, status: number, error: string, errorType: string) => json(res, status, { error, error_type: errorType });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      chunks.push(c as Buffer);
    }
    if (req.method === 'GET' && req.url === '/health') return void res.writeHead(200).end();
    if (req.method === 'GET' && req.url === '/info') {
      return json(res, 200, {
        model_id: l.modelId,
        model_sha: null,
        model_dtype: 'float32',
        model_type: { embedding: { pooling: 'cls' } },
        max_concurrent_requests: 512,
        max_input_length: l.maxInputLength,
        max_batch_tokens: l.maxBatchTokens,
        max_batch_requests: null,
        max_client_batch_size: l.maxClientBatchSize,
        auto_truncate: false,
        tokenization_workers: 2,
        version: '1.5.0',
        sha: null,
        docker_label: null,
      });
    }
    if (req.method !== 'POST' || (req.url !== '/embed' && req.url !== '/tokenize')) return refuse(res, 404, 'not found', 'Validation');
    if (size > l.payloadLimit) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Failed to buffer the request body: length limit exceeded');
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { inputs?: unknown; normalize?: boolean; truncate?: boolean };
    requests.push({ path: req.url, body });
    const inputs = typeof body.inputs === 'string' ? [body.inputs] : Array.isArray(body.inputs) ? (body.inputs as string[]) : [];
    if (inputs.length === 0) return refuse(res, 400, '`inputs` cannot be empty', 'Empty');
    if (inputs.length > l.maxClientBatchSize)
      return refuse(res, 413, `batch size ${inputs.length} > maximum allowed batch size ${l.maxClientBatchSize}`, 'Validation');
    if (req.url === '/tokenize') {
      return json(
        res,
        200,
        inputs.map((t) => teiTokens(t).map((text, id) => ({ id, text, special: text.startsWith('['), start: null, stop: null }))),
      );
    }
    if (state.overloaded) return refuse(res, 429, 'Model is overloaded', 'Overloaded');
    const truncate = body.truncate ?? false;
    const kept: string[] = [];
    for (const text of inputs) {
      const tokens = teiTokens(text);
      if (tokens.length > l.maxInputLength && !truncate)
        return refuse(res, 413, `Input validation error: \`inputs\` must have less than ${l.maxInputLength} tokens. Given: ${tokens.length}`, 'Validation');
      const used = Math.min(tokens.length, l.maxInputLength);
      if (used > l.maxBatchTokens) {
        // Never scheduled: the request waits until the client gives up.
        heldResponses.add(res);
        res.on('close', () => heldResponses.delete(res));
        return;
      }
      // A cut input is embedded from its first tokens only (so its vector differs from the whole one's).
      kept.push(used < tokens.length ? tokens.slice(1, used - 1).join('') : text);
    }
    const normalize = body.normalize ?? true;
    json(
      res,
      200,
      kept.map((t) => {
        const v = hashingEmbed(t, l.dimensions);
        if (!normalize) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * 2;
        return Array.from(v);
      }),
    );
  }

  const { url, close } = await listenForTests(handle);
  return {
    url,
    limits: l,
    requests,
    get held() {
      return heldResponses.size;
    },
    get overloaded() {
      return state.overloaded;
    },
    set overloaded(v: boolean) {
      state.overloaded = v;
    },
    close,
  };
}
