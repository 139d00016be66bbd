/**
 * vexfs-bridged: attaches to the kernel side, takes service registrations,
 * and routes every kernel embedding request to a service and back.
 */
import { DecodeError } from '../errors.js';
import type { KernelChannel } from '../kernel/channel.js';
import type { EmbedResponse } from '../protocol/messages.js';
import type { KernelTwin } from '../twin/kernel-twin.js';
import type { DaemonConfig } from './config.js';
import { ControlServer } from './control-server.js';
import { handleKernelControl } from './kernel-control.js';
import { type KernelLink, openKernel } from './kernel.js';
import { RateLimitedLog, type Logger } from './log.js';
import { HealthChecker } from '../manager/health-check.js';
import { ServiceRegistry } from './registry.js';
import { Router } from './router.js';
import { daemonStats, serviceRecord, statsRecord } from './stats.js';

export class Daemon {
  readonly registry: ServiceRegistry;
  readonly router: Router;
  readonly healthChecks: HealthChecker;
  private link: KernelLink | undefined;
  private control: ControlServer | undefined;
  private stopping: Promise<void> | undefined;
  readonly startedAt = Date.now();

  private constructor(
    readonly config: DaemonConfig,
    private readonly logger: Logger,
  ) {
    this.registry = new ServiceRegistry({
      maxServices: config.maxServices,
      heartbeatTimeoutMs: config.heartbeatTimeoutMs,
      connection: { reconnectMinMs: config.reconnectMinMs, reconnectMaxMs: config.reconnectMaxMs },
    });
    this.router = new Router(this.registry, {
      maxInflight: config.maxInflight,
      startingHoldMs: config.startingHoldMs,
      rateLimits: { global: config.rateLimitGlobal, perUid: config.rateLimitPerUid, perService: config.rateLimitPerService },
      adaptiveLimit: { targetMs: config.adaptiveLatencyMs },
      balancer: config.balancer,
      balancerByModel: config.balancerByModel,
      sticky: config.stickyBy === 'off' ? undefined : { by: config.stickyBy, ttlMs: config.stickyTtlMs },
      queues: {
        perPriority: config.queuePerPriority,
        perService: config.queuePerService,
        global: config.queueGlobal,
        serviceConcurrency: config.serviceConcurrency,
      },
      breaker: {
        errorThresholdPercentage: config.breakerErrorPercent,
        volumeThreshold: config.breakerVolume,
        rollingCountTimeoutMs: config.breakerWindowMs,
        resetTimeoutMs: config.breakerResetMs,
      },
      retry: { maxRetries: config.retryMax, baseMs: config.retryBaseMs, maxMs: config.retryMaxMs },
      cache: { maxEntries: config.cacheMaxEntries, maxBytes: config.cacheMaxBytes, ttlMs: config.cacheTtlMs },
      coalesce: config.coalesce,
      batchMaxDelayUs: config.batchMaxDelayUs,
    });
    this.healthChecks = new HealthChecker(this.registry, {
      intervalMs: config.healthCheckIntervalMs,
      timeoutMs: config.healthCheckTimeoutMs,
    });
  }

  static async start(config: DaemonConfig, logger: Logger): Promise<Daemon> {
    const d = new Daemon(config, logger);
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
    this.registry.on('registered', (e) => log.info({ service: e.info.id, endpoint: e.info.endpoint, dims: e.info.dimensions, models: e.info.models }, 'service registered'));
    this.registry.on('unregistered', (e, reason) => log.info({ service: e.info.id, reason }, 'service unregistered'));
    this.registry.on('state', (e) => log.info({ service: e.info.id, state: e.state }, 'service connection state'));
    this.registry.on('invalid', (e, err) => limited.warn(`service-frame:${e.info.id}`, { service: e.info.id, err: err.message }, 'bad frame from a service; connection reset'));
    this.router.on('invalidResponse', (id, reason) => limited.warn(`service-response:${id}`, { service: id, reason }, 'bad response from a service'));
    this.registry.on('updated', (e, prev) => log.info({ service: e.info.id, version: e.info.version, previousVersion: prev.version, dims: e.info.dimensions, models: e.info.models }, 'service registration updated'));
    this.registry.on('health', (e, healthy, reason) => (healthy ? log.info({ service: e.info.id }, 'service healthy again') : log.warn({ service: e.info.id, reason }, 'service unhealthy; no new requests')));
    this.router.on('breaker', (id, state) => log.warn({ service: id, breaker: state }, 'circuit breaker state changed'));
    this.router.on('shed', (priority) => limited.warn('shed', { priority, shed: this.router.counters.shed }, 'queues full: shedding the lowest priority'));
    this.router.on('backpressure', (floor) => {
      log.info({ minPriority: floor }, floor === 0 ? 'backpressure lifted' : 'backpressure: the kernel is told to fail lower priorities early');
      this.link?.channel.heartbeat(floor, this.router.inflightCount);
    });

    this.control = new ControlServer(
      this.registry,
      this.config.controlSocket,
      (err) => limited.warn('control', { err: err.message }, 'bad control request; connection closed'),
      () => daemonStats(this),
    );
    await this.control.listen();

    const router = this.router;
    // One reply function per channel, not a closure per request.
    let replyChannel: KernelChannel | undefined;
    let reply: (res: EmbedResponse) => void = () => {};
    this.link = await openKernel(this.config, {
      request: (req, ch) => {
        if (ch !== replyChannel) {
          replyChannel = ch;
          reply = (res) => ch.respond(res);
        }
        router.submit(req, reply);
      },
      cancel: (msg) => router.cancel(msg),
      control: (msg, ch) => handleKernelControl(msg, ch, this.registry, () => statsRecord(this), (e) => serviceRecord(this, e)),
    });
    const ch = this.link.channel;
    ch.on('invalid', (err: DecodeError) => limited.warn(`kernel:${err.field}`, { field: err.field, err: err.message }, 'bad message from the kernel side'));
    ch.on('kernelError', (err) => limited.warn(`kernel-error:${err.errnoName}`, { errno: err.errnoName, msg: err.extackMessage }, 'the kernel side refused a message'));
    ch.on('lost', (err) => log.error({ err: err.message }, 'the kernel side is gone'));
    log.info({ transport: this.link.transport, family: ch.family.id, port: ch.portId, control: this.config.controlSocket }, this.link.reason);
  }

  get channel(): KernelChannel | undefined {
    return this.link?.channel;
  }

  /** The embedded kernel twin, in twin mode. */
  get twin(): KernelTwin | undefined {
    return this.link?.twin;
  }

  get transport(): string {
    return this.link?.transport ?? 'none';
  }

  /**
   * Graceful stop: no new requests, in-flight ones finish or fail with
   * SHUTTING_DOWN, then detach and close every socket.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.router.shutdown(this.config.shutdownGraceMs);
      this.healthChecks.close();
      await this.link?.channel.close();
      this.link?.twin?.close();
      await this.control?.close();
      this.registry.close();
      this.logger.info({ counters: { ...this.router.counters, byStatus: undefined } }, 'stopped');
    })();
    return this.stopping;
  }
}
