// --trace-exporter otlp: request spans reach an OTLP/HTTP collector in batches, and a collector that
// is down costs the requests nothing and is reported in the daemon's log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';

import { afterEach, describe, expect, it } from 'vitest';

import { Status } from '../../../src/abi/uapi.js';
import { type TestBridge, filled, useBridge } from '../../helpers/bridge.js';
import { until } from '../../helpers/wait.js';

interface OtlpSpan {
  traceId: string;
  parentSpanId: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string } }>;
}

const start = useBridge();
let bridge: TestBridge | undefined;
let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

interface Post {
  path: string;
  type: string | undefined;
  authorization: string | undefined;
  body: { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
}

function collector(): Promise<{ url: string; posts: Post[] }> {
  const posts: Post[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({
        path: req.url ?? '',
        type: req.headers['content-type'],
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString()) as Post['body'],
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server!.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1/traces`, posts })),
  );
}

describe('OTLP span export', () => {
  it('posts each request as a vexfs.embed span whose trace id carries the correlation id', async () => {
    const c = await collector();
    // Headers (a collector's credentials) come from the standard OpenTelemetry variable.
    process.env.OTEL_EXPORTER_OTLP_HEADERS = 'authorization=Bearer t0ken';
    try {
      bridge = await start({ traceExporter: 'otlp', otlpEndpoint: c.url });
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
    }
    await bridge.service({ id: 'otlp', name: 'otlp', dimensions: [4], embed: (inputs) => inputs.map(() => filled(4, 1)) });
    const results = await Promise.all([1, 2, 3].map((i) => bridge!.twin.embed({ input: Buffer.from(`x${i}`), dimensions: 4 })));
    expect(results.map((r) => r.status)).toEqual([Status.SUCCESS, Status.SUCCESS, Status.SUCCESS]);
    const spans = () => c.posts.flatMap((p) => p.body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
    await until(() => spans().length >= 3, 'the spans to reach the collector');
    expect(c.posts.every((p) => p.path === '/v1/traces' && p.type === 'application/json' && p.authorization === 'Bearer t0ken')).toBe(true);
    // Batched: fewer posts than spans.
    expect(c.posts.length).toBeLessThan(3);
    const instance = bridge.daemon.router.tracing.instance;
    for (const r of results) {
      const hex = r.requestId.toString(16).padStart(16, '0');
      const span = spans().find((s) => s.attributes.some((a) => a.key === 'vexfs.request_id' && a.value.stringValue === r.requestId.toString()));
      expect(span?.name).toBe('vexfs.embed');
      expect(span?.traceId).toBe(instance + hex);
      expect(span?.parentSpanId).toBe(hex);
    }
  });

  it('keeps serving when the collector is down, and logs that spans were not exported', async () => {
    const c = await collector();
    await new Promise((r) => server!.close(r));
    server = undefined;
    const log = new PassThrough();
    let lines = '';
    log.on('data', (d: Buffer) => (lines += d.toString()));
    bridge = await start({ traceExporter: 'otlp', otlpEndpoint: c.url }, log);
    await bridge.service({ id: 'otlp-down', name: 'otlp-down', dimensions: [4], embed: (inputs) => inputs.map(() => filled(4, 1)) });
    const r = await bridge.twin.embed({ input: Buffer.from('y'), dimensions: 4 });
    expect(r.status).toBe(Status.SUCCESS);
    // The exporter retries a refused connection within its 5 s timeout before giving up.
    await until(() => lines.includes('spans not exported'), 'the export failure to be logged', 30_000);
    const entry = lines
      .split('\n')
      .map((l) => (l ? (JSON.parse(l) as Record<string, unknown>) : undefined))
      .find((e) => e?.msg === 'spans not exported');
    expect(entry).toMatchObject({ endpoint: c.url, spans: 1 });
    expect(String(entry?.err)).toMatch(/ECONNREFUSED/);
  });
});
