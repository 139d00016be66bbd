/**
 * The observability HTTP server: /metrics (Prometheus), /health (the process
 * runs and its event loop keeps up) and /ready (attached to the kernel side
 * with at least one healthy service). Bound to 127.0.0.1 unless configured;
 * GET and HEAD only.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

import type { Registry } from 'prom-client';

export interface Readiness {
  ready: boolean;
  /** What is missing, when not ready. */
  reasons: string[];
  kernelAttached: boolean;
  healthyServices: number;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  registry: Registry;
  readiness: () => Readiness;
  /** /health fails when the event loop was held up longer than this since the last probe. */
  maxEventLoopDelayMs?: number;
  /** Host header names answered besides the loopback ones (localhost, 127.0.0.1, [::1]). */
  allowedHosts?: readonly string[];
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/** The host part of a Host header, lower-cased: "[::1]:9477" -> "[::1]", "localhost:9477" -> "localhost". */
function hostOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

export class ObservabilityServer {
  private readonly server: Server;
  private readonly loopDelay: IntervalHistogram;
  private readonly maxDelayMs: number;
  private readonly hosts: Set<string>;

  private constructor(options: HttpServerOptions) {
    this.maxDelayMs = options.maxEventLoopDelayMs ?? 1000;
    this.hosts = new Set([...LOOPBACK_HOSTS, ...(options.allowedHosts ?? []).map((h) => h.toLowerCase())]);
    this.loopDelay = monitorEventLoopDelay({ resolution: 20 });
    this.loopDelay.enable();
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      // A page in a browser on this machine must not read the metrics through DNS rebinding.
      const host = hostOf(req.headers.host ?? '');
      if (!this.hosts.has(host)) {
        res
          .writeHead(421, { 'content-type': 'text/plain' })
          .end(`Host "${host}" is not served here: use ${[...this.hosts].join(', ')} (more with --metrics-allowed-hosts)\n`);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end(`${req.method} is not supported: use GET\n`);
        return;
      }
      const json = (code: number, body: unknown) => {
        res.writeHead(code, { 'content-type': 'application/json' }).end(req.method === 'HEAD' ? undefined : `${JSON.stringify(body)}\n`);
      };
      switch (path) {
        case '/metrics':
          options.registry.metrics().then(
            (text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(req.method === 'HEAD' ? undefined : text),
            (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`collecting metrics failed: ${err.message}\n`),
          );
          return;
        case '/health': {
          const maxMs = this.loopDelay.max / 1e6;
          this.loopDelay.reset();
          const ok = maxMs <= this.maxDelayMs;
          json(ok ? 200 : 503, { status: ok ? 'ok' : 'event loop stalled', eventLoopDelayMaxMs: Math.round(maxMs * 10) / 10, limitMs: this.maxDelayMs });
          return;
        }
        case '/ready': {
          const r = options.readiness();
          json(r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', ...r });
          return;
        }
        default:
          res.writeHead(404, { 'content-type': 'text/plain' }).end(`no ${path} here: try /metrics, /health or /ready\n`);
      }
    });
    // Probes and scrapes are short; a client that holds a connection open must not keep the daemon alive.
    this.server.keepAliveTimeout = 5000;
  }

  static async listen(options: HttpServerOptions): Promise<ObservabilityServer> {
    const s = new ObservabilityServer(options);
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject);
      s.server.listen(options.port, options.host, () => {
        s.server.off('error', reject);
        resolve();
      });
    });
    s.server.unref();
    return s;
  }

  get address(): { host: string; port: number } {
    const a = this.server.address() as AddressInfo;
    return { host: a.address, port: a.port };
  }

  async close(): Promise<void> {
    this.loopDelay.disable();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
