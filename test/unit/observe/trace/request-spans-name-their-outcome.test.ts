// Request tracing: each request's trace id is the daemon's instance and the request id; a batch
// packs every request's id (and, with spans, its span id) for the service; a span ends with the
// request's status by name (an error status for anything but SUCCESS) and who served it.
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';

import { Status } from '../../../../src/abi/uapi.js';
import { RequestTracing } from '../../../../src/observe/trace/tracing.js';

const INSTANCE = '0123456789abcdef';
const req = (id: bigint) => ({ requestId: id, model: 'm', dimensions: 4, priority: 128 });

describe('request tracing', () => {
  it('names traces by instance and request, and packs a batch’s request ids without spans when none are made', () => {
    const t = new RequestTracing(undefined, INSTANCE);
    expect(t.enabled).toBe(false);
    expect(t.traceId(0x1fn)).toBe(`${INSTANCE}000000000000001f`);
    const packed = t.pack([
      { req: { requestId: 1n }, span: undefined },
      { req: { requestId: 2n ** 64n - 1n }, span: undefined },
    ]);
    expect(Buffer.from(packed.tracePrefix).toString('hex')).toBe(INSTANCE);
    expect(Buffer.from(packed.traceRequestIds).toString('hex')).toBe('0100000000000000ffffffffffffffff');
    expect(packed.traceSpanIds.length).toBe(0);
    expect(() => new RequestTracing(undefined, '0000000000000000')).toThrow(/16 lowercase hex digits, not all zero/);
  });

  it('ends each span with the status by name, the service, and an error for anything but SUCCESS', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const t = new RequestTracing(provider.getTracer('test'), INSTANCE);
    const ok = t.start(req(7n))!;
    const packed = t.pack([{ req: { requestId: 7n }, span: ok }]);
    expect(Buffer.from(packed.traceSpanIds).toString('hex')).toBe(ok.spanContext().spanId);
    t.onOutcome({ req: req(7n), status: Status.SUCCESS, serviceId: 'svc', span: ok, serviceTraceparent: '00-abc-def-01' });
    t.onOutcome({ req: req(8n), status: Status.NO_SERVICE, serviceId: undefined, span: undefined, serviceTraceparent: undefined });
    const [a, b] = exporter.getFinishedSpans();
    expect(a!.spanContext().traceId).toBe(`${INSTANCE}0000000000000007`);
    expect(a!.attributes).toMatchObject({ 'vexfs.status': 'SUCCESS', 'vexfs.service': 'svc', 'vexfs.service_traceparent': '00-abc-def-01' });
    expect(a!.status.code).not.toBe(2);
    expect(b!.attributes['vexfs.status']).toBe('NO_SERVICE');
    expect(b!.status).toMatchObject({ code: 2, message: 'NO_SERVICE' });
  });
});
