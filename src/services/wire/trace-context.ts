/**
 * The trace context the service protocol carries per batch, packed (see
 * EmbedBatchRequest in proto/bridge.proto), and the W3C traceparent strings
 * a service reads from it. Shared by the daemon's tracing and the SDK.
 */
/** A batch's trace context as the service protocol carries it (see EmbedBatchRequest in proto/bridge.proto). */
export interface PackedTraceContext {
  tracePrefix: Uint8Array;
  traceRequestIds: Uint8Array;
  traceSpanIds: Uint8Array;
}

/**
 * The W3C traceparent of every input of a batch, from its packed trace
 * context; empty when the batch carries none.
 */
export function traceparentsOf(ctx: PackedTraceContext, count: number): string[] {
  if (ctx.tracePrefix.length !== 8 || ctx.traceRequestIds.length !== count * 8) return [];
  const prefix = Buffer.from(ctx.tracePrefix.buffer, ctx.tracePrefix.byteOffset, 8).toString('hex');
  const ids = Buffer.from(ctx.traceRequestIds.buffer, ctx.traceRequestIds.byteOffset, ctx.traceRequestIds.length);
  const sampled = ctx.traceSpanIds.length === count * 8;
  const spans = sampled ? Buffer.from(ctx.traceSpanIds.buffer, ctx.traceSpanIds.byteOffset, ctx.traceSpanIds.length) : undefined;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = ids.toString('hex', i * 8, i * 8 + 8);
    // Little-endian on the wire, big-endian (most significant first) in the text.
    const idHex = swapHex(id);
    const spanHex = spans !== undefined ? spans.toString('hex', i * 8, i * 8 + 8) : idHex;
    out.push(`00-${prefix}${idHex}-${spanHex}-${sampled ? '01' : '00'}`);
  }
  return out;
}

function swapHex(le: string): string {
  let out = '';
  for (let i = le.length - 2; i >= 0; i -= 2) out += le.slice(i, i + 2);
  return out;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Parses a version-00 traceparent; undefined when it is not one (or has an all-zero id). */
export function parseTraceparent(value: string): { traceId: string; spanId: string; sampled: boolean } | undefined {
  const m = TRACEPARENT.exec(value);
  if (m === null || /^0+$/.test(m[1] as string) || /^0+$/.test(m[2] as string)) return undefined;
  return { traceId: m[1] as string, spanId: m[2] as string, sampled: (parseInt(m[3] as string, 16) & 1) === 1 };
}
