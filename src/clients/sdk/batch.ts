/**
 * Answering one batch, the same for every transport a service serves on
 * (the daemon's Unix connection, a NATS request): the author's embed()
 * called with the batch's options, its results checked and turned into
 * per-item results; thrown errors fail the batch's items with their status.
 */
import { Consts, Status } from '../../abi/uapi.js';
import { traceparentsOf } from '../../services/wire/trace-context.js';
import type { EmbedBatchRequestMsg, EmbedResultInit, ServiceFrameInit } from '../../services/wire/proto.js';

export interface EmbedOptions {
  /** The model the request named, or undefined for the service's default. */
  model: string | undefined;
  dimensions: number;
  /** Aborted when the batch's most urgent deadline passes. */
  signal: AbortSignal;
  /**
   * W3C traceparent of each input: its trace id carries the kernel request's
   * correlation id, its parent is the daemon's span for it (sampled) or the
   * kernel side (not sampled). A service that traces makes its spans
   * children of these.
   */
  readonly traceparents: string[];
}

/** A vector of an input the service cut to fit its model: the kernel is told (provenance). */
export interface TruncatedVector {
  vector: Float32Array;
  truncated: true;
}

/** One input's answer: its vector, its vector cut short, or an Error that fails just that input. */
export type EmbedItem = Float32Array | TruncatedVector | Error;

/**
 * Returns one item of `dimensions` values per input, in order. A thrown
 * error fails the whole batch.
 */
export type EmbedFn = (inputs: Uint8Array[], options: EmbedOptions) => Promise<EmbedItem[]> | EmbedItem[];

/** An error that carries a bridge status (e.g. Status.INVALID_REQUEST for a bad input). */
export class EmbedItemError extends Error {
  constructor(
    message: string,
    readonly status: number = Status.SERVICE_ERROR,
  ) {
    super(message);
  }
}

/** The answer to `req` (results in input order, each with its trace context when the daemon records spans). */
export async function answerBatch(req: EmbedBatchRequestMsg, embed: EmbedFn): Promise<EmbedBatchResponseInit> {
  const n = req.inputs.length;
  const signal = AbortSignal.timeout(Math.max(1, req.timeoutMs || Consts.DEFAULT_TIMEOUT_MS));
  let results: EmbedResultInit[];
  try {
    const out = await embed(req.inputs, {
      model: req.model === '' ? undefined : req.model,
      dimensions: req.dimensions,
      signal,
      // Built only if the service reads them.
      get traceparents() {
        return traceparentsOf(req, n);
      },
    });
    if (!Array.isArray(out) || out.length !== n) {
      results = fail(n, Status.SERVICE_ERROR, `embed returned ${Array.isArray(out) ? out.length : typeof out} results for ${n} inputs`);
    } else {
      results = out.map((v) => toResult(v, req.dimensions));
    }
  } catch (err) {
    results = fail(n, statusOf(err), (err as Error)?.message ?? String(err));
  }
  // When the daemon records spans, each result carries its trace context back to tie the two sides together.
  if (req.traceSpanIds.length > 0) {
    const tps = traceparentsOf(req, n);
    for (let i = 0; i < tps.length; i++) (results[i] as EmbedResultInit).traceparent = tps[i];
  }
  return { batchId: req.batchId, results };
}

export type EmbedBatchResponseInit = NonNullable<ServiceFrameInit['response']>;
export type HealthCheckResultInit = NonNullable<ServiceFrameInit['healthResult']>;

/** The service's answer to an active health check: its own check's verdict, or healthy while the process answers. */
export async function checkHealth(id: number, check: (() => boolean | Promise<boolean>) | undefined): Promise<HealthCheckResultInit> {
  try {
    const healthy = (await check?.()) ?? true;
    return { id, healthy, message: healthy ? '' : 'the health check said unhealthy' };
  } catch (err) {
    return { id, healthy: false, message: err instanceof Error ? err.message : String(err) };
  }
}

function toResult(item: EmbedItem, dims: number): EmbedResultInit {
  if (item instanceof Error) return { error: { code: statusOf(item), message: item.message } };
  const truncated = !(item instanceof Float32Array) && item?.truncated === true;
  const v = truncated ? (item as TruncatedVector).vector : item;
  if (!(v instanceof Float32Array))
    return { error: { code: Status.SERVICE_ERROR, message: 'embed returned an item that is not a Float32Array, { vector, truncated: true } or an Error' } };
  if (v.length !== dims) return { error: { code: Status.SERVICE_ERROR, message: `vector has ${v.length} values, ${dims} requested` } };
  return { vector: new Uint8Array(v.buffer, v.byteOffset, v.byteLength), ...(truncated ? { truncated } : {}) };
}

function statusOf(err: unknown): number {
  return err instanceof EmbedItemError ? err.status : Status.SERVICE_ERROR;
}

function fail(n: number, code: number, message: string): EmbedResultInit[] {
  return Array.from({ length: n }, () => ({ error: { code, message } }));
}
