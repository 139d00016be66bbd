/**
 * A service link to an HTTP embedding server in one of the dialects of
 * http-dialects.ts (OpenAI-compatible, TEI, Ollama): batches through a
 * keep-alive undici pool, cut to what the server takes (inputs per request,
 * bytes, an input its token budget can never hold refused up front), a
 * refusal as too large split and its limit remembered, answers checked and
 * turned into the batch responses an SDK service sends. The server is asked
 * what it serves (its models and limits) at start and every probe: the
 * first answer makes the link ready, later ones are its heartbeats.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';

import type { Pool } from 'undici';

import { Status } from '../../abi/uapi.js';
import type { EmbedBatchRequestMsg, EmbedBatchResponseMsg, EmbedResultMsg } from '../wire/proto.js';
import { AnswerError, DIALECTS, type Dialect, type DialectName, type ServerInfo } from './http-dialects.js';
import {
  BatchError,
  MAX_JSON_FLOAT_CHARS,
  MAX_TOKENS_PER_INPUT,
  item,
  parseOrUndefined,
  readCapped,
  refusedBatch,
  transportError,
  vectorInto,
} from './http-answer.js';
import { type Piece, pieces, slice, tooLargeAlone } from './http-batches.js';
import type { ServiceFrameLimits, ServiceLink, ServiceLinkCounters, ServiceLinkEvents } from './service-link.js';

export interface HttpLinkOptions {
  /** The server's root, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  /** How the server is spoken to (default openai). */
  dialect?: DialectName;
  /** The server's name for the model; absent: the first it names when asked (TEI serves one and takes none). */
  model?: string | undefined;
  /** Sent as "Authorization: Bearer ..."; never logged. */
  apiKey?: string | undefined;
  headers?: Record<string, string>;
  /** Longest wait for one batch's answer, ms (a batch also ends at its requests' deadline). */
  timeoutMs?: number;
  /** Connections (and so requests in flight) to the server. */
  connections?: number;
  /** Send `dimensions` (for models that can shorten their vectors). */
  sendDimensions?: boolean;
  /** Inputs that are not valid UTF-8: refused (INVALID_REQUEST) or decoded with U+FFFD. */
  utf8?: 'reject' | 'replace';
  /** Between probes, ms: readiness while the server is not answering, liveness (heartbeats) once it is. */
  probeIntervalMs?: number;
  /** Let the server cut inputs longer than its limit (tei, ollama); off, they are refused INVALID_REQUEST. */
  truncate?: boolean;
  /** Ask for unit-length vectors (tei: `normalize`). */
  normalize?: boolean;
  /** Bytes of input in one request; an input longer than this alone is refused. */
  maxBatchBytes?: number | undefined;
}

export interface DiscoveryEvents {
  /** The server said what it serves (each probe; `changed` when it differs from the last answer). */
  info: [info: ServerInfo, changed: boolean];
}

// undici is ~20 MB of heap once loaded: loaded with the first HTTP backend, not by every daemon.
let undici: typeof import('undici') | undefined;
function loadUndici(): typeof import('undici') {
  undici ??= createRequire(import.meta.url)('undici') as typeof import('undici');
  return undici;
}

/** What one request for a piece of a batch came back with: a result per input, and whether a split found a limit. */
interface PieceAnswer {
  results: EmbedResultMsg[];
  model: string;
}

export class HttpLink extends EventEmitter<ServiceLinkEvents> implements ServiceLink {
  /** What the server says it serves, for those who show or route by it (the backends' owner). */
  readonly discovery = new EventEmitter<DiscoveryEvents>();
  readonly counters: ServiceLinkCounters = { sendBlocked: 0, framesRefused: 0, tokens: 0 };
  private readonly pool: Pool;
  private readonly dialect: Dialect;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  /** Set when invalid UTF-8 is decoded with U+FFFD rather than refused. */
  private readonly replacer: TextDecoder | undefined;
  private isReady = false;
  /** What the server last said of itself. */
  private known: ServerInfo = { models: [] };
  /** Inputs per request the server refused more of (413 naming or implying it). */
  private learnedMaxInputs = Number.POSITIVE_INFINITY;
  /** Requests sent and not yet answered. */
  private inflight = 0;
  private isCongested = false;
  private closed = false;
  private probeTimer: NodeJS.Timeout | undefined;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly serviceId: string,
    private readonly options: HttpLinkOptions,
  ) {
    super();
    this.dialect = DIALECTS[options.dialect ?? 'openai'];
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

  /** What the server last said it serves, and the limits this link keeps to (its own and those it learned). */
  get serverInfo(): ServerInfo & { learnedMaxInputs?: number } {
    return Number.isFinite(this.learnedMaxInputs) ? { ...this.known, learnedMaxInputs: this.learnedMaxInputs } : this.known;
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
    this.ask().then(
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

  private probe(): void {
    if (this.closed) return;
    this.ask().then(
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

  /** Asks the server what it serves; a server that names no model to use, when none is configured, is not ready. */
  private async ask(): Promise<void> {
    const res = await this.pool.request({
      path: this.dialect.infoPath,
      method: 'GET',
      headers: this.headers,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const text = await readCapped(res.body, 4 << 20);
    if (res.statusCode !== 200) throw new Error(`GET ${this.dialect.infoPath} answered ${res.statusCode}`);
    let info: ServerInfo;
    try {
      info = this.dialect.info(JSON.parse(text));
    } catch (err) {
      throw new Error(`GET ${this.dialect.infoPath} did not answer JSON: ${(err as Error).message}`);
    }
    if (this.options.model === undefined && info.models.length === 0 && this.dialect.name !== 'tei')
      throw new Error(`GET ${this.dialect.infoPath} names no model, and this backend names none to use`);
    const changed = JSON.stringify(info) !== JSON.stringify(this.known);
    this.known = info;
    this.discovery.emit('info', info, changed);
  }

  /** The model requests name: the configured one, or the first the server named. */
  private get model(): string | undefined {
    return this.options.model ?? this.known.models[0];
  }

  private async answer(batch: EmbedBatchRequestMsg): Promise<void> {
    const results: EmbedResultMsg[] = new Array(batch.inputs.length);
    const texts: string[] = [];
    /** UTF-8 bytes of each text, as sent: measured once for the limits, the cutting and the truncation check. */
    const sizes: number[] = [];
    const at: number[] = [];
    const limits = { maxInputs: Math.min(this.learnedMaxInputs, this.known.maxBatchSize ?? Number.POSITIVE_INFINITY), maxBytes: this.options.maxBatchBytes };
    batch.inputs.forEach((input, i) => {
      // isUtf8 is one native pass; the string is then made without a second check.
      let text: string;
      let size = input.byteLength;
      if (isUtf8(input)) text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
      else if (this.replacer !== undefined) {
        text = this.replacer.decode(input);
        size = Buffer.byteLength(text);
      } else {
        results[i] = item(Status.INVALID_REQUEST, 'the input is not valid UTF-8 (this backend refuses invalid sequences)');
        return;
      }
      const refusal = tooLargeAlone(size, limits.maxBytes, this.known, this.options.truncate === true);
      if (refusal !== undefined) {
        results[i] = item(Status.INVALID_REQUEST, refusal);
        return;
      }
      texts.push(text);
      sizes.push(size);
      at.push(i);
    });
    let msg: EmbedBatchResponseMsg;
    try {
      const timeoutMs = Math.min(this.timeoutMs, batch.timeoutMs || this.timeoutMs);
      const answers = await Promise.all(pieces(texts, sizes, limits).map((p) => this.embed(p, batch.dimensions, timeoutMs)));
      let k = 0;
      for (const a of answers) for (const r of a.results) results[at[k++] as number] = r;
      if (this.options.truncate === true) await this.markTruncated(texts, sizes, at, results, limits.maxInputs, timeoutMs);
      // The server names the model it ran (its answer's "model", or what it said it serves): the provenance the kernel gets.
      const model = answers.find((a) => a.model !== '')?.model ?? this.known.models[0] ?? this.model ?? '';
      msg = { batchId: batch.batchId, results, error: null, model, modelVersion: '' };
    } catch (err) {
      const e = err instanceof BatchError ? err : transportError(err as Error & { code?: string });
      if (e.retryAfterMs > 0) this.holdOff(e.retryAfterMs);
      msg = { batchId: batch.batchId, results: [], error: { code: e.status, message: e.message }, model: '', modelVersion: '' };
    }
    if (!this.closed) this.emit('response', msg);
  }

  /**
   * With truncation on, which inputs the server cut: those whose tokens
   * exceed its max_input_length, counted by the server's own tokenizer for
   * the inputs long enough to be cut (bytes + 2 bounds the tokens). When it
   * cannot tell, the batch fails rather than claim an input was whole.
   */
  private async markTruncated(texts: string[], sizes: number[], at: number[], results: EmbedResultMsg[], maxInputs: number, timeoutMs: number): Promise<void> {
    const max = this.known.maxInputTokens;
    const tokenize = this.dialect.tokenize;
    const maybe = sizes.flatMap((size, k) => (max !== undefined && size + 2 > max && results[at[k] as number]?.error === null ? [k] : []));
    if (maybe.length === 0) return;
    if (tokenize === undefined || max === undefined)
      throw new BatchError(Status.SERVICE_ERROR, 'cannot tell which inputs the server cut (it says no token limit)');
    let next = 0;
    const asked = pieces(
      maybe.map((k) => texts[k] as string),
      maybe.map((k) => sizes[k] as number),
      { maxInputs, maxBytes: undefined },
    );
    for (const p of asked) {
      const res = await this.post(tokenize.path, tokenize.body(p.texts), timeoutMs, p.bytes * 64 + 64 * 1024);
      if (res.statusCode !== 200)
        throw new BatchError(Status.SERVICE_ERROR, `cannot tell which inputs the server cut: POST ${tokenize.path} answered ${res.statusCode}`);
      let counts: number[];
      try {
        counts = tokenize.counts(JSON.parse(res.text), p.texts.length);
      } catch (err) {
        throw new BatchError(Status.SERVICE_ERROR, `cannot tell which inputs the server cut: ${(err as Error).message}`);
      }
      for (const n of counts) {
        const k = maybe[next++] as number;
        if (n > max) (results[at[k] as number] as EmbedResultMsg).truncated = true;
      }
    }
  }

  /** POSTs `body` as JSON; the answer's status, headers and body (refused past `maxBytes`: a broken or hostile server). */
  private async post(path: string, body: unknown, timeoutMs: number, maxBytes: number) {
    const res = await this.pool.request({
      path,
      method: 'POST',
      headers: this.headers,
      body: JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { statusCode: res.statusCode, headers: res.headers, text: await readCapped(res.body, maxBytes) };
  }

  /** One request for `p`; refused as too large, it is split in halves (one input alone is refused INVALID_REQUEST). */
  private async embed(p: Piece, dims: number, timeoutMs: number): Promise<PieceAnswer> {
    const { texts } = p;
    if (texts.length === 0) return { results: [], model: '' };
    const body = this.dialect.body({
      model: this.model,
      texts,
      dims,
      sendDimensions: this.options.sendDimensions === true,
      truncate: this.options.truncate === true,
      normalize: this.options.normalize !== false,
    });
    // Room for float arrays (most dialects answer them): a JSON number with sign, exponent and comma takes up to 26 characters.
    const res = await this.post(this.dialect.embedPath, body, timeoutMs, texts.length * (dims * MAX_JSON_FLOAT_CHARS + 1024) + 64 * 1024);
    const { text } = res;
    if (res.statusCode !== 200) {
      const reason = (this.dialect.message(parseOrUndefined(text)) ?? text).slice(0, 200) || '(no body)';
      if (this.dialect.tooLarge(res.statusCode, reason)) return this.split(p, reason, dims, timeoutMs);
      throw refusedBatch(res.statusCode, res.headers['retry-after'], reason);
    }
    return this.vectors(text, p, dims);
  }

  private async split(p: Piece, reason: string, dims: number, timeoutMs: number): Promise<PieceAnswer> {
    const n = p.texts.length;
    if (n === 1) return { results: [item(Status.INVALID_REQUEST, `the server refused this input as too large: ${reason}`)], model: '' };
    // TEI names its limit ("batch size 40 > maximum allowed batch size 32"): kept to from now on.
    const named = /maximum allowed batch size (\d+)/.exec(reason);
    if (named !== null) this.learnedMaxInputs = Math.min(this.learnedMaxInputs, Math.max(1, Number(named[1])));
    const half = Math.ceil(n / 2);
    const [a, b] = await Promise.all([this.embed(slice(p, 0, half), dims, timeoutMs), this.embed(slice(p, half, n), dims, timeoutMs)]);
    // A server that does not name its limit: the halves that went through are the size kept to.
    if (named === null && a.results.every((r) => r.error === null) && b.results.every((r) => r.error === null))
      this.learnedMaxInputs = Math.min(this.learnedMaxInputs, half);
    return { results: [...a.results, ...b.results], model: a.model || b.model };
  }

  /** The answer's vectors in input order, or a BatchError saying what is wrong with it. */
  private vectors(text: string, p: Piece, dims: number): PieceAnswer {
    const n = p.texts.length;
    let parsed: ReturnType<Dialect['embeddings']>;
    try {
      parsed = this.dialect.embeddings(JSON.parse(text), n);
    } catch (err) {
      const why = err instanceof AnswerError ? err.message : `the answer is not JSON: ${(err as Error).message}`;
      throw new BatchError(Status.SERVICE_ERROR, why);
    }
    // A server's count is believed only as a plausible one: a whole number, at most what the batch could hold.
    const tokens = parsed.tokens;
    if (tokens !== undefined && Number.isSafeInteger(tokens) && tokens >= 0 && tokens <= MAX_TOKENS_PER_INPUT * n) this.counters.tokens += tokens;
    // One buffer for the piece's vectors (each answer a view of it): no buffer per vector, and 4-byte aligned for the check.
    const slab = new Uint8Array(n * dims * 4);
    const results: EmbedResultMsg[] = new Array(n);
    for (let i = 0; i < n; i++) {
      results[i] = { vector: vectorInto(slab, i * dims * 4, parsed.embeddings[i], dims), error: null, traceparent: '', truncated: false };
    }
    return { results, model: parsed.model };
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
