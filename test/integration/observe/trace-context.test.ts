// W3C trace context: each kernel request's traceparent is derived from its correlation id, reaches the
// service with its input, comes back with the result, and (when tracing is on) spans go through the
// OpenTelemetry API with the kernel side as their parent.
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { RequestTracing } from '../../../src/observe/trace/tracing.js';
import { parseTraceparent, traceparentsOf } from '../../../src/services/wire/trace-context.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';

const start = useBridge();
let bridge: TestBridge | undefined;
afterEach(async () => {
  trace.disable();
});

describe('trace context', () => {
  it('derives trace ids from a daemon instance id and the correlation id', () => {
    const t = new RequestTracing(undefined, '00000000deadbeef');
    expect(t.traceId(0x2an)).toBe('00000000deadbeef000000000000002a');
    const packed = t.pack([
      { req: { requestId: 0x2an }, span: undefined },
      { req: { requestId: 0x0102030405060708n }, span: undefined },
    ]);
    expect(packed.traceRequestIds.length).toBe(16);
    expect(packed.traceSpanIds.length).toBe(0);
    const [a, b] = traceparentsOf(packed, 2);
    expect(a).toBe('00-00000000deadbeef000000000000002a-000000000000002a-00');
    expect(b).toBe('00-00000000deadbeef0102030405060708-0102030405060708-00');
    expect(parseTraceparent(a as string)).toEqual({ traceId: '00000000deadbeef000000000000002a', spanId: '000000000000002a', sampled: false });
    // A batch without trace context (an older daemon) gives none rather than made-up ids.
    expect(traceparentsOf({ tracePrefix: new Uint8Array(0), traceRequestIds: new Uint8Array(0), traceSpanIds: new Uint8Array(0) }, 2)).toEqual([]);
    expect(() => new RequestTracing(undefined, '0000000000000000')).toThrow(/not all zero/);
    expect(parseTraceparent('00-00000000000000000000000000000000-000000000000002a-01')).toBeUndefined();
    expect(parseTraceparent('01-00000000deadbeef000000000000002a-000000000000002a-01')).toBeUndefined();
  });

  it('hands every input its traceparent without tracing, and makes no spans', async () => {
    bridge = await start();
    const seen: string[][] = [];
    await bridge.service({
      id: 's',
      name: 's',
      dimensions: [4],
      embed: (inputs, { traceparents }) => {
        seen.push(traceparents);
        return inputs.map(() => filled(4, 1));
      },
    });
    const results = await Promise.all([1, 2, 3].map((i) => bridge!.twin.embed({ input: Buffer.from(`x${i}`), dimensions: 4 })));
    const instance = bridge.daemon.router.tracing.instance;
    const given = seen.flat();
    expect(bridge.daemon.router.tracing.enabled).toBe(false);
    expect(given).toHaveLength(3);
    for (const r of results) {
      const id = r.requestId.toString(16).padStart(16, '0');
      expect(given).toContain(`00-${instance}${id}-${id}-00`);
    }
  });

  it('with a tracer, each request is a span under the kernel-side parent, tied to the service side', async () => {
    const exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
    bridge = await start({ traceExporter: 'api' });
    const given: string[] = [];
    await bridge.service({
      id: 'traced',
      name: 'traced',
      dimensions: [4],
      embed: (inputs, { traceparents }) => {
        given.push(...traceparents);
        return inputs.map((b) => (b[0] === 0x21 ? new Error('refused') : filled(4, 1)));
      },
    });
    const ok = await bridge.twin.embed({ input: Buffer.from('fine'), dimensions: 4 });
    const bad = await bridge.twin.embed({ input: Buffer.from('!bad'), dimensions: 4 });
    const none = await bridge.twin.embed({ input: Buffer.from('x'), dimensions: 5 });
    expect([ok.status, bad.status, none.status]).toEqual([Status.SUCCESS, Status.SERVICE_ERROR, Status.NO_SERVICE]);

    const spans = exporter.getFinishedSpans();
    const instance = bridge.daemon.router.tracing.instance;
    const spanFor = (id: bigint) => spans.find((s) => s.attributes['vexfs.request_id'] === id.toString());
    for (const [r, status] of [
      [ok, 'SUCCESS'],
      [bad, 'SERVICE_ERROR'],
      [none, 'NO_SERVICE'],
    ] as const) {
      const span = spanFor(r.requestId);
      const hex = r.requestId.toString(16).padStart(16, '0');
      expect(span?.name).toBe('vexfs.embed');
      expect(span?.spanContext().traceId).toBe(instance + hex);
      expect(span?.parentSpanContext?.spanId).toBe(hex);
      expect(span?.attributes['vexfs.status']).toBe(status);
      expect(span?.status.code).toBe(status === 'SUCCESS' ? 0 : 2);
    }
    // The service got the span's own context (sampled), and sent it back with the result.
    const okSpan = spanFor(ok.requestId)!;
    const okTp = `00-${okSpan.spanContext().traceId}-${okSpan.spanContext().spanId}-01`;
    expect(given).toContain(okTp);
    expect(okSpan.attributes['vexfs.service']).toBe('traced');
    expect(okSpan.attributes['vexfs.service_traceparent']).toBe(okTp);
  });
});
