/**
 * NATS workers as services: every discovery round asks the workers' NATS
 * service for its stats ($SRV.STATS.vexfs-embed); a new instance is asked for its
 * registration (hello), its token verified, and it is registered in the
 * registry like any service, reached through a NatsServiceLink — one entry
 * per instance ("<id>.<instance>", balanced by the daemon), or with
 * `pool` one entry per worker service addressing its queue group. The stats
 * answers are the workers' heartbeats; an instance that misses
 * `missedRounds` rounds while the bus is up is unregistered, and one that
 * says it is stopping is drained and then unregistered.
 */
import { EventEmitter } from 'node:events';

import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { Svcm } from '@nats-io/services';

import type { TokenAuthority } from '../auth/tokens.js';
import { RegistrationError } from '../errors.js';
import { NatsServiceLink } from '../links/nats-service-link.js';
import type { ServiceLinkFactory } from '../links/service-link.js';
import { REMOTE_UID, type RegistrationCredentials, type ServiceEntry, type ServiceRegistry } from '../manager/registry.js';
import { Headers, Op, Subjects, WORKER_SERVICE_NAME, isSubjectToken } from '../nats/subjects.js';
import { type ServiceInfoMsg, decodeControlRequest } from '../wire/proto.js';
import { NATS_SCHEME } from '../wire/registration.js';
import type { NatsBus } from './nats-bus.js';

export interface NatsWorkersOptions {
  discoveryMs: number;
  missedRounds: number;
  /** One registry entry per worker service, addressing its queue group. */
  pool: boolean;
  /** Accept workers without a registration token (the daemon vouches for them). */
  trust: boolean;
  /** Verifies workers' registration tokens (undefined: this daemon mints none). */
  tokens: TokenAuthority | undefined;
}

export interface NatsWorkersEvents {
  /** A worker instance registered (its registry entry). */
  joined: [entry: ServiceEntry, instance: string];
  /** A worker instance was refused: its token or its registration. */
  refused: [service: string, instance: string, err: Error];
  /** A worker instance left (missed rounds, or stopped). */
  left: [service: string, instance: string, reason: string];
}

interface Instance {
  service: string;
  /** The registry id it serves under (its own, or its pool's). */
  entryId: string;
  missed: number;
  /** Hello asked and not yet answered. */
  pending: boolean;
  /** Refused: asked again only after this time. */
  refusedUntil: number;
}

const HELLO_TIMEOUT_MS = 2000;
/** A refused worker is asked again after this long (its token may have been fixed). */
const REFUSED_RETRY_MS = 30_000;

export class NatsWorkers extends EventEmitter<NatsWorkersEvents> {
  private readonly instances = new Map<string, Instance>();
  private readonly links = new Map<string, NatsServiceLink>();
  /** Where each registry id's batches go, for the link factory. */
  private readonly subjects = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private stoppingSub: Subscription | undefined;
  private round: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly bus: NatsBus,
    private readonly registry: ServiceRegistry,
    private readonly options: NatsWorkersOptions,
  ) {
    super();
    bus.on('up', (_server, nc) => this.onUp(nc));
    bus.on('down', () => {
      for (const link of this.links.values()) link.disconnected();
    });
  }

  /** The registry's link factory for "nats:<id>" endpoints. */
  readonly linkFactory: ServiceLinkFactory = (id, _endpoint, limits) => {
    const subject = this.subjects.get(id);
    const nc = this.bus.nc;
    if (subject === undefined || nc === undefined) throw new RegistrationError('EINVAL', `no NATS worker "${id}" is known`);
    const link = new NatsServiceLink(id, subject, nc, limits);
    this.links.set(id, link);
    return link;
  };

  private onUp(nc: NatsConnection): void {
    this.stoppingSub?.unsubscribe();
    this.stoppingSub = nc.subscribe(Subjects.anyStopping, {
      callback: (err, msg) => {
        if (err !== null) return;
        const [, , , service, instance] = msg.subject.split('.');
        let drainMs = 0;
        try {
          drainMs = Math.max(0, Math.min(600_000, Number((msg.json() as { drainMs?: unknown }).drainMs) || 0));
        } catch {
          drainMs = 0;
        }
        if (service !== undefined && instance !== undefined) this.stopping(service, instance, drainMs);
      },
    });
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.discover(), this.options.discoveryMs);
      this.timer.unref();
    }
    this.discover();
  }

  /** One round; a round still running (a slow bus) is not overlapped. */
  discover(): Promise<void> {
    this.round ??= this.askStats().finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private async askStats(): Promise<void> {
    const nc = this.bus.nc;
    if (nc === undefined || this.closed) return;
    const heard = new Map<string, { service: string; cpuPermille: number; rssKib: number }>();
    try {
      const maxWait = Math.min(1000, Math.max(50, this.options.discoveryMs / 2));
      const client = new Svcm(nc).client({ strategy: 'stall', stall: Math.min(200, maxWait), maxWait });
      for await (const s of await client.stats(WORKER_SERVICE_NAME)) {
        const service = s.metadata?.service;
        if (typeof service !== 'string' || !isSubjectToken(service) || !isSubjectToken(s.id)) continue;
        const load = s.endpoints?.find((e) => e.name === 'embed')?.data as { cpuPermille?: unknown; rssKib?: unknown } | null | undefined;
        heard.set(s.id, { service, cpuPermille: u32(load?.cpuPermille), rssKib: u32(load?.rssKib) });
      }
    } catch {
      // No worker answered ("no responders") or the bus went down mid-round: judged below only while up.
    }
    if (this.bus.nc === undefined || this.closed) return;
    const now = Date.now();
    for (const [instance, { service, cpuPermille, rssKib }] of heard) {
      const known = this.instances.get(instance);
      if (known === undefined) {
        this.instances.set(instance, { service, entryId: '', missed: 0, pending: false, refusedUntil: 0 });
        void this.hello(nc, instance);
        continue;
      }
      known.missed = 0;
      if (known.entryId === '' && !known.pending && now >= known.refusedUntil) void this.hello(nc, instance);
      this.links.get(known.entryId)?.seen(cpuPermille, rssKib);
    }
    for (const [instance, known] of this.instances) {
      if (heard.has(instance)) continue;
      if (++known.missed >= this.options.missedRounds) this.leave(instance, `not seen in ${known.missed} discovery rounds`);
    }
  }

  private async hello(nc: NatsConnection, instance: string): Promise<void> {
    const known = this.instances.get(instance);
    if (known === undefined) return;
    known.pending = true;
    try {
      const h = natsHeaders();
      h.set(Headers.op, Op.hello);
      const msg = await nc.request(Subjects.instance(known.service, instance), new Uint8Array(0), { timeout: HELLO_TIMEOUT_MS, headers: h });
      const req = decodeControlRequest(msg.data);
      if (!req.register) throw new RegistrationError('EINVAL', 'the worker answered hello without a registration');
      if (req.register.id !== known.service) {
        throw new RegistrationError('EINVAL', `the worker's NATS metadata names service "${known.service}" but it registers "${req.register.id}"`);
      }
      const who = await this.credentials(req.register.id, req.token ?? '');
      if (this.instances.get(instance) !== known || this.closed) return;
      known.entryId = this.register(req.register, instance, who);
      const entry = this.registry.get(known.entryId);
      if (entry !== undefined) this.emit('joined', entry, instance);
    } catch (err) {
      known.refusedUntil = Date.now() + REFUSED_RETRY_MS;
      this.emit('refused', known.service, instance, err as Error);
    } finally {
      known.pending = false;
    }
  }

  /** Who the worker is to the policy: its token's grant, or the daemon itself when trusting workers. */
  private async credentials(id: string, token: string): Promise<RegistrationCredentials> {
    if (token !== '') {
      if (this.options.tokens === undefined) throw new RegistrationError('EACCES', 'the worker presented a token, but this daemon mints none (no --state-dir)');
      return { uid: REMOTE_UID, pid: 0, grant: await this.options.tokens.verify(token), claimedId: id };
    }
    if (this.options.trust) return { ...this.registry.selfCredentials, claimedId: id };
    throw new RegistrationError('EACCES', 'the worker presented no registration token (vexfsctl token create), and --nats-trust-workers is off');
  }

  private register(declared: ServiceInfoMsg, instance: string, who: RegistrationCredentials): string {
    const service = declared.id;
    if (this.options.pool) {
      const existing = this.registry.get(service);
      if (existing !== undefined && existing.owner === poolOwner(service)) return service;
      this.subjects.set(service, Subjects.pool(service));
      this.registry.registerLinked(
        { ...declared, endpoint: `${NATS_SCHEME}:${service}`, metadata: { ...declared.metadata, nats: 'pool' } },
        NATS_SCHEME,
        poolOwner(service),
        who,
      );
      return service;
    }
    // Service ids have no dots on the bus, so "<service>.<instance>" cannot collide with another worker's.
    const id = `${service.slice(0, 63 - instance.length - 1)}.${instance}`;
    this.subjects.set(id, Subjects.instance(service, instance));
    this.registry.registerLinked(
      { ...declared, id, endpoint: `${NATS_SCHEME}:${id}`, metadata: { ...declared.metadata, nats: instance } },
      NATS_SCHEME,
      `nats:${instance}`,
      who,
    );
    return id;
  }

  private stopping(service: string, instance: string, drainMs: number): void {
    const known = this.instances.get(instance);
    if (known === undefined || known.service !== service || known.entryId === '') return;
    if (this.options.pool) {
      // The pool goes on with its other instances; this one just stops answering.
      if (this.poolMembers(known.entryId) > 1) return;
    }
    this.links.get(known.entryId)?.stopping(drainMs);
    const t = setTimeout(() => this.leave(instance, `stopped (drained ${drainMs} ms)`), drainMs);
    t.unref();
  }

  private poolMembers(entryId: string): number {
    let n = 0;
    for (const i of this.instances.values()) if (i.entryId === entryId) n++;
    return n;
  }

  private leave(instance: string, reason: string): void {
    const known = this.instances.get(instance);
    if (known === undefined) return;
    this.instances.delete(instance);
    const id = known.entryId;
    if (id === '') return;
    this.emit('left', known.service, instance, reason);
    if (this.options.pool && this.poolMembers(id) > 0) return;
    this.links.delete(id);
    this.subjects.delete(id);
    const entry = this.registry.get(id);
    if (entry !== undefined) this.registry.unregister(id, entry.owner, `NATS worker ${reason}`);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.stoppingSub?.unsubscribe();
    for (const instance of [...this.instances.keys()]) this.leave(instance, 'the daemon is stopping');
  }
}

/** A number a worker reported, as the u32 the stats carry (anything else: 0, not reported). */
function u32(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(0xffffffff, Math.round(v)) : 0;
}

function poolOwner(service: string): string {
  return `nats-pool:${service}`;
}
