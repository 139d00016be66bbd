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

import { randomBytes } from 'node:crypto';

import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { headers as natsHeaders } from '@nats-io/nats-core';

import type { TokenAuthority } from '../auth/tokens.js';
import { RegistrationError } from '../../errors.js';
import { NatsServiceLink } from '../../services/links/nats-service-link.js';
import type { ServiceLinkFactory } from '../../services/links/service-link.js';
import { REMOTE_UID, type RegistrationCredentials, type ServiceEntry, type ServiceRegistry } from '../../services/registry/registry.js';
import { Headers, Op, Subjects, WORKER_SERVICE_NAME } from '../../services/nats/subjects.js';
import { type ServiceInfoMsg, decodeControlRequest } from '../../services/wire/proto.js';
import { NATS_SCHEME } from '../../services/wire/registration.js';
import type { NatsBus } from './nats-bus.js';
import { PoolKeyring, type PoolKeys } from './pool-keys.js';
import { type HeardWorker, gatherStats } from './nats-stats-round.js';

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
  /** A round heard answers that were no worker's (malformed, past the bound, claiming another's instance), or a forged stopping notice. */
  noise: [what: string, count: number];
  /** What each registered worker's link was told (the daemon's worker threads keep links of their own that follow). */
  linkSeen: [entryId: string, cpuPermille: number, rssKib: number];
  linkStopping: [entryId: string, drainMs: number];
  linksDisconnected: [];
  /** Pool mode: a pool's keys changed (undefined: gone). */
  poolKeys: [service: string, keys: PoolKeys | undefined];
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
  /** The secret its hello answer carried; a stopping notice without it is not the worker's. */
  stopKey: string;
  /** Its X25519 public key from the hello answer: pool mode wraps the pool key to it. */
  poolPublic: string;
}

const HELLO_TIMEOUT_MS = 2000;
/** A round's answers read at most; a bus client answering more only loses its own. */
const MAX_STATS_ANSWERS = 1024;
/** Instances known at once (registered, refused or being asked); more unknown ones wait for a later round. */
const MAX_INSTANCES = 1024;
/** Hellos in flight at once: an answer flood cannot make the daemon ask thousands of subjects. */
const MAX_PENDING_HELLOS = 16;
/** A refused worker is asked again after this long (its token may have been fixed). */
const REFUSED_RETRY_MS = 30_000;

export class NatsWorkers extends EventEmitter<NatsWorkersEvents> {
  private readonly instances = new Map<string, Instance>();
  private readonly links = new Map<string, NatsServiceLink>();
  /** Where each registry id's batches go, for the link factory. */
  private readonly subjects = new Map<string, string>();
  /** Pool mode: each pool's key, given only to instances whose token was verified. */
  private readonly poolKeys: PoolKeyring;
  private timer: NodeJS.Timeout | undefined;
  private stoppingSub: Subscription | undefined;
  private round: Promise<void> | undefined;
  private pendingHellos = 0;
  private closed = false;
  /** Names this daemon to workers (hello, stop-seen), so a worker knows whose acknowledgements to wait for. */
  readonly daemonId = randomBytes(12).toString('base64url');
  /**
   * Settles when every other sender of this daemon's batches has stopped sending to a draining
   * worker and handed over what it sent (the daemon's worker threads, whose batches go out on this
   * connection after a hop): only then is stop-seen published.
   */
  stopSeenBarrier: (() => Promise<void>) | undefined;

  constructor(
    private readonly bus: NatsBus,
    private readonly registry: ServiceRegistry,
    private readonly options: NatsWorkersOptions,
  ) {
    super();
    this.poolKeys = new PoolKeyring(this.daemonId, HELLO_TIMEOUT_MS);
    this.poolKeys.onChange = (service, keys) => this.emit('poolKeys', service, keys);
    bus.on('up', (_server, nc) => this.onUp(nc));
    bus.on('down', () => {
      for (const link of this.links.values()) link.disconnected();
      this.emit('linksDisconnected');
    });
    // Removed from outside (its token revoked or expired, an administrator): its instances are asked
    // again, so each is judged afresh, and a pool's key goes with the pool's registration.
    registry.on('unregistered', (entry) => this.forget(entry.info.id));
  }

  /** The registry's link factory for "nats:<id>" endpoints. */
  readonly linkFactory: ServiceLinkFactory = (id, _endpoint, limits) => {
    const subject = this.subjects.get(id);
    const nc = this.bus.nc;
    if (subject === undefined || nc === undefined) throw new RegistrationError('EINVAL', `no NATS worker "${id}" is known`);
    const link = new NatsServiceLink(id, subject, nc, limits, this.options.pool ? { seal: this.poolKeys.seal(id) } : {});
    this.links.set(id, link);
    return link;
  };

  /** Pool mode: every pool's keys now (for a worker thread that starts). */
  poolKeySets(): Array<[service: string, keys: PoolKeys]> {
    return this.poolKeys.all();
  }

  /** Where a registered worker's batches go (its instance subject, or its pool's). */
  subjectOf(entryId: string): string | undefined {
    return this.subjects.get(entryId);
  }

  private rotatePoolKey(nc: NatsConnection, service: string): void {
    if (!this.poolKeys.rotate(service)) return;
    for (const [instance, i] of this.instances) {
      if (i.service !== service || i.entryId === '') continue;
      this.poolKeys
        .give(nc, service, instance, i.poolPublic)
        .catch((err: Error) => this.emit('noise', `the new pool key for ${service} did not reach ${instance}: ${err.message}`, 1));
    }
  }

  private onUp(nc: NatsConnection): void {
    this.stoppingSub?.unsubscribe();
    this.stoppingSub = nc.subscribe(Subjects.anyStopping, {
      callback: (err, msg) => {
        if (err !== null) return;
        const [, , , service, instance] = msg.subject.split('.');
        let notice: { drainMs?: unknown; key?: unknown } = {};
        try {
          notice = (msg.json() as typeof notice | null) ?? {};
        } catch {
          notice = {};
        }
        const drainMs = Math.max(0, Math.min(600_000, Number(notice.drainMs) || 0));
        if (service !== undefined && instance !== undefined) this.stopping(nc, service, instance, drainMs, notice.key);
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
    const deadlineMs = Math.min(1000, Math.max(50, this.options.discoveryMs / 2));
    const round = await gatherStats(nc, `$SRV.STATS.${WORKER_SERVICE_NAME}`, {
      deadlineMs,
      stallMs: Math.min(200, deadlineMs),
      maxAnswers: MAX_STATS_ANSWERS,
    });
    if (round.malformed > 0) this.emit('noise', 'malformed $SRV.STATS answers', round.malformed);
    if (round.truncated) this.emit('noise', `$SRV.STATS answers past ${MAX_STATS_ANSWERS} (not read)`, 1);
    if (round.truncated) await this.askKnownDirectly(nc, round.heard, deadlineMs);
    if (this.bus.nc === undefined || this.closed) return;
    const now = Date.now();
    let impostors = 0;
    for (const [instance, { service, cpuPermille, rssKib }] of round.heard) {
      const known = this.instances.get(instance);
      if (known === undefined) {
        if (this.instances.size >= MAX_INSTANCES) continue;
        const fresh: Instance = { service, entryId: '', missed: 0, pending: false, refusedUntil: 0, stopKey: '', poolPublic: '' };
        this.instances.set(instance, fresh);
        this.askHello(nc, instance, fresh);
        continue;
      }
      // An answer naming a known instance under another service is not that worker's heartbeat.
      if (known.service !== service) {
        impostors++;
        continue;
      }
      known.missed = 0;
      if (known.entryId === '' && !known.pending && now >= known.refusedUntil) this.askHello(nc, instance, known);
      const link = this.links.get(known.entryId);
      if (link === undefined) continue;
      link.seen(cpuPermille, rssKib);
      this.emit('linkSeen', known.entryId, cpuPermille, rssKib);
    }
    if (impostors > 0) this.emit('noise', '$SRV.STATS answers naming a known instance under another service', impostors);
    for (const [instance, known] of this.instances) {
      if (round.heard.get(instance)?.service === known.service) continue;
      if (++known.missed >= this.options.missedRounds) this.leave(instance, `not seen in ${known.missed} discovery rounds`);
    }
  }

  /** A flood pushed answers past the bound: each registered instance not heard is asked on its own stats subject, which no flood can crowd. */
  private async askKnownDirectly(nc: NatsConnection, heard: Map<string, HeardWorker>, deadlineMs: number): Promise<void> {
    const missing = [...this.instances].filter(([instance, known]) => known.entryId !== '' && !heard.has(instance));
    const rounds = await Promise.all(
      missing.map(([instance]) =>
        gatherStats(nc, `$SRV.STATS.${WORKER_SERVICE_NAME}.${instance}`, { deadlineMs, stallMs: Math.min(200, deadlineMs), maxAnswers: 4 }),
      ),
    );
    missing.forEach(([instance], i) => {
      const own = rounds[i]?.heard.get(instance);
      if (own !== undefined) heard.set(instance, own);
    });
  }

  private askHello(nc: NatsConnection, instance: string, known: Instance): void {
    if (this.pendingHellos >= MAX_PENDING_HELLOS) return;
    void this.hello(nc, instance, known);
  }

  private async hello(nc: NatsConnection, instance: string, known: Instance): Promise<void> {
    known.pending = true;
    this.pendingHellos++;
    try {
      const h = natsHeaders();
      h.set(Headers.op, Op.hello);
      h.set(Headers.daemon, this.daemonId);
      const msg = await nc.request(Subjects.instance(known.service, instance), new Uint8Array(0), { timeout: HELLO_TIMEOUT_MS, headers: h });
      // Without a key (a hand-made worker) its stopping notices are not believed: it leaves by missed rounds.
      known.stopKey = msg.headers?.get(Headers.stopKey) ?? '';
      known.poolPublic = msg.headers?.get(Headers.poolPublic) ?? '';
      const req = decodeControlRequest(msg.data);
      if (!req.register) throw new RegistrationError('EINVAL', 'the worker answered hello without a registration');
      if (req.register.id !== known.service) {
        throw new RegistrationError('EINVAL', `the worker's NATS metadata names service "${known.service}" but it registers "${req.register.id}"`);
      }
      const who = await this.credentials(req.register.id, req.token ?? '');
      if (this.instances.get(instance) !== known || this.closed) return;
      // Only a verified instance gets the key that opens the pool's batches.
      if (this.options.pool) await this.poolKeys.give(nc, known.service, instance, known.poolPublic);
      if (this.instances.get(instance) !== known || this.closed) return;
      known.entryId = this.register(req.register, instance, who);
      const entry = this.registry.get(known.entryId);
      if (entry !== undefined) this.emit('joined', entry, instance);
    } catch (err) {
      known.refusedUntil = Date.now() + REFUSED_RETRY_MS;
      this.emit('refused', known.service, instance, err as Error);
    } finally {
      known.pending = false;
      this.pendingHellos--;
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

  /**
   * A worker says it is leaving: nothing new goes to it, and it is told so on
   * its instance subject. NATS keeps one connection's messages in order, so
   * that acknowledgement reaches the worker after every batch this daemon
   * sent it: the worker can finish what it holds knowing nothing more comes.
   */
  private stopping(nc: NatsConnection, service: string, instance: string, drainMs: number, key: unknown): void {
    const known = this.instances.get(instance);
    if (known === undefined || known.service !== service) return;
    if (typeof key !== 'string' || key.length < 16 || key !== known.stopKey) {
      this.emit('noise', `a stopping notice for ${service}.${instance} without the worker's key`, 1);
      return;
    }
    // The pool goes on with its other instances; this one just stops answering.
    const alone = known.entryId !== '' && (!this.options.pool || this.members(known.entryId) <= 1);
    if (alone) {
      this.links.get(known.entryId)?.stopping(drainMs);
      this.emit('linkStopping', known.entryId, drainMs);
    }
    const h = natsHeaders();
    h.set(Headers.op, Op.stopSeen);
    h.set(Headers.daemon, this.daemonId);
    const publish = () => {
      if (!nc.isClosed()) nc.publish(Subjects.instance(service, instance), new Uint8Array(0), { headers: h });
    };
    if (this.stopSeenBarrier === undefined) publish();
    else void this.stopSeenBarrier().then(publish);
    if (!alone) return;
    const t = setTimeout(() => this.leave(instance, `stopped (drained ${drainMs} ms)`), drainMs);
    t.unref();
  }

  private forget(entryId: string): void {
    if (!this.links.has(entryId)) return;
    this.links.delete(entryId);
    this.subjects.delete(entryId);
    this.poolKeys.forget(entryId);
    for (const i of this.instances.values()) if (i.entryId === entryId) i.entryId = '';
  }

  /** Instances registered under `entryId` (in pool mode, the members holding its key). */
  members(entryId: string): number {
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
    if (this.options.pool && this.members(id) > 0) {
      const nc = this.bus.nc;
      if (nc !== undefined) this.rotatePoolKey(nc, known.service);
      return;
    }
    this.poolKeys.forget(id);
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

function poolOwner(service: string): string {
  return `nats-pool:${service}`;
}
