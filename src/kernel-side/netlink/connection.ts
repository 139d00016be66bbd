/**
 * Request/response over a NetlinkSocket: requests get a sequence number and
 * NLM_F_ACK, replies are matched by sequence number and sender, errors carry
 * the extended ACK. Everything that is not a reply goes to `onMessage`.
 */
import { ClosedError, DecodeError, TimeoutError } from '../../errors.js';
import { MsgKind, NlmFlags } from './constants.js';
import { NlHeader, readNlHeader } from './message.js';
import { type NlError, readNlError, toNetlinkError } from './extack.js';
import type { NetlinkSocket } from './socket.js';
import type { NlWriter } from './writer.js';

/** A reply message, copied out of the receive ring. */
export interface NlReply {
  buf: Buffer;
  hdr: NlHeader;
}

export type MessageHandler = (buf: Buffer, hdr: NlHeader, senderPort: number, groups: number) => void;

interface Pending {
  dest: number;
  replies: NlReply[];
  dump: boolean;
  resolve: (replies: NlReply[]) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** A dump: replies until NLMSG_DONE. */
  dump?: boolean;
}

export class NetlinkConnection {
  readonly socket: NetlinkSocket;
  private seq: number;
  private readonly pending = new Map<number, Pending>();
  private readonly hdr = new NlHeader();
  private handler: MessageHandler | undefined;
  /** Malformed datagrams seen; also reported through onInvalid. */
  invalidMessages = 0;
  onInvalid: ((err: DecodeError, senderPort: number) => void) | undefined;
  /** Messages whose handler threw something other than a DecodeError; also reported through onFault. */
  faults = 0;
  onFault: ((err: Error, senderPort: number) => void) | undefined;

  constructor(socket: NetlinkSocket) {
    this.socket = socket;
    this.seq = (Date.now() & 0x7fffffff) >>> 0;
    socket.receive((buf, offset, length, portId, groups) => this.onDatagram(buf, offset, length, portId, groups));
  }

  /** Receives every message that is not a reply to a pending request. */
  onMessage(handler: MessageHandler): void {
    this.handler = handler;
  }

  nextSeq(): number {
    this.seq = (this.seq + 1) >>> 0;
    if (this.seq === 0) this.seq = 1;
    return this.seq;
  }

  /**
   * Sends one message written by `write` (given the sequence number to use)
   * to `dest`, and resolves with the replies once the peer acknowledges it.
   */
  request(dest: number, write: (w: NlWriter, seq: number) => void, options: RequestOptions = {}): Promise<NlReply[]> {
    if (this.socket.isClosed) return Promise.reject(new ClosedError('netlink connection'));
    const seq = this.nextSeq();
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<NlReply[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new TimeoutError(`netlink request ${seq} to port ${dest}`, timeoutMs));
      }, timeoutMs);
      timer.unref();
      this.pending.set(seq, { dest, replies: [], dump: options.dump ?? false, resolve, reject, timer });
      try {
        write(this.socket.outbox(dest), seq);
      } catch (err) {
        clearTimeout(timer);
        this.pending.delete(seq);
        reject(err as Error);
      }
    });
  }

  private onDatagram(buf: Buffer, offset: number, length: number, portId: number, groups: number): void {
    const end = offset + length;
    const hdr = this.hdr;
    let pos = offset;
    while (pos < end) {
      try {
        pos = readNlHeader(buf, pos, end, hdr);
      } catch (err) {
        this.invalid(err as DecodeError, portId);
        return;
      }
      const pending = groups === 0 ? this.pending.get(hdr.seq) : undefined;
      if (pending !== undefined && pending.dest === portId) {
        this.onReply(pending, buf, hdr);
      } else if (this.handler !== undefined) {
        // Nothing a peer sends may end the process: a handler's failure is counted and reported.
        try {
          this.handler(buf, hdr, portId, groups);
        } catch (err) {
          if (err instanceof DecodeError) this.invalid(err, portId);
          else this.fault(err, portId);
        }
      }
    }
  }

  private onReply(p: Pending, buf: Buffer, hdr: NlHeader): void {
    const seq = hdr.seq;
    if (hdr.type === MsgKind.ERROR) {
      let err: NlError;
      try {
        err = readNlError(buf, hdr);
      } catch (e) {
        this.settle(seq, p, e as Error);
        return;
      }
      this.settle(seq, p, err.errno === 0 ? undefined : toNetlinkError(err));
      return;
    }
    if (hdr.type === MsgKind.DONE && p.dump) {
      this.settle(seq, p, undefined);
      return;
    }
    const copy = new NlHeader();
    Object.assign(copy, hdr);
    copy.offset = 0;
    p.replies.push({ buf: Buffer.from(buf.subarray(hdr.offset, hdr.end)), hdr: copy });
  }

  private settle(seq: number, p: Pending, err: Error | undefined): void {
    clearTimeout(p.timer);
    this.pending.delete(seq);
    if (err) p.reject(err);
    else p.resolve(p.replies);
  }

  private fault(err: unknown, portId: number): void {
    this.faults++;
    this.onFault?.(err instanceof Error ? err : new Error(String(err)), portId);
  }

  private invalid(err: DecodeError, portId: number): void {
    this.invalidMessages++;
    this.onInvalid?.(err, portId);
  }

  close(): void {
    for (const [seq, p] of this.pending) this.settle(seq, p, new ClosedError('netlink connection'));
    this.socket.close();
  }
}

export const REQUEST_FLAGS = NlmFlags.REQUEST | NlmFlags.ACK;
