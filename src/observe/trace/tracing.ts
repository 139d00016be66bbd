/**
 * W3C trace context for kernel requests. A request's trace id is this
 * daemon's random 64-bit instance id followed by the request's 64-bit
 * correlation id (so the correlation id can be read off any trace id, and
 * ids from different daemon runs or module loads never collide); the parent
 * span id is the correlation id itself, standing for the kernel's side of
 * the request. With a tracer, each request gets a span through the
 * OpenTelemetry API, child of that parent, and the service is handed the
 * span's context; without one (the default) no span objects are made.
 */
import { randomBytes } from 'node:crypto';

import { type Span, type SpanContext, SpanKind, SpanStatusCode, type Tracer, context, trace } from '@opentelemetry/api';

import { STATUS_NAMES, nameOf } from '../../abi/names.js';
import { Status } from '../../abi/uapi.js';
import type { PackedTraceContext } from '../../services/wire/trace-context.js';

export interface TracedRequest {
  requestId: bigint;
  model?: string | undefined;
  dimensions: number;
  priority: number;
}

const EMPTY = new Uint8Array(0);

export class RequestTracing {
  readonly instance: string;
  private readonly prefix: Buffer;

  /** `tracer`: undefined = only traceparent strings, no spans. */
  constructor(
    private readonly tracer: Tracer | undefined,
    instance: string = randomBytes(8).toString('hex'),
  ) {
    if (!/^[0-9a-f]{16}$/.test(instance) || /^0+$/.test(instance)) throw new RangeError(`instance must be 16 lowercase hex digits, not all zero: ${instance}`);
    this.instance = instance;
    this.prefix = Buffer.from(instance, 'hex');
  }

  get enabled(): boolean {
    return this.tracer !== undefined;
  }

  traceId(requestId: bigint): string {
    return this.instance + hex64(requestId);
  }

  /**
   * The trace context of a batch for the service: each request's id and,
   * when spans are recorded, its span's id (the service's parent).
   */
  pack(items: ReadonlyArray<{ readonly req: { readonly requestId: bigint }; readonly span: Span | undefined }>): PackedTraceContext {
    const ids = Buffer.allocUnsafe(items.length * 8);
    // DataView stores the id modulo 2^64 as it is (Buffer#writeBigUInt64LE splits it with BigInt shifts, allocations per id).
    const view = new DataView(ids.buffer, ids.byteOffset, ids.byteLength);
    for (let i = 0; i < items.length; i++) view.setBigUint64(i * 8, (items[i] as (typeof items)[number]).req.requestId, true);
    let spans: Uint8Array = EMPTY;
    if (this.tracer !== undefined) {
      const b = Buffer.alloc(items.length * 8);
      for (let i = 0; i < items.length; i++) {
        const span = (items[i] as (typeof items)[number]).span;
        if (span !== undefined) b.write(span.spanContext().spanId, i * 8, 8, 'hex');
      }
      spans = b;
    }
    return { tracePrefix: this.prefix, traceRequestIds: ids, traceSpanIds: spans };
  }

  start(req: TracedRequest): Span | undefined {
    if (this.tracer === undefined) return undefined;
    const parent: SpanContext = { traceId: this.traceId(req.requestId), spanId: hex64(req.requestId), traceFlags: 1, isRemote: true };
    return this.tracer.startSpan(
      'vexfs.embed',
      {
        kind: SpanKind.SERVER,
        attributes: {
          'vexfs.request_id': req.requestId.toString(),
          'vexfs.model': req.model ?? '',
          'vexfs.dimensions': req.dimensions,
          'vexfs.priority': req.priority,
        },
      },
      trace.setSpanContext(context.active(), parent),
    );
  }

  /** An answer (the pipeline's outcome): ends its span, or makes and ends one when it had none. */
  onOutcome(o: { req: TracedRequest; status: number; serviceId: string | undefined; span: Span | undefined; serviceTraceparent: string | undefined }): void {
    const span = o.span ?? this.start(o.req);
    if (span !== undefined) this.end(span, o.status, o.serviceId, o.serviceTraceparent);
  }

  /** The kernel gave up on the request: its span ends CANCELLED. */
  onCancelled(_req: TracedRequest, span: Span | undefined, serviceId: string | undefined): void {
    if (span !== undefined) this.end(span, Status.CANCELLED, serviceId);
  }

  /** Ends a request's span with its outcome; `serviceTraceparent` is what the service sent back. */
  end(span: Span, status: number, serviceId: string | undefined, serviceTraceparent?: string): void {
    span.setAttribute('vexfs.status', nameOf(STATUS_NAMES, status));
    if (serviceId !== undefined) span.setAttribute('vexfs.service', serviceId);
    if (serviceTraceparent) span.setAttribute('vexfs.service_traceparent', serviceTraceparent);
    if (status !== Status.SUCCESS) span.setStatus({ code: SpanStatusCode.ERROR, message: nameOf(STATUS_NAMES, status) });
    span.end();
  }
}

function hex64(v: bigint): string {
  return BigInt.asUintN(64, v).toString(16).padStart(16, '0');
}
