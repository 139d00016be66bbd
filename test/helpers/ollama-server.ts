// An Ollama stand-in for tests, written from Ollama's API documentation (docs/api.md: "Generate
// Embeddings", "List Local Models"): GET / ("Ollama is running"), GET /api/tags, POST /api/embed
// ({model, input, truncate (default true), dimensions, keep_alive} -> {model, embeddings,
// total_duration, load_duration, prompt_eval_count}), and its refusals as {error}: no model 400
// "model is required", an unknown model 404 "model \"x\" not found, try pulling it first", an input
// over the model's context with truncate false 400 "the input length exceeds the context length".
// Its tokenizer counts a token per four bytes of each word, as the TEI stand-in's does.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { hashingEmbed } from '../../src/embedder/hashing.js';
import { listenForTests } from './http-listen.js';
import { teiTokens } from './tei-server.js';

export interface OllamaModel {
  dimensions: number;
  /** Tokens of one input the model takes (its num_ctx). */
  context: number;
}

export interface OllamaServer {
  readonly url: string;
  readonly requests: Array<{ path: string; body: unknown }>;
  close(): Promise<void>;
}

export async function startOllamaServer(
  models: Record<string, OllamaModel> = { 'nomic-embed-text:latest': { dimensions: 768, context: 2048 } },
): Promise<OllamaServer> {
  const requests: OllamaServer['requests'] = [];
  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'GET' && req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Ollama is running');
    }
    if (req.method === 'GET' && req.url === '/api/tags') {
      return json(res, 200, {
        models: Object.keys(models).map((name) => ({
          name,
          model: name,
          modified_at: '2026-11-30T10:00:00.000000000Z',
          size: 274302450,
          digest: '0a109f422b47e3a30ba2b10eca18548e944e8a23073ee3f3e947efcf3c45e59f',
          details: { parent_model: '', format: 'gguf', family: 'nomic-bert', families: ['nomic-bert'], parameter_size: '137M', quantization_level: 'F16' },
        })),
      });
    }
    if (req.method !== 'POST' || req.url !== '/api/embed') return json(res, 404, { error: '404 page not found' });
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model?: string; input?: unknown; truncate?: boolean; dimensions?: number };
    requests.push({ path: req.url, body });
    if (!body.model) return json(res, 400, { error: 'model is required' });
    const model = models[body.model];
    if (model === undefined) return json(res, 404, { error: `model "${body.model}" not found, try pulling it first` });
    const inputs = typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? (body.input as string[]) : [];
    const truncate = body.truncate ?? true;
    let evaluated = 0;
    const embeddings: number[][] = [];
    for (const text of inputs) {
      const tokens = teiTokens(text);
      if (tokens.length > model.context && !truncate) return json(res, 400, { error: 'the input length exceeds the context length' });
      const used = Math.min(tokens.length, model.context);
      evaluated += used;
      const kept = used < tokens.length ? tokens.slice(1, used - 1).join('') : text;
      embeddings.push(Array.from(hashingEmbed(kept, body.dimensions ?? model.dimensions)));
    }
    json(res, 200, { model: body.model, embeddings, total_duration: 14143917, load_duration: 1019500, prompt_eval_count: evaluated });
  }

  const { url, close } = await listenForTests(handle);
  return { url, requests, close };
}
