/**
 * The pipeline's parking stage: a request for which no service is ready,
 * while one that could serve it is registered and still connecting (a daemon
 * that just started, re-sent requests after a restart), waits up to the hold
 * (never past its deadline, which ends it elsewhere) for one to become ready.
 */
import { RequestState, type Staged } from './request.js';

export interface ParkingHandlers<T> {
  /** Routes `e` if a service can take it now: undefined; else the status saying why not. */
  tryRoute(e: T): number | undefined;
  /** The hold passed with no service: answer `status`. */
  giveUp(e: T, status: number): void;
}

export class Parking<T extends Staged> {
  private parked: Array<{ entry: T; until: number }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly holdMs: number,
    private readonly handlers: ParkingHandlers<T>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.parked.length;
  }

  /** Holds `entry` until a service can take it, or until `until` (default: the hold from now). */
  park(entry: T, until = this.now() + this.holdMs): void {
    this.parked.push({ entry, until });
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.release(false), 10);
      this.timer.unref();
    }
  }

  /** Routes parked requests that can go now; without `readyChanged` (a service became ready), only those past their hold. */
  release(readyChanged: boolean): void {
    if (this.parked.length === 0) return;
    const now = this.now();
    const parked = this.parked;
    this.parked = [];
    for (const p of parked) {
      // Ended (deadline, cancelled) while parked.
      if (p.entry.state !== RequestState.PARKED) continue;
      if (!readyChanged && now < p.until) {
        this.parked.push(p);
        continue;
      }
      const why = this.handlers.tryRoute(p.entry);
      if (why === undefined) continue;
      if (now >= p.until) this.handlers.giveUp(p.entry, why);
      else this.parked.push(p);
    }
    if (this.parked.length === 0) this.stopTimer();
  }

  close(): void {
    this.parked = [];
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
