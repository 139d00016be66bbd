/**
 * Load-balancing policies. Each picks one of the candidates the router has
 * already filtered by capability, health and breaker state; the router
 * supplies each candidate's live load and latency through `BalancerView`.
 */
export const Policy = {
  ROUND_ROBIN: 'round-robin',
  WEIGHTED_ROUND_ROBIN: 'weighted-round-robin',
  LEAST_CONNECTIONS: 'least-connections',
  LEAST_RESPONSE_TIME: 'least-response-time',
  LOAD: 'load',
  PRIORITY: 'priority',
  RANDOM: 'random',
} as const;
export type Policy = (typeof Policy)[keyof typeof Policy];
export const POLICIES = Object.values(Policy);

/** What the router knows about a candidate and its current state. */
export interface BalancerView<C> {
  id(c: C): string;
  /** Weighted round robin share (registration metadata "weight", default 1). */
  weight(c: C): number;
  /** Registration priority 0-255: the priority policy prefers higher tiers. */
  priority(c: C): number;
  /** Requests sent and queued to the service. */
  load(c: C): number;
  /** Requests the service may have outstanding before more wait in its queue. */
  capacity(c: C): number;
  /** Response-time EWMA, ns (0: no sample yet). */
  latencyNs(c: C): number;
  /** 0-100. */
  health(c: C): number;
  /** CPU its process used lately, in CPUs (0.5 = half of one; 0: not reported). */
  cpu(c: C): number;
}

export type Random = () => number;

export class Balancer<C> {
  private readonly rr = new Map<string, number>();
  /** Smooth weighted round robin state per candidate set: current weights. */
  private readonly wrr = new Map<string, Map<string, number>>();

  constructor(
    private readonly view: BalancerView<C>,
    private readonly random: Random = Math.random,
  ) {}

  /** `key` names the candidate set (same key, same services) for the rotating policies. */
  pick(policy: Policy, candidates: readonly C[], key: string): C {
    if (candidates.length === 1) return candidates[0] as C;
    switch (policy) {
      case Policy.ROUND_ROBIN: {
        const i = ((this.rr.get(key) ?? -1) + 1) % candidates.length;
        this.rr.set(key, i);
        return candidates[i] as C;
      }
      case Policy.WEIGHTED_ROUND_ROBIN:
        return this.weighted(candidates, key);
      case Policy.LEAST_CONNECTIONS:
        return this.twoChoices(candidates, (c) => this.view.load(c) / this.view.capacity(c));
      case Policy.LEAST_RESPONSE_TIME:
        // Unsampled services look fastest so that they get a first sample.
        return this.twoChoices(candidates, (c) => this.view.latencyNs(c) * (1 + this.view.load(c)));
      case Policy.LOAD:
        return this.lowest(candidates, (c) => this.loadScore(c, candidates));
      case Policy.PRIORITY:
        return this.byPriority(candidates, key);
      case Policy.RANDOM:
        return candidates[Math.floor(this.random() * candidates.length)] as C;
    }
  }

  /** Power of two choices: two distinct random candidates, the lower cost wins. */
  private twoChoices(candidates: readonly C[], cost: (c: C) => number): C {
    const n = candidates.length;
    const i = Math.floor(this.random() * n);
    const j = (i + 1 + Math.floor(this.random() * (n - 1))) % n;
    const a = candidates[i] as C;
    const b = candidates[j] as C;
    return cost(b) < cost(a) ? b : a;
  }

  private lowest(candidates: readonly C[], cost: (c: C) => number): C {
    let best = candidates[0] as C;
    let bestCost = cost(best);
    for (let i = 1; i < candidates.length; i++) {
      const c = candidates[i] as C;
      const v = cost(c);
      if (v < bestCost) {
        best = c;
        bestCost = v;
      }
    }
    return best;
  }

  /**
   * Composite score, lower is better: utilisation (two fifths), latency
   * relative to the slowest candidate (a quarter), lost health (a fifth),
   * CPU use of its process up to one full CPU (the rest).
   */
  loadScore(c: C, all: readonly C[]): number {
    let slowest = 0;
    for (const o of all) slowest = Math.max(slowest, this.view.latencyNs(o));
    const util = Math.min(1, this.view.load(c) / this.view.capacity(c));
    const lat = slowest === 0 ? 0 : this.view.latencyNs(c) / slowest;
    return 0.4 * util + 0.25 * lat + 0.2 * (1 - this.view.health(c) / 100) + 0.15 * Math.min(1, this.view.cpu(c));
  }

  /** Nginx's smooth weighted round robin: even spacing, exact shares. */
  private weighted(candidates: readonly C[], key: string): C {
    let current = this.wrr.get(key);
    if (current === undefined) this.wrr.set(key, (current = new Map()));
    let total = 0;
    let best: C | undefined;
    let bestWeight = -Infinity;
    for (const c of candidates) {
      const weight = this.view.weight(c);
      const id = this.view.id(c);
      const w = (current.get(id) ?? 0) + weight;
      current.set(id, w);
      total += weight;
      if (w > bestWeight) {
        best = c;
        bestWeight = w;
      }
    }
    const chosen = best as C;
    current.set(this.view.id(chosen), bestWeight - total);
    return chosen;
  }

  /**
   * The highest registration priority first; the next tier takes over when
   * every service of a higher tier is unavailable (already filtered out) or
   * full (its load at capacity). Within a tier, least connections.
   */
  private byPriority(candidates: readonly C[], key: string): C {
    const tiers = [...new Set(candidates.map((c) => this.view.priority(c)))].sort((a, b) => b - a);
    for (const tier of tiers) {
      const members = candidates.filter((c) => this.view.priority(c) === tier);
      const open = members.filter((c) => this.view.load(c) < this.view.capacity(c));
      if (open.length > 0) return open.length === 1 ? (open[0] as C) : this.twoChoices(open, (c) => this.view.load(c));
    }
    // Everything is full: queue at the preferred tier.
    const top = candidates.filter((c) => this.view.priority(c) === tiers[0]);
    return this.pick(Policy.LEAST_CONNECTIONS, top, key);
  }

  /** Forget rotation state (the set of services changed). */
  reset(): void {
    this.rr.clear();
    this.wrr.clear();
  }
}

/** Sticky sessions: a key keeps going to the service it went to, for `ttlMs` after its last use. */
export class StickyTable {
  private readonly map = new Map<string, { id: string; until: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(key: string): string | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    const t = this.now();
    if (t > e.until) {
      this.map.delete(key);
      return undefined;
    }
    // Re-inserting keeps the Map in last-use order, so the oldest go first when full.
    this.map.delete(key);
    e.until = t + this.ttlMs;
    this.map.set(key, e);
    return e.id;
  }

  set(key: string, id: string): void {
    this.map.delete(key);
    if (this.map.size >= this.maxKeys) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
    this.map.set(key, { id, until: this.now() + this.ttlMs });
  }

  get size(): number {
    return this.map.size;
  }
}
