/**
 * The kernel twin: a userspace stand-in for vexfs_ipc.ko that speaks the
 * same generic netlink messages over NETLINK_USERSOCK, so the daemon, tests
 * and benchmarks run on any Linux host without the module.
 *
 * It behaves like the module (see the uapi header): it answers the
 * controller's GETFAMILY for VEXFS_IPC, accepts one daemon's attach, issues
 * embedding requests with ids, priorities, timeouts and deadlines, validates
 * every daemon message with the module's policy (answering errors with an
 * extended ACK), cancels requests it gives up on, notices when the daemon's
 * socket goes away (a send to its port is refused) and then keeps in-flight
 * requests for a grace period to re-send them to the next daemon. A daemon
 * may add queues (twin-queues.ts); unlike the module, the twin cannot see
 * which process a port belongs to, so it takes a queue from any port while
 * a daemon is attached.
 */
import { EventEmitter, once } from 'node:events';

import type { KernelCounters } from '../../abi/counters.js';
import { Cmd, Consts, Flags, Status } from '../../abi/uapi.js';
import { ClosedError, DecodeError, NotAttachedError, QueueFullError, isErrnoException } from '../../errors.js';
import { NetlinkConnection } from '../netlink/connection.js';
import { GENL_ID_CTRL, MsgKind, NetlinkProtocol, NlmFlags } from '../netlink/constants.js';
import { writeFamily, type FamilyInfo } from '../netlink/controller.js';
import { errnoValue, writeNlError } from '../netlink/extack.js';
import type { NlHeader } from '../netlink/message.js';
import { NetlinkSocket, type NetlinkSocketOptions } from '../netlink/socket.js';
import { decodeGenl } from '../messages/decode.js';
import { type GenlAddress, writeAttach, writeCancel, writeEmbedRequest, writeGetStats, writeHeartbeat } from '../messages/encode.js';
import type { EmbedRequest, EmbedResponse, VexfsMessage } from '../messages/messages.js';
import { type Pending, PendingTable, result } from './pending-table.js';
import { TWIN_DEFAULT_FAMILY_ID, familyRefusal, twinFamily } from './twin-family.js';
import { TwinQueues } from './twin-queues.js';
import { answerRefusal, flagsRefusal } from './twin-response.js';
import { type TwinEmbedCall, type TwinEmbedResult, twinRequest } from './twin-embed.js';

export interface KernelTwinOptions {
  /** Port id to bind (0: let the kernel pick). */
  portId?: number;
  /** Family id the twin's controller hands out. */
  familyId?: number;
  /** Size of the pending table (the module's max_pending parameter). */
  maxPending?: number;
  /** How long in-flight requests wait for a new daemon after the old one leaves. */
  graceMs?: number;
  /** Interval of liveness probes to an attached daemon. */
  heartbeatMs?: number;
  socket?: NetlinkSocketOptions;
}

export type { TwinEmbedCall, TwinEmbedResult } from './twin-embed.js';

export interface TwinStats extends KernelCounters {
  daemonPortId: number;
  /** The daemon's queues (0 without a daemon). */
  daemonQueues: number;
  /** The daemon's backpressure floor: requests below it fail OVERLOADED at once. */
  minPriority: number;
}

export interface KernelTwinEvents {
  attached: [portId: number];
  detached: [portId: number, reason: 'detach' | 'gone'];
  /** A malformed or unexpected message from a peer, answered with an error. */
  invalid: [err: DecodeError, portId: number];
}

export { TWIN_DEFAULT_FAMILY_ID } from './twin-family.js';

export class KernelTwin extends EventEmitter<KernelTwinEvents> {
  readonly family: FamilyInfo;
  private readonly conn: NetlinkConnection;
  private readonly socket: NetlinkSocket;
  private readonly maxPending: number;
  private readonly graceMs: number;
  private readonly pending: PendingTable;
  private readonly queues = new TwinQueues();
  private nextId = 1n;
  private minPriority = 0;
  private graceTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private closed = false;
  constructor(options: KernelTwinOptions = {}) {
    super();
    this.maxPending = options.maxPending ?? 65536;
    this.graceMs = options.graceMs ?? 5000;
    this.socket = new NetlinkSocket(NetlinkProtocol.USERSOCK, {
      recvBufferBytes: 32 * 1024 * 1024,
      sendBufferBytes: 32 * 1024 * 1024,
      ...options.socket,
    });
    try {
      this.socket.bind(options.portId ?? 0);
    } catch (err) {
      this.socket.close();
      throw err;
    }
    this.family = twinFamily(options.familyId ?? TWIN_DEFAULT_FAMILY_ID);
    this.pending = new PendingTable((p, status) => {
      // To the queue that holds it.
      if (this.attached && p.queuePort !== 0 && this.queues.index(p.queuePort) >= 0)
        writeCancel(this.socket.outbox(p.queuePort), this.to(), { requestId: p.req.requestId, status });
    });
    this.conn = new NetlinkConnection(this.socket);
    this.conn.onMessage((buf, hdr, port) => this.onMessage(buf, hdr, port));
    this.conn.onInvalid = (err, port) => this.invalid(err, port);
    this.socket.on('sendError', (err, dest) => {
      if (!isErrnoException(err, 'ECONNREFUSED')) return;
      if (dest === this.daemonPort) this.daemonGone();
      else this.queueGone(dest);
    });
    const heartbeatMs = options.heartbeatMs ?? 1000;
    this.heartbeatTimer = setInterval(() => this.probe(), heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** The port id the daemon talks to (its "kernel"). */
  get portId(): number {
    return this.socket.portId;
  }

  get attached(): boolean {
    return this.daemonPort !== 0;
  }

  /** The daemon's own port (its queue 0), or 0. */
  private get daemonPort(): number {
    return this.queues.primary;
  }

  stats(): TwinStats {
    return {
      ...this.pending.counters,
      inflight: this.pending.size,
      daemonAttached: this.attached,
      daemonPortId: this.daemonPort,
      daemonQueues: this.queues.size,
      minPriority: this.minPriority,
    };
  }

  /** Resolves once a daemon is attached. */
  async waitForDaemon(timeoutMs = 5000): Promise<number> {
    if (this.attached) return this.daemonPort;
    try {
      const [port] = await once(this, 'attached', { signal: AbortSignal.timeout(timeoutMs) });
      return port as number;
    } catch {
      throw new NotAttachedError(`no daemon attached within ${timeoutMs} ms`);
    }
  }

  /**
   * Sends one embedding request to the daemon, as vexfs_ipc_embed() does.
   * Resolves with the outcome (status SUCCESS and the vector, or why not);
   * rejects only when the request could not be issued: InvalidArgumentError
   * (-EINVAL), NotAttachedError (-ENOTCONN), QueueFullError (-EBUSY).
   */
  embed(call: TwinEmbedCall): Promise<TwinEmbedResult> {
    if (this.closed) return Promise.reject(new ClosedError('kernel twin'));
    let req: EmbedRequest;
    try {
      req = twinRequest(call, this.nextId++);
    } catch (err) {
      return Promise.reject(err);
    }
    if (!this.attached) return Promise.reject(new NotAttachedError());
    if (this.pending.size >= this.maxPending) {
      return Promise.reject(new QueueFullError('kernel twin pending table', this.maxPending));
    }
    this.pending.counters.requestsSubmitted++;
    if (req.priority < this.minPriority) {
      this.pending.counters.requestsFailed++;
      return Promise.resolve(result(req.requestId, Status.OVERLOADED));
    }
    return new Promise<TwinEmbedResult>((resolve) => {
      if (this.pending.add(req, call.signal, resolve)) this.sendRequest(this.pending.get(req.requestId) as Pending);
    });
  }

  private to(seq = 0, flags = 0): GenlAddress {
    return { familyId: this.family.id, seq, portId: 0, flags };
  }

  /** To its turn's queue, or the next one that takes it; OVERLOADED at once when none does (no queue drains its socket). */
  private sendRequest(p: Pending): void {
    const start = this.queues.next();
    for (let attempt = 0, port = this.queues.portAt(start, 0); port !== undefined; port = this.queues.portAt(start, ++attempt)) {
      try {
        writeEmbedRequest(this.socket.outbox(port), this.to(), p.req);
      } catch (err) {
        if (err instanceof QueueFullError) continue;
        throw err;
      }
      p.queuePort = port;
      this.queues.sent(port, attempt > 0);
      return;
    }
    this.pending.finish(p, Status.OVERLOADED);
  }

  // ------------------------------------------------------------ messages in

  private onMessage(buf: Buffer, hdr: NlHeader, port: number): void {
    if (hdr.type === GENL_ID_CTRL) {
      this.onControllerRequest(buf, hdr, port);
      return;
    }
    if (hdr.type === MsgKind.ERROR || hdr.type === MsgKind.NOOP || hdr.type === MsgKind.DONE) return;
    if (hdr.type !== this.family.id) {
      this.reject(hdr, port, 'EOPNOTSUPP', `unknown message type ${hdr.type}`);
      return;
    }
    let msg: VexfsMessage;
    try {
      msg = decodeGenl(buf, hdr);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      this.invalid(err, port);
      this.reject(hdr, port, 'EINVAL', err.message);
      return;
    }
    switch (msg.cmd) {
      case Cmd.DAEMON_ATTACH:
        if (msg.msg.protocolVersion !== Consts.PROTOCOL_VERSION)
          this.reject(hdr, port, 'EPROTONOSUPPORT', `protocol version ${msg.msg.protocolVersion}, expected ${Consts.PROTOCOL_VERSION}`);
        else if (((msg.msg.flags ?? 0) & Flags.QUEUE) !== 0) this.onQueueAttach(hdr, port);
        else this.onAttach(hdr, port);
        return;
      case Cmd.GET_STATS:
        writeGetStats(this.socket.outbox(port), this.to(hdr.seq), {
          requestId: undefined,
          stats: this.pending.record(),
          queues: this.attached ? this.queues.record() : undefined,
        });
        this.ack(hdr, port);
        return;
      default:
        break;
    }
    if (port === 0 || this.queues.index(port) < 0) {
      this.reject(hdr, port, 'ENOTCONN', 'sender is not the attached daemon');
      return;
    }
    // The answer to a liveness probe (below) comes from whichever queue was probed: nothing to do.
    if (port !== this.daemonPort && msg.cmd === Cmd.HEARTBEAT && msg.msg.requestId !== undefined && msg.msg.minPriority === undefined) {
      this.ack(hdr, port);
      return;
    }
    if (port !== this.daemonPort && msg.cmd !== Cmd.EMBED_RESPONSE && msg.cmd !== Cmd.DAEMON_DETACH) {
      this.reject(hdr, port, 'EOPNOTSUPP', "a queue other than the daemon's first sends only EMBED_RESPONSE and DAEMON_DETACH");
      return;
    }
    switch (msg.cmd) {
      case Cmd.DAEMON_DETACH:
        this.ack(hdr, port);
        if (port === this.daemonPort) this.detach('detach');
        else this.queueGone(port);
        return;
      case Cmd.EMBED_RESPONSE:
        this.onResponse(hdr, port, msg.msg);
        return;
      case Cmd.HEARTBEAT:
        if (msg.msg.minPriority !== undefined) this.minPriority = msg.msg.minPriority;
        this.ack(hdr, port);
        return;
      case Cmd.SERVICE_REVOKE:
        // The twin has no device, so no registration of its own to forget; as in the module, success.
        this.ack(hdr, port);
        return;
      default:
        this.reject(hdr, port, 'EOPNOTSUPP', `command ${msg.cmd} is not accepted from the daemon`);
    }
  }

  private onControllerRequest(buf: Buffer, hdr: NlHeader, port: number): void {
    const refused = familyRefusal(buf, hdr, this.family);
    if (refused !== undefined) return this.reject(hdr, port, refused.errno, refused.message);
    writeFamily(this.socket.outbox(port), hdr.seq, 0, this.family);
    this.ack(hdr, port);
  }

  private onAttach(hdr: NlHeader, port: number): void {
    if (this.daemonPort !== 0 && this.daemonPort !== port) {
      this.reject(hdr, port, 'EBUSY', `a daemon is attached at port ${this.daemonPort}`);
      return;
    }
    const fresh = this.daemonPort !== port;
    if (fresh) this.queues.start(port);
    this.minPriority = 0;
    if (this.graceTimer !== undefined) {
      clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
    }
    writeAttach(this.socket.outbox(port), this.to(hdr.seq), { protocolVersion: Consts.PROTOCOL_VERSION, maxInflight: this.maxPending, queue: 0 });
    this.ack(hdr, port);
    if (!fresh) return;
    // Requests left by a previous daemon go to this one.
    this.resend([...this.pending.values()]);
    this.emit('attached', port);
  }

  private onQueueAttach(hdr: NlHeader, port: number): void {
    if (!this.attached) {
      this.reject(hdr, port, 'ENOTCONN', 'no daemon is attached: attach without VEXFS_IPC_F_QUEUE first');
      return;
    }
    const queue = this.queues.add(port);
    if (queue === undefined) {
      this.reject(hdr, port, 'ENOSPC', `the daemon has ${Consts.MAX_QUEUES} queues`);
      return;
    }
    writeAttach(this.socket.outbox(port), this.to(hdr.seq), { protocolVersion: Consts.PROTOCOL_VERSION, maxInflight: this.maxPending, queue });
    this.ack(hdr, port);
  }

  /** A queue other than the daemon's first left: what it held goes to the others now. */
  private queueGone(port: number): void {
    if (!this.queues.remove(port)) return;
    this.resend([...this.pending.values()].filter((p) => p.queuePort === port));
  }

  private resend(held: Pending[]): void {
    for (const p of held) {
      p.req.flags |= Flags.RESENT;
      this.pending.counters.requestsResent++;
      this.sendRequest(p);
    }
  }

  private onResponse(hdr: NlHeader, port: number, res: EmbedResponse): void {
    const badFlags = flagsRefusal(res);
    if (badFlags !== undefined) return this.reject(hdr, port, badFlags.errno, badFlags.message);
    const p = this.pending.get(res.requestId);
    if (p === undefined) {
      this.pending.counters.responsesLate++;
      this.reject(hdr, port, 'ENOENT', `request ${res.requestId} is not pending`);
      return;
    }
    const refused = answerRefusal(res, p.req);
    if (refused !== undefined) return this.reject(hdr, port, refused.errno, refused.message);
    this.queues.answered(port);
    this.pending.finish(p, res.status, res);
    this.ack(hdr, port);
  }

  private ack(hdr: NlHeader, port: number): void {
    if (hdr.flags & NlmFlags.ACK) writeNlError(this.socket.outbox(port), hdr, 0, 0);
  }

  // Errors are always answered, as the kernel's netlink_rcv_skb does.
  private reject(hdr: NlHeader, port: number, errno: Parameters<typeof errnoValue>[0], message: string): void {
    if (port === 0) return;
    writeNlError(this.socket.outbox(port), hdr, errnoValue(errno), 0, message);
  }

  private invalid(err: DecodeError, port: number): void {
    this.pending.counters.messagesInvalid++;
    this.emit('invalid', err, port);
  }

  // ------------------------------------------------------------ daemon liveness

  private probe(): void {
    // A send to a closed port is refused; that is how the twin notices (the module has NETLINK_URELEASE).
    for (const port of this.queues.ports()) {
      writeHeartbeat(this.socket.outbox(port), this.to(), { requestId: this.nextId++, minPriority: undefined, inflight: this.pending.size });
    }
  }

  private daemonGone(): void {
    if (this.attached) this.detach('gone');
  }

  private detach(reason: 'detach' | 'gone'): void {
    const port = this.daemonPort;
    this.queues.stop();
    this.minPriority = 0;
    this.emit('detached', port, reason);
    if (this.pending.size === 0 || this.graceTimer !== undefined) return;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.attached) return;
      this.pending.failAll(Status.NO_DAEMON);
    }, this.graceMs);
    this.graceTimer.unref();
  }

  /** Fails everything in flight with NO_DAEMON and closes the socket. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeatTimer !== undefined) clearInterval(this.heartbeatTimer);
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    this.pending.close();
    this.conn.close();
  }
}
