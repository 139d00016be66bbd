/**
 * The daemon's connection to one embedding service: it connects to the
 * endpoint the service registered, checks the service's Hello, sends batch
 * requests (all frames of a tick in one write), hands responses and
 * heartbeats back, and reconnects with exponential backoff until closed.
 */
import { EventEmitter } from 'node:events';
import { type Socket, createConnection } from 'node:net';

import { DecodeError } from '../errors.js';
import {
  type EmbedBatchRequestMsg,
  type EmbedBatchResponseMsg,
  decodeServiceFrame,
  encodeServiceFrame,
} from '../wire/proto.js';
import { FrameWriter, readFrames } from '../wire/frames.js';

export interface ServiceConnectionOptions {
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export interface ServiceConnectionEvents {
  /** Connected and the service said Hello with the expected id. */
  ready: [];
  /** The connection dropped (a reconnect is scheduled unless closed). */
  down: [reason: string];
  response: [msg: EmbedBatchResponseMsg];
  /** With the service process's CPU use (per mille of one CPU) and resident memory (KiB), 0 when not reported. */
  heartbeat: [activeRequests: number, cpuPermille: number, rssKib: number];
  healthResult: [id: number, healthy: boolean, message: string];
  /** The service is draining before it unregisters: send it nothing new, then ackStopping(). */
  stopping: [drainMs: number];
  /** A malformed frame or a protocol violation; the connection is reset. */
  invalid: [err: Error];
}

export class ServiceConnection extends EventEmitter<ServiceConnectionEvents> {
  private socket: Socket | undefined;
  private writer: FrameWriter | undefined;
  private isReady = false;
  private closed = false;
  private backoffMs: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly minMs: number;
  private readonly maxMs: number;

  constructor(
    readonly serviceId: string,
    readonly path: string,
    options: ServiceConnectionOptions = {},
  ) {
    super();
    this.minMs = options.reconnectMinMs ?? 50;
    this.maxMs = options.reconnectMaxMs ?? 5000;
    this.backoffMs = this.minMs;
    this.connect();
  }

  get ready(): boolean {
    return this.isReady;
  }

  private connect(): void {
    if (this.closed) return;
    const socket = createConnection(this.path);
    this.socket = socket;
    socket.setNoDelay?.(true);
    readFrames(socket, (frame) => this.onFrame(frame), { onError: (err) => this.emit('invalid', err) });
    socket.on('connect', () => {
      this.writer = new FrameWriter(socket);
    });
    socket.on('error', () => {
      // 'close' follows and handles it.
    });
    socket.on('close', () => this.onClose(socket));
  }

  private onFrame(bytes: Buffer): void {
    let frame;
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

  /** Queues a batch; it leaves with the tick's other frames in one write. False when not connected. */
  send(batch: EmbedBatchRequestMsg): boolean {
    if (!this.isReady || this.writer === undefined) return false;
    this.writer.write(encodeServiceFrame({ request: batch }));
    return true;
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
