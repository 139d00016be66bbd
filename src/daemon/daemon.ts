/**
 * vexfs-bridged: attaches to the kernel side, takes service registrations,
 * and routes every kernel embedding request to a service and back. Around
 * that: the control socket, the metrics/health HTTP server, the audit log
 * and request tracing.
 */
import { trace } from '@opentelemetry/api';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

import { AuditLog } from '../control/audit/audit-log.js';
import { RegistrationPolicy } from '../control/auth/policy.js';
import { TokenAuthority } from '../control/auth/tokens.js';
import { ConfigError, ControlError, TransportError } from '../errors.js';
import type { KernelChannel } from '../kernel-side/channels/channel.js';
import { HealthChecker } from '../services/registry/health-check.js';
import { ObservabilityServer, type Readiness } from '../observe/metrics/http-server.js';
import { createMetricsRegistry } from '../observe/metrics/prometheus.js';
import { groupId } from '../util/groups.js';
import type { KernelTwin } from '../kernel-side/twin/kernel-twin.js';
import { type DaemonConfig, RELOADABLE } from './config.js';
import { embedThroughTwin, peerCred } from '../control/control-embed.js';
import { ControlServer } from '../control/control-server.js';
import { KERNEL_OWNER, handleKernelControl } from '../control/kernel-control.js';
import { type KernelLink, openKernel } from './kernel-link.js';
import { KernelCounterReader } from './kernel-counters.js';
import { RateLimitedLog, type Logger } from './log.js';
import { ServiceRegistry } from '../services/registry/registry.js';
import { SharedBuckets } from '../pipeline/shared-buckets.js';
import { SharedLoad } from '../pipeline/shared-load.js';
import { BACKEND_SCHEME, NATS_SCHEME } from '../services/wire/registration.js';
import { Backends } from '../control/http-backends.js';
import type { NatsNode } from '../control/cluster/nats-node.js';
import { logBackendEvents, logChannelEvents, logEvents } from './event-log.js';
import { Router } from './router.js';
import { rateLimitsOf, routerOptionsOf } from './router-options.js';
import { daemonStats, requestFigures, serviceRecords, statsRecord } from './stats.js';
import { TokenSweep } from '../control/token-sweep.js';
import { pipelineHandlers } from './workers/pipeline-handlers.js';
import type { SharedBuffers, WorkerTotals } from './workers/worker-messages.js';
import { WorkerPool } from './workers/worker-pool.js';

/** How often token-backed registrations are held against the (possibly shared) token store. */
const TOKEN_SWEEP_MS = 1000;

export interface ReloadResult {
  /** Keys whose new values are in effect. */
  applied: string[];
  /** Keys that changed but take effect only after a restart. */
  needsRestart: string[];
}

export class Daemon {
  readonly registry: ServiceRegistry;
  readonly router: Router;
  readonly healthChecks: HealthChecker;
  readonly audit: AuditLog | undefined;
  /** HTTP embedding backends: the configuration's and an administrator's. */
  readonly backends: Backends;
  private link: KernelLink | undefined;
  private control: ControlServer | undefined;
  private http: ObservabilityServer | undefined;
  private tracerProvider: BasicTracerProvider | undefined;
  private stopping: Promise<void> | undefined;
  private kernelLost = false;
  private tokens: TokenAuthority | undefined;
  private tokenSweep: TokenSweep | undefined;
  private readonly kernelCounters = new KernelCounterReader();
  /** On the NATS bus (--nats): remote workers, events, cluster control, the audit stream. */
  private nats: NatsNode | undefined;
  private readonly verifyingRegistrations = new Map<string, { cancelled: boolean }>();
  /** Worker threads beyond the main one (--workers N > 1). */
  private workers: WorkerPool | undefined;
  /** What the main pipeline and the workers' share (row 0 of the load: the main pipeline's). */
  private readonly shared: SharedBuffers;
  /** The priority floor the kernel was last told: the highest any pipeline asks for. */
  private floorSent = 0;
  readonly startedAt = Date.now();

  private constructor(
    private current: DaemonConfig,
    private readonly logger: Logger,
    spanPipelines: typeof import('../observe/trace/exporters.js') | undefined,
  ) {
    const config = current;
    this.backends = new Backends(config.backends);
    this.registry = new ServiceRegistry({
      maxServices: config.maxServices,
      maxPerOwner: config.maxRegistrationsPerConnection,
      heartbeatTimeoutMs: config.heartbeatTimeoutMs,
      connection: { reconnectMinMs: config.reconnectMinMs, reconnectMaxMs: config.reconnectMaxMs, maxSendBufferBytes: config.serviceSendBufferBytes },
      links: {
        [BACKEND_SCHEME]: this.backends.linkFactory,
        // Bound late: the NATS node is made in init(), with the token authority.
        [NATS_SCHEME]: (id, endpoint, limits) => {
          if (this.nats === undefined) throw new ControlError('ENODEV', 'this daemon has no NATS connection (--nats)');
          return this.nats.workers.linkFactory(id, endpoint, limits);
        },
      },
    });
    if (spanPipelines !== undefined && (config.traceExporter === 'console' || config.traceExporter === 'otlp')) {
      const limited = new RateLimitedLog(logger);
      this.tracerProvider = spanPipelines.createTracerProvider({
        exporter: config.traceExporter,
        otlpEndpoint: config.otlpEndpoint,
        onExportError: (err, spans) => limited.warn('trace-export', { err: err.message, spans, endpoint: config.otlpEndpoint }, 'spans not exported'),
      });
    }
    const tracer = this.tracerProvider?.getTracer('vexfs-bridged') ?? (config.traceExporter === 'api' ? trace.getTracer('vexfs-bridged') : undefined);
    this.shared = { load: SharedLoad.buffer(Math.max(1, config.workers)), buckets: SharedBuckets.buffer() };
    this.router = new Router(this.registry, {
      ...routerOptionsOf(config, tracer),
      shared: { load: new SharedLoad(this.shared.load, 0), buckets: new SharedBuckets(this.shared.buckets) },
    });
    this.healthChecks = new HealthChecker(this.registry, {
      intervalMs: config.healthCheckIntervalMs,
      timeoutMs: config.healthCheckTimeoutMs,
    });
    const limited = new RateLimitedLog(logger);
    this.audit =
      config.auditLog || config.natsAuditStream
        ? new AuditLog({
            path: config.auditLog,
            maxBytes: config.auditMaxBytes,
            keep: config.auditKeep,
            onError: (err) => limited.warn('audit', { err: err.message }, 'cannot write the audit log'),
          })
        : undefined;
  }

  static async start(config: DaemonConfig, logger: Logger): Promise<Daemon> {
    // OpenTelemetry's SDK and exporters (~15 MB of heap) only for daemons that export spans.
    const exporting = config.traceExporter === 'console' || config.traceExporter === 'otlp';
    const d = new Daemon(config, logger, exporting ? await import('../observe/trace/exporters.js') : undefined);
    try {
      await d.init();
    } catch (err) {
      await d.stop();
      throw err;
    }
    return d;
  }

  private async init(): Promise<void> {
    const log = this.logger;
    const limited = new RateLimitedLog(log);
    const audit = this.audit;
    // The module keeps device registrations for the next daemon and refuses their id to others: it must forget this one too.
    this.registry.on('removed', (e) => {
      if (e.owner === KERNEL_OWNER) this.link?.channel.revoke(e.info.id);
    });
    this.registry.policy = loadPolicy(this.current.policyFile);
    this.backends.start(this.registry);
    this.registry.unboundedOwners.add(KERNEL_OWNER);
    this.tokens = this.current.stateDir ? TokenAuthority.open(this.current.stateDir) : undefined;
    if (this.tokens) this.tokenSweep = new TokenSweep(this.registry, this.tokens, TOKEN_SWEEP_MS);
    if (this.current.nats !== '') {
      // The NATS client is loaded only by daemons that use it (it is ~10 MB of heap).
      const { NatsNode } = await import('../control/cluster/nats-node.js');
      this.nats = new NatsNode(this.current, { registry: this.registry, tokens: this.tokens, stats: () => daemonStats(this), audit, log });
      this.nats.start();
    }
    logEvents(this.registry, this.router, log, audit);
    logBackendEvents(this.backends, log, audit);
    this.router.on('backpressure', () => this.tellFloor());

    this.control = new ControlServer(
      this.registry,
      this.config.controlSocket,
      {
        stats: () => daemonStats(this),
        embed: (call, peer) => embedThroughTwin(this.link?.twin, this.transport, call, peer),
        peer: peerCred,
        tokens: this.tokens,
        onTokenRevoked: (id, byUid) => {
          log.info({ token: id, byUid }, 'registration token revoked');
          audit?.record('token.revoked', { token: id, uid: byUid });
        },
        backends: this.backends,
        onError: (err) =>
          limited.warn('control', { err: err.message }, 'bad control request (answered with an error, or the connection cut off when its framing broke)'),
      },
      { maxConnections: this.current.controlMaxConnections, maxBufferedBytes: this.current.controlMaxBufferedBytes, idleMs: this.current.controlIdleMs },
    );
    const group = this.current.controlSocketGroup;
    const gid = group === '' ? undefined : groupId(group);
    if (gid === undefined && group !== '') throw new ConfigError('controlSocketGroup', `group "${group}" is not in /etc/group`);
    await this.control.listen({ mode: this.current.controlSocketMode, gid });

    this.link = await openKernel(this.config, {
      ...pipelineHandlers(this.router),
      control: (msg, ch) =>
        handleKernelControl(msg, ch, {
          registry: this.registry,
          stats: () => statsRecord(this),
          describe: (entries) => serviceRecords(this, entries),
          tokens: this.tokens,
          verifying: this.verifyingRegistrations,
          onFault: (err) => limited.warn(`kernel-fault:${err.name}`, { err: err.message }, 'handling a registration from the kernel side failed'),
        }),
    });
    const ch = this.link.channel;
    logChannelEvents(ch, limited);
    ch.on('congestion', (on) => {
      this.router.placement.setKernelCongested(on);
      log.warn(
        { congested: on },
        on ? 'the kernel side is not taking answers as fast as they come: no new batches until it does' : 'the kernel side caught up',
      );
    });
    ch.on('lost', (err) => {
      this.kernelLost = true;
      log.error({ err: err.message }, 'the kernel side is gone');
      audit?.record('daemon.detached', { transport: this.transport, reason: `kernel side lost: ${err.message}` });
    });
    audit?.record('daemon.attached', { transport: this.link.transport, port: ch.portId, pid: process.pid, uid: process.getuid?.() ?? null });
    log.info({ transport: this.link.transport, family: ch.family.id, port: ch.portId, control: this.config.controlSocket }, this.link.reason);
    if (this.current.workers > 1) {
      if (this.link.queues === undefined) log.warn({ workers: this.current.workers }, 'the char device has one queue: one pipeline, no workers');
      else {
        this.workers = new WorkerPool(
          this.current.workers - 1,
          this.current,
          this.link.queues,
          this.registry,
          this.backends,
          this.router,
          this.shared,
          log,
          this.nats,
        );
        this.workers.on('floor', () => this.tellFloor());
        await this.workers.start();
      }
    }

    if (this.config.metrics) {
      try {
        this.http = await ObservabilityServer.listen({
          host: this.config.metricsHost,
          port: this.config.metricsPort,
          registry: createMetricsRegistry({
            stats: () => daemonStats(this),
            requests: () => requestFigures(this),
            kernel: () => this.kernelCounters.read(this.link),
          }),
          readiness: () => this.readiness(),
          allowedHosts: this.current.metricsAllowedHosts,
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        throw new TransportError(
          `cannot serve metrics on ${this.config.metricsHost}:${this.config.metricsPort}: ${code} (choose another --metrics-port, or --metrics false)`,
          { cause: err },
        );
      }
      log.info({ metrics: `http://${fmtHost(this.http.address.host)}:${this.http.address.port}/metrics` }, 'metrics, health and readiness served');
    }
  }

  /** The kernel fails requests below this priority early: the highest floor any pipeline asks for. */
  get backpressureFloor(): number {
    return Math.max(this.router.placement.backpressureFloor, this.workers?.floor ?? 0);
  }

  private tellFloor(): void {
    const floor = this.backpressureFloor;
    if (floor === this.floorSent) return;
    this.floorSent = floor;
    this.logger.info({ minPriority: floor }, floor === 0 ? 'backpressure lifted' : 'backpressure: the kernel is told to fail lower priorities early');
    this.link?.channel.heartbeat(floor, this.router.inflightCount);
  }

  /** The control socket's server (undefined before start and after a failed one). */
  get controlServer(): ControlServer | undefined {
    return this.control;
  }

  /** The configuration in effect (reloads change the reloadable keys). */
  get config(): DaemonConfig {
    return this.current;
  }

  /** Where /metrics, /health and /ready are served (undefined when off). */
  get metricsAddress(): { host: string; port: number } | undefined {
    return this.http?.address;
  }

  /** Attached to the kernel side with at least one service that can take requests. */
  readiness(): Readiness {
    const kernelAttached = this.link !== undefined && !this.kernelLost && this.stopping === undefined && (this.link.twin?.attached ?? true);
    const healthyServices = this.registry.list().filter((s) => this.router.dispatch.health(s) > 0).length;
    const reasons: string[] = [];
    if (!kernelAttached) reasons.push('not attached to the kernel side');
    if (healthyServices === 0) reasons.push(this.registry.size === 0 ? 'no service is registered' : 'no registered service is healthy');
    return { ready: reasons.length === 0, reasons, kernelAttached, healthyServices };
  }

  /**
   * Applies a new configuration: the log level and rate limits take effect
   * now; other changed keys are reported as needing a restart. Audited.
   */
  reload(next: DaemonConfig): ReloadResult {
    // Read first: a bad policy file fails the whole reload and keeps the running configuration.
    const policy = loadPolicy(next.policyFile);
    this.registry.policy = policy;
    const applied: string[] = [];
    const needsRestart: string[] = [];
    for (const key of Object.keys(next) as Array<keyof DaemonConfig>) {
      if (JSON.stringify(next[key]) === JSON.stringify(this.current[key])) continue;
      (RELOADABLE.includes(key) ? applied : needsRestart).push(key);
    }
    const updated: Record<string, unknown> = { ...this.current };
    for (const key of applied) updated[key] = next[key as keyof DaemonConfig];
    this.current = updated as unknown as DaemonConfig;
    if (applied.includes('logLevel')) this.logger.level = next.logLevel;
    if (applied.some((k) => k.startsWith('rateLimit'))) {
      this.router.setRateLimits(rateLimitsOf(next));
      this.workers?.setRateLimits(rateLimitsOf(next));
    }
    this.logger.info({ applied, needsRestart }, 'configuration reloaded');
    this.audit?.record('config.reload', { applied, needsRestart });
    return { applied, needsRestart };
  }

  get channel(): KernelChannel | undefined {
    return this.link?.channel;
  }

  /** The embedded kernel twin, in twin mode. */
  get twin(): KernelTwin | undefined {
    return this.link?.twin;
  }

  /** This daemon on the NATS bus, when it has --nats. */
  get natsStatus(): NatsNode['status'] | undefined {
    return this.nats?.status;
  }

  /** The NATS side (its workers and bus), when it has --nats. */
  get natsNode(): NatsNode | undefined {
    return this.nats;
  }

  get transport(): string {
    return this.link?.transport ?? 'none';
  }

  /** The worker threads (--workers N > 1), once started. */
  get workerPool(): WorkerPool | undefined {
    return this.workers;
  }

  /** The worker threads' counters, as they last reported them. */
  get workerTotals(): WorkerTotals[] {
    return this.workers?.totals() ?? [];
  }

  /**
   * Graceful stop: no new requests, in-flight ones finish or fail with
   * SHUTTING_DOWN, then detach and close every socket.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all([this.router.shutdown(this.config.shutdownGraceMs), this.workers?.close(this.config.shutdownGraceMs)]);
      this.healthChecks.close();
      await this.http?.close();
      this.kernelCounters.close();
      await this.link?.channel.close();
      this.link?.twin?.close();
      await this.control?.close();
      this.tokenSweep?.close();
      this.registry.close();
      if (this.link !== undefined) this.audit?.record('daemon.detached', { transport: this.link.transport, reason: 'stopped' });
      await this.nats?.close();
      await this.audit?.close();
      await this.tracerProvider?.shutdown();
      this.logger.info({ counters: { ...this.router.counters, byStatus: undefined } }, 'stopped');
    })();
    return this.stopping;
  }
}

function fmtHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function loadPolicy(path: string): RegistrationPolicy {
  return path ? RegistrationPolicy.load(path) : RegistrationPolicy.empty();
}
