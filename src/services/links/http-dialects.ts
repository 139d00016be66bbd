/**
 * The embedding servers' HTTP dialects, one table: where an HTTP backend
 * asks what a server serves, where it sends a batch, how the batch is
 * written and the answer read, and which refusals mean "too large". Each
 * row follows its vendor's documentation:
 * - openai: POST /v1/embeddings, GET /v1/models (OpenAI, vLLM, llama.cpp,
 *   Infinity, LiteLLM, TEI's and Ollama's compatibility routes);
 * - tei: text-embeddings-inference's own POST /embed and GET /info (its
 *   limits: max_client_batch_size, max_batch_tokens, max_input_length);
 *   errors {error, error_type}, Validation 413, Tokenizer 422, Overloaded 429;
 * - ollama: POST /api/embed and GET /api/tags; errors {error}.
 */

export type DialectName = 'openai' | 'tei' | 'ollama';
export const DIALECTS_NAMED = ['openai', 'tei', 'ollama'] as const satisfies readonly DialectName[];

/** What a server says of itself: the models it serves and, where it tells them, its limits. */
export interface ServerInfo {
  models: string[];
  /** Inputs in one request (TEI max_client_batch_size). */
  maxBatchSize?: number;
  /** Tokens the server batches together (TEI max_batch_tokens): an input over it is never served (TEI #723). */
  maxBatchTokens?: number;
  /** Tokens of one input (TEI max_input_length); longer ones are refused or, when truncation is on, cut. */
  maxInputTokens?: number;
}

export interface EmbedBody {
  model: string | undefined;
  texts: string[];
  dims: number;
  sendDimensions: boolean;
  truncate: boolean;
  normalize: boolean;
}

/** An answer's embeddings in input order (base64 strings or number arrays), the model it names and the tokens it counted. */
export interface Embeddings {
  embeddings: unknown[];
  model: string;
  tokens: number | undefined;
}

export interface Dialect {
  readonly name: DialectName;
  /** GET: readiness, liveness and discovery. */
  readonly infoPath: string;
  info(answer: unknown): ServerInfo;
  /** POST one batch. */
  readonly embedPath: string;
  body(b: EmbedBody): unknown;
  /** The answer's embeddings for `n` inputs; throws an AnswerError saying what is wrong with it. */
  embeddings(answer: unknown, n: number): Embeddings;
  /** The server's own words in an error answer. */
  message(answer: unknown): string | undefined;
  /** Whether a refusal means the request was too large (split it; a single input is refused). */
  tooLarge(httpStatus: number, message: string): boolean;
  /** Whether the server can be told to cut long inputs rather than refuse them, and says which it cut (by `tokenize`). */
  readonly truncates: boolean;
  /** Token counts of inputs, special tokens included: how the link tells which inputs a cut shortened. */
  readonly tokenize?: { readonly path: string; body(texts: string[]): unknown; counts(answer: unknown, n: number): number[] };
}

/** An answer that does not say what its dialect promises. */
export class AnswerError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);
/** The names a list's entries give under `key`: strings of at most 256 characters, the first 64 (a server's list is not trusted to be small). */
const names = (list: unknown, key: string): string[] =>
  Array.isArray(list)
    ? list.slice(0, 64).flatMap((m) => (isObject(m) && typeof m[key] === 'string' && (m[key] as string).length <= 256 ? [m[key] as string] : []))
    : [];

const openai: Dialect = {
  name: 'openai',
  infoPath: '/v1/models',
  info: (a) => ({ models: names(isObject(a) ? a.data : undefined, 'id') }),
  embedPath: '/v1/embeddings',
  body: (b) => ({ model: b.model, input: b.texts, encoding_format: 'base64', ...(b.sendDimensions ? { dimensions: b.dims } : {}) }),
  embeddings(a, n) {
    const data = isObject(a) ? a.data : undefined;
    if (!Array.isArray(data) || data.length !== n)
      throw new AnswerError(`the answer has ${Array.isArray(data) ? data.length : 'no'} embeddings for ${n} inputs`);
    const out: unknown[] = new Array(n);
    for (const d of data) {
      const i = isObject(d) ? d.index : undefined;
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= n || out[i] !== undefined) {
        throw new AnswerError(`the answer has a missing, repeated or out-of-range index ${String(i)}`);
      }
      out[i] = (d as Record<string, unknown>).embedding;
    }
    const usage = isObject(a) && isObject(a.usage) ? a.usage.prompt_tokens : undefined;
    return { embeddings: out, model: isObject(a) && typeof a.model === 'string' ? a.model : '', tokens: typeof usage === 'number' ? usage : undefined };
  },
  message(a) {
    const m = isObject(a) && isObject(a.error) ? a.error.message : undefined;
    return typeof m === 'string' ? m : undefined;
  },
  tooLarge: (status) => status === 413,
  truncates: false,
};

const tei: Dialect = {
  name: 'tei',
  infoPath: '/info',
  info(a) {
    if (!isObject(a)) return { models: [] };
    return {
      models: typeof a.model_id === 'string' && a.model_id.length <= 256 ? [a.model_id] : [],
      maxBatchSize: count(a.max_client_batch_size),
      maxBatchTokens: count(a.max_batch_tokens),
      maxInputTokens: count(a.max_input_length),
    };
  },
  embedPath: '/embed',
  // TEI serves one model and takes no model name; it answers float arrays in input order.
  body: (b) => ({ inputs: b.texts, normalize: b.normalize, truncate: b.truncate }),
  embeddings(a, n) {
    if (!Array.isArray(a) || a.length !== n) throw new AnswerError(`the answer has ${Array.isArray(a) ? a.length : 'no'} embeddings for ${n} inputs`);
    return { embeddings: a, model: '', tokens: undefined };
  },
  message: (a) => (isObject(a) && typeof a.error === 'string' ? a.error : undefined),
  // Validation errors (a batch over max_client_batch_size, an input over max_input_length) are 413.
  tooLarge: (status) => status === 413,
  truncates: true,
  tokenize: {
    path: '/tokenize',
    body: (texts) => ({ inputs: texts, add_special_tokens: true }),
    counts(a, n) {
      if (!Array.isArray(a) || a.length !== n || !a.every(Array.isArray)) throw new AnswerError(`the tokenization has no token list for each of ${n} inputs`);
      return a.map((tokens: unknown[]) => tokens.length);
    },
  },
};

const ollama: Dialect = {
  name: 'ollama',
  infoPath: '/api/tags',
  info: (a) => ({ models: names(isObject(a) ? a.models : undefined, 'name') }),
  embedPath: '/api/embed',
  body: (b) => ({ model: b.model, input: b.texts, truncate: b.truncate, ...(b.sendDimensions ? { dimensions: b.dims } : {}) }),
  embeddings(a, n) {
    const list = isObject(a) ? a.embeddings : undefined;
    if (!Array.isArray(list) || list.length !== n)
      throw new AnswerError(`the answer has ${Array.isArray(list) ? list.length : 'no'} embeddings for ${n} inputs`);
    const tokens = isObject(a) ? a.prompt_eval_count : undefined;
    return { embeddings: list, model: isObject(a) && typeof a.model === 'string' ? a.model : '', tokens: typeof tokens === 'number' ? tokens : undefined };
  },
  message: (a) => (isObject(a) && typeof a.error === 'string' ? a.error : undefined),
  // Ollama refuses an input over the model's context (truncate false) with 400 for the whole request.
  tooLarge: (status, message) => status === 413 || (status === 400 && /context length/i.test(message)),
  // Ollama cuts by default and does not say which inputs it cut: the link always asks it not to.
  truncates: false,
};

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { openai, tei, ollama };
