/**
 * A service link to a NATS worker (an SDK service on another host), one
 * instance or a queue-group pool: one NATS request per batch (the batch's
 * protobuf, as on the Unix link, without the length prefix), deadline,
 * priority and trace context in headers. NATS failures (no responders, the
 * connection lost, the deadline passed) answer the batch SERVICE_ERROR or
 * TIMEOUT at once so the dispatcher fails it over. Liveness comes from the
 * daemon's discovery (`seen()`) and the connection's state (`disconnected()`).
 */
import { EventEmitter } from 'node:events';

import { type MsgHdrs, headers as natsHeaders } from '@nats-io/nats-core';

import { Status } from '../../abi/uapi.js';
import { Headers, Op } from '../nats/subjects.js';
import { decodeBatchResponseFrame, encodeBatchRequestFrame } from '../wire/batch-codec.js';
import { traceparentsOf } from '../wire/trace-context.js';
import { type EmbedBatchRequestMsg, type EmbedBatchResponseMsg, decodeServiceFrame } from '../wire/proto.js';
import type { ServiceFrameLimits, ServiceLink, ServiceLinkCounters, ServiceLinkEvents } from './service-link.js';

export interface NatsLinkOptions {
  /** Batches awaiting an answer before the link reports congestion. */
  maxInflightBatches?: number;
  /** Longest wait for a health check's answer, ms. */
  healthTimeoutMs?: number;
  /** Answers larger than this are refused (NATS's own max_payload bounds them too). */
  maxAnswerBytes?: number;
  /** A pool's batches are sealed and its answers opened with the pool key (src/services/nats/pool-seal.ts). */
  seal?: BatchSeal;
}

/**
 * What the link needs of a NATS connection: a NatsConnection is one; a
 * daemon worker thread has one that relays to the main thread's connection.
 */
export interface NatsRequester {
  isClosed(): boolean;
  request(subject: string, data: Uint8Array, options: { timeout: number; headers?: MsgHdrs }): Promise<{ data: Uint8Array; headers?: Pick<MsgHdrs, 'get'> }>;
}

/** Seals a batch for a pool and opens its answer; `daemonId` goes in a header, so a worker knows whose key to use. */
export interface BatchSeal {
  readonly daemonId: string;
  seal(frame: Uint8Array): Uint8Array;
  /** The answer's plaintext, or undefined when no key of this pool opens it. */
  open(answer: Uint8Array): Uint8Array | undefined;
}

export class NatsServiceLink extends EventEmitter<ServiceLinkEvents> implements ServiceLink {
  readonly counters: ServiceLinkCounters = { sendBlocked: 0, framesRefused: 0, tokens: 0 };
  private isReady = false;
  private connected: boolean;
  private inflight = 0;
  private isCongested = false;
  private closed = false;
  private readonly maxInflight: number;
  private maxAnswerBytes: number;

  constructor(
    readonly serviceId: string,
    /** Where its batches go: an instance's subject or a pool's. */
    readonly subject: string,
    private readonly nc: NatsRequester,
    limits: ServiceFrameLimits,
    private readonly options: NatsLinkOptions = {},
  ) {
    super();
    this.maxInflight = options.maxInflightBatches ?? 64;
    this.maxAnswerBytes = answerBound(limits, options.maxAnswerBytes);
    this.connected = !nc.isClosed();
    // The registry attaches its listeners when the factory returns: ready is told on the next turn.
    setImmediate(() => this.update());
  }

  get ready(): boolean {
    return this.isReady;
  }

  get congested(): boolean {
    return this.isCongested;
  }

  get sendBuffered(): number {
    return 0;
  }

  /** The bus connection went down: nothing is sent until discovery hears from the worker again. */
  disconnected(): void {
    this.connected = false;
    this.update('the NATS connection is down');
  }

  /**
   * Discovery heard from the worker (its $SRV.STATS answer, with its
   * process's CPU use and memory when it reports them): a heartbeat, and
   * after a disconnection the sign it is reachable again (the worker
   * reconnects on its own time, later than the daemon perhaps).
   */
  seen(cpuPermille = 0, rssKib = 0): void {
    if (!this.connected) {
      this.connected = true;
      this.update();
    } else if (this.isReady) this.emit('heartbeat', this.inflight, cpuPermille, rssKib);
  }

  /** The worker said it is draining (its stopping subject): send it nothing new. */
  stopping(drainMs: number): void {
    if (!this.closed) this.emit('stopping', drainMs);
  }

  private update(reason = ''): void {
    const up = this.connected && !this.closed;
    if (up === this.isReady) return;
    this.isReady = up;
    if (up) this.emit('ready');
    else if (!this.closed) this.emit('down', reason);
  }

  send(batch: EmbedBatchRequestMsg): 'sent' | 'down' | 'blocked' {
    if (!this.isReady) return 'down';
    if (this.isCongested) {
      this.counters.sendBlocked++;
      return 'blocked';
    }
    this.inflight++;
    if (this.inflight >= this.maxInflight) this.setCongested(true);
    const headers = batchHeaders(batch);
    if (this.options.seal !== undefined) headers.set(Headers.daemon, this.options.seal.daemonId);
    this.post(batch, encodeBatchRequestFrame(batch), headers, performance.now() + Math.max(1, batch.timeoutMs), 0);
    return 'sent';
  }

  /**
   * One NATS request for the batch. A pool's answer that does not open came from a queue-group
   * member without this pool's key (one not yet given it, or not verified): the batch goes to the
   * queue group again, a few times within its deadline, before it is answered as failed.
   */
  private post(batch: EmbedBatchRequestMsg, frame: Uint8Array, headers: MsgHdrs, deadline: number, resends: number): void {
    const seal = this.options.seal;
    const timeout = Math.max(1, Math.round(deadline - performance.now()));
    this.nc.request(this.subject, seal === undefined ? frame : seal.seal(frame), { timeout, headers }).then(
      (msg) => {
        const opened = seal === undefined ? msg.data : seal.open(msg.data);
        if (opened === undefined && resends < MAX_POOL_RESENDS && deadline - performance.now() > 1 && !this.closed) {
          this.counters.framesRefused++;
          this.post(batch, frame, headers, deadline, resends + 1);
          return;
        }
        this.answered(batch, opened, msg.headers?.get(Headers.poolRefused) ?? '');
        this.settled();
      },
      (err: Error) => {
        this.failed(batch, err);
        this.settled();
      },
    );
  }

  private settled(): void {
    this.inflight--;
    if (this.isCongested && this.inflight < this.maxInflight / 2) this.setCongested(false);
  }

  /** `data` undefined: a pool's answer that did not open. */
  private answered(batch: EmbedBatchRequestMsg, data: Uint8Array | undefined, refused: string): void {
    if (this.closed) return;
    if (data === undefined) {
      // Whoever took it from the queue group holds no key of this pool: not a verified member, or not yet one.
      this.counters.framesRefused++;
      const why = refused !== '' ? `a pool member could not open it: ${refused}` : 'the answer did not open with the pool key (not from a verified member)';
      this.emit('response', batchError(batch, Status.SERVICE_ERROR, `NATS pool ${this.subject}: ${why}`));
      return;
    }
    if (data.length > this.maxAnswerBytes) {
      this.counters.framesRefused++;
      this.emit('response', batchError(batch, Status.SERVICE_ERROR, `the worker answered ${data.length} bytes; at most ${this.maxAnswerBytes} expected`));
      return;
    }
    let msg: EmbedBatchResponseMsg | undefined;
    try {
      // The hand codec, bounded by this batch's own size (a worker answers only what it was sent).
      msg = decodeBatchResponseFrame(data, batch.inputs.length);
    } catch (err) {
      this.counters.framesRefused++;
      this.emit('invalid', new Error(`the worker's answer is not a service frame: ${(err as Error).message}`));
      this.emit('response', batchError(batch, Status.SERVICE_ERROR, 'the worker answered with a malformed frame'));
      return;
    }
    if (msg === undefined || msg.batchId !== batch.batchId) {
      this.emit('response', batchError(batch, Status.SERVICE_ERROR, 'the worker answered with something other than this batch'));
      return;
    }
    this.emit('response', msg);
  }

  private failed(batch: EmbedBatchRequestMsg, err: Error): void {
    if (this.closed) return;
    const timedOut = /timeout/i.test(err.message) || /TIMEOUT/.test(String((err as { code?: string }).code));
    const why = timedOut ? `no answer within ${batch.timeoutMs} ms` : err.message;
    this.emit('response', batchError(batch, timedOut ? Status.TIMEOUT : Status.SERVICE_ERROR, `NATS worker ${this.subject}: ${why}`));
    // Nobody subscribes to its subject: the worker is gone (killed, cut off). Out of rotation now,
    // not after discovery misses it a few rounds, or every batch meanwhile fails and eats retries.
    if (this.isReady && isNoResponders(err)) {
      this.connected = false;
      this.update(`no responders on ${this.subject}`);
    }
  }

  private setCongested(on: boolean): void {
    if (this.isCongested === on) return;
    this.isCongested = on;
    this.emit('congestion', on);
  }

  healthCheck(id: number): boolean {
    if (!this.isReady) return false;
    const h = natsHeaders();
    h.set(Headers.op, Op.health);
    this.nc.request(this.subject, new Uint8Array(0), { timeout: this.options.healthTimeoutMs ?? 2000, headers: h }).then(
      (msg) => {
        let r: { healthy: boolean; message: string } | undefined;
        try {
          r = decodeServiceFrame(msg.data).healthResult ?? undefined;
        } catch {
          r = undefined;
        }
        if (!this.closed)
          this.emit('healthResult', id, r?.healthy ?? false, r === undefined ? 'the worker answered the health check with a malformed frame' : r.message);
      },
      (err: Error) => {
        if (!this.closed) this.emit('healthResult', id, false, `NATS: ${err.message}`);
      },
    );
    return true;
  }

  /** Nothing to echo: the worker answers every batch it already took before it leaves. */
  ackStopping(): void {}

  setLimits(limits: ServiceFrameLimits): void {
    this.maxAnswerBytes = answerBound(limits, this.options.maxAnswerBytes);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.isReady = false;
  }
}

/** Times a pool batch goes to the queue group again after an answer that did not open. */
const MAX_POOL_RESENDS = 3;

/** A full batch of the largest vector, with room for framing and per-item errors. */
function answerBound(limits: ServiceFrameLimits, cap = 64 * 1024 * 1024): number {
  return Math.min(cap, limits.maxBatchSize * (limits.maxDimensions * 8 + 1024) + 4096);
}

function isNoResponders(err: Error): boolean {
  const e = err as Error & { isNoResponders?: () => boolean; cause?: unknown };
  if (typeof e.isNoResponders === 'function' && e.isNoResponders()) return true;
  return /no responders/i.test(err.message) || (e.cause instanceof Error && /no responders/i.test(e.cause.message));
}

function batchHeaders(batch: EmbedBatchRequestMsg): MsgHdrs {
  const h = natsHeaders();
  h.set(Headers.timeoutMs, String(batch.timeoutMs));
  h.set(Headers.priority, String(batch.priority));
  if (batch.traceRequestIds.length >= 8) {
    const first = traceparentsOf(
      {
        tracePrefix: batch.tracePrefix,
        traceRequestIds: batch.traceRequestIds.subarray(0, 8),
        traceSpanIds: batch.traceSpanIds.length >= 8 ? batch.traceSpanIds.subarray(0, 8) : new Uint8Array(0),
      },
      1,
    )[0];
    if (first !== undefined) h.set(Headers.traceparent, first);
  }
  return h;
}

function batchError(batch: EmbedBatchRequestMsg, code: number, message: string): EmbedBatchResponseMsg {
  return { batchId: batch.batchId, results: [], error: { code, message }, model: '', modelVersion: '' };
}
