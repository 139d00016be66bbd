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
 * requests for a grace period to re-send them to the next daemon.
 */
import { EventEmitter } from 'node:events';

import type { KernelCounters } from '../abi/counters.js';
import { Cmd, Consts, Flags, Status, checkSessionKey, vectorBytes } from '../abi/uapi.js';
import { ClosedError, DecodeError, InvalidArgumentError, NotAttachedError, QueueFullError, isErrnoException } from '../errors.js';
import { NetlinkConnection } from '../netlink/connection.js';
import { GENL_ID_CTRL, GenlOpFlags, MsgKind, NetlinkProtocol, NlmFlags } from '../netlink/constants.js';
import { readGetFamilyName, writeFamily, type FamilyInfo } from '../netlink/controller.js';
import { errnoValue, writeNlError } from '../netlink/extack.js';
import type { NlHeader } from '../netlink/message.js';
import { NetlinkSocket, type NetlinkSocketOptions } from '../netlink/socket.js';
import { decodeGenl } from '../protocol/decode.js';
import { type GenlAddress, writeAttach, writeCancel, writeEmbedRequest, writeGetStats, writeHeartbeat } from '../protocol/encode.js';
import type { EmbedRequest, EmbedResponse, VexfsMessage, StatsRecord } from '../protocol/messages.js';
import { DeadlineQueue } from '../util/deadlines.js';

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

export interface EmbedCall {
  input: Uint8Array;
  dimensions: number;
  dataType?: number;
  model?: string;
  priority?: number;
  /** 0 or absent: VEXFS_IPC_DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  uid?: number;
  pid?: number;
  /** The caller's session for sticky routing, 1 to 2^64-1 (0n or absent: none). */
  sessionKey?: bigint;
  /** Aborting cancels the request (as a fatal signal does in the module). */
  signal?: AbortSignal;
}

export interface EmbedResult {
  requestId: bigint;
  status: number;
  /** Present when status is SUCCESS: exactly vectorBytes(dimensions, dataType) bytes. */
  vector: Buffer | undefined;
  processingNs: bigint;
  serviceId: string | undefined;
}

export interface TwinStats extends KernelCounters {
  daemonPortId: number;
  /** The daemon's backpressure floor: requests below it fail OVERLOADED at once. */
  minPriority: number;
}

interface Pending {
  readonly req: EmbedRequest;
  readonly expiresAt: number;
  live: boolean;
  readonly resolve: (r: EmbedResult) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: (() => void) | undefined;
}

export interface KernelTwinEvents {
  attached: [portId: number];
  detached: [portId: number, reason: 'detach' | 'gone'];
  /** A malformed or unexpected message from a peer, answered with an error. */
  invalid: [err: DecodeError, portId: number];
}

export const TWIN_DEFAULT_FAMILY_ID = 0x7a;

const OPS = [Cmd.DAEMON_ATTACH, Cmd.DAEMON_DETACH, Cmd.EMBED_RESPONSE, Cmd.GET_STATS, Cmd.REPLY, Cmd.HEARTBEAT, Cmd.SERVICE_REVOKE].map((id) => ({
  id,
  flags: GenlOpFlags.CMD_CAP_DO | GenlOpFlags.CMD_CAP_HASPOL | (id === Cmd.GET_STATS ? 0 : GenlOpFlags.ADMIN_PERM),
}));

export class KernelTwin extends EventEmitter<KernelTwinEvents> {
  readonly family: FamilyInfo;
  private readonly conn: NetlinkConnection;
  private readonly socket: NetlinkSocket;
  private readonly maxPending: number;
  private readonly graceMs: number;
  // Keyed by Number(id): the twin's ids count up from 1 and stay far below 2^53.
  private readonly pending = new Map<number, Pending>();
  private readonly deadlines: DeadlineQueue<Pending>;
  private nextId = 1n;
  private daemonPort = 0;
  private minPriority = 0;
  private graceTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly counters = {
    requestsSubmitted: 0,
    requestsCompleted: 0,
    requestsFailed: 0,
    requestsTimedOut: 0,
    requestsCancelled: 0,
    requestsResent: 0,
    responsesLate: 0,
    messagesInvalid: 0,
  };

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
    this.family = {
      id: options.familyId ?? TWIN_DEFAULT_FAMILY_ID,
      name: Consts.GENL_NAME,
      version: Consts.GENL_VERSION,
      hdrSize: 0,
      maxAttr: Consts.A_MAX,
      ops: OPS,
      groups: [{ name: Consts.MCGRP_EVENTS, id: 1 }],
    };
    this.deadlines = new DeadlineQueue<Pending>(
      (p) => p.live,
      (p) => this.expire(p),
    );
    this.conn = new NetlinkConnection(this.socket);
    this.conn.onMessage((buf, hdr, port) => this.onMessage(buf, hdr, port));
    this.conn.onInvalid = (err, port) => this.invalid(err, port);
    this.socket.on('sendError', (err, dest) => {
      if (dest === this.daemonPort && isErrnoException(err, 'ECONNREFUSED')) this.daemonGone();
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

  stats(): TwinStats {
    return { ...this.counters, inflight: this.pending.size, daemonAttached: this.attached, daemonPortId: this.daemonPort, minPriority: this.minPriority };
  }

  /** Resolves once a daemon is attached. */
  waitForDaemon(timeoutMs = 5000): Promise<number> {
    if (this.attached) return Promise.resolve(this.daemonPort);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('attached', onAttach);
        reject(new NotAttachedError(`no daemon attached within ${timeoutMs} ms`));
      }, timeoutMs);
      const onAttach = (port: number) => {
        clearTimeout(timer);
        resolve(port);
      };
      this.once('attached', onAttach);
    });
  }

  /**
   * Sends one embedding request to the daemon, as vexfs_ipc_embed() does.
   * Resolves with the outcome (status SUCCESS and the vector, or why not);
   * rejects only when the request could not be issued: InvalidArgumentError
   * (-EINVAL), NotAttachedError (-ENOTCONN), QueueFullError (-EBUSY).
   */
  embed(call: EmbedCall): Promise<EmbedResult> {
    if (this.closed) return Promise.reject(new ClosedError('kernel twin'));
    let req: EmbedRequest;
    try {
      req = this.validate(call);
    } catch (err) {
      return Promise.reject(err);
    }
    if (!this.attached) return Promise.reject(new NotAttachedError());
    if (this.pending.size >= this.maxPending) {
      return Promise.reject(new QueueFullError('kernel twin pending table', this.maxPending));
    }
    this.counters.requestsSubmitted++;
    if (req.priority < this.minPriority) {
      this.counters.requestsFailed++;
      return Promise.resolve(result(req.requestId, Status.OVERLOADED));
    }
    return new Promise<EmbedResult>((resolve) => {
      const signal = call.signal;
      const pending: Pending = {
        req,
        expiresAt: performance.now() + req.timeoutMs,
        live: true,
        resolve,
        signal,
        onAbort: signal ? () => this.cancel(pending) : undefined,
      };
      if (signal?.aborted) {
        this.counters.requestsCancelled++;
        resolve(result(req.requestId, Status.CANCELLED));
        return;
      }
      if (pending.onAbort) signal?.addEventListener('abort', pending.onAbort, { once: true });
      this.pending.set(Number(req.requestId), pending);
      this.deadlines.add(pending, req.timeoutMs);
      this.sendRequest(req);
    });
  }

  private validate(call: EmbedCall): EmbedRequest {
    const dims = call.dimensions;
    if (!Number.isInteger(dims) || dims < 1 || dims > Consts.MAX_DIMENSIONS) {
      throw new InvalidArgumentError('dimensions', `${dims} is not an integer from 1 to ${Consts.MAX_DIMENSIONS}`);
    }
    const input = call.input;
    if (!(input instanceof Uint8Array) || input.length < 1 || input.length > Consts.MAX_INPUT_BYTES) {
      throw new InvalidArgumentError('input', `must be 1 to ${Consts.MAX_INPUT_BYTES} bytes`);
    }
    const dataType = call.dataType ?? 0;
    if (!Number.isInteger(dataType) || dataType < 0 || dataType > Consts.DTYPE_MAX) {
      throw new InvalidArgumentError('dataType', `${dataType} is not a data type (0 to ${Consts.DTYPE_MAX})`);
    }
    const priority = call.priority ?? 128;
    if (!Number.isInteger(priority) || priority < 0 || priority > 255) {
      throw new InvalidArgumentError('priority', `${priority} is not an integer from 0 to 255`);
    }
    const timeoutMs = call.timeoutMs || Consts.DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > Consts.MAX_TIMEOUT_MS) {
      throw new InvalidArgumentError('timeoutMs', `${timeoutMs} is not an integer from 1 to ${Consts.MAX_TIMEOUT_MS}`);
    }
    if (call.model !== undefined && (call.model.length < 1 || Buffer.byteLength(call.model) >= Consts.MAX_MODEL_LEN)) {
      throw new InvalidArgumentError('model', `must be 1 to ${Consts.MAX_MODEL_LEN - 1} bytes`);
    }
    const sessionKey = checkSessionKey(call.sessionKey);
    const requestId = this.nextId++;
    return {
      requestId,
      priority,
      timeoutMs,
      deadlineNs: process.hrtime.bigint() + BigInt(timeoutMs) * 1_000_000n,
      dimensions: dims,
      dataType,
      model: call.model,
      input,
      callerUid: call.uid ?? 0,
      callerPid: call.pid ?? process.pid,
      flags: 0,
      sessionKey,
    };
  }

  private to(seq = 0, flags = 0): GenlAddress {
    return { familyId: this.family.id, seq, portId: 0, flags };
  }

  private sendRequest(req: EmbedRequest): void {
    try {
      writeEmbedRequest(this.socket.outbox(this.daemonPort), this.to(), req);
    } catch (err) {
      // The daemon is not draining its socket: fail this request now.
      if (err instanceof QueueFullError) this.finish(this.pending.get(Number(req.requestId)), Status.OVERLOADED);
      else throw err;
    }
  }

  private finish(p: Pending | undefined, status: number, res?: EmbedResponse): void {
    if (p === undefined || !p.live) return;
    p.live = false;
    this.pending.delete(Number(p.req.requestId));
    this.deadlines.settled();
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    if (status === Status.SUCCESS) this.counters.requestsCompleted++;
    else this.counters.requestsFailed++;
    p.resolve(
      res
        ? {
            requestId: res.requestId,
            status: res.status,
            vector: res.vector && Buffer.from(res.vector.buffer, res.vector.byteOffset, res.vector.length),
            processingNs: res.processingNs,
            serviceId: res.serviceId,
          }
        : result(p.req.requestId, status),
    );
  }

  private expire(p: Pending): void {
    // Called by the deadline sweep, which already dropped p from its count.
    p.live = false;
    this.pending.delete(Number(p.req.requestId));
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    this.counters.requestsTimedOut++;
    this.counters.requestsFailed++;
    if (this.attached) writeCancel(this.socket.outbox(this.daemonPort), this.to(), { requestId: p.req.requestId, status: Status.TIMEOUT });
    p.resolve(result(p.req.requestId, Status.TIMEOUT));
  }

  private cancel(p: Pending): void {
    if (!p.live) return;
    this.counters.requestsCancelled++;
    if (this.attached) writeCancel(this.socket.outbox(this.daemonPort), this.to(), { requestId: p.req.requestId, status: Status.CANCELLED });
    this.finish(p, Status.CANCELLED);
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
    const isDaemon = port === this.daemonPort && port !== 0;
    switch (msg.cmd) {
      case Cmd.DAEMON_ATTACH:
        this.onAttach(hdr, port, msg.msg.protocolVersion);
        return;
      case Cmd.GET_STATS:
        writeGetStats(this.socket.outbox(port), this.to(hdr.seq), { requestId: undefined, stats: this.statsRecord() });
        this.ack(hdr, port);
        return;
      default:
        break;
    }
    if (!isDaemon) {
      this.reject(hdr, port, 'ENOTCONN', 'sender is not the attached daemon');
      return;
    }
    switch (msg.cmd) {
      case Cmd.DAEMON_DETACH:
        this.ack(hdr, port);
        this.detach('detach');
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
    let name: string;
    try {
      name = readGetFamilyName(buf, hdr);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      this.reject(hdr, port, 'EINVAL', err.message);
      return;
    }
    if (name !== this.family.name) {
      this.reject(hdr, port, 'ENOENT', `family ${name} is not registered`);
      return;
    }
    writeFamily(this.socket.outbox(port), hdr.seq, 0, this.family);
    this.ack(hdr, port);
  }

  private onAttach(hdr: NlHeader, port: number, version: number): void {
    if (version !== Consts.PROTOCOL_VERSION) {
      this.reject(hdr, port, 'EPROTONOSUPPORT', `protocol version ${version}, expected ${Consts.PROTOCOL_VERSION}`);
      return;
    }
    if (this.daemonPort !== 0 && this.daemonPort !== port) {
      this.reject(hdr, port, 'EBUSY', `a daemon is attached at port ${this.daemonPort}`);
      return;
    }
    const fresh = this.daemonPort !== port;
    this.daemonPort = port;
    this.minPriority = 0;
    if (this.graceTimer !== undefined) {
      clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
    }
    writeAttach(this.socket.outbox(port), this.to(hdr.seq), { protocolVersion: Consts.PROTOCOL_VERSION, maxInflight: this.maxPending });
    this.ack(hdr, port);
    if (!fresh) return;
    // Requests left by a previous daemon go to this one.
    for (const p of this.pending.values()) {
      p.req.flags |= Flags.RESENT;
      this.counters.requestsResent++;
      this.sendRequest(p.req);
    }
    this.emit('attached', port);
  }

  private onResponse(hdr: NlHeader, port: number, res: EmbedResponse): void {
    const p = this.pending.get(Number(res.requestId));
    if (p === undefined) {
      this.counters.responsesLate++;
      this.reject(hdr, port, 'ENOENT', `request ${res.requestId} is not pending`);
      return;
    }
    if (res.status === Status.SUCCESS) {
      const expected = vectorBytes(p.req.dimensions, p.req.dataType);
      if (res.vector === undefined) {
        this.reject(hdr, port, 'EINVAL', 'VECTOR is required with status SUCCESS');
        return;
      }
      if (res.vector.length !== expected) {
        this.reject(hdr, port, 'EMSGSIZE', `VECTOR is ${res.vector.length} bytes, expected ${expected}`);
        return;
      }
    }
    this.finish(p, res.status, res);
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
    this.counters.messagesInvalid++;
    this.emit('invalid', err, port);
  }

  // ------------------------------------------------------------ daemon liveness

  private probe(): void {
    if (!this.attached) return;
    // A send to a closed port is refused; that is how the twin notices.
    writeHeartbeat(this.socket.outbox(this.daemonPort), this.to(), { requestId: this.nextId++, minPriority: undefined, inflight: this.pending.size });
  }

  private daemonGone(): void {
    if (this.attached) this.detach('gone');
  }

  private detach(reason: 'detach' | 'gone'): void {
    const port = this.daemonPort;
    this.daemonPort = 0;
    this.minPriority = 0;
    this.emit('detached', port, reason);
    if (this.pending.size === 0 || this.graceTimer !== undefined) return;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.attached) return;
      for (const p of [...this.pending.values()]) this.finish(p, Status.NO_DAEMON);
    }, this.graceMs);
    this.graceTimer.unref();
  }

  private statsRecord(): StatsRecord {
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

  /** Fails everything in flight with NO_DAEMON and closes the socket. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.heartbeatTimer !== undefined) clearInterval(this.heartbeatTimer);
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    for (const p of [...this.pending.values()]) this.finish(p, Status.NO_DAEMON);
    this.deadlines.clear();
    this.conn.close();
  }
}

function result(requestId: bigint, status: number): EmbedResult {
  return { requestId, status, vector: undefined, processingNs: 0n, serviceId: undefined };
}
