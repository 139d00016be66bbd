/**
 * The twin's pending table (the module's requests.c): requests sent to the
 * daemon and not yet answered, each settled exactly once by its answer, its
 * deadline, its caller's abort or the loss of the daemon, with the counters
 * the module keeps for them.
 */
import { Status } from '../../abi/uapi.js';
import type { EmbedResponse, EmbedRequest, StatsRecord } from '../messages/messages.js';
import { DeadlineQueue } from '../../util/deadlines.js';
import type { TwinEmbedResult } from './twin-embed.js';

export interface Pending {
  readonly req: EmbedRequest;
  /** The port of the daemon's queue it was sent to (0: not sent). */
  queuePort: number;
  readonly expiresAt: number;
  live: boolean;
  readonly resolve: (r: TwinEmbedResult) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
}

export class PendingTable {
  readonly counters = {
    requestsSubmitted: 0,
    requestsCompleted: 0,
    requestsFailed: 0,
    requestsTimedOut: 0,
    requestsCancelled: 0,
    requestsResent: 0,
    responsesLate: 0,
    messagesInvalid: 0,
  };
  // Keyed by Number(id): the twin's ids count up from 1 and stay far below 2^53.
  private readonly pending = new Map<number, Pending>();
  private readonly deadlines: DeadlineQueue<Pending>;

  /** `tellDaemon`: the twin gave up on `p` (TIMEOUT or CANCELLED); the daemon is told, as the module sends CANCEL. */
  constructor(private readonly tellDaemon: (p: Pending, status: number) => void) {
    this.deadlines = new DeadlineQueue<Pending>(
      (p) => p.live,
      (p) => this.expire(p),
    );
  }

  get size(): number {
    return this.pending.size;
  }

  get(requestId: bigint): Pending | undefined {
    return this.pending.get(Number(requestId));
  }

  values(): IterableIterator<Pending> {
    return this.pending.values();
  }

  /** Holds `req` until it settles; false when `signal` had already aborted (answered CANCELLED). */
  add(req: EmbedRequest, signal: AbortSignal | undefined, resolve: (r: TwinEmbedResult) => void): boolean {
    const p: Pending = {
      req,
      queuePort: 0,
      expiresAt: performance.now() + req.timeoutMs,
      live: true,
      resolve,
      signal,
      onAbort: signal ? () => this.cancel(p) : undefined,
    };
    if (signal?.aborted) {
      this.counters.requestsCancelled++;
      resolve(result(req.requestId, Status.CANCELLED));
      return false;
    }
    if (p.onAbort) signal?.addEventListener('abort', p.onAbort, { once: true });
    this.pending.set(Number(req.requestId), p);
    this.deadlines.add(p, req.timeoutMs);
    return true;
  }

  /** Settles `p` with `status` (and the daemon's answer, when it gave one). */
  finish(p: Pending | undefined, status: number, res?: EmbedResponse): void {
    if (p === undefined || !p.live) return;
    this.end(p);
    this.deadlines.settled();
    if (status === Status.SUCCESS) this.counters.requestsCompleted++;
    else this.counters.requestsFailed++;
    p.resolve(
      res
        ? {
            requestId: res.requestId,
            status: res.status,
            vector: res.vector && Buffer.from(res.vector.buffer, res.vector.byteOffset, res.vector.length),
            processingNs: BigInt(res.processingNs),
            provenance:
              res.status === Status.SUCCESS
                ? {
                    serviceId: res.serviceId ?? '',
                    model: res.model ?? '',
                    modelVersion: res.modelVersion ?? '',
                    dimensions: p.req.dimensions,
                    dataType: p.req.dataType,
                    truncated: res.truncated === true,
                  }
                : undefined,
          }
        : result(p.req.requestId, status),
    );
  }

  failAll(status: number): void {
    for (const p of [...this.pending.values()]) this.finish(p, status);
  }

  record(): StatsRecord {
    const c = this.counters;
    return {
      REQUESTS_SUBMITTED: BigInt(c.requestsSubmitted),
      REQUESTS_COMPLETED: BigInt(c.requestsCompleted),
      REQUESTS_FAILED: BigInt(c.requestsFailed),
      REQUESTS_TIMED_OUT: BigInt(c.requestsTimedOut),
      REQUESTS_CANCELLED: BigInt(c.requestsCancelled),
      REQUESTS_RESENT: BigInt(c.requestsResent),
      RESPONSES_LATE: BigInt(c.responsesLate),
      MESSAGES_INVALID: BigInt(c.messagesInvalid),
      INFLIGHT: BigInt(this.pending.size),
    };
  }

  close(): void {
    this.failAll(Status.NO_DAEMON);
    this.deadlines.clear();
  }

  private end(p: Pending): void {
    p.live = false;
    this.pending.delete(Number(p.req.requestId));
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
  }

  private expire(p: Pending): void {
    // Called by the deadline sweep, which already dropped p from its count.
    this.end(p);
    this.counters.requestsTimedOut++;
    this.counters.requestsFailed++;
    this.tellDaemon(p, Status.TIMEOUT);
    p.resolve(result(p.req.requestId, Status.TIMEOUT));
  }

  private cancel(p: Pending): void {
    if (!p.live) return;
    this.counters.requestsCancelled++;
    this.tellDaemon(p, Status.CANCELLED);
    this.finish(p, Status.CANCELLED);
  }
}

/** An answer without a vector: the twin's own (a deadline, an abort, no daemon). */
export function result(requestId: bigint, status: number): TwinEmbedResult {
  return { requestId, status, vector: undefined, processingNs: 0n, provenance: undefined };
}
