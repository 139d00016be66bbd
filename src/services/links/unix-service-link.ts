/**
 * The service link of the SDK's services: a Unix stream socket carrying
 * proto/bridge.proto frames. It connects to the endpoint the service
 * registered, checks the service's Hello, sends batch requests (all frames of
 * a tick in one write), hands responses and heartbeats back, and reconnects
 * with exponential backoff until closed.
 */
import { EventEmitter } from 'node:events';
import { type Socket, createConnection } from 'node:net';

import { DecodeError } from '../../errors.js';
import { RESULTS_FIELD, decodeBatchResponseFrame, encodeBatchRequestFrame } from '../wire/batch-codec.js';
import { type EmbedBatchRequestMsg, type ServiceFrameMsg, countBatchResults, decodeServiceFrame, encodeServiceFrame } from '../wire/proto.js';
import { type FrameReader, FrameWriter, readFrames } from '../wire/frames.js';
import type { ServiceFrameLimits, ServiceLink, ServiceLinkCounters, ServiceLinkEvents } from './service-link.js';

export interface UnixServiceLinkOptions {
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Bytes written to the service and not yet read by it before new batches are refused (the service is not reading). */
  maxSendBufferBytes?: number;
}

/** Before its Hello a service may send only a Hello (a service id of at most 63 bytes). */
export const HELLO_MAX_FRAME = 1024;
// Per result: the vector's tag and length, an item error's code and message, a traceparent.
const RESULT_OVERHEAD = 512;
// A batch error's message, heartbeats and health results packed in the same read.
const FRAME_HEADROOM = 64 * 1024;

/** The largest frame a service with these limits can legitimately send. */
export function serviceFrameBytes(l: ServiceFrameLimits): number {
  return l.maxBatchSize * (l.maxDimensions * 4 + RESULT_OVERHEAD) + FRAME_HEADROOM;
}

export class UnixServiceLink extends EventEmitter<ServiceLinkEvents> implements ServiceLink {
  private socket: Socket | undefined;
  private writer: FrameWriter | undefined;
  private isReady = false;
  private isCongested = false;
  private closed = false;
  private backoffMs: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly maxSendBuffer: number;
  private reader: FrameReader | undefined;
  private limits: ServiceFrameLimits;
  readonly counters: ServiceLinkCounters = { sendBlocked: 0, framesRefused: 0, tokens: 0 };

  constructor(
    readonly serviceId: string,
    readonly path: string,
    options: UnixServiceLinkOptions = {},
    limits: ServiceFrameLimits = { maxBatchSize: 1, maxDimensions: 1 },
  ) {
    super();
    this.minMs = options.reconnectMinMs ?? 50;
    this.maxMs = options.reconnectMaxMs ?? 5000;
    this.maxSendBuffer = options.maxSendBufferBytes ?? 32 * 1024 * 1024;
    this.limits = limits;
    this.backoffMs = this.minMs;
    this.connect();
  }

  /** A re-registration changed what the service may send. */
  setLimits(limits: ServiceFrameLimits): void {
    this.limits = limits;
    if (this.reader !== undefined && this.isReady) this.reader.maxFrame = serviceFrameBytes(limits);
  }

  /** The service has not read more than the send bound: it gets no new batches until it does. */
  get congested(): boolean {
    return this.isCongested;
  }

  private setCongested(on: boolean): void {
    if (this.isCongested === on) return;
    this.isCongested = on;
    this.emit('congestion', on);
  }

  /** Bytes sent to the service that it has not read yet. */
  get sendBuffered(): number {
    return this.writer?.buffered ?? 0;
  }

  get ready(): boolean {
    return this.isReady;
  }

  private connect(): void {
    if (this.closed) return;
    const socket = createConnection(this.path);
    this.socket = socket;
    socket.setNoDelay?.(true);
    this.reader = readFrames(socket, (frame) => this.onFrame(frame), {
      maxFrame: HELLO_MAX_FRAME,
      onError: (err) => {
        if (err instanceof DecodeError && err.field === 'frame.length') this.counters.framesRefused++;
        this.emit('invalid', err);
      },
    });
    socket.on('connect', () => {
      this.writer = new FrameWriter(socket);
    });
    socket.on('drain', () => {
      if (socket === this.socket) this.setCongested(false);
    });
    socket.on('error', () => {
      // 'close' follows and handles it.
    });
    socket.on('close', () => this.onClose(socket));
  }

  private onFrame(bytes: Buffer): void {
    if (this.isReady) {
      // The hot frame, decoded by hand (wire/batch-codec.ts); its result count is bounded as it is read.
      let response: ReturnType<typeof decodeBatchResponseFrame>;
      try {
        response = decodeBatchResponseFrame(bytes, this.limits.maxBatchSize);
      } catch (err) {
        if (err instanceof DecodeError && err.field === RESULTS_FIELD) this.counters.framesRefused++;
        throw err;
      }
      if (response !== undefined) {
        this.emit('response', response);
        return;
      }
      const results = countBatchResults(bytes);
      if (results > this.limits.maxBatchSize) {
        this.counters.framesRefused++;
        throw new DecodeError(RESULTS_FIELD, `${results} results; a batch holds at most ${this.limits.maxBatchSize}`);
      }
    }
    let frame: ServiceFrameMsg;
    try {
      frame = decodeServiceFrame(bytes);
    } catch (err) {
      throw new DecodeError('service frame', (err as Error).message);
    }
    if (frame.hello) {
      if (frame.hello.serviceId !== this.serviceId) {
        throw new DecodeError('service frame.hello', `service id "${frame.hello.serviceId}", expected "${this.serviceId}"`);
      }
      this.isReady = true;
      if (this.reader !== undefined) this.reader.maxFrame = serviceFrameBytes(this.limits);
      this.backoffMs = this.minMs;
      this.emit('ready');
      return;
    }
    if (!this.isReady) throw new DecodeError('service frame', 'a frame arrived before Hello');
    if (frame.response) this.emit('response', frame.response);
    else if (frame.heartbeat) this.emit('heartbeat', frame.heartbeat.activeRequests, frame.heartbeat.cpuPermille ?? 0, frame.heartbeat.rssKib ?? 0);
    else if (frame.healthResult) this.emit('healthResult', frame.healthResult.id, frame.healthResult.healthy, frame.healthResult.message);
    else if (frame.stopping) this.emit('stopping', frame.stopping.drainMs);
    else throw new DecodeError('service frame', 'expected a response, heartbeat, health result or stopping');
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    this.reader = undefined;
    this.setCongested(false);
    const wasReady = this.isReady;
    this.isReady = false;
    this.socket = undefined;
    this.writer = undefined;
    if (wasReady) this.emit('down', 'connection closed');
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect();
    }, this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxMs);
  }

  /**
   * Queues a batch; it leaves with the tick's other frames in one write.
   * 'down' when not connected, 'blocked' when the service has not read what
   * it was sent (the bound keeps a service that stops reading from holding
   * the daemon's memory).
   */
  send(batch: EmbedBatchRequestMsg): 'sent' | 'down' | 'blocked' {
    if (!this.isReady || this.writer === undefined) return 'down';
    // Bytes the kernel has not taken are bytes the service has not read; a socket holding more
    // than its high-water mark always ends in 'drain', which lifts this.
    if ((this.socket?.writableLength ?? 0) > this.maxSendBuffer) this.setCongested(true);
    if (this.isCongested) {
      this.counters.sendBlocked++;
      return 'blocked';
    }
    this.writer.writeFramed(encodeBatchRequestFrame(batch, true));
    return 'sent';
  }

  /** Sends an active health check; false when not connected. */
  healthCheck(id: number): boolean {
    if (!this.isReady || this.writer === undefined) return false;
    this.writer.write(encodeServiceFrame({ healthCheck: { id } }));
    return true;
  }

  /** Echoes a Stopping frame: the service then knows every batch it will get has arrived. */
  ackStopping(drainMs: number): void {
    this.writer?.write(encodeServiceFrame({ stopping: { drainMs } }));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    const wasReady = this.isReady;
    this.isReady = false;
    this.socket?.destroy();
    this.socket = undefined;
    if (wasReady) this.emit('down', 'closed by the daemon');
  }
}
