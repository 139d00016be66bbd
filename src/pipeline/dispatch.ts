/**
 * The pipeline's dispatch stage: requests a service's queue let go leave as
 * one batch through the service's link, each batch one call of the
 * service's circuit breaker. The answer is checked against the batch it
 * claims to answer (count, vector sizes, status codes a service may give)
 * before any request sees it; what does not fit is an invalid response and
 * a failed try.
 */
import { Status } from '../abi/uapi.js';
import type { RequestTracing } from '../observe/trace/tracing.js';
import type { EmbedBatchResponseMsg } from '../services/wire/proto.js';
import { BatchFailure, BreakerState, type Breakers } from './breakers.js';
import type { Outcomes } from './outcomes.js';
import { type ServiceEntry, ServiceRegistry } from '../services/registry/registry.js';
import { type Batch, type PipelineRequest, RequestState, transition } from './request.js';
import { retryable } from './retry-policy.js';

export interface DispatchHandlers {
  /** A try of `e` failed at `service` with `status` (IN_BATCH or QUEUED): retry or answer. */
  /** `orphaned`: the service is gone (connection lost, unregistered) with it unanswered. */
  failed(e: PipelineRequest, service: ServiceEntry, status: number, orphaned?: boolean): void;
  /** `e` never reached the service (its breaker opened, it turned unusable or stopped reading): route it again, no retry spent. */
  reroute(e: PipelineRequest): void;
  /** `service` answered `e` with `vector` (float32, the batch's dimensions). */
  /** Item `index` of `msg` answered `e` with `vector`. */
  succeeded(
    e: PipelineRequest,
    service: ServiceEntry,
    vector: Uint8Array,
    dims: number,
    msg: EmbedBatchResponseMsg,
    index: number,
    now: bigint,
    tookNs: number,
  ): void;
}

/** What dispatch keeps per service. */
interface ServiceBatches {
  readonly batches: Map<number, Batch>;
  nextBatchId: number;
  /** EWMA of failed items (0-1). */
  errorRate: number;
  /** EWMA of its batches' round trips per item, ms (0: none answered yet): batches of any size compare. */
  itemRttMs: number;
}

/**
 * Outlier detection (as Envoy's): a batch unanswered for `factor` times what
 * the service's recent round trips (per item) predict for its size, and at
 * least `minMs`, fails over at once and
 * opens the service's breaker, so a service that hangs while its heartbeats
 * and health checks still answer leaves rotation in about `minMs`.
 */
export interface OutlierOptions {
  factor?: number;
  minMs?: number;
}

/** How often outstanding batches are checked against their limit, ms. */
const OVERDUE_CHECK_MS = 50;

// The statuses a service (or its link: an HTTP backend's timeout) may give for a batch or an item.
const SERVICE_ERROR_CODES = new Set<number>([
  Status.SERVICE_ERROR,
  Status.INVALID_REQUEST,
  Status.MODEL_NOT_FOUND,
  Status.OVERLOADED,
  Status.RATE_LIMITED,
  Status.TIMEOUT,
]);

export class Dispatch {
  private readonly services = new Map<ServiceEntry, ServiceBatches>();
  private readonly outlierFactor: number;
  private readonly outlierMinMs: number;
  private readonly overdueTimer: NodeJS.Timeout;

  constructor(
    private readonly breakers: Breakers,
    private readonly outcomes: Outcomes,
    private readonly tracing: RequestTracing,
    /** Whether the service may be sent work now (healthy, breaker not open). */
    private readonly usable: (s: ServiceEntry) => boolean,
    private readonly handlers: DispatchHandlers,
    outlier: OutlierOptions = {},
    /** The model a service is asked for when a request names `model` (a model group's member model). */
    private readonly modelFor: (model: string | undefined, service: ServiceEntry) => string | undefined = (model) => model,
  ) {
    this.outlierFactor = outlier.factor ?? 10;
    this.outlierMinMs = outlier.minMs ?? 2000;
    this.overdueTimer = setInterval(() => this.checkOverdue(), OVERDUE_CHECK_MS);
    this.overdueTimer.unref();
  }

  /** A batch the service's queue let go: those that can still go to this service leave together. */
  send(service: ServiceEntry, items: PipelineRequest[]): void {
    const now = performance.now();
    const usable = this.usable(service);
    const batch: PipelineRequest[] = [];
    for (const e of items) {
      this.outcomes.queued(e.level, (now - e.queuedAt) * 1e6);
      // It turned unhealthy or its breaker opened while these waited: they go elsewhere.
      if (usable) batch.push(e);
      else this.handlers.reroute(e);
    }
    if (batch.length > 0) this.sendBatch(service, batch);
  }

  /** Takes an IN_BATCH request out of its batch; a batch nobody waits for any more stops counting against the service. */
  detach(e: PipelineRequest): void {
    const b = e.batch;
    if (b === undefined) return;
    e.batch = undefined;
    const s = this.services.get(b.service);
    // An answer arriving later is counted as late.
    if (--b.live === 0 && s?.batches.has(b.id)) {
      this.forget(s, b);
      b.settle(new BatchFailure('every request of the batch ended before its answer'));
    }
  }

  /** The service's answer to one of its batches. */
  onResponse(service: ServiceEntry, msg: EmbedBatchResponseMsg): void {
    const s = this.services.get(service);
    const batch = s?.batches.get(msg.batchId);
    if (s === undefined || batch === undefined) {
      // A batch whose requests all ended (timed out, cancelled) before it was answered.
      if (s !== undefined && msg.batchId < s.nextBatchId && msg.batchId > 0) {
        this.outcomes.late(msg.results.length);
        return;
      }
      this.outcomes.invalidResponse(service.info.id, `response to unknown batch ${msg.batchId}`);
      // Its answers cannot be matched to what it was sent: what it holds fails over now rather than at the deadlines.
      this.failOutstanding(service, `it answered batch ${msg.batchId}, which it was never sent`, true);
      return;
    }
    const n = batch.entries.length;
    const rtt = performance.now() - batch.sentAt;
    const perItem = rtt / n;
    s.itemRttMs = s.itemRttMs === 0 ? perItem : s.itemRttMs * 0.8 + perItem * 0.2;
    if (msg.error) {
      const status = itemStatus(msg.error.code);
      service.failures += n;
      this.failBatch(s, batch, retryable(status) ? `batch failed: ${msg.error.message}` : undefined, status, true);
      return;
    }
    if (msg.results.length !== n) {
      this.outcomes.invalidResponse(service.info.id, `${msg.results.length} results for a batch of ${n}`);
      this.failBatch(s, batch, 'malformed response', Status.SERVICE_ERROR, true);
      return;
    }
    this.forget(s, batch);
    const expected = batch.dims * 4;
    let failed = 0;
    const outcomes: Array<number | Uint8Array> = [];
    for (const r of msg.results) {
      service.total++;
      const vec = r.vector;
      let o: number | Uint8Array;
      if (r.error) o = itemStatus(r.error.code);
      else if (vec === undefined || vec.length !== expected) {
        this.outcomes.invalidResponse(service.info.id, `vector of ${vec?.length ?? 0} bytes, expected ${expected}`);
        o = Status.SERVICE_ERROR;
      } else o = vec;
      if (typeof o === 'number' && retryable(o)) failed++;
      outcomes.push(o);
    }
    service.failures += failed;
    noteErrors(s, failed, n);
    // More than half failing counts against the service's breaker.
    batch.settle(failed * 2 > n ? new BatchFailure(`${failed} of ${n} items failed`) : undefined);
    const now = process.hrtime.bigint();
    // Differences as doubles: a BigInt subtraction per request would allocate (exact while the clock is below 2^53 ns).
    const nowNs = Number(now);
    for (let i = 0; i < n; i++) {
      const e = batch.entries[i] as PipelineRequest;
      if (e.batch !== batch) {
        this.outcomes.late(1);
        continue;
      }
      const o = outcomes[i] as number | Uint8Array;
      if (typeof o === 'number') this.handlers.failed(e, service, o);
      else {
        const took = nowNs - Number(e.receivedNs);
        service.ewmaNs = service.ewmaNs === 0 ? took : service.ewmaNs * 0.8 + took * 0.2;
        this.handlers.succeeded(e, service, o, batch.dims, msg, i, now, took);
      }
    }
  }

  /** The service's connection is gone: what it was sent fails this try. */
  failService(service: ServiceEntry): void {
    this.failOutstanding(service, 'the connection to the service was lost', false, true);
  }

  /** Every batch the service holds fails this try (SERVICE_ERROR, counted against its breaker; `itsFault`: and its error rate). */
  private failOutstanding(service: ServiceEntry, reason: string, itsFault: boolean, orphaned = false): void {
    const s = this.services.get(service);
    if (s === undefined) return;
    for (const batch of [...s.batches.values()]) this.failBatch(s, batch, reason, Status.SERVICE_ERROR, itsFault, orphaned);
  }

  remove(service: ServiceEntry): void {
    this.services.delete(service);
  }

  close(): void {
    clearInterval(this.overdueTimer);
  }

  /** The batch a service has held longest past its limit fails over, and the service leaves rotation (its breaker opens). */
  private checkOverdue(): void {
    const now = performance.now();
    for (const [service, s] of this.services) {
      if (s.batches.size === 0) continue;
      let overdue = false;
      for (const batch of [...s.batches.values()]) {
        const limit = Math.max(this.outlierMinMs, this.outlierFactor * s.itemRttMs * batch.entries.length);
        const age = now - batch.sentAt;
        if (age <= limit) continue;
        overdue = true;
        service.failures += batch.entries.length;
        this.outcomes.overdue(service.info.id, age, limit);
        this.failBatch(s, batch, `no answer in ${Math.round(age)} ms (limit ${Math.round(limit)} ms)`, Status.SERVICE_ERROR, true);
      }
      if (overdue) this.breakers.trip(service.info.id);
    }
  }

  /**
   * 0-100: 0 when it cannot take requests (disconnected, silent, failing
   * health checks, breaker open); 50 while its breaker is half-open;
   * otherwise 100 less up to 50 for its recent error rate.
   */
  health(s: ServiceEntry): number {
    if (!ServiceRegistry.available(s)) return 0;
    const breaker = this.breakers.state(s.info.id);
    if (breaker === BreakerState.OPEN) return 0;
    const score = 100 - Math.round(50 * (this.services.get(s)?.errorRate ?? 0));
    return breaker === BreakerState.HALF_OPEN ? Math.min(50, score) : score;
  }

  private sendBatch(service: ServiceEntry, entries: PipelineRequest[]): void {
    const s = this.of(service);
    const first = entries[0] as PipelineRequest;
    const id = s.nextBatchId;
    s.nextBatchId = (s.nextBatchId % 0xffffffff) + 1;
    const batch: Batch = { id, service, entries, dims: first.req.dimensions, sentAt: performance.now(), live: entries.length, settle: () => {} };
    // Set by the breaker's call when the breaker lets the batch through.
    let outcome = 'refused' as ReturnType<ServiceEntry['link']['send']> | 'refused';
    this.breakers.fire(service.info.id, () => {
      const settled = new Promise<void>((resolve, reject) => {
        batch.settle = (failure) => {
          batch.settle = () => {};
          if (failure === undefined) resolve();
          else reject(failure);
        };
      });
      const now = performance.now();
      let minLeft = Infinity;
      let priority = 0;
      for (const e of entries) {
        minLeft = Math.min(minLeft, e.expiresAt - now);
        priority = Math.max(priority, e.req.priority);
      }
      outcome = service.link.send({
        batchId: id,
        model: this.modelFor(first.req.model, service) ?? '',
        dimensions: first.req.dimensions,
        inputs: entries.map((e) => e.req.input),
        ...this.tracing.pack(entries),
        timeoutMs: Math.max(1, Math.floor(minLeft)),
        priority,
      });
      if (outcome !== 'sent')
        batch.settle(new BatchFailure(outcome === 'blocked' ? 'the service is not reading what it was sent' : 'the service is not connected'));
      return settled;
    });
    // Its breaker opened since the pick ('refused') or it stopped reading since the batch formed: never given to the service.
    if (outcome === 'refused' || outcome === 'blocked') {
      for (const e of entries) this.handlers.reroute(e);
      return;
    }
    if (outcome === 'down') {
      for (const e of entries) this.handlers.failed(e, service, Status.SERVICE_ERROR);
      return;
    }
    s.batches.set(id, batch);
    for (const e of entries) {
      transition(e, RequestState.IN_BATCH);
      e.batch = batch;
    }
    service.active += entries.length;
  }

  /** A batch leaves the service's books, however it ended: out of its table and its active count. */
  private forget(s: ServiceBatches, batch: Batch): void {
    s.batches.delete(batch.id);
    batch.service.active -= batch.entries.length;
  }

  /**
   * A batch that ended without answers: forgotten, its breaker told (`failure`: why it counts as
   * failed; undefined: it does not), with `itsFault` its error rate too, and every request of it
   * failing this try with `status`.
   */
  private failBatch(s: ServiceBatches, batch: Batch, failure: string | undefined, status: number, itsFault: boolean, orphaned = false): void {
    this.forget(s, batch);
    batch.settle(failure === undefined ? undefined : new BatchFailure(failure));
    if (itsFault) noteErrors(s, batch.entries.length, batch.entries.length);
    this.failAll(batch, status, orphaned);
  }

  private failAll(batch: Batch, status: number, orphaned = false): void {
    for (const e of batch.entries) if (e.batch === batch) this.handlers.failed(e, batch.service, status, orphaned);
  }

  private of(service: ServiceEntry): ServiceBatches {
    let s = this.services.get(service);
    if (s === undefined) this.services.set(service, (s = { batches: new Map(), nextBatchId: 1, errorRate: 0, itemRttMs: 0 }));
    return s;
  }
}

function noteErrors(s: ServiceBatches, failed: number, total: number): void {
  s.errorRate = s.errorRate * 0.8 + (failed / total) * 0.2;
}

/** The status for a service-reported item error: its code when it is one a service may give. */
function itemStatus(code: number): number {
  return SERVICE_ERROR_CODES.has(code) ? code : Status.SERVICE_ERROR;
}
