/**
 * Registered services and their connections. A registration belongs to an
 * owner (a control-socket connection or a kernel-side file); the owner can
 * re-register (update) or unregister it, and its going away unregisters it.
 */
import { EventEmitter } from 'node:events';

import { Consts, ServiceState } from '../../abi/uapi.js';
import { RegistrationError } from '../../errors.js';
import type { EmbedBatchResponseMsg, ServiceInfoMsg } from '../wire/proto.js';
import { RegistrationPolicy, type TokenGrant } from '../../control/auth/policy.js';
import { BACKEND_SCHEME, endpointPath, validateRegistration } from '../wire/registration.js';
import type { ServiceFrameLimits, ServiceLink, ServiceLinkFactory } from '../links/service-link.js';
import { UnixServiceLink, type UnixServiceLinkOptions } from '../links/unix-service-link.js';

function frameLimits(info: ServiceInfoMsg): ServiceFrameLimits {
  return { maxBatchSize: info.maxBatchSize, maxDimensions: Math.max(...info.dimensions) };
}

export interface ServiceEntry {
  info: ServiceInfoMsg;
  owner: string;
  uid: number;
  pid: number;
  /** How the daemon reaches it (by its endpoint's scheme). */
  link: ServiceLink;
  state: ServiceState;
  active: number;
  total: number;
  failures: number;
  lastHeartbeat: number;
  /** Heartbeats stopped for longer than the timeout: no new requests until the next one. */
  unhealthy: boolean;
  /** Failed its last active health checks: no new requests until they pass again. */
  checkFailing: boolean;
  /** Exponentially weighted response time, ns. */
  ewmaNs: number;
  /** The registration token it registered with (revoking the token removes it). */
  tokenId: string | undefined;
  /** From its last heartbeat: its process's CPU use, per mille of one CPU, and resident memory, KiB (0: not reported). */
  cpuPermille: number;
  rssKib: number;
}

export interface RegistryEvents {
  registered: [entry: ServiceEntry];
  /** A re-registration changed an existing service (version, capabilities, endpoint). */
  updated: [entry: ServiceEntry, previous: ServiceInfoMsg];
  unregistered: [entry: ServiceEntry, reason: string];
  /** An administrator removed it (after `unregistered`): its owner did not ask for this. */
  removed: [entry: ServiceEntry];
  /** The service's connection is up (ready) or down. */
  state: [entry: ServiceEntry];
  invalid: [entry: ServiceEntry, err: Error];
  response: [entry: ServiceEntry, msg: EmbedBatchResponseMsg];
  healthResult: [entry: ServiceEntry, id: number, healthy: boolean, message: string];
  /** The service stopped reading what it is sent past the bound (true), or caught up (false). */
  congestion: [entry: ServiceEntry, congested: boolean];
  /** A registration or unregistration was refused (the error says why). */
  refused: [op: 'register' | 'unregister' | 'remove', id: string, owner: string, uid: number, pid: number, err: RegistrationError];
  /** Health changed (heartbeats or health checks); `reason` says why when it turned bad. */
  health: [entry: ServiceEntry, healthy: boolean, reason: string];
}

/** Who registers, and what they present. */
/** The owner of backends declared in the daemon's configuration. */
export const BACKEND_OWNER = 'config';

export interface RegistrationCredentials {
  uid: number;
  pid: number;
  /** Primary gid, when known. */
  gid?: number | undefined;
  /** A verified registration token. */
  grant?: TokenGrant | undefined;
  /** The id the policy and token are checked against, when not the registered one (a NATS worker instance is registered as <id>.<instance>). */
  claimedId?: string | undefined;
}

/** The uid recorded for a registrant on another host ((uid_t)-1: no local user). */
export const REMOTE_UID = 0xffffffff;

export interface RegistryOptions {
  maxServices?: number;
  /** Registrations one owner (a control connection) may hold; the module's owner is bounded per file. */
  maxPerOwner?: number;
  /** A ready service silent for longer than this is unhealthy (0: never). */
  heartbeatTimeoutMs?: number;
  connection?: UnixServiceLinkOptions;
  /** Service links by endpoint scheme, besides "unix" (the SDK's socket). */
  links?: Readonly<Record<string, ServiceLinkFactory>>;
}

export class ServiceRegistry extends EventEmitter<RegistryEvents> {
  private readonly services = new Map<string, ServiceEntry>();
  private readonly maxServices: number;
  /** Who may register what; replaced on reload. */
  policy: RegistrationPolicy = RegistrationPolicy.empty();
  /** Owners exempt from the per-owner quota (the module's, bounded to one registration per file). */
  readonly unboundedOwners = new Set<string>();
  private readonly selfUid = process.getuid?.() ?? 0;
  private readonly links: Readonly<Record<string, ServiceLinkFactory>>;

  constructor(private readonly options: RegistryOptions = {}) {
    super();
    this.maxServices = Math.min(options.maxServices ?? 100, Consts.MAX_SERVICES);
    this.links = {
      unix: (id, endpoint, limits) => new UnixServiceLink(id, endpointPath(endpoint), options.connection, limits),
      ...options.links,
    };
    const timeout = options.heartbeatTimeoutMs ?? 0;
    if (timeout > 0) {
      const period = Math.max(10, Math.min(timeout / 2, 1000));
      this.lastCheck = Date.now();
      this.healthTimer = setInterval(() => this.checkHeartbeats(timeout, period), period);
      this.healthTimer.unref();
    }
  }

  private healthTimer: NodeJS.Timeout | undefined;
  private lastCheck = 0;

  private checkHeartbeats(timeout: number, period: number): void {
    const now = Date.now();
    const late = now - this.lastCheck - period;
    this.lastCheck = now;
    // Our own event loop stalled: timers run before I/O, so heartbeats that
    // arrived meanwhile are still unread. Judge again on the next tick.
    if (late > timeout / 2) return;
    for (const entry of this.services.values()) {
      if (entry.state !== ServiceState.READY || entry.unhealthy || now - entry.lastHeartbeat <= timeout) continue;
      entry.unhealthy = true;
      this.emit('health', entry, false, `no heartbeat for ${now - entry.lastHeartbeat} ms`);
      this.emit('state', entry);
    }
  }

  /** Ready, connected and heartbeating: may take new requests. */
  static available(entry: ServiceEntry): boolean {
    return entry.state === ServiceState.READY && !entry.unhealthy && !entry.checkFailing;
  }

  /** Active health checks turned failing or passing. */
  setCheckFailing(entry: ServiceEntry, failing: boolean, reason: string): void {
    if (entry.checkFailing === failing) return;
    entry.checkFailing = failing;
    this.emit('health', entry, !failing, reason);
    this.emit('state', entry);
  }

  get size(): number {
    return this.services.size;
  }

  get(id: string): ServiceEntry | undefined {
    return this.services.get(id);
  }

  list(): ServiceEntry[] {
    return [...this.services.values()];
  }

  /** Registers (or, for the same owner, updates) a service. Throws RegistrationError. */
  register(raw: ServiceInfoMsg, owner: string, who: RegistrationCredentials = { uid: 0, pid: 0 }): ServiceEntry {
    return this.tryAdd(raw, owner, who);
  }

  /** Registers an HTTP backend from the daemon's own configuration (endpoint "openai:<id>", owner BACKEND_OWNER). */
  registerBackend(raw: ServiceInfoMsg): ServiceEntry {
    this.unboundedOwners.add(BACKEND_OWNER);
    return this.registerLinked(raw, BACKEND_SCHEME, BACKEND_OWNER, this.selfCredentials);
  }

  /**
   * Registers a service the daemon reaches itself by `scheme` (endpoint
   * "<scheme>:<id>"), for `who`: a NATS worker with its token, or the
   * daemon's own credentials when it vouches for the worker.
   */
  registerLinked(raw: ServiceInfoMsg, scheme: string, owner: string, who: RegistrationCredentials): ServiceEntry {
    return this.tryAdd(raw, owner, who, scheme);
  }

  /** The daemon's own credentials, for services it vouches for. */
  get selfCredentials(): RegistrationCredentials {
    return { uid: this.selfUid, pid: process.pid };
  }

  private tryAdd(raw: ServiceInfoMsg, owner: string, who: RegistrationCredentials, daemonScheme?: string): ServiceEntry {
    try {
      return this.add(raw, owner, who, daemonScheme);
    } catch (err) {
      if (err instanceof RegistrationError) this.emit('refused', 'register', String(raw?.id ?? ''), owner, who.uid, who.pid, err);
      throw err;
    }
  }

  private held(uid: number): number {
    let n = 0;
    for (const e of this.services.values()) if (e.uid === uid) n++;
    return n;
  }

  private add(raw: ServiceInfoMsg, owner: string, who: RegistrationCredentials, daemonScheme: string | undefined): ServiceEntry {
    const { uid, pid } = who;
    const info = validateRegistration(raw, daemonScheme);
    const existing = this.services.get(info.id);
    if (existing !== undefined && existing.owner !== owner) {
      throw new RegistrationError('EEXIST', `service id "${info.id}" is already registered by another client`);
    }
    const tokenId = this.policy.decide(who.claimedId ?? info.id, info.models, who, who.grant, (u) => this.held(u), existing !== undefined, this.selfUid);
    // A token is a quota of its own: its holder is not bound by any uid's (remote workers have none).
    if (tokenId !== undefined && existing === undefined && who.grant !== undefined) {
      const resting = [...this.services.values()].filter((e) => e.tokenId === tokenId).length;
      if (resting >= who.grant.maxRegistrations)
        throw new RegistrationError(
          'EDQUOT',
          `token ${tokenId} holds ${resting} registrations, at most ${who.grant.maxRegistrations} (vexfsctl token create --max-registrations)`,
        );
    }
    if (existing === undefined && this.services.size >= this.maxServices) {
      throw new RegistrationError('ENOSPC', `the registry is full (${this.maxServices} services)`);
    }
    const perOwner = this.options.maxPerOwner ?? 16;
    if (existing === undefined && !this.unboundedOwners.has(owner) && [...this.services.values()].filter((e) => e.owner === owner).length >= perOwner) {
      throw new RegistrationError('EDQUOT', `this connection holds ${perOwner} registrations, the most one connection may hold`);
    }
    if (existing !== undefined) {
      // A new endpoint needs a new connection; capabilities and version just change.
      const previous = existing.info;
      existing.info = info;
      existing.tokenId = tokenId;
      if (previous.endpoint !== info.endpoint) {
        existing.link.close();
        existing.state = ServiceState.STARTING;
        existing.link = this.connect(existing);
      } else existing.link.setLimits(frameLimits(info));
      this.emit('updated', existing, previous);
      return existing;
    }
    const entry: ServiceEntry = {
      info,
      owner,
      uid,
      pid,
      link: undefined as unknown as ServiceLink,
      state: ServiceState.STARTING,
      active: 0,
      total: 0,
      failures: 0,
      lastHeartbeat: 0,
      unhealthy: false,
      checkFailing: false,
      ewmaNs: 0,
      cpuPermille: 0,
      rssKib: 0,
      tokenId,
    };
    entry.link = this.connect(entry);
    this.services.set(info.id, entry);
    this.emit('registered', entry);
    return entry;
  }

  private connect(entry: ServiceEntry): ServiceLink {
    const { id, endpoint } = entry.info;
    const scheme = endpoint.slice(0, endpoint.indexOf(':'));
    const factory = this.links[scheme];
    // Validation admits unix: endpoints only today; this guards a scheme admitted without a link.
    if (factory === undefined) throw new RegistrationError('EINVAL', `endpoint "${endpoint}": no service link for "${scheme}:" endpoints`);
    const conn = factory(id, endpoint, frameLimits(entry.info));
    conn.on('ready', () => {
      if (entry.link !== conn) return;
      entry.state = ServiceState.READY;
      entry.lastHeartbeat = Date.now();
      this.emit('state', entry);
    });
    conn.on('congestion', (on) => {
      if (entry.link === conn) this.emit('congestion', entry, on);
    });
    conn.on('down', () => {
      if (entry.link !== conn || entry.state === ServiceState.STOPPED) return;
      entry.state = ServiceState.ERROR;
      this.emit('state', entry);
    });
    conn.on('heartbeat', (_active, cpuPermille, rssKib) => {
      entry.lastHeartbeat = Date.now();
      entry.cpuPermille = cpuPermille;
      entry.rssKib = rssKib;
      if (entry.unhealthy) {
        entry.unhealthy = false;
        this.emit('health', entry, true, '');
        this.emit('state', entry);
      }
    });
    conn.on('stopping', (drainMs) => {
      if (entry.link !== conn) return;
      if (entry.state !== ServiceState.STOPPING) {
        entry.state = ServiceState.STOPPING;
        // Listeners take it out of routing before the echo promises the service nothing more is coming.
        this.emit('state', entry);
      }
      conn.ackStopping(drainMs);
    });
    conn.on('invalid', (err) => this.emit('invalid', entry, err));
    conn.on('response', (msg) => this.emit('response', entry, msg));
    conn.on('healthResult', (id, healthy, message) => this.emit('healthResult', entry, id, healthy, message));
    return conn;
  }

  /** Unregisters a service this owner registered. Throws RegistrationError. */
  unregister(id: string, owner: string, reason = 'unregistered', uid = 0, pid = 0): void {
    const entry = this.services.get(id);
    const err =
      entry === undefined
        ? new RegistrationError('ENOENT', `no service "${id}" is registered`)
        : entry.owner !== owner
          ? new RegistrationError('EPERM', `service "${id}" was registered by another client`)
          : undefined;
    if (err !== undefined) {
      this.emit('refused', 'unregister', id, owner, uid, pid, err);
      throw err;
    }
    this.drop(entry as ServiceEntry, reason);
  }

  /**
   * An administrator removes a service whoever registered it: allowed for
   * root, the daemon's user and the registrant's user. Throws RegistrationError.
   */
  remove(id: string, byUid: number, byPid: number): ServiceEntry {
    const entry = this.services.get(id);
    const self = process.getuid?.() ?? 0;
    const err =
      entry === undefined
        ? new RegistrationError('ENOENT', `no service "${id}" is registered`)
        : byUid !== 0 && byUid !== self && byUid !== entry.uid
          ? new RegistrationError(
              'EPERM',
              `service "${id}" belongs to uid ${entry.uid}: removing it needs root, uid ${self} (the daemon's) or uid ${entry.uid}`,
            )
          : undefined;
    if (err !== undefined) {
      this.emit('refused', 'remove', id, 'admin', byUid, byPid, err);
      throw err;
    }
    this.drop(entry as ServiceEntry, `removed by uid ${byUid} pid ${byPid}`);
    this.emit('removed', entry as ServiceEntry);
    return entry as ServiceEntry;
  }

  /** A revoked token takes its live registrations with it; returns those removed (each also emits `removed`). */
  revokeToken(tokenId: string, byUid: number): ServiceEntry[] {
    return this.dropToken(tokenId, `its registration token ${tokenId} was revoked by uid ${byUid}`);
  }

  /** Removes the registrations resting on a token that no longer holds (revoked elsewhere, expired); each emits `removed`. */
  dropToken(tokenId: string, reason: string): ServiceEntry[] {
    const gone = [...this.services.values()].filter((e) => e.tokenId === tokenId);
    for (const entry of gone) {
      this.drop(entry, reason);
      this.emit('removed', entry);
    }
    return gone;
  }

  /** Unregisters everything an owner registered (its connection or file closed). */
  dropOwner(owner: string, reason: string): void {
    for (const entry of [...this.services.values()]) if (entry.owner === owner) this.drop(entry, reason);
  }

  private drop(entry: ServiceEntry, reason: string): void {
    this.services.delete(entry.info.id);
    entry.state = ServiceState.STOPPED;
    entry.link.close();
    this.emit('unregistered', entry, reason);
  }

  close(): void {
    if (this.healthTimer !== undefined) clearInterval(this.healthTimer);
    for (const entry of [...this.services.values()]) this.drop(entry, 'daemon stopping');
  }
}
