/**
 * The daemon's own span pipelines for --trace-exporter console and otlp.
 * OTLP spans are batched (one HTTP POST per batch, a bounded queue that
 * drops rather than grows, timers unref'd), so tracing never waits on a
 * collector; a failed export is reported to the caller instead of being
 * swallowed by OpenTelemetry's silent default logger.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

type ExportDone = Parameters<SpanExporter['export']>[1];

export interface SpanPipelineOptions {
  exporter: 'console' | 'otlp';
  /** OTLP/HTTP traces URL (JSON encoding). */
  otlpEndpoint: string;
  /** A batch could not be exported (collector down, refused, timed out). */
  onExportError(err: Error, spans: number): void;
}

/** Passes batches through, telling the caller about failures. */
class ReportingExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    private readonly onError: (err: Error, spans: number) => void,
  ) {}

  export(spans: ReadableSpan[], done: ExportDone): void {
    this.inner.export(spans, (result) => {
      if (result.code !== 0) this.onError(result.error ?? new Error('export failed'), spans.length);
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

export function createTracerProvider(o: SpanPipelineOptions): BasicTracerProvider {
  if (o.exporter === 'console') return new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())] });
  const otlp = new ReportingExporter(new OTLPTraceExporter({ url: o.otlpEndpoint, timeoutMillis: 5000 }), o.onExportError);
  return new BasicTracerProvider({
    spanProcessors: [new BatchSpanProcessor(otlp, { maxQueueSize: 8192, maxExportBatchSize: 512, scheduledDelayMillis: 1000 })],
  });
}
