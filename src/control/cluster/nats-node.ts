/**
 * The daemon on the bus: its connection (nats-bus.ts), the workers it finds
 * (nats-workers.ts), its answers to cluster control queries, its events,
 * and its audit records in a JetStream stream. Each part subscribes to the
 * connection's events; none blocks the daemon's start on NATS being up.
 */
import { type NatsConnection, type Subscription, headers as natsHeaders } from '@nats-io/nats-core';

import type { AuditLog } from '../audit/audit-log.js';
import { JetStreamAuditSink } from '../audit/jetstream-sink.js';
import type { TokenAuthority } from '../auth/tokens.js';
import type { ServiceRegistry } from '../../services/registry/registry.js';
import { type NatsAuth, natsAuthFrom } from '../../services/nats/connect.js';
import { CONTROL_OPS, Headers, Subjects } from '../../services/nats/subjects.js';
import { type DaemonStatsMsg, encodeControlResponse } from '../../services/wire/proto.js';
import type { DaemonConfig } from '../../daemon/config.js';
import type { Logger } from '../../daemon/log.js';
import { RateLimitedLog } from '../../daemon/log.js';
import { NatsBus } from './nats-bus.js';
import { NatsWorkers } from './nats-workers.js';

/** The daemon's parts the node works with. */
export interface NatsNodeParts {
  registry: ServiceRegistry;
  /** Verifies workers' registration tokens (undefined: the daemon mints none). */
  tokens: TokenAuthority | undefined;
  stats: () => DaemonStatsMsg;
  audit: AuditLog | undefined;
  log: Logger;
}

/** The connection settings: each --nats-* flag is the setting of its camel-case name (natsUser, natsPasswordFile, ...). */
export function natsAuthOf(c: DaemonConfig): NatsAuth {
  return natsAuthFrom(c.nats, (flag) => c[flag.replace(/-([a-z])/g, (_m, ch: string) => ch.toUpperCase()) as keyof DaemonConfig] as string);
}

export class NatsNode {
  readonly bus: NatsBus;
  readonly workers: NatsWorkers;
  private auditSink: JetStreamAuditSink | undefined;
  private controlSubs: Subscription[] = [];

  constructor(
    private readonly config: DaemonConfig,
    private readonly parts: NatsNodeParts,
  ) {
    this.bus = new NatsBus(natsAuthOf(config), config.natsHost);
    this.workers = new NatsWorkers(this.bus, parts.registry, {
      discoveryMs: config.natsDiscoveryMs,
      missedRounds: config.natsWorkerMissedRounds,
      pool: config.natsPool,
      trust: config.natsTrustWorkers,
      tokens: parts.tokens,
    });
  }

  get host(): string {
    return this.bus.host;
  }

  /** Audit records stored in the JetStream stream so far (undefined: no stream configured). */
  get auditStored(): number | undefined {
    return this.auditSink?.stored;
  }

  /** What stats and status show of the connection. */
  get status(): { host: string; state: string; server: string; disconnects: number; reconnects: number } {
    const b = this.bus;
    return { host: b.host, state: b.state, server: b.server, disconnects: b.disconnects, reconnects: b.reconnects };
  }

  /** Subscribes the observers and starts connecting (in the background). */
  start(): void {
    const { log, audit, registry } = this.parts;
    const limited = new RateLimitedLog(log);
    const host = this.host;
    const where = this.bus.description;
    const config = this.config;
    if (config.natsAuditStream !== '' && audit !== undefined) {
      const sink = new JetStreamAuditSink({
        stream: config.natsAuditStream,
        subject: Subjects.audit(host),
        streamSubjects: [Subjects.anyAudit],
        host,
        maxAgeMs: config.natsAuditMaxAgeMs,
        maxBytes: config.natsAuditMaxBytes,
        onError: (err) =>
          limited.warn('nats-audit', { stream: config.natsAuditStream, err: err.message }, 'cannot write the audit stream yet; kept and retried'),
      });
      this.auditSink = sink;
      audit.addSink((line) => sink.record(line));
    }
    this.bus.on('up', (server, nc) => {
      log.info({ nats: server, host, auth: where.auth, tls: where.tls, reconnects: this.bus.reconnects }, 'connected to NATS');
      audit?.record('nats.connected', { server, host });
      this.answerControl(nc);
      this.event('daemon.connected', { server });
      void this.auditSink?.connected(nc);
    });
    this.bus.on('down', (reason) => {
      log.warn({ host, reason }, 'NATS connection lost: reconnecting (remote workers are out of rotation meanwhile)');
      audit?.record('nats.disconnected', { host, reason });
      this.auditSink?.disconnected();
    });
    this.bus.on('connectFailed', (err, retryMs) =>
      limited.warn('nats-connect', { servers: where.servers, err: err.message, retryMs }, 'cannot connect to NATS yet; retrying'),
    );
    this.bus.on('serverError', (err) => limited.warn('nats-error', { err: err.message }, 'the NATS server reported an error'));
    this.workers.on('joined', (e, instance) => {
      log.info({ service: e.info.id, instance, models: e.info.models }, 'NATS worker joined');
      this.event('worker.joined', { service: e.info.id, instance });
    });
    this.workers.on('left', (service, instance, reason) => {
      log.info({ service, instance, reason }, 'NATS worker left');
      this.event('worker.left', { service, instance, reason });
    });
    this.workers.on('refused', (service, instance, err) => {
      limited.warn(`nats-worker-refused:${instance}`, { service, instance, reason: err.message }, 'NATS worker refused');
      audit?.record('worker.refused', { service, instance, reason: err.message });
    });
    this.workers.on('noise', (what, count) =>
      limited.warn(`nats-noise:${what}`, { what, count }, "NATS discovery heard answers that are no worker's (ignored)"),
    );
    registry.on('state', (e) => this.event('service.state', { service: e.info.id, state: e.state }));
    registry.on('health', (e, healthy, reason) => this.event('service.health', { service: e.info.id, healthy, reason }));
    registry.on('registered', (e) => this.event('service.registered', { service: e.info.id, endpoint: e.info.endpoint }));
    registry.on('unregistered', (e, reason) => this.event('service.unregistered', { service: e.info.id, reason }));
    this.bus.start();
  }

  /** Publishes one event on vexfs.v1.events.<host>.<kind> (dropped while the bus is down: events are live news, the audit stream is the record). */
  event(kind: string, fields: Record<string, unknown>): void {
    const nc = this.bus.nc;
    if (nc === undefined) return;
    nc.publish(Subjects.event(this.host, kind), JSON.stringify({ ts: new Date().toISOString(), host: this.host, event: kind, ...fields }));
  }

  private answerControl(nc: NatsConnection): void {
    for (const s of this.controlSubs) s.unsubscribe();
    this.controlSubs = [];
    const parts = this.parts;
    for (const op of CONTROL_OPS) {
      for (const subject of [Subjects.control(this.host, op), Subjects.controlAll(op)]) {
        this.controlSubs.push(
          nc.subscribe(subject, {
            callback: (err, msg) => {
              if (err !== null || msg.reply === undefined) return;
              const h = natsHeaders();
              h.set(Headers.host, this.host);
              msg.respond(encodeControlResponse({ id: 0, errno: 0, error: '', stats: parts.stats(), services: parts.registry.list().map((e) => e.info) }), {
                headers: h,
              });
            },
          }),
        );
      }
    }
  }

  async close(): Promise<void> {
    this.workers.close();
    await this.auditSink?.drain();
    this.auditSink?.close();
    for (const s of this.controlSubs) s.unsubscribe();
    await this.bus.close();
  }
}
