/**
 * A netlink socket for the event loop: batched receive from the native ring,
 * and batched send — messages queued in the same tick for the same
 * destination leave as one datagram (or one sendmmsg of several when they
 * exceed a datagram), flushed on a microtask.
 */
import { EventEmitter } from 'node:events';

import { ClosedError, QueueFullError, isErrnoException } from '../../errors.js';
import { RECV_FLAG_TRUNCATED, RECV_META_WORDS, RecvMeta, loadNative, type NativeAddon, type NativeNetlinkSocket } from '../../native.js';
import { NlWriter } from './writer.js';
import { Consts } from '../../abi/uapi.js';

export interface NetlinkSocketOptions {
  /** The addon; tests pass a fake. */
  native?: Pick<NativeAddon, 'NetlinkSocket'>;
  /** Datagrams per recvmmsg. */
  recvBatch?: number;
  /** Largest datagram received or sent. */
  maxDatagram?: number;
  recvBufferBytes?: number;
  sendBufferBytes?: number;
  /** Queued bytes per destination before outbox() throws QueueFullError and answerbox() reports a backlog. */
  maxPendingBytes?: number;
}

/** Called once per received datagram; `buf` is valid only during the call. */
export type DatagramHandler = (buf: Buffer, offset: number, length: number, portId: number, groups: number) => void;

interface Outbox {
  readonly dest: number;
  readonly groups: number;
  readonly writer: NlWriter;
  retryTimer: NodeJS.Timeout | undefined;
  backoffMs: number;
  backlogged: boolean;
}

const RETRY_FIRST_MS = 1;
const RETRY_MAX_MS = 50;

export interface NetlinkSocketEvents {
  /** A receive error; ENOBUFS means the kernel dropped messages (overrun). */
  error: [err: Error];
  /** A datagram longer than the receive slot arrived and was cut. */
  truncated: [length: number, portId: number];
  /** Sending to `dest` failed; `messages` queued messages were dropped. */
  sendError: [err: Error, dest: number, messages: number];
  /** Bytes queued for `dest` passed maxPendingBytes (true), or drained below half of it (false). */
  backlog: [dest: number, on: boolean];
}

export class NetlinkSocket extends EventEmitter<NetlinkSocketEvents> {
  private readonly sock: NativeNetlinkSocket;
  private readonly maxDatagram: number;
  private readonly maxPendingBytes: number;
  private readonly outboxes = new Map<number, Outbox>();
  private readonly dirty: Outbox[] = [];
  private flushScheduled = false;
  private closed = false;
  private handler: DatagramHandler | undefined;
  private lengths = new Uint32Array(64);

  constructor(protocol: number, options: NetlinkSocketOptions = {}) {
    super();
    const native = options.native ?? loadNative();
    this.maxDatagram = options.maxDatagram ?? Consts.MAX_MSG_BYTES;
    this.maxPendingBytes = options.maxPendingBytes ?? 16 * 1024 * 1024;
    this.sock = new native.NetlinkSocket(protocol, {
      batch: options.recvBatch ?? 32,
      slotSize: this.maxDatagram,
    });
    try {
      if (options.recvBufferBytes !== undefined) this.sock.setRecvBufferSize(options.recvBufferBytes);
      if (options.sendBufferBytes !== undefined) this.sock.setSendBufferSize(options.sendBufferBytes);
    } catch (err) {
      this.sock.close();
      throw err;
    }
  }

  get portId(): number {
    this.assertOpen();
    return this.sock.portId;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  bind(portId = 0, groups = 0): this {
    this.assertOpen();
    this.sock.bind(portId, groups);
    return this;
  }

  addMembership(group: number): void {
    this.assertOpen();
    this.sock.addMembership(group);
  }

  dropMembership(group: number): void {
    this.assertOpen();
    this.sock.dropMembership(group);
  }

  setExtAck(on: boolean): void {
    this.assertOpen();
    this.sock.setExtAck(on);
  }

  /** Keeps (or stops keeping) the process alive while receiving. */
  ref(): void {
    if (!this.closed) this.sock.ref();
  }

  unref(): void {
    if (!this.closed) this.sock.unref();
  }

  /** Starts delivering datagrams to `handler`. */
  receive(handler: DatagramHandler): void {
    this.assertOpen();
    this.handler = handler;
    this.sock.start(
      (count) => this.onBatch(count),
      (err) => this.emit('error', err),
    );
  }

  private onBatch(count: number): void {
    const buf = this.sock.recvBuffer;
    const meta = this.sock.recvMeta;
    const slot = this.sock.slotSize;
    const handler = this.handler;
    for (let i = 0; i < count && handler === this.handler && handler !== undefined; i++) {
      const m = i * RECV_META_WORDS;
      const length = meta[m + RecvMeta.LENGTH] as number;
      const portId = meta[m + RecvMeta.PORT_ID] as number;
      if ((meta[m + RecvMeta.FLAGS] as number) & RECV_FLAG_TRUNCATED) {
        this.emit('truncated', length, portId);
        continue;
      }
      handler(buf, i * slot, length, portId, meta[m + RecvMeta.GROUPS] as number);
    }
  }

  /**
   * The writer for messages to `dest`: write whole messages into it, then
   * they are sent together at the end of the current tick. Throws
   * QueueFullError when `dest` is not draining.
   */
  outbox(dest: number, groups = 0): NlWriter {
    const box = this.box(dest, groups);
    if (box.writer.length > this.maxPendingBytes) {
      throw new QueueFullError(`netlink send queue to port ${dest}`, this.maxPendingBytes);
    }
    return box.writer;
  }

  /**
   * Like outbox(), but never refuses: for answers a peer is waiting for,
   * whose number the caller bounds (by requests in flight) and whose growth
   * it stops on 'backlog' by taking no new work.
   */
  answerbox(dest: number): NlWriter {
    const box = this.box(dest, 0);
    if (!box.backlogged && box.writer.length > this.maxPendingBytes) {
      box.backlogged = true;
      this.emit('backlog', dest, true);
    }
    return box.writer;
  }

  private box(dest: number, groups: number): Outbox {
    this.assertOpen();
    const key = groups === 0 ? dest : -groups;
    let box = this.outboxes.get(key);
    if (box === undefined) {
      box = { dest, groups, writer: new NlWriter(), retryTimer: undefined, backoffMs: 0, backlogged: false };
      this.outboxes.set(key, box);
    }
    if (box.retryTimer === undefined && !this.dirty.includes(box)) this.dirty.push(box);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
    return box;
  }

  /** Sends everything queued now (normally done at the end of the tick). */
  flush(): void {
    this.flushScheduled = false;
    if (this.closed) return;
    while (this.dirty.length > 0) {
      const box = this.dirty.pop() as Outbox;
      this.flushBox(box);
    }
  }

  private flushBox(box: Outbox): void {
    const w = box.writer;
    if (w.messageCount === 0) return;
    // Group whole messages into datagrams no larger than maxDatagram.
    const starts = w.starts;
    let count = 0;
    let dgramStart = 0;
    for (let i = 1; i <= starts.length; i++) {
      const next = i < starts.length ? (starts[i] as number) : w.length;
      if (next - dgramStart > this.maxDatagram && (starts[i - 1] as number) > dgramStart) {
        this.pushLength(count++, (starts[i - 1] as number) - dgramStart);
        dgramStart = starts[i - 1] as number;
      }
    }
    this.pushLength(count++, w.length - dgramStart);

    let sent = 0;
    let sentBytes = 0;
    try {
      if (count === 1) {
        this.sock.send(w.buffer, 0, w.length, box.dest, box.groups);
        sent = 1;
        sentBytes = w.length;
      } else {
        sent = this.sock.sendBatch(w.buffer, this.lengths, Math.min(count, 1024), box.dest, box.groups);
        for (let i = 0; i < sent; i++) sentBytes += this.lengths[i] as number;
      }
    } catch (err) {
      if (isErrnoException(err, 'EAGAIN') || isErrnoException(err, 'ENOBUFS')) {
        this.retryLater(box);
        return;
      }
      const lost = w.messageCount;
      w.reset();
      this.emit('sendError', err as Error, box.dest, lost);
      return;
    }
    w.consume(sentBytes);
    box.backoffMs = 0;
    if (box.backlogged && w.length < this.maxPendingBytes / 2) {
      box.backlogged = false;
      this.emit('backlog', box.dest, false);
    }
    if (w.messageCount > 0) this.retryLater(box);
  }

  private pushLength(i: number, len: number): void {
    if (i >= this.lengths.length) {
      const grown = new Uint32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[i] = len;
  }

  // Netlink gives no writability signal for a full receiver, so back off.
  private retryLater(box: Outbox): void {
    if (box.retryTimer !== undefined) return;
    box.backoffMs = box.backoffMs === 0 ? RETRY_FIRST_MS : Math.min(box.backoffMs * 2, RETRY_MAX_MS);
    box.retryTimer = setTimeout(() => {
      box.retryTimer = undefined;
      if (!this.closed) this.flushBox(box);
    }, box.backoffMs);
  }

  /** Bytes queued and not yet sent, across destinations. */
  get pendingBytes(): number {
    let n = 0;
    for (const box of this.outboxes.values()) n += box.writer.length;
    return n;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.handler = undefined;
    for (const box of this.outboxes.values()) {
      if (box.retryTimer !== undefined) clearTimeout(box.retryTimer);
    }
    this.outboxes.clear();
    this.dirty.length = 0;
    this.sock.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new ClosedError('netlink socket');
  }
}
