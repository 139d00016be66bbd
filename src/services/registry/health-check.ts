/**
 * Active health checks: every interval each connected service gets a check
 * and must answer within the timeout. After `unhealthyAfter` failures in a
 * row it is marked failing (no new requests); after `healthyAfter` successes
 * in a row it is healthy again. One timer serves every service.
 */
import { ServiceState } from '../../abi/uapi.js';
import type { ServiceEntry, ServiceRegistry } from './registry.js';

export interface HealthCheckOptions {
  /** Time between checks, ms; 0 turns checks off. */
  intervalMs?: number;
  /** Time a service has to answer, ms (at most the interval). */
  timeoutMs?: number;
  unhealthyAfter?: number;
  healthyAfter?: number;
}

interface CheckState {
  pendingId: number;
  sentAt: number;
  failures: number;
  successes: number;
  lastMessage: string;
}

export class HealthChecker {
  private readonly states = new Map<ServiceEntry, CheckState>();
  private readonly timer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly unhealthyAfter: number;
  private readonly healthyAfter: number;

  constructor(
    private readonly registry: ServiceRegistry,
    options: HealthCheckOptions = {},
  ) {
    const interval = options.intervalMs ?? 0;
    this.timeoutMs = Math.min(options.timeoutMs ?? 1000, interval || Infinity);
    this.unhealthyAfter = options.unhealthyAfter ?? 3;
    this.healthyAfter = options.healthyAfter ?? 2;
    registry.on('healthResult', (entry, id, healthy, message) => this.onResult(entry, id, healthy, message));
    registry.on('unregistered', (entry) => this.states.delete(entry));
    if (interval > 0) {
      this.interval = interval;
      this.lastRound = performance.now();
      this.timer = setInterval(() => this.round(), interval);
      this.timer.unref();
    }
  }

  private interval = 0;
  private lastRound = 0;

  /** One round: unanswered checks past their timeout fail, then every connected service gets a new one. */
  round(now = performance.now()): void {
    // Our own event loop stalled past the timeout: answers may be waiting unread behind this timer.
    const stalled = this.interval > 0 && now - this.lastRound - this.interval > this.timeoutMs;
    this.lastRound = now;
    if (stalled) return;
    for (const entry of this.registry.list()) {
      if (entry.state !== ServiceState.READY) continue;
      let s = this.states.get(entry);
      if (s === undefined) this.states.set(entry, (s = { pendingId: 0, sentAt: 0, failures: 0, successes: 0, lastMessage: '' }));
      if (s.pendingId !== 0) {
        if (now - s.sentAt < this.timeoutMs) continue;
        this.record(entry, s, false, `no answer within ${this.timeoutMs} ms`);
      }
      s.pendingId = this.nextId;
      this.nextId = (this.nextId % 0xffffffff) + 1;
      s.sentAt = now;
      if (!entry.link.healthCheck(s.pendingId)) s.pendingId = 0;
    }
  }

  private onResult(entry: ServiceEntry, id: number, healthy: boolean, message: string): void {
    const s = this.states.get(entry);
    if (s === undefined || s.pendingId !== id) return;
    s.pendingId = 0;
    // An answer after the timeout counts as a failure: the service is too slow to trust.
    const inTime = performance.now() - s.sentAt <= this.timeoutMs;
    this.record(entry, s, healthy && inTime, healthy ? `answered after ${this.timeoutMs} ms` : message);
  }

  private record(entry: ServiceEntry, s: CheckState, ok: boolean, message: string): void {
    if (ok) {
      s.failures = 0;
      s.successes++;
      if (entry.checkFailing && s.successes >= this.healthyAfter) this.registry.setCheckFailing(entry, false, '');
    } else {
      s.successes = 0;
      s.failures++;
      s.lastMessage = message;
      if (!entry.checkFailing && s.failures >= this.unhealthyAfter) this.registry.setCheckFailing(entry, true, message);
    }
  }

  /** Consecutive failed checks of a service (for its health score). */
  failures(entry: ServiceEntry): number {
    return this.states.get(entry)?.failures ?? 0;
  }

  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.states.clear();
  }
}
