/**
 * The pipeline's selection stage: which service takes a request. The
 * services that fit its shape (dimensions, data type) and model, cached per
 * shape until the registry changes; of those, the usable ones (connected,
 * healthy, breaker closed), preferring on a retry one that has not failed it;
 * for a model group, its order or weights; a sticky session's service while
 * it is usable; else the balancing policy (per model or the default). Returns a service or the status saying why
 * there is none (NO_SERVICE, MODEL_NOT_FOUND).
 */
import { DataType, ServiceState, Status } from '../abi/uapi.js';
import type { EmbedRequest } from '../kernel-side/messages/messages.js';
import { Balancer, type BalancerView, type Policy, StickyTable } from './balancer.js';
import { GroupRouting, type ModelGroups } from './model-groups.js';
import type { Breakers } from './breakers.js';
import { type ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';

export interface SelectionOptions {
  balancer?: Policy;
  balancerByModel?: Readonly<Record<string, Policy>>;
  /** Model names served by a set of services in order or by weight (model-groups.ts). */
  groups?: ModelGroups;
  sticky?: { by: 'key' | 'pid' | 'uid'; ttlMs: number } | undefined;
  random?: () => number;
}

export class Selection {
  private readonly candidates = new Map<string, ServiceEntry[] | number>();
  private readonly balancer: Balancer<ServiceEntry>;
  private readonly sticky: StickyTable | undefined;
  private readonly groups: GroupRouting;

  constructor(
    private readonly registry: ServiceRegistry,
    private readonly breakers: Breakers,
    view: BalancerView<ServiceEntry>,
    private readonly options: SelectionOptions = {},
  ) {
    this.balancer = new Balancer<ServiceEntry>(view, options.random);
    this.sticky = options.sticky ? new StickyTable(options.sticky.ttlMs) : undefined;
    // A member has room while it holds fewer than it may and is not holding off after a 429.
    this.groups = new GroupRouting(options.groups ?? {}, { hasRoom: (s) => view.load(s) < view.capacity(s) && !s.link.congested });
  }

  /** The model `service` is asked for when a request names `model` (a group's member model, else `model`). */
  modelFor(model: string | undefined, service: ServiceEntry): string | undefined {
    return this.groups.modelFor(model, service);
  }

  /** A service that can take `req` now (`tried`: services that failed it), or the status saying why there is none. */
  pick(req: EmbedRequest, tried: readonly string[] | undefined): ServiceEntry | number {
    const shapeKey = `${req.dimensions}\0${req.dataType}\0${req.model ?? ''}`;
    let shaped = this.candidates.get(shapeKey);
    if (shaped === undefined) {
      shaped = this.capable(req);
      this.candidates.set(shapeKey, shaped);
    }
    if (typeof shaped === 'number') return shaped;
    let usable = true;
    for (const s of shaped) if (!this.usable(s) || tried?.includes(s.info.id)) usable = false;
    let choices = shaped;
    if (!usable) {
      choices = shaped.filter((s) => this.usable(s));
      // A retry goes to a service that has not failed it, when there is one.
      const fresh = tried === undefined ? choices : choices.filter((s) => !tried.includes(s.info.id));
      if (fresh.length > 0) choices = fresh;
    }
    if (choices.length === 0) return Status.NO_SERVICE;
    // A group's order or weights decide, not sessions or the balancer.
    if (this.groups.has(req.model)) return this.groups.choose(req.model as string, choices);
    const sessionKey = this.sticky === undefined ? undefined : stickyKey(this.options.sticky?.by, req);
    if (sessionKey !== undefined) {
      const id = this.sticky?.get(sessionKey);
      const stuck = id === undefined ? undefined : choices.find((s) => s.info.id === id);
      if (stuck !== undefined) return stuck;
    }
    const policy = (req.model !== undefined ? this.options.balancerByModel?.[req.model] : undefined) ?? this.options.balancer ?? 'round-robin';
    const chosen = this.balancer.pick(policy, choices, shapeKey);
    if (sessionKey !== undefined) this.sticky?.set(sessionKey, chosen.info.id);
    return chosen;
  }

  /** Connected, healthy and with a breaker that lets batches through. */
  usable(s: ServiceEntry): boolean {
    return ServiceRegistry.available(s) && this.breakers.allows(s.info.id);
  }

  /** A service registered but not connected yet could serve `req` (a daemon that just started). */
  hasStarting(req: EmbedRequest): boolean {
    return this.registry.list().some((s) => s.state === ServiceState.STARTING && canServe(s, req));
  }

  /** The registry changed: shapes are looked up again, balancers start afresh. */
  changed(): void {
    this.candidates.clear();
    this.balancer.reset();
  }

  /** Services whose capabilities fit `req` (whatever their health), or why none do. */
  private capable(req: EmbedRequest): ServiceEntry[] | number {
    const shaped = this.registry.list().filter((s) => s.state !== ServiceState.STOPPED && fitsShape(s, req));
    if (shaped.length === 0) return Status.NO_SERVICE;
    if (this.groups.has(req.model)) {
      const members = this.groups.members(req.model as string, shaped);
      return members.length === 0 ? Status.NO_SERVICE : members;
    }
    // A request that names no model goes to any service of the right shape (its default model).
    const matches = req.model === undefined ? shaped : shaped.filter((s) => servesModel(s, req));
    return matches.length === 0 ? Status.MODEL_NOT_FOUND : matches;
  }
}

/** Registered for this shape and model. */
export function canServe(s: ServiceEntry, req: EmbedRequest): boolean {
  return fitsShape(s, req) && servesModel(s, req);
}

/** Registered for this dimension count and data type (no data types registered: float32). */
function fitsShape(s: ServiceEntry, req: EmbedRequest): boolean {
  const types = s.info.dataTypes === 0 ? 1 << DataType.FLOAT32 : s.info.dataTypes;
  return s.info.dimensions.includes(req.dimensions) && (types & (1 << req.dataType)) !== 0;
}

/** A request naming no model takes a service's default model. */
function servesModel(s: ServiceEntry, req: EmbedRequest): boolean {
  return req.model === undefined || s.info.models.includes(req.model);
}

/** The request's sticky-session key: the caller's session key (none: not sticky), uid or pid. */
function stickyKey(by: 'key' | 'pid' | 'uid' | undefined, req: EmbedRequest): string | undefined {
  if (by === 'key') return req.sessionKey === 0n ? undefined : `k${req.sessionKey}`;
  return by === 'uid' ? `u${req.callerUid}` : `p${req.callerPid}`;
}
