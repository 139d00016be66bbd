/**
 * A batch cut to what an HTTP server takes: at most so many inputs and so
 * many bytes per request, and an input no request could carry refused up
 * front with the limit named, rather than sent to fail or, on TEI, to wait
 * forever (an input over max_batch_tokens is never scheduled: TEI #723).
 */
import type { ServerInfo } from './http-dialects.js';

export interface Piece {
  texts: string[];
  /** UTF-8 bytes of each text. */
  sizes: number[];
  /** Their sum. */
  bytes: number;
}

export interface PieceLimits {
  maxInputs: number;
  maxBytes: number | undefined;
}

/** Special tokens a tokenizer adds around an input ([CLS] and [SEP], <s> and </s>). */
const SPECIAL_TOKENS = 2;

/**
 * Why an input of `bytes` can go in no request, or undefined. A token covers
 * at least one byte of text, so `bytes` + SPECIAL_TOKENS bounds its tokens
 * from above; with truncation on, the server cuts it to max_input_length.
 */
export function tooLargeAlone(bytes: number, maxBytes: number | undefined, info: ServerInfo, truncate: boolean): string | undefined {
  if (maxBytes !== undefined && bytes > maxBytes)
    return `the input is ${bytes} bytes; this backend takes at most ${maxBytes} bytes in one request (maxBatchBytes)`;
  const budget = info.maxBatchTokens;
  if (budget === undefined) return undefined;
  const most = truncate && info.maxInputTokens !== undefined ? Math.min(bytes + SPECIAL_TOKENS, info.maxInputTokens) : bytes + SPECIAL_TOKENS;
  // Without truncation an input over max_input_length is refused by the server itself, before its budget matters.
  const refusedFirst = !truncate && info.maxInputTokens !== undefined && info.maxInputTokens <= budget;
  if (most <= budget || refusedFirst) return undefined;
  return `the input is ${bytes} bytes, up to ${most} tokens; the server schedules at most ${budget} tokens at once (max_batch_tokens${
    info.maxInputTokens !== undefined ? `, below its max_input_length ${info.maxInputTokens}` : ''
  }) and would never answer it`;
}

/** `texts` (of `sizes` bytes) in order, in pieces of at most `maxInputs` inputs and `maxBytes` bytes (one input alone may be the whole piece). */
export function pieces(texts: readonly string[], sizes: readonly number[], limits: PieceLimits): Piece[] {
  const out: Piece[] = [];
  let current: Piece = { texts: [], sizes: [], bytes: 0 };
  texts.forEach((t, i) => {
    const bytes = sizes[i] as number;
    const full = current.texts.length >= limits.maxInputs || (limits.maxBytes !== undefined && current.bytes + bytes > limits.maxBytes);
    if (full && current.texts.length > 0) {
      out.push(current);
      current = { texts: [], sizes: [], bytes: 0 };
    }
    current.texts.push(t);
    current.sizes.push(bytes);
    current.bytes += bytes;
  });
  if (current.texts.length > 0) out.push(current);
  return out;
}

/** Inputs [from, to) of `p`. */
export function slice(p: Piece, from: number, to: number): Piece {
  const sizes = p.sizes.slice(from, to);
  return { texts: p.texts.slice(from, to), sizes, bytes: sizes.reduce((a, b) => a + b, 0) };
}
