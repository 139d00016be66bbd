/**
 * The daemon's queues as the twin keeps them (the module's queues.c): the
 * port that attached as the daemon first, the ports its workers add, and
 * each one's counters. The twin has no CPUs to go by, so requests take the
 * queues in turn; a queue that cannot take one (its socket full) is passed
 * over for the next, as in the module.
 */
import { Consts } from '../../abi/uapi.js';
import type { QueueRecord } from '../messages/messages.js';

interface Queue {
  readonly port: number;
  sent: number;
  answered: number;
  fallback: number;
}

export class TwinQueues {
  private list: Queue[] = [];
  private turn = 0;

  get size(): number {
    return this.list.length;
  }

  /** The daemon's own port (queue 0), or 0 without a daemon. */
  get primary(): number {
    return this.list[0]?.port ?? 0;
  }

  /** A daemon attached on `port`: its only queue. */
  start(port: number): void {
    this.list = [newQueue(port)];
  }

  stop(): void {
    this.list = [];
  }

  /** One more queue; its index, or undefined when MAX_QUEUES are taken. A port that is one already: its index. */
  add(port: number): number | undefined {
    const at = this.index(port);
    if (at >= 0) return at;
    if (this.list.length >= Consts.MAX_QUEUES) return undefined;
    this.list.push(newQueue(port));
    return this.list.length - 1;
  }

  /** Takes out `port`'s queue unless it is queue 0; whether it was one. */
  remove(port: number): boolean {
    const at = this.index(port);
    if (at <= 0) return false;
    this.list.splice(at, 1);
    return true;
  }

  index(port: number): number {
    return this.list.findIndex((q) => q.port === port);
  }

  /** Where the next request starts: each queue in turn. */
  next(): number {
    const start = this.turn;
    this.turn = (this.turn + 1) % Math.max(1, this.list.length);
    return start;
  }

  /** The port of the queue `attempt` places after `start`, or undefined once every queue was tried. */
  portAt(start: number, attempt: number): number | undefined {
    const n = this.list.length;
    return attempt < n ? (this.list[(start + attempt) % n] as Queue).port : undefined;
  }

  /** Every queue's port, queue 0's first. */
  ports(): number[] {
    return this.list.map((q) => q.port);
  }

  sent(port: number, fallback: boolean): void {
    const q = this.list[this.index(port)];
    if (q === undefined) return;
    q.sent++;
    if (fallback) q.fallback++;
  }

  answered(port: number): void {
    const q = this.list[this.index(port)];
    if (q !== undefined) q.answered++;
  }

  record(): QueueRecord[] {
    return this.list.map((q, index) => ({ index, sent: BigInt(q.sent), answered: BigInt(q.answered), fallback: BigInt(q.fallback) }));
  }
}

function newQueue(port: number): Queue {
  return { port, sent: 0, answered: 0, fallback: 0 };
}
