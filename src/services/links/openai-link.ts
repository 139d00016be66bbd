/**
 * A service link to an OpenAI-compatible embedding server (TEI, Ollama,
 * vLLM, llama.cpp, Infinity, LocalAI, a hosted API): one POST
 * /v1/embeddings per batch through a keep-alive undici pool, answers
 * checked (count, order by index, length, finite values) and turned into
 * the same batch responses an SDK service sends, HTTP failures into the
 * bridge's statuses. Ready once GET /v1/models answers; health checks are
 * the same request.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

import type { Pool } from 'undici';

import { Consts, Status } from '../../abi/uapi.js';
import type { EmbedBatchRequestMsg, EmbedBatchResponseMsg, EmbedResultMsg } from '../wire/proto.js';
import type { ServiceFrameLimits, ServiceLink, ServiceLinkCounters, ServiceLinkEvents } from './service-link.js';

export interface OpenAiLinkOptions {
  /** The server's root, e.g. http://127.0.0.1:8080 (requests go to /v1/...). */
  baseUrl: string;
  /** The server's name for the model this service embeds with. */
  model: string;
  /** Sent as "Authorization: Bearer ..."; never logged. */
  apiKey?: string;
  headers?: Record<string, string>;
  /** Longest wait for one batch's answer, ms (a batch also ends at its requests' deadline). */
  timeoutMs?: number;
  /** Connections (and so batches in flight) to the server. */
  connections?: number;
  /** Send `dimensions` (for models that can shorten their vectors). */
  sendDimensions?: boolean;
  /** Inputs that are not valid UTF-8: refused (INVALID_REQUEST) or decoded with U+FFFD. */
  utf8?: 'reject' | 'replace';
  /** Between probes (GET /v1/models), ms: readiness while it is not answering, liveness (heartbeats) once it is. */
  probeIntervalMs?: number;
}

// undici is ~20 MB of heap once loaded: loaded with the first HTTP backend, not by every daemon.
let undici: typeof import('undici') | undefined;
function loadUndici(): typeof import('undici') {
  undici ??= createRequire(import.meta.url)('undici') as typeof import('undici');
  return undici;
}

/** Statuses for HTTP answers that are not 200 (413 is handled by splitting the batch). */
function statusOf(httpStatus: number): number {
  if (httpStatus === 400 || httpStatus === 422) return Status.INVALID_REQUEST;
  if (httpStatus === 404) return Status.MODEL_NOT_FOUND;
  if (httpStatus === 429) return Status.RATE_LIMITED;
  return Status.SERVICE_ERROR;
}

class BatchError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
  }
}

export class OpenAiLink extends EventEmitter<ServiceLinkEvents> implements ServiceLink {
  readonly counters: ServiceLinkCounters = { sendBlocked: 0, framesRefused: 0, tokens: 0 };
  private readonly pool: Pool;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  /** Set when invalid UTF-8 is decoded with U+FFFD rather than refused. */
  private readonly replacer: TextDecoder | undefined;
  private isReady = false;
  /** Batches sent and not yet answered. */
  private inflight = 0;
  private isCongested = false;
  private closed = false;
  private probeTimer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly serviceId: string,
    private readonly options: OpenAiLinkOptions,
  ) {
    super();
    this.pool = new (loadUndici().Pool)(new URL(options.baseUrl).origin, { connections: options.connections ?? 4, pipelining: 1 });
    this.headers = { 'content-type': 'application/json', ...options.headers };
    if (options.apiKey) this.headers.authorization = `Bearer ${options.apiKey}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.replacer = options.utf8 === 'replace' ? new TextDecoder('utf-8') : undefined;
    this.probe();
  }

  get ready(): boolean {
    return this.isReady;
  }

  /** True while the server asked to be left alone (429 with Retry-After). */
  get congested(): boolean {
    return this.isCongested;
  }

  get sendBuffered(): number {
    return 0;
  }

  send(batch: EmbedBatchRequestMsg): 'sent' | 'down' | 'blocked' {
    if (!this.isReady) return 'down';
    if (this.isCongested) {
      this.counters.sendBlocked++;
      return 'blocked';
    }
    this.inflight++;
    void this.answer(batch).finally(() => this.inflight--);
    return 'sent';
  }

  healthCheck(id: number): boolean {
    if (!this.isReady) return false;
    this.models().then(
      () => this.emit('healthResult', id, true, ''),
      (err: Error) => this.emit('healthResult', id, false, err.message),
    );
    return true;
  }

  ackStopping(): void {}

  /** Answers are bounded per batch from its own size and dimensions: nothing to resize. */
  setLimits(_limits: ServiceFrameLimits): void {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.isReady = false;
    clearTimeout(this.probeTimer);
    clearTimeout(this.holdTimer);
    void this.pool.close();
  }

  /**
   * The server is asked for its models every probeIntervalMs: the first
   * answer makes the link ready, each later one is a heartbeat (the registry
   * takes a silent service out of rotation), a failure takes it down until
   * the server answers again.
   */
  private probe(): void {
    if (this.closed) return;
    this.models().then(
      () => {
        if (this.closed) return;
        if (!this.isReady) {
          this.isReady = true;
          this.emit('ready');
        } else this.emit('heartbeat', this.inflight, 0, 0);
        this.again();
      },
      (err: Error) => {
        if (this.closed) return;
        if (this.isReady) {
          this.isReady = false;
          this.emit('down', err.message);
        }
        this.again();
      },
    );
  }

  private again(): void {
    this.probeTimer = setTimeout(() => this.probe(), this.options.probeIntervalMs ?? 1000);
    this.probeTimer.unref();
  }

  private async models(): Promise<void> {
    const res = await this.pool.request({
      path: '/v1/models',
      method: 'GET',
      headers: this.headers,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`GET /v1/models answered ${res.statusCode}`);
  }

  private async answer(batch: EmbedBatchRequestMsg): Promise<void> {
    const results: EmbedResultMsg[] = new Array(batch.inputs.length);
    const texts: string[] = [];
    const at: number[] = [];
    batch.inputs.forEach((input, i) => {
      // isUtf8 is one native pass; the string is then made without a second check.
      if (isUtf8(input)) texts.push(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8'));
      else if (this.replacer !== undefined) texts.push(this.replacer.decode(input));
      else {
        results[i] = item(Status.INVALID_REQUEST, 'the input is not valid UTF-8 (this backend refuses invalid sequences)');
        return;
      }
      at.push(i);
    });
    let msg: EmbedBatchResponseMsg;
    try {
      const answer = await this.embed(texts, batch.dimensions, Math.min(this.timeoutMs, batch.timeoutMs || this.timeoutMs));
      answer.vectors.forEach((v, k) => {
        results[at[k] as number] = { vector: v, error: null, traceparent: '', truncated: false };
      });
      // The server names the model it ran (its answer's "model"): the provenance the kernel gets.
      msg = { batchId: batch.batchId, results, error: null, model: answer.model, modelVersion: '' };
    } catch (err) {
      const e = err instanceof BatchError ? err : transportError(err as Error & { code?: string });
      if (e.retryAfterMs > 0) this.holdOff(e.retryAfterMs);
      msg = { batchId: batch.batchId, results: [], error: { code: e.status, message: e.message }, model: '', modelVersion: '' };
    }
    if (!this.closed) this.emit('response', msg);
  }

  /** One POST for `texts`; a 413 splits the batch in halves. */
  private async embed(texts: string[], dims: number, timeoutMs: number): Promise<{ vectors: Uint8Array[]; model: string }> {
    if (texts.length === 0) return { vectors: [], model: '' };
    const body: Record<string, unknown> = { model: this.options.model, input: texts, encoding_format: 'base64' };
    if (this.options.sendDimensions) body.dimensions = dims;
    const res = await this.pool.request({
      path: '/v1/embeddings',
      method: 'POST',
      headers: this.headers,
      body: JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Room for float arrays too (servers may ignore encoding_format): a JSON number with sign, exponent and comma takes up to 26 characters.
    const text = await readCapped(res.body, texts.length * (dims * MAX_JSON_FLOAT_CHARS + 1024) + 64 * 1024);
    if (res.statusCode === 413 && texts.length > 1) {
      const half = Math.ceil(texts.length / 2);
      const a = await this.embed(texts.slice(0, half), dims, timeoutMs);
      const b = await this.embed(texts.slice(half), dims, timeoutMs);
      return { vectors: [...a.vectors, ...b.vectors], model: a.model };
    }
    if (res.statusCode !== 200) {
      const reason = serverMessage(text);
      if (res.statusCode === 401 || res.statusCode === 403)
        throw new BatchError(Status.SERVICE_ERROR, `the server refused the credentials (${res.statusCode}): ${reason}`);
      const retryAfter = Number(res.headers['retry-after']);
      throw new BatchError(statusOf(res.statusCode), `the server answered ${res.statusCode}: ${reason}`, Number.isFinite(retryAfter) ? retryAfter * 1000 : 0);
    }
    return this.vectors(text, texts.length, dims);
  }

  /** The answer's vectors in input order, or a BatchError saying what is wrong with it. */
  private vectors(text: string, n: number, dims: number): { vectors: Uint8Array[]; model: string } {
    let parsed: { data?: Array<{ index?: unknown; embedding?: unknown }>; usage?: { prompt_tokens?: unknown }; model?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new BatchError(Status.SERVICE_ERROR, `the answer is not JSON: ${(err as Error).message}`);
    }
    const data = parsed.data;
    if (!Array.isArray(data) || data.length !== n)
      throw new BatchError(Status.SERVICE_ERROR, `the answer has ${Array.isArray(data) ? data.length : 'no'} embeddings for ${n} inputs`);
    // A server's count is believed only as a plausible one: a whole number, at most what the batch could hold.
    const tokens = parsed.usage?.prompt_tokens;
    if (typeof tokens === 'number' && Number.isSafeInteger(tokens) && tokens >= 0 && tokens <= MAX_TOKENS_PER_INPUT * n) this.counters.tokens += tokens;
    // One buffer for the batch's vectors (each answer a view of it): no buffer per vector, and 4-byte aligned for the check.
    const slab = new Uint8Array(n * dims * 4);
    const out: Uint8Array[] = new Array(n);
    for (const d of data) {
      const i = d.index;
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= n || out[i] !== undefined) {
        throw new BatchError(Status.SERVICE_ERROR, `the answer has a missing, repeated or out-of-range index ${String(i)}`);
      }
      out[i] = vectorInto(slab, i * dims * 4, d.embedding, dims);
    }
    return { vectors: out, model: typeof parsed.model === 'string' ? parsed.model : '' };
  }

  /** 429 with Retry-After: no batches to this server until then (queued work waits or goes elsewhere). */
  private holdOff(ms: number): void {
    this.isCongested = true;
    this.emit('congestion', true);
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(
      () => {
        this.isCongested = false;
        this.emit('congestion', false);
      },
      Math.min(ms, 60_000),
    );
    this.holdTimer.unref();
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** A request that never got an HTTP answer: the batch's time ran out (TIMEOUT), or the connection failed (SERVICE_ERROR). */
function transportError(err: Error & { code?: string }): BatchError {
  if (err.name === 'TimeoutError' || TIMEOUT_CODES.has(err.code ?? '')) return new BatchError(Status.TIMEOUT, 'the server did not answer in time');
  return new BatchError(Status.SERVICE_ERROR, `the server could not be reached: ${err.message}`);
}

function item(code: number, message: string): EmbedResultMsg {
  return { vector: new Uint8Array(0), error: { code, message }, traceparent: '', truncated: false };
}

const MAX_JSON_FLOAT_CHARS = 26;
/** More tokens than bytes is impossible for the inputs the kernel sends (at most MAX_INPUT_BYTES each); this bounds a lying count. */
const MAX_TOKENS_PER_INPUT = Consts.MAX_INPUT_BYTES;

/**
 * A float32 little-endian vector of `dims` from base64 or a number array,
 * written into `slab` at `offset`; finite values only.
 */
function vectorInto(slab: Uint8Array, offset: number, embedding: unknown, dims: number): Uint8Array {
  const bytes = dims * 4;
  const v = slab.subarray(offset, offset + bytes);
  if (typeof embedding === 'string') {
    const length = Buffer.byteLength(embedding, 'base64');
    if (length !== bytes) throw new BatchError(Status.SERVICE_ERROR, `an embedding has ${length / 4} dimensions, expected ${dims}`);
    // The decoder skips characters outside the alphabet: fewer bytes written is how they show.
    if (Buffer.from(v.buffer, v.byteOffset, bytes).write(embedding, 0, bytes, 'base64') !== bytes) {
      throw new BatchError(Status.SERVICE_ERROR, 'an embedding has characters outside the base64 alphabet');
    }
  } else if (Array.isArray(embedding)) {
    if (embedding.length !== dims) throw new BatchError(Status.SERVICE_ERROR, `an embedding has ${embedding.length} dimensions, expected ${dims}`);
    const f = new Float32Array(v.buffer, v.byteOffset, dims);
    for (let k = 0; k < dims; k++) {
      const x = embedding[k];
      if (typeof x !== 'number') throw new BatchError(Status.SERVICE_ERROR, 'an embedding has a value that is not a number');
      f[k] = x;
    }
  } else {
    throw new BatchError(Status.SERVICE_ERROR, 'an embedding is neither base64 nor an array of numbers');
  }
  // All exponent bits set is Inf or NaN: one integer test per value (a float32 overflowing from a number array is caught too).
  const words = new Uint32Array(v.buffer, v.byteOffset, dims);
  for (let k = 0; k < dims; k++) {
    if (((words[k] as number) & 0x7f800000) === 0x7f800000) throw new BatchError(Status.SERVICE_ERROR, 'an embedding has a value that is not a finite number');
  }
  return v;
}

/** The body as text, refusing one larger than `max` bytes (a broken or hostile server). */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.length;
    if (size > max) {
      body.destroy();
      throw new BatchError(Status.SERVICE_ERROR, `the answer is larger than ${max} bytes`);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function serverMessage(text: string): string {
  try {
    const m = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof m === 'string') return m.slice(0, 200);
  } catch {
    // Not JSON: the text itself, shortened.
  }
  return text.slice(0, 200) || '(no body)';
}
