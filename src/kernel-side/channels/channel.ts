/**
 * The daemon's end of the kernel channel over generic netlink: to the real
 * module (NETLINK_GENERIC, kernel port 0) or to the kernel twin
 * (NETLINK_USERSOCK, the twin's port). Same messages either way.
 *
 * Requests arrive in batches from the receive ring and are handed to the
 * handler one by one; responses written in the same tick leave together.
 */
import { EventEmitter } from 'node:events';

import { Cmd, Consts, Flags } from '../../abi/uapi.js';
import { type DecodeError, NetlinkError, isErrnoException } from '../../errors.js';
import { NetlinkConnection } from '../netlink/connection.js';
import { MsgKind, NetlinkProtocol, NlmFlags } from '../netlink/constants.js';
import { resolveFamily, type FamilyInfo } from '../netlink/controller.js';
import { errnoName, errnoValue, readNlError } from '../netlink/extack.js';
import type { NlHeader } from '../netlink/message.js';
import { NetlinkSocket, type NetlinkSocketOptions } from '../netlink/socket.js';
import { decodeGenl } from '../messages/decode.js';
import { writeAttach, writeDetach, writeEmbedResponse, writeHeartbeat, writeReply, writeServiceRevoke } from '../messages/encode.js';
import type { CancelMessage, EmbedRequest, EmbedResponse, ReplyMessage, VexfsMessage } from '../messages/messages.js';

const ENOENT = errnoValue('ENOENT');

/** What the daemon needs from a kernel channel, over genetlink or the char device. */
export interface KernelChannel extends EventEmitter<GenlChannelEvents> {
  readonly family: { id: number };
  /** Netlink port id, or 0 for the char device. */
  readonly portId: number;
  readonly kernelMaxInflight: number | undefined;
  readonly counters: GenlChannelCounters;
  respond(res: EmbedResponse): void;
  reply(msg: ReplyMessage): void;
  /** Tells the module the daemon removed a service registered through the device (an administrator's removal). */
  revoke(serviceId: string): void;
  heartbeat(minPriority: number | undefined, inflight: number): void;
  close(): Promise<void>;
}

export interface KernelChannelHandlers {
  // The channel is passed in because requests can arrive before open() resolves.
  request(req: EmbedRequest, channel: KernelChannel): void;
  cancel(msg: CancelMessage, channel: KernelChannel): void;
  /** Control messages forwarded by the module (register, status, list, stats). */
  control?(msg: VexfsMessage, channel: KernelChannel): void;
}

/**
 * A message from the kernel side to the pipeline, whichever transport brought it: requests and
 * cancels counted and handed over, the rest to control. Each channel answers its own transport's
 * messages (a liveness probe, an attach) before this.
 */
export function deliver(m: VexfsMessage, channel: KernelChannel, h: KernelChannelHandlers, counters: GenlChannelCounters): void {
  if (m.cmd === Cmd.EMBED_REQUEST) {
    counters.requests++;
    h.request(m.msg, channel);
  } else if (m.cmd === Cmd.CANCEL) {
    counters.cancels++;
    h.cancel(m.msg, channel);
  } else h.control?.(m, channel);
}

export interface GenlChannelOptions {
  /** NETLINK_GENERIC for the module, NETLINK_USERSOCK for the twin. */
  protocol: number;
  /** Port of the kernel side: 0 for the kernel, the twin's port otherwise. */
  kernelPort: number;
  /** Requests the daemon will hold at once, announced at attach. */
  maxInflight?: number;
  /**
   * Attach as one more queue of the daemon already attached from this
   * process (a worker's), not as the daemon: requests arrive, answers
   * leave, control messages stay with the daemon's first queue.
   */
  queue?: boolean;
  socket?: NetlinkSocketOptions;
  timeoutMs?: number;
}

export interface GenlChannelEvents {
  /** The kernel side rejected something the daemon sent (e.g. ENOENT: a late response). */
  kernelError: [err: NetlinkError];
  /** A message from the kernel side that did not decode. */
  invalid: [err: DecodeError];
  /** The kernel side is gone (module unloaded, twin closed). */
  lost: [err: Error];
  /**
   * Handling a message from the kernel side failed in the daemon (a bug, or
   * an answer it could not build); the peer got an error where it waits for
   * one, and the daemon carries on.
   */
  fault: [err: Error];
  /** The receive queue overflowed (ENOBUFS): the kernel side dropped messages to the daemon. */
  overrun: [err: Error];
  /**
   * Answers to the kernel side are queued past the bound because it is not
   * taking them as fast as they come (true), or caught up (false): take no
   * new work meanwhile.
   */
  congestion: [on: boolean];
}

export interface GenlChannelCounters {
  requests: number;
  cancels: number;
  responses: number;
  kernelErrors: number;
  lateResponses: number;
  invalid: number;
  faults: number;
  overruns: number;
}

export function newChannelCounters(): GenlChannelCounters {
  return { requests: 0, cancels: 0, responses: 0, kernelErrors: 0, lateResponses: 0, invalid: 0, faults: 0, overruns: 0 };
}

export class GenlKernelChannel extends EventEmitter<GenlChannelEvents> implements KernelChannel {
  readonly counters: GenlChannelCounters = newChannelCounters();
  private readonly conn: NetlinkConnection;
  private readonly kernelPort: number;
  private readonly out: { familyId: number; seq: number; portId: number };
  private readonly handlers: KernelChannelHandlers;
  private closed = false;
  private familyInfo: FamilyInfo | undefined;
  private maxInflightReply: number | undefined;
  private queueIndex = 0;

  private constructor(conn: NetlinkConnection, kernelPort: number, handlers: KernelChannelHandlers) {
    super();
    this.conn = conn;
    this.kernelPort = kernelPort;
    this.handlers = handlers;
    this.out = { familyId: 0, seq: 0, portId: 0 };
    conn.onMessage((buf, hdr, port) => this.onMessage(buf, hdr, port));
    conn.onInvalid = (err) => this.invalid(err);
    conn.onFault = (err) => {
      this.counters.faults++;
      this.emit('fault', err);
    };
    conn.socket.on('error', (err) => {
      this.counters.overruns++;
      this.emit('overrun', err);
    });
    conn.socket.on('backlog', (dest, on) => {
      if (dest === kernelPort) this.emit('congestion', on);
    });
    conn.socket.on('sendError', (err, dest) => {
      if (dest === kernelPort && (isErrnoException(err, 'ECONNREFUSED') || isErrnoException(err, 'ENOENT'))) this.emit('lost', err);
    });
  }

  get family(): FamilyInfo {
    return this.familyInfo as FamilyInfo;
  }

  /** The kernel side's pending-table size from its attach reply. */
  get kernelMaxInflight(): number | undefined {
    return this.maxInflightReply;
  }

  /**
   * Opens a socket, resolves VEXFS_IPC and attaches as the daemon. The
   * handlers are live before the attach is sent: a kernel side re-sends
   * pending requests the moment a daemon attaches.
   */
  static async open(options: GenlChannelOptions, handlers: KernelChannelHandlers): Promise<GenlKernelChannel> {
    const socket = new NetlinkSocket(options.protocol, {
      recvBufferBytes: 32 * 1024 * 1024,
      sendBufferBytes: 32 * 1024 * 1024,
      ...options.socket,
    });
    const conn = new NetlinkConnection(socket);
    const channel = new GenlKernelChannel(conn, options.kernelPort, handlers);
    try {
      socket.bind(0);
      if (options.protocol === NetlinkProtocol.GENERIC) socket.setExtAck(true);
      const timeoutMs = options.timeoutMs ?? 2000;
      const family = await resolveFamily(conn, Consts.GENL_NAME, { controllerPort: options.kernelPort, timeoutMs });
      channel.familyInfo = family;
      channel.out.familyId = family.id;
      channel.out.portId = socket.portId;
      const replies = await conn.request(
        options.kernelPort,
        (w, seq) =>
          writeAttach(
            w,
            { familyId: family.id, seq, portId: socket.portId, flags: NlmFlags.ACK },
            {
              protocolVersion: Consts.PROTOCOL_VERSION,
              maxInflight: options.maxInflight,
              flags: options.queue ? Flags.QUEUE : undefined,
            },
          ),
        { timeoutMs },
      );
      for (const r of replies) {
        const m = decodeGenl(r.buf, r.hdr);
        if (m.cmd === Cmd.DAEMON_ATTACH) {
          channel.maxInflightReply = m.msg.maxInflight;
          channel.queueIndex = m.msg.queue ?? 0;
        }
      }
      return channel;
    } catch (err) {
      conn.close();
      throw err;
    }
  }

  get portId(): number {
    return this.conn.socket.portId;
  }

  /** Its queue at the kernel side: 0 for the daemon's first, more for a worker's (GenlChannelOptions.queue). */
  get queue(): number {
    return this.queueIndex;
  }

  respond(res: EmbedResponse): void {
    this.counters.responses++;
    writeEmbedResponse(this.conn.socket.answerbox(this.kernelPort), this.out, res);
  }

  /** Answers a forwarded control message (register, unregister, status, list). */
  reply(msg: ReplyMessage): void {
    writeReply(this.conn.socket.answerbox(this.kernelPort), this.out, msg);
  }

  revoke(serviceId: string): void {
    writeServiceRevoke(this.conn.socket.answerbox(this.kernelPort), this.out, { serviceId });
  }

  /** Tells the kernel side which priorities to shed (backpressure) and the load. */
  heartbeat(minPriority: number | undefined, inflight: number): void {
    writeHeartbeat(this.conn.socket.answerbox(this.kernelPort), this.out, { requestId: undefined, minPriority, inflight });
  }

  private onMessage(buf: Buffer, hdr: NlHeader, port: number): void {
    if (port !== this.kernelPort) return;
    if (hdr.type === MsgKind.ERROR) {
      this.onKernelError(buf, hdr);
      return;
    }
    if (this.familyInfo === undefined || hdr.type !== this.familyInfo.id) return;
    const m = decodeGenl(buf, hdr);
    if (m.cmd !== Cmd.HEARTBEAT) return deliver(m, this, this.handlers, this.counters);
    // A liveness probe: answer with the same id.
    if (m.msg.requestId !== undefined)
      writeHeartbeat(this.conn.socket.answerbox(this.kernelPort), this.out, { requestId: m.msg.requestId, minPriority: undefined, inflight: undefined });
  }

  private onKernelError(buf: Buffer, hdr: NlHeader): void {
    const e = readNlError(buf, hdr);
    if (e.errno === 0) return;
    this.counters.kernelErrors++;
    if (e.errno === ENOENT) this.counters.lateResponses++;
    this.emit('kernelError', new NetlinkError(e.errno, errnoName(e.errno), e.message, e.offset));
  }

  private invalid(err: DecodeError): void {
    this.counters.invalid++;
    this.emit('invalid', err);
  }

  /** Detaches (pending requests wait out the kernel's grace period) and closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.conn.request(this.kernelPort, (w, seq) => writeDetach(w, { ...this.out, seq, flags: NlmFlags.ACK }), { timeoutMs: 1000 });
    } catch {
      // The kernel side may already be gone; closing the socket detaches anyway.
    } finally {
      this.conn.close();
    }
  }
}
